// Accuracies read as the course prints them; costs in at most eight characters.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixed, percent } from '../www/js/number-text.js';

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

test('costs have the course\'s six decimals below 10, seven digits below 10⁴, an exponent past it', () => {
  assert.equal(fixed(0.6931471805599453), '0.693147');
  assert.equal(fixed(0), '0.000000');
  assert.equal(fixed(13.058812345), '13.05881');
  assert.equal(fixed(9999.4), '9999.400');
  assert.equal(fixed(20970604647909.1875), '2.097e+13');
  assert.equal(fixed(null), '–');
});
