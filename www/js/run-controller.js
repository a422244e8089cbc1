// The one owner of a run's motion, for the page and for every <neuranim-playground>: playing
// or paused, the speed, the stop iteration, divergence, and how long a frame may train.
//
// Training shares the main thread with painting, so a frame trains until the speed is
// reached or its time budget is spent, whichever comes first: the page stays at the display's
// rate at any setting, and "max" trains as fast as the budget allows. Every controller on a
// page is driven by one animation-frame loop that splits one budget among those playing, so
// that several figures on a page together take no more than one would. A frame only runs
// while the tab is shown (browsers stop animation frames in hidden tabs), and it never tries
// to catch up on frames it missed.

/** Speed's value for "as fast as the budget allows". */
export const MAX_SPEED = 'max';
/** Milliseconds of training per frame, for all controllers together: with the painting after
 * it, a frame still fits the 16.7 ms of a 60 Hz display on a 2-core laptop. When painting
 * takes longer (a deep network's graph), frames come late and the budget shrinks towards
 * the least, until they come on time again. */
export const FRAME_BUDGET_MS = 6;
const LEAST_BUDGET_MS = 2;
/** Frames further apart than this are late; closer than the second, on time with room. */
const LATE_MS = 17.5;
const ON_TIME_MS = 17;
/** Updates per frame at "max": more than any budget lets through. */
const MAX_UPDATES = 1_000_000;
/** Over how long the achieved rate is averaged. */
const RATE_WINDOW_MS = 1000;
/** The most of its time a run spends measuring the whole data set (the chart's points and
 * the readouts): a deep network's measurement costs more than a frame's updates, so it is
 * made every few frames instead of every one. */
const MEASURE_SHARE = 0.2;

/** Why a run stopped by itself. */
export const STOPPED = { diverged: 'diverged', finished: 'finished' };

/** `playground` needs `stepUnmeasured(n)` (updates made, fewer when diverged). Returns the
 * updates made in at most about `budgetMs` of `clock` time (at least one), and whether
 * training diverged. */
export function trainWithin(playground, wanted, budgetMs, clock) {
  const start = clock();
  let done = 0;
  let chunk = 1;
  let diverged = false;
  while (done < wanted) {
    const n = Math.min(chunk, wanted - done);
    const made = playground.stepUnmeasured(n);
    done += made;
    if (made < n) {
      diverged = true;
      break;
    }
    const elapsed = clock() - start;
    if (elapsed >= budgetMs) break;
    // Half of what is left at the rate measured so far: the chunks close in on the budget
    // and overshoot it by a fraction of one update's time, however slow updates are. A clock
    // too coarse to have moved yet doubles the chunk instead.
    chunk = elapsed > 0 ? Math.max(1, Math.floor(((budgetMs - elapsed) * done) / elapsed / 2)) : chunk * 2;
  }
  return { updates: done, diverged };
}

/** Updates per second and epochs per second over the last second of training. */
export class RateMeter {
  constructor() {
    this.samples = [];
  }

  clear() {
    this.samples = [];
  }

  add(time, iteration, epochs) {
    this.samples.push({ time, iteration, epochs });
    while (this.samples.length > 2 && time - this.samples[1].time >= RATE_WINDOW_MS) this.samples.shift();
  }

  /** { updates, epochs } per second, or null before there is a span to measure. */
  get rate() {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || last.time - first.time < 100) return null;
    const seconds = (last.time - first.time) / 1000;
    return { updates: (last.iteration - first.iteration) / seconds, epochs: (last.epochs - first.epochs) / seconds };
  }
}

/** One loop of animation frames for every controller on the page. */
export class FrameLoop {
  /** `schedule(callback)` asks for the next frame (requestAnimationFrame; a test's own). */
  constructor(schedule) {
    this.controllers = new Set();
    this.scheduled = false;
    this.requestFrame = schedule;
    this.tick = this.tick.bind(this);
    this.budget = FRAME_BUDGET_MS;
    this.last = null;
  }

  /** Shrinks the budget while frames come late, and lets it grow back while they are on
   * time. A gap of more than a few frames (a hidden tab, a pause) says nothing of either. */
  adapt(time) {
    const gap = time === undefined || this.last === null ? null : time - this.last;
    this.last = time ?? null;
    if (gap === null || gap > 4 * LATE_MS) return;
    if (gap > LATE_MS) this.budget = Math.max(LEAST_BUDGET_MS, this.budget - 0.5);
    else if (gap < ON_TIME_MS) this.budget = Math.min(FRAME_BUDGET_MS, this.budget + 0.25);
  }

  add(controller) {
    this.controllers.add(controller);
    this.schedule();
  }

  remove(controller) {
    this.controllers.delete(controller);
  }

  schedule() {
    if (this.scheduled || !this.controllers.size) return;
    this.scheduled = true;
    this.requestFrame(this.tick);
  }

  tick(time) {
    this.scheduled = false;
    // The next frame is asked for first: nothing a frame throws can stop the loop.
    this.schedule();
    this.adapt(time);
    const all = [...this.controllers];
    const training = all.filter((c) => c.wantsToTrain());
    const share = this.budget / Math.max(1, training.length);
    for (const controller of all) controller.frame(training.includes(controller) ? share : 0);
  }
}

