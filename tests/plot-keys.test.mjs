// Choosing points from the keyboard: each arrow goes to the nearest point that way.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextPoint } from '../www/js/plot-keys.js';

const RIGHT = [1, 0];
const LEFT = [-1, 0];
const UP = [0, 1];
const DOWN = [0, -1];

test('an arrow goes to the nearest point within 45° of its way, and nowhere when none lies that way', () => {
  // A plus sign of points around the origin, and one far off on a diagonal.
  const points = [[0, 0], [1, 0], [2, 0], [-1, 0], [0, 1], [0, -1], [3, 2.9]];
  const square = [-4, 4, -4, 4];
  assert.equal(nextPoint(points, [0, 0], RIGHT, square), 1);
  assert.equal(nextPoint(points, [0, 0], LEFT, square), 3);
  assert.equal(nextPoint(points, [0, 0], UP, square), 4);
  assert.equal(nextPoint(points, [0, 0], DOWN, square), 5);
  assert.equal(nextPoint(points, [1, 0], RIGHT, square), 2);
  // From (2, 0), (3, 2.9) lies at 71° from the right: not that way, but upwards.
  assert.equal(nextPoint(points, [2, 0], RIGHT, square), -1);
  assert.equal(nextPoint(points, [2, 0], UP, square), 6);
  assert.equal(nextPoint(points, [-1, 0], LEFT, square), -1);
  // Without a way, the nearest of all: the first arrow starts from the centre.
  assert.equal(nextPoint(points, [0.4, 0.3], null, square), 0);
});

test('distances are measured as the plot draws them: each axis over its own range', () => {
  // Where x1 spans 8 and x2 spans 2, (1, 0.2) lies 0.16 of the plot's side away and (0, 0.5)
  // 0.25; where x1 spans 2 and x2 spans 8, 0.5 against 0.0625.
  const points = [[1, 0.2], [0, 0.5]];
  assert.equal(nextPoint(points, [0, 0], RIGHT, [-4, 4, -1, 1]), 0);
  assert.equal(nextPoint(points, [0, 0], null, [-4, 4, -1, 1]), 0);
  assert.equal(nextPoint(points, [0, 0], null, [-1, 1, -4, 4]), 1);
  assert.equal(nextPoint(points, [0, 0], RIGHT, [-1, 1, -4, 4]), 0);
  assert.equal(nextPoint(points, [0, 0], UP, [-4, 4, -1, 1]), 1);
});
