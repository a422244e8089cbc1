// The cost chart's pure helpers: round ticks, labels, scales and the envelope tracer, without
// a browser.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { project, traceBand, traceMiddle } from '../www/js/chart.js';
import { formatIteration, formatTick, linearTicks, logTicks, niceStep, scale } from '../www/js/ticks.js';

const isRound = (v) => {
  if (v === 0) return true;
  const mantissa = Math.abs(v) / 10 ** Math.floor(Math.log10(Math.abs(v)) + 1e-9);
  return [1, 2, 5].some((m) => Math.abs(mantissa / m - Math.round(mantissa / m)) < 1e-9);
};

function seeded(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** A path that remembers every point it was given. */
function recorder() {
  const points = [];
  return {
    points,
    moveTo: (x, y) => points.push(['move', x, y]),
    lineTo: (x, y) => points.push(['line', x, y]),
  };
}

test('steps are 1, 2 or 5 times a power of ten', () => {
  const random = seeded(1);
  for (let i = 0; i < 1000; i++) {
    const span = 10 ** (random() * 20 - 10);
    const count = 2 + Math.floor(random() * 10);
    const step = niceStep(span, count);
    assert.ok(isRound(step), `${step}`);
    assert.ok(step >= span / count && step <= (span / count) * 5.0001, `${span} / ${count} → ${step}`);
  }
});

test('linear ticks are round, evenly spaced and cover the data', () => {
  const random = seeded(2);
  for (let i = 0; i < 1000; i++) {
    const lo = (random() - 0.3) * 10 ** (random() * 8 - 4);
    const hi = lo + random() * 10 ** (random() * 8 - 4);
    const { ticks, step, lo: from, hi: to } = linearTicks(lo, hi);
    assert.ok(from <= lo && to >= hi, `[${lo}, ${hi}] in [${from}, ${to}]`);
    assert.ok(ticks.length >= 2 && ticks.length <= 12, `${ticks.length} ticks`);
    for (let k = 1; k < ticks.length; k++) assert.ok(Math.abs(ticks[k] - ticks[k - 1] - step) <= step * 1e-6);
    for (const t of ticks) assert.ok(Math.abs(t / step - Math.round(t / step)) < 1e-6, `${t} is a multiple of ${step}`);
  }
});

test('a flat line still gets an axis', () => {
  const { ticks, lo, hi } = linearTicks(0.7, 0.7);
  assert.ok(lo < 0.7 && hi > 0.7 && ticks.length >= 2);
  assert.deepEqual(linearTicks(0, 0).ticks.includes(0), true);
});

test('log ticks cover the data with whole decades', () => {
  const random = seeded(3);
  for (let i = 0; i < 500; i++) {
    const lo = 10 ** (random() * 20 - 15);
    const hi = lo * 10 ** (random() * 12);
    const { ticks, lo: from, hi: to } = logTicks(lo, hi);
    assert.ok(from <= lo * (1 + 1e-12) && to >= hi * (1 - 1e-12), `[${lo}, ${hi}] in [${from}, ${to}]`);
    assert.ok(ticks.length >= 2 && ticks.length <= 10, `${ticks}`);
    assert.ok(ticks.every(isRound), `${ticks}`);
    assert.ok(Math.abs(Math.log10(from) - Math.round(Math.log10(from))) < 1e-12, `${from}`);
  }
  assert.deepEqual(logTicks(0.2, 0.69).ticks, [0.1, 0.2, 0.5, 1]);
  assert.deepEqual(logTicks(1e-4, 0.7).ticks, [0.0001, 0.001, 0.01, 0.1, 1]);
});

test('labels read as people write numbers', () => {
  assert.deepEqual([0, 0.2, 0.4].map((t) => formatTick(t, 0.2)), ['0', '0.2', '0.4']);
  assert.deepEqual([0.05, 0.1].map((t) => formatTick(t, 0.05)), ['0.05', '0.10']);
  assert.deepEqual([1e-5, 2e-5, 1, 150000].map((t) => formatTick(t)), ['1e-5', '2e-5', '1', '1.5e5']);
  assert.deepEqual([0, 2500, 10000, 12500, 3_000_000].map(formatIteration), ['0', '2500', '10k', '12.5k', '3M']);
});

test('scales map the domain onto the range, and log scales nothing at or below zero', () => {
  const linear = scale(0, 10, 100, 0);
  assert.equal(linear(0), 100);
  assert.equal(linear(10), 0);
  assert.equal(linear(2.5), 75);
  const log = scale(0.01, 1, 200, 0, true);
  assert.ok(Math.abs(log(0.1) - 100) < 1e-9);
  assert.ok(Number.isNaN(log(0)) && Number.isNaN(log(-1)));
});

test('the tracers never paint a non-finite value', () => {
  const random = seeded(4);
  const specials = [NaN, Infinity, -Infinity, 0, -1];
  for (let i = 0; i < 200; i++) {
    const buckets = 1 + Math.floor(random() * 300);
    const envelope = new Float64Array(2 * buckets);
    for (let b = 0; b < buckets; b++) {
      const pick = () => (random() < 0.2 ? specials[Math.floor(random() * specials.length)] : random());
      const [a, z] = [pick(), pick()];
      envelope[2 * b] = Math.min(a, z);
      envelope[2 * b + 1] = Math.max(a, z);
    }
    const pixels = project(envelope, scale(0.01, 1, 100, 0, true));
    const band = recorder();
    const middle = recorder();
    const drawn = traceBand(band, pixels, 10);
    assert.equal(traceMiddle(middle, pixels, 10), drawn);
    for (const [, x, y] of [...band.points, ...middle.points]) assert.ok(Number.isFinite(x) && Number.isFinite(y));
    assert.equal(band.points.length, 2 * drawn);
    assert.equal(middle.points.length, drawn);
    if (drawn > 0) assert.equal(middle.points.filter(([op]) => op === 'move').length, 1);
  }
});

test('a bucket with one end off a log scale is drawn at the other end', () => {
  const pixels = project([0, 1, NaN, NaN, 0.1, 0.1], scale(0.01, 1, 100, 0, true));
  assert.deepEqual([...pixels].map((v) => (Number.isNaN(v) ? 'NaN' : Math.round(v))), [0, 0, 'NaN', 'NaN', 50, 50]);
});

test('each bucket sits in its own pixel column; the line runs on across empty ones', () => {
  const pixels = project([10, 20, NaN, NaN, 5, 5, 30, 40], (v) => 100 - v);
  const middle = recorder();
  assert.equal(traceMiddle(middle, pixels, 0), 3);
  assert.deepEqual(middle.points, [['move', 0.5, 85], ['line', 2.5, 95], ['line', 3.5, 65]]);
  const band = recorder();
  traceBand(band, pixels, 0);
  assert.deepEqual(band.points, [
    ['move', 0.5, 80], ['line', 2.5, 95], ['line', 3.5, 60],
    ['line', 3.5, 70], ['line', 2.5, 95], ['line', 0.5, 90],
  ]);
});
