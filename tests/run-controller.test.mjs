// The run controller without a browser: a pretend run whose updates cost a known time on a
// pretend clock, so that what a frame may do is exact, not timed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAME_BUDGET_MS, FrameLoop, MAX_SPEED, RateMeter, RunController, STOPPED, trainWithin } from '../www/js/run-controller.js';

/** A clock read by everything in one test; updates move it on. */
function pretendTime() {
  const time = { now: 0, reads: 0 };
  time.clock = () => {
    time.reads++;
    return time.now;
  };
  return time;
}

/** A run whose update number i costs `cost(i)` ms; it diverges at `divergesAt`, if given. */
function pretendRun(time, { cost = () => 1, divergesAt = Infinity, updatesPerEpoch = 25 } = {}) {
  return {
    iteration: 0,
    recorded: 0,
    stepUnmeasured(n) {
      let made = 0;
      while (made < n && this.iteration < divergesAt) {
        time.now += cost(this.iteration);
        this.iteration++;
        made++;
      }
      return made;
    },
    recordMetrics() {
      this.recorded++;
    },
    progress() {
      return [this.iteration, Math.floor(this.iteration / updatesPerEpoch)];
    },
  };
}

test('a frame of slow updates stops when its budget is spent, overshooting by less than one update', () => {
  for (const cost of [0.05, 0.7, 3, 7, 20, 200]) {
    const time = pretendTime();
    const run = pretendRun(time, { cost: () => cost });
    const { updates, diverged } = trainWithin(run, 1_000_000, 8, time.clock);
    assert.equal(diverged, false);
    assert.ok(updates >= 1, 'at least one update a frame');
    assert.ok(time.now < 8 + cost, `cost ${cost}: ${updates} updates took ${time.now} ms`);
    // The budget is used, not wasted: the next update would have passed it.
    assert.ok(time.now + cost >= 8, `cost ${cost}: stopped early at ${time.now} ms`);
  }
});

test('the whole data set is measured every frame when cheap, and within a fifth of the time when not', () => {
  for (const [measureMs, everyFrame] of [[0.05, true], [12, false]]) {
    const time = pretendTime();
    const run = pretendRun(time, { cost: () => 0.01 });
    run.recordMetrics = function () {
      time.now += measureMs;
      this.recorded++;
    };
    const controller = new RunController({ playground: () => run, clock: time.clock, loop: null });
    controller.configure({ speed: MAX_SPEED });
    controller.setPlaying(true);
    const frames = 300;
    for (let f = 0; f < frames; f++) {
      controller.train(run, 6);
      time.now += 4; // painting
    }
    if (everyFrame) assert.equal(run.recorded, frames);
    else {
      assert.ok(run.recorded >= 10, `${run.recorded} measurements`);
      assert.ok(run.recorded * measureMs <= 0.21 * time.now, `${run.recorded} measurements of ${measureMs} ms in ${time.now} ms`);
    }
  }
});

test('updates of uneven cost stay within the budget plus two of the slowest', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let trial = 0; trial < 200; trial++) {
    const base = 0.001 + random() * 2;
    const costs = new Map();
    const cost = (i) => {
      if (!costs.has(i)) costs.set(i, base * (0.5 + random()));
      return costs.get(i);
    };
    const time = pretendTime();
    const run = pretendRun(time, { cost });
    const budget = 2 + random() * 14;
    trainWithin(run, 1_000_000, budget, time.clock);
    assert.ok(time.now <= budget + 3 * base, `trial ${trial}: ${time.now} ms for a budget of ${budget}`);
  }
});

test('a coarse clock (1 ms steps, as some browsers give) still keeps the budget', () => {
  for (const cost of [0.0005, 0.01, 0.3]) {
    const time = pretendTime();
    const coarse = () => Math.floor(time.clock());
    const run = pretendRun(time, { cost: () => cost });
    const { updates } = trainWithin(run, 1_000_000, 8, coarse);
    assert.ok(time.now <= 8 + 2, `cost ${cost}: ${time.now} ms`);
    assert.ok(updates * cost >= 4, `cost ${cost}: only ${updates} updates`);
    assert.ok(time.reads < 60, `cost ${cost}: the clock was read ${time.reads} times`);
  }
});

test('the speed caps a frame, and so does the stop iteration', () => {
  const time = pretendTime();
  const run = pretendRun(time, { cost: () => 0.001 });
  const controller = new RunController({ playground: () => run, clock: time.clock, loop: null });
  controller.configure({ speed: 100, stopAt: 250 });
  controller.setPlaying(true);
  assert.deepEqual(controller.train(run, 8), { updates: 100, stopped: null });
  assert.deepEqual(controller.train(run, 8), { updates: 100, stopped: null });
  assert.deepEqual(controller.train(run, 8), { updates: 50, stopped: STOPPED.finished });
  assert.equal(controller.playing, false);
  assert.equal(run.iteration, 250);
  // Play again at the end: the run starts over.
  let restarted = false;
  controller.toggle(() => {
    restarted = true;
    run.iteration = 0;
  });
  assert.ok(restarted && controller.playing);
});

test('"max" trains as much as the budget allows', () => {
  const time = pretendTime();
  const run = pretendRun(time, { cost: () => 0.002 });
  const controller = new RunController({ playground: () => run, clock: time.clock, loop: null });
  controller.configure({ speed: MAX_SPEED, stopAt: 0 });
  controller.setPlaying(true);
  const { updates } = controller.train(run, 8);
  assert.ok(updates >= 3000 && updates <= 4001, `${updates} updates`);
});

