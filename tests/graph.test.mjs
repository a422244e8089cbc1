// The network graph in the page: a thumbnail per neuron, an edge per weight drawn on a canvas
// and found by geometry, values on hover and focus, the keyboard's walk through neurons and
// weights, and hand edits that reach the model without resetting the run, up to 8 hidden
// layers of 64 (its geometry alone: graph-geometry.test.mjs).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parameterStyle } from '../www/js/network-graph.js';
import { ARTIFACTS, openPage, openSite, snapshot, steps } from './support/browser.mjs';
import { onlyIn } from './support/engine.mjs';

const DEEP = '#hidden=64,64,64,64,64,64,64,64';

/** For each neuron's frame, whether the graph's thumbnail picture is opaque all over its
 * inside and clear just left of it (so each thumbnail sits in its frame and nowhere else).
 * The raster worker's picture may take a while: looked at every frame until it fits, for a
 * few seconds, then as it is. */
async function thumbnailsPainted(page) {
  await page.waitForFunction(`(${thumbnailsIn})().every((t) => t.inside && t.gapClear)`, null, { timeout: 10_000 }).catch(() => {});
  return page.evaluate(thumbnailsIn);
}

function thumbnailsIn() {
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
}

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const edge = (l, i, k) => ({ kind: 'edge', l, i, k });
const bias = (l, i) => ({ kind: 'bias', l, i });
const flat = (snap) => snap.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);

/** Client coordinates where the pointer reaches `item`, after scrolling it into view. */
async function pointOn(page, item) {
  await page.evaluate((item) => {
    const p = document.getElementById('graph').networkGraph.anchorOf(item);
    const marker = document.createElement('div');
    marker.style.cssText = `position: absolute; left: ${p.x}px; top: ${p.top}px; width: 1px; height: 1px`;
    document.querySelector('.graph-stage').append(marker);
    marker.scrollIntoView({ block: 'center', inline: 'center' });
    marker.remove();
  }, item);
  const point = await page.evaluate((item) => {
    const p = document.getElementById('graph').networkGraph.pointOn(item);
    const box = document.querySelector('.graph-stage').getBoundingClientRect();
    return p && { x: Math.round(box.left + p.x), y: Math.round(box.top + p.y) };
  }, item);
  assert.ok(point, `${JSON.stringify(item)} cannot be pointed at`);
  return point;
}

/** The number after "=" in the tooltip's first line. */
async function tooltipValue(page) {
  const tooltip = page.locator('.graph-tooltip');
  await tooltip.waitFor({ state: 'visible' });
  const title = await tooltip.locator('strong').textContent();
  return { title, value: Number(title.split('=')[1]) };
}

/** What the canvas shows, once every strip waiting for a redraw has been drawn. */
async function drawn(page) {
  await page.waitForFunction(() => !document.getElementById('graph').networkGraph.edgesPending);
  return page.evaluate(() => document.getElementById('graph').networkGraph.drawnParameters());
}

/** The focused element's kind and name, and the graph's tab stops. */
const focusState = (page) => page.evaluate(() => {
  const active = document.activeElement;
  const graph = document.getElementById('graph');
  return {
    kind: active.dataset.kind,
    label: active.getAttribute('aria-label'),
    inGraph: graph.contains(active),
    stops: graph.querySelectorAll('[tabindex="0"]').length,
  };
});

