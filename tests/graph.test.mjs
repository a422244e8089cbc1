// The network graph: a thumbnail per neuron, an edge per weight, values on hover and focus,
// and hand edits that reach the model without resetting the run.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { biasGeometry, edgeGeometry, layoutGraph, THUMB } from '../www/js/graph-layout.js';
import { formatValue, parseValue } from '../www/js/network-graph.js';
import { ARTIFACTS, openPage, openSite, snapshot, steps } from './support/browser.mjs';

/** For each neuron's frame, whether the graph's thumbnail picture is opaque all over its
 * inside and clear just left of it (so each thumbnail sits in its frame and nowhere else). */
async function thumbnailsPainted(page) {
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const atlas = document.querySelector('.graph-atlas');
    const { data, width } = canvasPixels(atlas);
    const box = atlas.getBoundingClientRect();
    const scale = atlas.width / box.width;
    const alpha = (x, y) => data[(Math.round(y * scale) * width + Math.round(x * scale)) * 4 + 3];
    return [...document.querySelectorAll('.graph-neuron')].map((frame) => {
      const f = frame.getBoundingClientRect();
      const [left, top, right, bottom] = [f.left - box.left + 2, f.top - box.top + 2, f.right - box.left - 2, f.bottom - box.top - 2];
      let inside = true;
      for (let y = top; y <= bottom; y += 2) for (let x = left; x <= right; x += 2) inside &&= alpha(x, y) === 255;
      const gapClear = alpha(left - 6, (top + bottom) / 2) === 0;
      return { inside, gapClear };
    });
  });
}

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const edge = (l, i, k) => `.graph-hit[data-kind="edge"][data-layer="${l}"][data-row="${i}"][data-column="${k}"]`;
const bias = (l, i) => `.graph-hit[data-kind="bias"][data-layer="${l}"][data-row="${i}"]`;
const flat = (snap) => snap.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);

test('layout: columns apart, thumbnails at least 32 px, edges from side to side', () => {
  for (const [sizes, available] of [[[2, 4, 1], 1200], [[2, 8, 8, 8, 8, 8, 8, 1], 1200], [[2, 8, 8, 8, 8, 8, 8, 1], 360], [[2, 64, 3], 500]]) {
    const layout = layoutGraph(sizes, available);
    const { nodes, thumb, width, height } = layout;
    assert.ok(thumb >= THUMB.min && thumb <= THUMB.max, `${sizes}: thumb ${thumb}`);
    assert.ok(width >= available, 'fills the width, or scrolls past it');
    assert.deepEqual(nodes.map((column) => column.length), sizes);
    for (const [c, column] of nodes.entries()) {
      for (const [i, { x, y }] of column.entries()) {
        assert.ok(x >= 0 && x + thumb <= width && y >= 0 && y + thumb <= height, `${sizes}: node ${c}.${i} outside`);
        if (i > 0) assert.ok(y >= column[i - 1].y + thumb, `${sizes}: nodes ${c}.${i - 1} and ${c}.${i} overlap`);
        if (c > 0) assert.ok(x >= nodes[c - 1][0].x + thumb + 24, `${sizes}: columns ${c - 1} and ${c} too close`);
      }
    }
    const numbers = (d) => d.match(/-?[\d.]+/g).map(Number);
    const last = sizes.length - 2;
    const [x0, y0, , , , , x1, y1] = numbers(edgeGeometry(layout, last, 0, sizes[last] - 1).d);
    const from = nodes[last][sizes[last] - 1];
    const to = nodes[last + 1][0];
    assert.equal(x0, from.x + thumb + 1);
    assert.equal(x1, to.x - 1);
    assert.ok(y0 > from.y && y0 < from.y + thumb && y1 > to.y && y1 < to.y + thumb);
    const { mid } = biasGeometry(layout, 1, 0);
    assert.deepEqual([mid.x, mid.y], [nodes[1][0].x - 1, nodes[1][0].y + thumb + 1]);
  }
});

test('values read with four decimals and parse only as plain numbers', () => {
  assert.equal(formatValue(0.123456), '0.1235');
  assert.equal(formatValue(-2), '-2.0000');
  assert.equal(formatValue(0), '0.0000');
  assert.equal(formatValue(2.0843e-4), '2.084e-4');
  assert.equal(formatValue(123456), '1.235e+5');
  for (const [text, value] of [['0.5', 0.5], [' -1.25 ', -1.25], ['+3', 3], ['.5', 0.5], ['1e-3', 0.001], ['2E2', 200], ['\u22122', -2]]) {
    assert.deepEqual(parseValue(text), { value }, text);
  }
  for (const text of ['abc', '', ' ', '0x10', 'NaN', 'Infinity', '1e999', '--1', '1,5', '1.2.3']) {
    assert.ok(parseValue(text).error, text);
  }
});

