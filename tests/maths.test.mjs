// The live maths panel: a click on a data point shows the course's walkthrough for it, with
// numbers equal to an independent computation from the weights, and they follow training.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, openPage, openSite, pointSpot } from './support/browser.mjs';
import { formatNumber } from '../www/js/maths-panel.js';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

/** The course's formulas for a 2-4-1 tanh/sigmoid network, from the snapshot's weights. */
function walkthrough(snapshot, [x1, x2], y) {
  const [hidden, output] = snapshot.layers;
  const z1 = hidden.weights.map((w, i) => w[0] * x1 + w[1] * x2 + hidden.biases[i]);
  const a1 = z1.map(Math.tanh);
  const z2 = output.weights[0].reduce((s, w, i) => s + w * a1[i], output.biases[0]);
  const a2 = 1 / (1 + Math.exp(-z2));
  const loss = -(y * Math.log(a2) + (1 - y) * Math.log(1 - a2));
  const dz2 = a2 - y;
  const dw2 = a1.map((a) => dz2 * a);
  const dz1 = a1.map((a, i) => output.weights[0][i] * dz2 * (1 - a * a));
  const dw1 = dz1.map((d) => [d * x1, d * x2]);
  return { z1, a1, z2, a2, loss, dz2, dw2, dz1, dw1 };
}

const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('a clicked point shows its maths, equal to an independent computation, and steps update it', async () => {
  const { page, problems } = await openPage(site);
  await page.evaluate(() => { for (let i = 0; i < 200; i++) document.getElementById('step').click(); });
  assert.equal(await page.isVisible('.maths-panel'), false);
  // Click the first data point.
  const { x, y, point, label } = await page.evaluate(() => {
    const points = window.neuranim.dataPoints();
    const [a, b, c, d] = window.neuranim.bounds();
    const box = document.querySelector('.plot').getBoundingClientRect();
    return {
      point: [points[0], points[1]],
      label: window.neuranim.snapshot() && null,
      x: box.left + ((points[0] - a) / (b - a)) * box.width,
      y: box.top + ((d - points[1]) / (d - c)) * box.height,
    };
  });
  const before = await page.evaluate(() => window.neuranim.dataPoints().length);
  await page.mouse.click(x, y);
  await page.locator('.maths-panel').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => window.neuranim.dataPoints().length), before, 'a click on a point adds none');
  void label;
  const maths = await page.evaluate(() => window.neuranim.maths());
  assert.deepEqual(maths.x, point);
  const expected = walkthrough(await page.evaluate(() => window.neuranim.snapshot()), point, maths.y);
  const [l1, l2] = maths.layers;
  expected.z1.forEach((v, i) => close(l1.z[i], v, `Z1[${i}]`));
  expected.a1.forEach((v, i) => close(l1.a[i], v, `A1[${i}]`));
  close(l2.z[0], expected.z2, 'Z2');
  close(l2.a[0], expected.a2, 'A2');
  close(maths.loss, expected.loss, 'loss');
  close(l2.dz[0], expected.dz2, 'dZ2');
  expected.dw2.forEach((v, i) => close(l2.dw[0][i], v, `dW2[${i}]`));
  expected.dz1.forEach((v, i) => close(l1.dz[i], v, `dZ1[${i}]`));
  expected.dw1.forEach((row, i) => row.forEach((v, k) => close(l1.dw[i][k], v, `dW1[${i}][${k}]`)));
  // The panel shows them, in the course's order.
  const names = await page.locator('.maths-name').allTextContents();
  assert.deepEqual(names, ['X', 'Y', 'Z[1]', 'A[1]', 'Z[2]', 'A[2]', 'loss', 'dZ[2]', 'dW[2]', 'db[2]', 'dZ[1]', 'dW[1]', 'db[1]', 'dW[1]', 'W[1]', 'b[1]', 'dW[2]', 'W[2]', 'b[2]']);
  const loss = await page.locator('.maths-row[data-name="loss"] .maths-value').textContent();
  assert.ok(Math.abs(Number(loss) - expected.loss) <= 5e-4 * expected.loss, `${loss} shown for ${expected.loss}`);
  await page.screenshot({ path: `${ARTIFACTS}maths.png` });
  // This point's share of the gradient carries the 1/m of the whole batch's.
  assert.match(await page.locator('.maths-row[data-name="dW[1]"] .maths-formula').textContent(), /\(1\/m\).*m = 400/);
  // The update row is what the next Step makes.
  const shown = await page.locator('.maths-row[data-name="new W[1]"] .maths-value').textContent();
  assert.match(await page.locator('.maths-row[data-name="new W[1]"] .maths-formula').textContent(), /W\[1\] − α·dW\[1\], α = 1\.2/);
  await page.evaluate(() => document.getElementById('step').click());
  const after = (await page.evaluate(() => window.neuranim.snapshot())).layers[0].weights;
  assert.equal(shown, `[${after.map((r) => `[${r.map(formatNumber).join(', ')}]`).join('; ')}]`);
  // A step changes the weights, and the numbers follow.
  const a2 = await page.locator('.maths-row[data-name="A[2]"] .maths-value').textContent();
  await page.evaluate(() => { for (let i = 0; i < 50; i++) document.getElementById('step').click(); });
  assert.notEqual(await page.locator('.maths-row[data-name="A[2]"] .maths-value').textContent(), a2);
  await page.click('.maths-close');
  assert.equal(await page.isVisible('.maths-panel'), false);
  assert.deepEqual(problems, []);
});