const pageLoop = typeof requestAnimationFrame === 'function' ? new FrameLoop((f) => requestAnimationFrame(f)) : null;

export class RunController {
  /**
   * `playground()` returns the run to train (with `stepUnmeasured`, `recordMetrics` and
   * `progress`), or null; `onFrame({ trained, stopped })` is called every animation frame
   * after training (`trained`: updates made this frame;
   * `stopped`: a STOPPED reason when the run stopped by itself this frame);
   * `canTrain()` says whether training may run now (an element scrolled out of view says no);
   * `onPlayingChange(playing)` follows play and pause; `onError(error)` hears what a frame
   * threw. `clock` and `loop` (a FrameLoop) are for tests.
   */
  constructor({ playground, onFrame = () => {}, canTrain = () => true, onPlayingChange = () => {}, onError = (e) => console.error(e), clock = () => performance.now(), loop = pageLoop }) {
    this.hooks = { playground, onFrame, canTrain, onPlayingChange, onError };
    this.loop = loop;
    this.clock = clock;
    this.playing = false;
    this.speed = 10;
    this.stopAt = 0;
    this.meter = new RateMeter();
    this.measureMs = 0;
    this.measuredAt = -Infinity;
  }

  /** Starts receiving animation frames. */
  attach() {
    this.loop?.add(this);
  }

  detach() {
    this.loop?.remove(this);
  }

  /** `speed`: updates per frame, or MAX_SPEED; `stopAt`: the iteration to stop at (0: never). */
  configure({ speed = this.speed, stopAt = this.stopAt }) {
    this.speed = speed;
    this.stopAt = stopAt;
  }

  setPlaying(playing) {
    if (playing === this.playing) return;
    this.playing = playing;
    this.meter.clear();
    this.hooks.onPlayingChange(playing);
  }

  /** Play, or pause; a run that reached its stop iteration starts again from `restart()`. */
  toggle(restart) {
    const playground = this.hooks.playground();
    if (!this.playing && playground && this.finished(playground) && restart) restart();
    this.setPlaying(!this.playing);
  }

  finished(playground) {
    return this.reachedStop(playground.progress()[0]);
  }

  reachedStop(iteration) {
    return this.stopAt > 0 && iteration >= this.stopAt;
  }

  /** Updates this frame may make at most: the speed, never past the stop iteration. */
  wanted(iteration) {
    let speed = this.speed === MAX_SPEED ? MAX_UPDATES : this.speed;
    if (speed < 1) {
      // Slower than an update a frame: frames save up until a whole update is due.
      this.credit = (this.credit ?? 0) + speed;
      speed = Math.floor(this.credit + 1e-9);
      this.credit -= speed;
    }
    return this.stopAt > 0 ? Math.max(0, Math.min(speed, this.stopAt - iteration)) : speed;
  }

  wantsToTrain() {
    return this.playing && this.hooks.playground() !== null && this.hooks.canTrain();
  }

  /** One animation frame: trains within `budgetMs` if playing, then lets the owner paint. */
  frame(budgetMs) {
    try {
      let trained = 0;
      let stopped = null;
      const playground = this.hooks.playground();
      if (budgetMs > 0 && playground) {
        const result = this.train(playground, budgetMs);
        trained = result.updates;
        stopped = result.stopped;
      }
      this.hooks.onFrame({ trained, stopped });
    } catch (error) {
      // The run pauses and says why; the loop goes on, so Reset or a new setting recovers.
      this.setPlaying(false);
      this.hooks.onError(error);
    }
  }

  /** One frame's training; exposed for tests. */
  train(playground, budgetMs) {
    const [iteration] = playground.progress();
    const wanted = this.wanted(iteration);
    let result = { updates: 0, diverged: false };
    // A measurement comes out of the frame's budget, so that the frame that makes it is no
    // longer than the others.
    const measured = this.measure(playground);
    if (wanted > 0) result = trainWithin(playground, wanted, Math.max(0, budgetMs - measured), this.clock);
    const [now, epochs] = playground.progress();
    this.meter.add(this.clock(), now, epochs);
    let stopped = null;
    if (result.diverged) stopped = STOPPED.diverged;
    else if (this.reachedStop(now)) stopped = STOPPED.finished;
    if (stopped) this.setPlaying(false);
    return { updates: result.updates, stopped };
  }

  /** Records the metrics of the live parameters, when that keeps measuring within its share
   * of the time; returns the milliseconds it took. `playground` needs `recordMetrics()`. */
  measure(playground) {
    const start = this.clock();
    if (start - this.measuredAt < this.measureMs / MEASURE_SHARE) return 0;
    playground.recordMetrics();
    this.measuredAt = this.clock();
    const ms = this.measuredAt - start;
    this.measureMs = this.measureMs ? 0.7 * this.measureMs + 0.3 * ms : ms;
    return ms;
  }

  /** What training achieves, for showing beside the speed: { updates, epochs } per second. */
  get rate() {
    return this.playing ? this.meter.rate : null;
  }
}

/** "12,300 updates/s · 49 epochs/s", or '' when there is nothing to say. */
export function describeRate(rate) {
  if (!rate) return '';
  const number = (v) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(2));
  return `${number(rate.updates)} updates/s · ${number(rate.epochs)} epochs/s`;
}