/** A point of the page where the element is what the pointer reaches: along an edge's curve
 * (other edges cross it, so several places are tried), or a bias mark's centre. */
async function pointOn(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const point = await page.locator(selector).evaluate((element) => {
    const matrix = element.getScreenCTM();
    const length = element.getTotalLength();
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0]) {
      const p = element.getPointAtLength(length * t);
      const x = matrix.a * p.x + matrix.e;
      const y = matrix.d * p.y + matrix.f;
      if (document.elementFromPoint(x, y) === element) return { x, y };
    }
    return null;
  });
  assert.ok(point, `${selector} cannot be pointed at`);
  return point;
}

/** The number after "=" in the tooltip's first line. */
async function tooltipValue(page) {
  const tooltip = page.locator('.graph-tooltip');
  await tooltip.waitFor({ state: 'visible' });
  const title = await tooltip.locator('strong').textContent();
  return { title, value: Number(title.split('=')[1]) };
}

test('one thumbnail per neuron and one edge per weight', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await steps(page, 3);
  assert.equal(await page.locator('.graph-neuron').count(), 2 + 4 + 3 + 1);
  assert.equal(await page.locator('.graph-neuron[data-kind="input"]').count(), 2);
  assert.equal(await page.locator('.graph-hit[data-kind="edge"]').count(), 2 * 4 + 4 * 3 + 3 * 1);
  assert.equal(await page.locator('.graph-hit[data-kind="bias"]').count(), 4 + 3 + 1);
  const thumbnails = await thumbnailsPainted(page);
  assert.equal(thumbnails.length, 10);
  assert.ok(thumbnails.every((t) => t.inside && t.gapClear), JSON.stringify(thumbnails));
  // At least 32 × 32 device pixels each.
  const side = await page.locator('.graph-neuron').first().evaluate((f) => f.getBoundingClientRect().width * devicePixelRatio);
  assert.ok(side >= 32, `thumbnail side ${side}`);
  assert.deepEqual(problems, []);
});

test('hovering an edge shows its value; hovering a neuron shows its map in the data panel', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await steps(page, 20);
  const snap = await snapshot(page);
  const { x, y } = await pointOn(page, edge(1, 2, 3));
  await page.mouse.move(x, y);
  const { title, value } = await tooltipValue(page);
  assert.match(title, /^w\[1\]\[2\]\[3\] = -?\d/);
  assert.ok(Math.abs(value - snap.layers[1].weights[2][3]) < 5e-5, `${title} vs ${snap.layers[1].weights[2][3]}`);

  const frame = page.locator('.graph-neuron[data-layer="0"][data-row="1"]');
  const boundary = () => page.evaluate(() => document.getElementById('boundary').toDataURL());
  const output = await boundary();
  await frame.hover();
  assert.match(await page.locator('.graph-tooltip').textContent(), /Neuron 2 of hidden layer 1.*tanh/);
  await page.waitForFunction((before) => document.getElementById('boundary').toDataURL() !== before, output);
  await page.mouse.move(0, 0);
  await page.locator('.graph-tooltip').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
});

test('editing a weight changes exactly that weight and training goes on from it', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await steps(page, 10);
  const before = await snapshot(page);
  const { x, y } = await pointOn(page, edge(0, 1, 0));
  await page.mouse.click(x, y);
  const input = page.locator('.graph-editor input');
  await input.waitFor({ state: 'visible' });
  assert.equal(Number(await input.inputValue()).toPrecision(5), before.layers[0].weights[1][0].toPrecision(5));
  await input.fill('0.5');
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
  const edited = await snapshot(page);
  assert.equal(edited.iteration, 10);
  assert.equal(edited.layers[0].weights[1][0], 0.5);
  const changed = flat(before).flatMap((v, n) => (flat(edited)[n] === v ? [] : [n]));
  assert.deepEqual(changed, [1 * 2 + 0]);
  // The edge and its tooltip follow; training continues from the edited weights.
  assert.match(await page.locator('.graph-tooltip strong').textContent(), /^w\[0\]\[1\]\[0\] = 0\.5000$/);
  await steps(page, 1);
  const next = await snapshot(page);
  assert.equal(next.iteration, 11);
  assert.notEqual(next.layers[0].weights[1][0], 0.5);
  assert.ok(Math.abs(next.layers[0].weights[1][0] - 0.5) < 0.5);

  // A bias too, by the same editor.
  const mark = await pointOn(page, bias(2, 0));
  await page.mouse.click(mark.x, mark.y);
  await input.fill('-1.25');
  await input.press('Enter');
  assert.equal((await snapshot(page)).layers[2].biases[0], -1.25);
  assert.deepEqual(problems, []);
});