test('from the keyboard, the plot is a tab stop whose arrows choose points and show their maths, and Escape lets go', async () => {
  const { page, problems } = await openPage(site);
  const chosen = () => page.evaluate(() => window.neuranim.maths()?.x ?? null);
  await page.focus('.plot');
  await page.keyboard.press('ArrowRight');
  await page.locator('.maths-panel').waitFor({ state: 'visible' });
  // The first arrow chooses the point nearest the plot's centre, as the data has it.
  const nearest = await page.evaluate(() => {
    const points = window.neuranim.dataPoints();
    const [a, b, c, d] = window.neuranim.bounds();
    let best = null;
    for (let i = 0; i < points.length; i += 2) {
      const distance = Math.hypot((points[i] - (a + b) / 2) / (b - a), (points[i + 1] - (c + d) / 2) / (d - c));
      if (!best || distance < best.distance) best = { distance, point: [points[i], points[i + 1]] };
    }
    return best.point;
  });
  assert.deepEqual(await chosen(), nearest);
  // Each arrow goes that way; the page's own → (Step) does not fire here.
  let at = nearest;
  for (const [key, axis, sign] of [['ArrowRight', 0, 1], ['ArrowRight', 0, 1], ['ArrowUp', 1, 1], ['ArrowLeft', 0, -1], ['ArrowDown', 1, -1]]) {
    await page.keyboard.press(key);
    const next = await chosen();
    assert.ok(sign * (next[axis] - at[axis]) > 0, `${key} from ${at} went to ${next}`);
    at = next;
  }
  assert.equal(await page.evaluate(() => window.neuranim.snapshot().iteration), 0);
  await page.keyboard.press('Escape');
  await page.locator('.maths-panel').waitFor({ state: 'hidden' });
  assert.equal(await chosen(), null);
  assert.deepEqual(problems, []);
});

test('layer space maps the plane and the data through a hidden layer, and moves as training does', async () => {
  const { page, problems } = await openPage(site, '#hidden=5,3&init=xavier&learningRate=0.5');
  await page.evaluate(() => { for (let i = 0; i < 100; i++) document.getElementById('step').click(); });
  assert.deepEqual(await page.locator('#view-space option').allTextContents(), ['input space', 'hidden layer 1', 'hidden layer 2']);
  await page.selectOption('#view-space', '0');
  assert.equal(await page.isVisible('#layer-space'), true);
  await page.selectOption('#space-y', '3');
  // The mapping is the first layer's tanh(W·x + b), computed here from the weights.
  const snap = await page.evaluate(() => window.neuranim.snapshot());
  const points = [0.5, -1, -2, 3];
  const mapped = await page.evaluate(([p]) => window.neuranim.layerSpace(p, 0), [points]);
  const { weights, biases } = snap.layers[0];
  for (let n = 0; n < 5; n++) {
    for (let k = 0; k < 2; k++) {
      const expected = Math.tanh(weights[n][0] * points[2 * k] + weights[n][1] * points[2 * k + 1] + biases[n]);
      assert.ok(Math.abs(mapped[n * 2 + k] - expected) < 1e-12, `neuron ${n}, point ${k}`);
    }
  }
  const picture = () => page.evaluate(() => {
    const { data } = canvasPixels(document.getElementById('layer-space'));
    let orange = 0;
    let blue = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > data[i + 2] + 80) orange++;
      else if (data[i + 2] > data[i] + 80) blue++;
      sum = (sum * 31 + data[i] + data[i + 1]) % 1000000007;
    }
    return { orange, blue, sum };
  });
  const early = await picture();
  assert.ok(early.orange > 100 && early.blue > 100, JSON.stringify(early));
  await page.evaluate(() => { for (let i = 0; i < 100; i++) document.getElementById('step').click(); });
  assert.notEqual((await picture()).sum, early.sum);
  await page.selectOption('#view-space', '');
  assert.equal(await page.isVisible('#layer-space'), false);
  assert.deepEqual(problems, []);
});