test('one thumbnail per neuron and one edge per weight, drawn by sign and step', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await steps(page, 3);
  assert.equal(await page.locator('.graph-neuron').count(), 2 + 4 + 3 + 1);
  assert.equal(await page.locator('.graph-neuron[data-kind="input"]').count(), 2);
  const snap = await snapshot(page);
  const parameters = await drawn(page);
  const edges = parameters.filter((p) => p.kind === 'edge');
  const biases = parameters.filter((p) => p.kind === 'bias');
  assert.equal(edges.length, 2 * 4 + 4 * 3 + 3 * 1);
  assert.equal(biases.length, 4 + 3 + 1);
  for (const p of parameters) {
    const value = p.kind === 'edge' ? snap.layers[p.l].weights[p.i][p.k] : snap.layers[p.l].biases[p.i];
    const style = parameterStyle(value);
    assert.deepEqual([p.negative, p.width, p.opacity], [style.negative, Number(style.width), Number(style.opacity)], JSON.stringify(p));
  }
  // Every edge has ink on the canvas where the pointer finds it; no element per edge.
  const inked = await page.evaluate(() => {
    const graph = document.getElementById('graph').networkGraph;
    const canvas = document.querySelector('.graph-edges');
    const { data, width } = canvasPixels(canvas);
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    return graph.drawnParameters().filter((p) => p.kind === 'edge').map((p) => {
      // The curve's midpoint (4 px under the anchor's top), for the pixel that holds it.
      const { x, top } = graph.anchorOf(p);
      return data[(Math.floor((top + 4) * scale) * width + Math.floor(x * scale)) * 4 + 3] > 0;
    });
  });
  assert.ok(inked.every(Boolean), JSON.stringify(inked));
  assert.ok(await page.locator('#graph .graph-hit').count() <= 2);
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
  assert.match(title, /^w\[2\]\[3\]\[4\] = -?\d/);
  assert.ok(Math.abs(value - snap.layers[1].weights[2][3]) < 5e-5, `${title} vs ${snap.layers[1].weights[2][3]}`);

  const frame = page.locator('.graph-neuron[data-layer="0"][data-row="1"]');
  const boundary = () => page.evaluate(() => document.getElementById('boundary').toDataURL());
  const output = await boundary();
  await frame.hover();
  assert.match(await page.locator('.graph-tooltip').textContent(), /Neuron 2 of hidden layer 1.*tanh/);
  await page.waitForFunction((before) => document.getElementById('boundary').toDataURL() !== before, output);
  // Its own edges and bias stand out, the others fade.
  const traced = await drawn(page);
  const own = (p) => (p.kind === 'edge' ? (p.l === 0 && p.i === 1) || (p.l === 1 && p.k === 1) : p.l === 0 && p.i === 1);
  for (const p of traced) {
    const full = Number(parameterStyle(p.kind === 'edge' ? snap.layers[p.l].weights[p.i][p.k] : snap.layers[p.l].biases[p.i]).opacity);
    assert.ok(Math.abs(p.opacity - (own(p) ? full : 0.18 * full)) < 1e-9, JSON.stringify(p));
  }
  await page.mouse.move(0, 0);
  await page.locator('.graph-tooltip').waitFor({ state: 'hidden' });
  assert.ok((await drawn(page)).every((p) => p.opacity >= 0.35), 'nothing faded once the pointer left');
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
  assert.match(await page.locator('.graph-tooltip strong').textContent(), /^w\[1\]\[2\]\[1\] = 0\.5000$/);
  const shown = (await drawn(page)).find((p) => p.kind === 'edge' && p.l === 0 && p.i === 1 && p.k === 0);
  assert.equal(shown.width, Number(parameterStyle(0.5).width));
  // Focus is back on the weight, where the arrows walk the graph: the Step button steps.
  await page.click('#step');
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
  // Focus returns to the weight, which is now the graph's one tab stop.
  const focus = await focusState(page);
  assert.deepEqual(focus, { kind: 'edge', label: 'Weight w[3][1][2] from neuron 2 of hidden layer 2 to the output', inGraph: true, stops: 1 });
  assert.equal((await snapshot(page)).iteration, 5);
  assert.deepEqual(problems, []);
});

test('keyboard: the graph is one tab stop; arrows walk neurons and weights, with names; Enter edits', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,3');
  await steps(page, 3);
  // Start just before the graph, wherever the layout puts the panels before it.
  await page.evaluate(() => {
    const graph = document.getElementById('graph');
    graph.tabIndex = -1;
    graph.focus();
  });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focusState(page), { kind: 'input', label: 'Input x1', inGraph: true, stops: 1 });
  const keys = async (...names) => {
    for (const name of names) await page.keyboard.press(name);
    return focusState(page);
  };
  assert.equal((await keys('ArrowDown')).label, 'Input x2');
  assert.equal((await keys('ArrowRight')).label, 'Weight w[1][1][2] from x2 to neuron 1 of hidden layer 1');
  assert.equal((await keys('ArrowDown')).label, 'Weight w[1][2][2] from x2 to neuron 2 of hidden layer 1');
  assert.equal((await keys('ArrowRight')).label, 'Neuron 2 of hidden layer 1 (tanh)');
  assert.equal((await keys('ArrowLeft')).label, 'Bias b[1][2] of neuron 2 of hidden layer 1');
  assert.equal((await keys('ArrowDown')).label, 'Weight w[1][2][1] from x1 to neuron 2 of hidden layer 1');
  const focus = await focusState(page);
  assert.equal(focus.stops, 1, 'one tab stop, wherever the walk is');
  // The arrows stayed in the graph: none stepped the training.
  assert.equal((await snapshot(page)).iteration, 3);
  // Focus shows the value, as hover does.
  const snap = await snapshot(page);
  const { title, value } = await tooltipValue(page);
  assert.match(title, /^w\[1\]\[2\]\[1\] = /);
  assert.ok(Math.abs(value - snap.layers[0].weights[1][0]) < 5e-5);
  await page.keyboard.press('Enter');
  const input = page.locator('.graph-editor input');
  await input.waitFor({ state: 'visible' });
  assert.ok(await input.evaluate((e) => e === document.activeElement));
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  assert.equal((await snapshot(page)).layers[0].weights[1][0], 2);
  assert.equal((await focusState(page)).label, 'Weight w[1][2][1] from x1 to neuron 2 of hidden layer 1');
  assert.equal((await keys('Escape')).label, 'Neuron 2 of hidden layer 1 (tanh)');
  // Tab leaves the graph at once; Shift+Tab comes back to where the walk was.
  assert.equal((await keys('Tab')).inGraph, false);
  assert.equal((await keys('Shift+Tab')).label, 'Neuron 2 of hidden layer 1 (tanh)');
  assert.match(await page.locator('.graph-key-hint').textContent(), /↑ ↓.*← →.*Enter.*Esc/);
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
  assert.equal((await drawn(page)).filter((p) => p.kind === 'edge').length, 2 * 5 + 5);
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