test('a diverging run pauses and says so', () => {
  const time = pretendTime();
  const run = pretendRun(time, { cost: () => 0.01, divergesAt: 37 });
  const seen = [];
  const controller = new RunController({ playground: () => run, clock: time.clock, loop: null, onPlayingChange: (p) => seen.push(p) });
  controller.configure({ speed: 1000 });
  controller.setPlaying(true);
  assert.deepEqual(controller.train(run, 8), { updates: 37, stopped: STOPPED.diverged });
  assert.equal(controller.playing, false);
  assert.deepEqual(seen, [true, false]);
});

test('the achieved rate is what was trained per second of the clock', () => {
  const meter = new RateMeter();
  assert.equal(meter.rate, null);
  for (let frame = 0; frame <= 120; frame++) meter.add(frame * (1000 / 60), frame * 500, frame * 20);
  const { updates, epochs } = meter.rate;
  assert.ok(Math.abs(updates - 30_000) < 1e-6, `${updates}`);
  assert.ok(Math.abs(epochs - 1200) < 1e-6, `${epochs}`);
  // Only the last second counts.
  for (let frame = 121; frame <= 240; frame++) meter.add(frame * (1000 / 60), 120 * 500 + (frame - 120) * 50, 0);
  assert.ok(Math.abs(meter.rate.updates - 3000) < 1e-6, `${meter.rate.updates}`);
});

test('controllers on one page share one frame budget', () => {
  const time = pretendTime();
  let frames = [];
  const loop = new FrameLoop((f) => frames.push(f));
  const runs = [0.05, 0.2, 1].map((cost) => pretendRun(time, { cost: () => cost }));
  const painted = [];
  const controllers = runs.map((run, i) => new RunController({ playground: () => run, clock: time.clock, loop, onFrame: ({ trained }) => painted.push([i, trained]) }));
  for (const c of controllers) {
    c.configure({ speed: MAX_SPEED });
    c.attach();
  }
  controllers[0].setPlaying(true);
  controllers[1].setPlaying(true);
  // One frame: the two playing runs split the budget; the paused one trains nothing.
  const start = time.now;
  const tick = frames.pop();
  frames = [];
  tick();
  assert.ok(time.now - start <= FRAME_BUDGET_MS + 0.2 + 0.05, `${time.now - start} ms`);
  assert.ok(runs[0].iteration > 0 && runs[1].iteration > 0 && runs[2].iteration === 0);
  assert.deepEqual(painted.map(([i]) => i), [0, 1, 2]);
  assert.equal(frames.length, 1, 'the next frame is asked for');
  // A controller that cannot train now (an element out of view) waits, and gives its share back.
  const hidden = new RunController({ playground: () => runs[2], clock: time.clock, loop, canTrain: () => false });
  hidden.setPlaying(true);
  hidden.attach();
  const before = runs[2].iteration;
  frames.pop()();
  assert.equal(runs[2].iteration, before);
});

test('late frames shrink the training budget, frames on time let it grow back', () => {
  const time = pretendTime();
  const frames = [];
  const loop = new FrameLoop((f) => frames.push(f));
  const run = pretendRun(time, { cost: () => 0.01 });
  const controller = new RunController({ playground: () => run, clock: time.clock, loop });
  controller.configure({ speed: MAX_SPEED });
  controller.setPlaying(true);
  controller.attach();
  const trainedIn = (gap, count) => {
    let stamp = 0;
    let used = 0;
    for (let f = 0; f < count; f++) {
      const start = time.now;
      frames.pop()((stamp += gap));
      used = time.now - start;
    }
    return used;
  };
  assert.ok(Math.abs(trainedIn(16.7, 10) - FRAME_BUDGET_MS) < 0.1);
  const late = trainedIn(25, 40);
  assert.ok(late < 2.1, `still ${late} ms a frame while frames come 25 ms apart`);
  assert.ok(late >= 1.9, 'never below the least budget');
  assert.ok(Math.abs(trainedIn(16.7, 40) - FRAME_BUDGET_MS) < 0.1, 'back to the whole budget');
  // A long gap (a hidden tab coming back) changes nothing.
  assert.ok(Math.abs(trainedIn(5000, 3) - FRAME_BUDGET_MS) < 0.1);
});

test('an error in a frame pauses the run and the loop goes on', () => {
  const time = pretendTime();
  const frames = [];
  const loop = new FrameLoop((f) => frames.push(f));
  const errors = [];
  const run = pretendRun(time);
  run.stepUnmeasured = () => {
    throw new Error('boom');
  };
  const controller = new RunController({ playground: () => run, clock: time.clock, loop, onError: (e) => errors.push(e.message) });
  controller.setPlaying(true);
  controller.attach();
  frames.pop()();
  assert.deepEqual(errors, ['boom']);
  assert.equal(controller.playing, false);
  assert.equal(frames.length, 1, 'the next frame is still asked for');
});

test('a speed below one update a frame saves frames up: 0.05 makes an update every twentieth frame', () => {
  const time = pretendTime();
  const runs = pretendRun(time);
  const controller = new RunController({ playground: () => runs, clock: time.clock, loop: null });
  controller.configure({ speed: 0.05 });
  controller.setPlaying(true);
  const made = [];
  for (let frame = 0; frame < 100; frame++) made.push(controller.train(runs, FRAME_BUDGET_MS).updates);
  assert.equal(made.reduce((a, b) => a + b, 0), 5);
  assert.deepEqual(made.map((n, i) => (n ? i : -1)).filter((i) => i >= 0), [19, 39, 59, 79, 99]);
});