test('with a penalty, the maths show it: its value in the cost, its gradient in the batch\'s dW, each equal to an independent computation', async () => {
  for (const [kind, rate] of [['l2', 10], ['l1', 3]]) {
    const { page, problems } = await openPage(site, `#regularization=${kind}&regularizationRate=${rate}`);
    const { x, y } = await pointSpot(page);
    await page.mouse.click(x, y);
    await page.locator('.maths-panel').waitFor({ state: 'visible' });
    const row = (name) => page.evaluate((name) => {
      const r = document.querySelector(`.maths-row[data-name="${name}"]`);
      return r && { formula: r.querySelector('.maths-formula').textContent, value: r.querySelector('.maths-value').textContent, phase: r.dataset.phase };
    }, name);
    // The oracle: the course's full-batch gradient of the output layer from the weights and
    // the data, and the penalty from the weights alone.
    const { snapshot, points, labels } = await page.evaluate(() => ({
      snapshot: window.neuranim.snapshot(), points: window.neuranim.dataPoints(), labels: window.neuranim.dataLabels(),
    }));
    const m = labels.length;
    const weights = snapshot.layers.flatMap((layer) => layer.weights.flat());
    const penalty = kind === 'l2'
      ? (rate / (2 * m)) * weights.reduce((sum, w) => sum + w * w, 0)
      : (rate / m) * weights.reduce((sum, w) => sum + Math.abs(w), 0);
    const dw2 = snapshot.layers[1].weights[0].map(() => 0);
    for (let i = 0; i < m; i++) {
      walkthrough(snapshot, [points[2 * i], points[2 * i + 1]], labels[i]).dw2.forEach((v, k) => (dw2[k] += v / m));
    }
    const w2 = snapshot.layers[1].weights[0];
    const regularized = dw2.map((v, k) => v + (rate / m) * (kind === 'l2' ? w2[k] : Math.sign(w2[k])));
    const shown = await row('penalty');
    assert.equal(shown.value, formatNumber(penalty), `${kind} penalty`);
    assert.equal(shown.phase, 'cost');
    assert.match(shown.formula, kind === 'l2' ? /^= \(λ\/2m\)·Σ W² over the batch's weights, λ = 10, m = 400/ : /^= \(λ\/m\)·Σ \|W\| over the batch's weights, λ = 3, m = 400/);
    const batch = await row('batch dW[2]');
    assert.match(batch.formula, kind === 'l2' ? /^= \(1\/m\)·Σ dZ\[2\]·A\[1\]ᵀ \+ \(λ\/m\)·W\[2\] over the 400 points/ : /\+ \(λ\/m\)·sign\(W\[2\]\) over/);
    assert.equal(batch.value, `[[${regularized.map(formatNumber).join(', ')}]]`, `${kind} batch dW[2]`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
  // Without a penalty, neither is shown.
  const { page } = await openPage(site);
  await page.evaluate(() => document.querySelector('.plot').focus());
  await page.keyboard.press('ArrowRight');
  await page.locator('.maths-panel').waitFor({ state: 'visible' });
  assert.equal(await page.locator('.maths-row[data-name="penalty"]').count(), 0);
  assert.doesNotMatch(await page.locator('.maths-row[data-name="batch dW[2]"] .maths-formula').textContent(), /λ/);
});