test('8 hidden layers of 64: few elements, one tab stop, every weight drawn', async () => {
  const { page, problems } = await openPage(site, DEEP);
  await steps(page, 2);
  const counts = await page.evaluate(() => ({
    elements: document.getElementById('graph').querySelectorAll('*').length,
    stops: document.getElementById('graph').querySelectorAll('[tabindex="0"]').length,
  }));
  assert.ok(counts.elements < 700, `${counts.elements} elements`);
  assert.equal(counts.stops, 1);
  const snap = await snapshot(page);
  const weights = snap.layers.reduce((n, layer) => n + layer.weights.flat().length, 0);
  assert.equal(weights, 2 * 64 + 7 * 64 * 64 + 64);
  assert.equal((await drawn(page)).filter((p) => p.kind === 'edge').length, weights);
  assert.deepEqual(problems, []);
});

// An edge between two layers of 64 is under the pointer at one whole pixel, and Firefox's
// driver here reports a pointer moved to a pixel about a quarter of a pixel off it (526 comes
// as 525.73), on a neighbouring edge: this test's pointing is Chromium's.
test('8 hidden layers of 64: deep edges found, shown and edited', { skip: onlyIn('chromium', 'a deep edge is one pixel wide, and Firefox\'s driver places the pointer a quarter pixel off') }, async () => {
  const { page, problems } = await openPage(site, DEEP);
  await steps(page, 2);
  const snap = await snapshot(page);

  // Hover: an edge between hidden layers 5 and 6.
  const target = edge(5, 40, 17);
  const { x, y } = await pointOn(page, target);
  await page.mouse.move(x, y);
  const shown = await tooltipValue(page);
  assert.match(shown.title, /^w\[6\]\[41\]\[18\] = /);
  const w = snap.layers[5].weights[40][17];
  // Four decimals, or four significant digits for a small weight.
  assert.ok(Math.abs(shown.value - w) <= Math.max(5e-5, Math.abs(w) * 1e-3), `${shown.title} vs ${w}`);

  // Click and set it.
  await page.mouse.click(x, y);
  const input = page.locator('.graph-editor input');
  await input.waitFor({ state: 'visible' });
  await input.fill('0.75');
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
  let edited = await snapshot(page);
  assert.equal(edited.layers[5].weights[40][17], 0.75);
  assert.equal(edited.iteration, 2);
  assert.equal((await drawn(page)).find((p) => p.kind === 'edge' && p.l === 5 && p.i === 40 && p.k === 17).width, Number(parameterStyle(0.75).width));

  // The keyboard: from the edge just edited (the tab stop now), to its target, into that
  // neuron's incoming list, to its last weight.
  assert.equal((await focusState(page)).label, 'Weight w[6][41][18] from neuron 18 of hidden layer 5 to neuron 41 of hidden layer 6');
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'End']) await page.keyboard.press(key);
  assert.equal((await focusState(page)).label, 'Weight w[6][42][64] from neuron 64 of hidden layer 5 to neuron 42 of hidden layer 6');
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type('-1.5');
  await page.keyboard.press('Enter');
  edited = await snapshot(page);
  assert.equal(edited.layers[5].weights[41][63], -1.5);
  assert.equal(edited.iteration, 2);
  // Bad input is refused here too.
  await page.keyboard.press('Enter');
  await input.fill('two');
  await input.press('Enter');
  assert.match(await page.locator('.graph-editor-message').textContent(), /not a number/);
  await input.press('Escape');
  assert.equal((await snapshot(page)).layers[5].weights[41][63], -1.5);
  assert.deepEqual(problems, []);
});

