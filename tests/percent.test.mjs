// Accuracies read as the course prints them.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percent } from '../www/js/percent.js';

test('accuracies of the course\'s 400 points read as its printout does: two decimals where there are two, none padded', () => {
  // The course's "Accuracy for n hidden units" lines, as shares of 400 points.
  const printed = { 270: '67.5', 269: '67.25', 363: '90.75', 362: '90.5', 365: '91.25', 360: '90' };
  for (const [right, text] of Object.entries(printed)) assert.equal(percent(Number(right) / 400), `${text}\u00a0%`);
  assert.equal(percent(1), '100\u00a0%');
  assert.equal(percent(0), '0\u00a0%');
  // A share of another count is rounded to two decimals: 2/3 of the points.
  assert.equal(percent(2 / 3), '66.67\u00a0%');
  assert.equal(percent(null), '–');
  assert.equal(percent(undefined), '–');
});
