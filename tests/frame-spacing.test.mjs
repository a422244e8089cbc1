// Where an animation's frames fall: evenly, logarithmically, or where the cost changes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameIterations } from '../www/js/gif-encode.js';

const increasing = (list) => list.every((v, i) => i === 0 || v > list[i - 1]);

test('every spacing gives whole, increasing iterations from the first to the last', () => {
  for (const spacing of ['even', 'log', 'change']) {
    for (const [from, to, count] of [[0, 10000, 200], [100, 500, 12], [0, 5, 20], [7, 8, 2]]) {
      const frames = frameIterations(from, to, count, spacing, (i) => Math.exp(-i / 300));
      assert.equal(frames[0], from, spacing);
      assert.equal(frames.at(-1), to, spacing);
      assert.equal(frames.length, Math.min(count, to - from + 1), spacing);
      assert.ok(increasing(frames) && frames.every(Number.isInteger), `${spacing}: ${frames}`);
    }
  }
});

test('logarithmic and cost-following spacing give the early learning most frames', () => {
  // The course's cost falls most in its first few hundred iterations of 10,000.
  const cost = (i) => 0.25 + 0.45 * Math.exp(-i / 300);
  const early = (frames) => frames.filter((i) => i < 1000).length;
  const even = frameIterations(0, 10000, 200, 'even');
  const log = frameIterations(0, 10000, 200, 'log');
  const change = frameIterations(0, 10000, 200, 'change', cost);
  assert.equal(early(even), 20);
  assert.ok(early(log) > 100, `${early(log)} of 200 frames before 1,000 (log)`);
  assert.ok(early(change) > 150, `${early(change)} of 200 frames before 1,000 (change)`);
  // A cost that does not move leaves frames even.
  assert.deepEqual(frameIterations(0, 1000, 11, 'change', () => 0.5), frameIterations(0, 1000, 11, 'even'));
});
