// An exported frame's title line: the iteration at the left and as much of the cost and the
// score at the right as fits beside it, never the two run together.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { titleNumbers, titleTexts } from '../www/js/frame.js';

/** Widths as Chromium's system-ui gives them here: 0.57 of the size a character in bold,
 * 0.55 in regular ("iteration 10,000" in bold 15 px is 136 px, "cost 0.218463" in 13 px 93). */
const measure = (text, font) => text.length * Number(/(\d+)px/.exec(font)[1]) * (font.startsWith('600') ? 0.57 : 0.55);
const RUN = { iteration: '10,000', cost: 'cost 0.218463', score: 'accuracy 90.75 %' };

test('a wide frame has the iteration, the cost and the score', () => {
  assert.deepEqual(titleTexts(measure, 800, RUN), { left: 'iteration 10,000', right: 'cost 0.218463   accuracy 90.75 %' });
});

test('a narrower frame drops the score, then the word iteration, and never lets the texts meet', () => {
  const seen = [];
  // From the smallest frame offered, 240 px.
  for (let width = 240; width <= 800; width += 10) {
    const { left, right } = titleTexts(measure, width, RUN);
    const taken = 10 + measure(left, '600 15px') + (right ? 12 + measure(right, '13px') : 0) + 10;
    assert.ok(taken <= width, `${width} px: "${left}" and "${right}" take ${taken}`);
    if (!seen.includes(`${left} | ${right}`)) seen.push(`${left} | ${right}`);
  }
  assert.deepEqual(seen, ['10,000 | cost 0.218463', 'iteration 10,000 | cost 0.218463', 'iteration 10,000 | cost 0.218463   accuracy 90.75 %']);
  // The lesson's GIF, 360 px square, has the cost beside the iteration.
  assert.deepEqual(titleTexts(measure, 360, RUN), { left: 'iteration 10,000', right: 'cost 0.218463' });
});

test('a run without a score, or before its first cost, says what it has', () => {
  assert.equal(titleTexts(measure, 800, { ...RUN, score: null }).right, 'cost 0.218463');
  assert.equal(titleTexts(measure, 800, { ...RUN, cost: null, score: null }).right, '');
});

test("a frame's numbers read as the page's readouts do, a diverging regression's too", () => {
  const regression = { kind: 'regression' };
  assert.deepEqual(titleNumbers({ iteration: 3, trainCost: 20970604647909.1875, trainScore: 6476203.308712 }, regression),
    { iteration: '3', cost: 'cost 2.097e+13', score: 'RMSE 6.476e+6' });
  assert.deepEqual(titleNumbers({ iteration: 3000, trainCost: 0.0076, trainScore: 0.123363 }, regression),
    { iteration: '3,000', cost: 'cost 0.007600', score: 'RMSE 0.123363' });
  assert.deepEqual(titleNumbers({ iteration: 10000, trainCost: 0.2178291, trainScore: 0.9075 }, { kind: 'classes' }),
    { iteration: '10,000', cost: 'cost 0.217829', score: 'accuracy 90.75\u00a0%' });
});