test('8 hidden layers of 64: edges are drawn around what is on screen, and follow a scroll', async () => {
  const { page, problems } = await openPage(site, DEEP);
  await steps(page, 2);
  const inkedAtBottom = async () => {
    await page.waitForFunction(() => !document.getElementById('graph').networkGraph.painter.pending);
    return page.evaluate(() => {
      const graph = document.getElementById('graph').networkGraph;
      const canvas = document.querySelector('.graph-edges');
      const stage = graph.stage.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      const { data, width } = canvasPixels(canvas);
      const scale = canvas.width / box.width;
      const inked = [];
      // The curves between the last four neurons of each pair of hidden layers: their
      // midpoints are at the graph's bottom.
      for (let l = 1; l <= 6; l++) {
        for (let i = 60; i < 64; i++) {
          for (let k = 60; k < 64; k++) {
            const { x, top } = graph.anchorOf({ kind: 'edge', l, i, k });
            const [px, py] = [stage.left + x - box.left, stage.top + top + 4 - box.top];
            inked.push(py >= 0 && py < box.height && data[(Math.floor(py * scale) * width + Math.floor(px * scale)) * 4 + 3] > 0);
          }
        }
      }
      return { inked, canvasHeight: box.height, stageHeight: stage.height, bottomOnScreen: stage.bottom <= innerHeight };
    });
  };
  const before = await inkedAtBottom();
  assert.ok(before.canvasHeight < before.stageHeight / 1.5, `a ${before.canvasHeight} px canvas for a ${before.stageHeight} px graph`);
  assert.ok(!before.bottomOnScreen);
  await page.evaluate(() => {
    const stage = document.getElementById('graph').networkGraph.stage.getBoundingClientRect();
    window.scrollBy(0, stage.bottom - innerHeight + 10);
  });
  await page.waitForFunction(() => {
    const canvas = document.querySelector('.graph-edges').getBoundingClientRect();
    return canvas.bottom <= innerHeight + 400 && canvas.bottom >= innerHeight - 20;
  });
  const after = await inkedAtBottom();
  assert.ok(after.bottomOnScreen);
  assert.ok(after.inked.every(Boolean), JSON.stringify(after.inked));
  assert.deepEqual(problems, []);
});

test('screenshots: the default network, a deep one and a wide one, mid-training', async () => {
  for (const [hash, name, n] of [['', 'graph', 300], ['#hidden=8,8,8,8,8,8&init=xavier', 'graph-deep', 100], [`${DEEP}&init=xavier`, 'graph-64x8', 20]]) {
    const { page, problems } = await openPage(site, hash);
    await page.evaluate((count) => {
      for (let i = 0; i < count; i++) document.getElementById('step').click();
    }, n);
    await drawn(page);
    // The thumbnails come from the raster worker, at the stage's size once they are current.
    await page.waitForFunction(() => {
      const atlas = document.querySelector('.graph-atlas');
      return atlas.width === Math.round(document.querySelector('.graph-stage').offsetWidth * devicePixelRatio);
    }, null, { timeout: 20_000 });
    await page.locator('.graph-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
    assert.deepEqual(problems, []);
  }
});

test('a graph wider than its panel: each layer\'s − and + stay over their column as it scrolls, and none stands past the panel', async () => {
  const { page, problems } = await openPage(site, '#hidden=4,4,4,4,4,4', { viewport: { width: 1280, height: 720 } });
  const look = () => page.evaluate(() => {
    const centre = (e) => { const { left, right } = e.getBoundingClientRect(); return (left + right) / 2; };
    const heads = [...document.querySelectorAll('#graph .graph-label')].map(centre);
    const panel = document.querySelector('.graph-panel').getBoundingClientRect();
    return {
      scrolls: document.getElementById('graph').scrollWidth > document.getElementById('graph').clientWidth,
      panel: [panel.left, panel.right],
      groups: [...document.querySelectorAll('.graph-shape-column')].map((g, i) => ({ hidden: g.hidden, centre: centre(g), head: heads[i + 1], box: g.getBoundingClientRect() })),
    };
  });
  const check = (seen, when) => {
    const shown = seen.groups.filter((g) => !g.hidden);
    assert.ok(shown.length >= 3, `${when}: ${shown.length} layers' buttons shown`);
    for (const g of shown) {
      assert.ok(Math.abs(g.centre - g.head) < 2, `${when}: buttons at ${g.centre}, their column at ${g.head}`);
      assert.ok(g.box.left >= seen.panel[0] && g.box.right <= seen.panel[1], `${when}: buttons within the panel: ${JSON.stringify(g.box)}`);
    }
  };
  const start = await look();
  assert.ok(start.scrolls, 'six layers are wider than the panel');
  check(start, 'at the start');
  await page.evaluate(() => { document.getElementById('graph').scrollLeft = 10_000; });
  await page.waitForFunction(() => {
    const last = [...document.querySelectorAll('.graph-shape-column')].at(-1);
    return !last.hidden;
  });
  const end = await look();
  check(end, 'scrolled to the end');
  // The last layer's + works once its column is in view.
  await page.click('button[aria-label="More neurons in hidden layer 6"]');
  await page.waitForFunction(() => window.neuranim.settings().hidden.join() === '4,4,4,4,4,5');
  assert.deepEqual(problems, []);
});