test('an invalid entry changes nothing and says why; Escape cancels', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await steps(page, 5);
  const before = await page.evaluate(() => window.neuranim.weightsJson());
  const { x, y } = await pointOn(page, edge(2, 0, 1));
  await page.mouse.click(x, y);
  const input = page.locator('.graph-editor input');
  for (const text of ['abc', '', '1e999', '--1']) {
    await input.fill(text);
    await input.press('Enter');
    const message = page.locator('.graph-editor-message');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.textContent(), /not a number|too large/);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => window.neuranim.weightsJson()), before);
  }
  await input.fill('3');
  await input.press('Escape');
  await input.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => window.neuranim.weightsJson()), before);
  assert.ok(await page.locator(edge(2, 0, 1)).evaluate((e) => e === document.activeElement), 'focus returns to the edge');
  assert.equal((await snapshot(page)).iteration, 5);
  assert.deepEqual(problems, []);
});

test('keyboard: Tab reaches the neurons, biases and edges, with names; Enter edits', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await steps(page, 3);
  // Start just before the graph, wherever the layout puts the panels before it.
  await page.evaluate(() => {
    const graph = document.getElementById('graph');
    graph.tabIndex = -1;
    graph.focus();
  });
  const reached = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => [document.activeElement.dataset.kind, document.activeElement.getAttribute('aria-label')]));
  }
  const kinds = reached.map(([kind]) => kind);
  // Column by column: the inputs, then each neuron with its bias and its incoming edges.
  assert.deepEqual(kinds.slice(0, 6), ['input', 'input', 'neuron', 'bias', 'edge', 'edge']);
  assert.ok(reached.every(([, label]) => label), JSON.stringify(reached));
  assert.equal(reached[4][1], 'Weight w[0][0][0] from x1 to neuron 1 of hidden layer 1');
  // Focus shows the value, as hover does.
  const snap = await snapshot(page);
  while (!(await page.evaluate(() => document.activeElement.dataset.kind === 'edge'))) await page.keyboard.press('Tab');
  const { title, value } = await tooltipValue(page);
  const [l, i, k] = title.match(/\d+/g).map(Number);
  assert.ok(Math.abs(value - snap.layers[l].weights[i][k]) < 5e-5);
  await page.keyboard.press('Enter');
  const input = page.locator('.graph-editor input');
  await input.waitFor({ state: 'visible' });
  assert.ok(await input.evaluate((e) => e === document.activeElement));
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  assert.equal((await snapshot(page)).layers[l].weights[i][k], 2);
  assert.deepEqual(problems, []);
});

test('a new shape rebuilds the graph, even under the pointer', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await page.locator('.graph-neuron[data-layer="0"][data-row="1"]').hover();
  // The data panel answers the hover by redrawing, graph included, while the graph rebuilds.
  await page.evaluate(() => {
    location.hash = '#hidden=5';
  });
  await page.waitForFunction(() => document.querySelectorAll('.graph-neuron').length === 2 + 5 + 1);
  assert.equal(await page.locator('.graph-hit[data-kind="edge"]').count(), 2 * 5 + 5);
  await page.waitForFunction(() => document.querySelector('.graph-atlas').width > 0);
  const thumbnails = await thumbnailsPainted(page);
  assert.equal(thumbnails.length, 8);
  assert.ok(thumbnails.every((t) => t.inside && t.gapClear), JSON.stringify(thumbnails));
  await page.locator('.graph-neuron[data-layer="0"][data-row="4"]').hover();
  await page.keyboard.press('ArrowRight');
  assert.equal((await snapshot(page)).iteration, 1);
  assert.equal(await page.isVisible('#error'), false);
  assert.deepEqual(problems, []);
});

test('screenshots: the default network and a deep one, mid-training', async () => {
  for (const [hash, name, n] of [['', 'graph', 300], ['#hidden=8,8,8,8,8,8&init=xavier', 'graph-deep', 100]]) {
    const { page, problems } = await openPage(site, hash);
    await page.evaluate((count) => {
      for (let i = 0; i < count; i++) document.getElementById('step').click();
    }, n);
    await page.locator('.graph-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
    assert.deepEqual(problems, []);
  }
});
