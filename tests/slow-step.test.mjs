// The slow-motion step: one update played in the course's four beats, read through the
// `data-phase` the page puts on <html>, ending where a plain Step ends, bit for bit.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, frames, openPage, openSite, pointSpot, snapshot, stepTo, weights } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const PHASES = ['forward', 'cost', 'backward', 'update'];

/** Records every value `data-phase` takes on <html> (null when it goes), even several in
 * one task: each change's record keeps the value before it. */
async function watchPhases(page) {
  await page.evaluate(() => {
    const trail = [];
    new MutationObserver((records) => {
      for (const record of records) trail.push(record.oldValue);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-phase'], attributeOldValue: true });
    window.phaseLog = () => {
      const states = [...trail.slice(1), document.documentElement.dataset.phase ?? null];
      return trail.length ? states.filter((s, i) => i === 0 || s !== states[i - 1]) : [];
    };
  });
}

const phaseLog = (page) => page.evaluate(() => window.phaseLog());
const ended = (page) => page.waitForFunction(() => window.phaseLog().length > 1 && window.phaseLog().at(-1) === null, null, { timeout: 60_000 });

/** A slow step from iteration `from` of the run at `hash`, then the same run by plain steps:
 * both must reach from + 1 with the same weights file. */
async function slowAgainstPlain(hash, from) {
  const { page, problems } = await openPage(site, hash);
  await stepTo(page, from);
  await watchPhases(page);
  await page.selectOption('#slow-step-speed', '1');
  await page.click('#slow-step');
  await ended(page);
  assert.deepEqual(await phaseLog(page), [...PHASES, null]);
  const slow = await snapshot(page);
  assert.equal(slow.iteration, from + 1);
  const slowWeights = await weights(page);
  await page.click('#reset');
  await stepTo(page, from + 1);
  assert.equal(await weights(page), slowWeights, 'the weights after a slow step are a plain step\'s');
  assert.deepEqual(problems, []);
  await page.context().close();
}

test('a slow step plays forward, cost, backward and update, and ends where a plain step ends, bit for bit', async () => {
  await slowAgainstPlain('', 2);
});

test('on mini-batches with Adam and a penalty, the slow step trains the same batch as a plain step', async () => {
  await slowAgainstPlain('#dataset=spiral&hidden=6,3&batchSize=10&optimizer=adam&learningRate=0.03&regularization=l2&regularizationRate=0.01', 37);
});

test('Space pauses within a phase, → goes to the next; the cost shown is the one recorded', async () => {
  const { page, problems } = await openPage(site, '');
  await stepTo(page, 5);
  await watchPhases(page);
  await page.selectOption('#slow-step-speed', '1');
  await page.click('#slow-step');
  await page.waitForSelector('html[data-phase="forward"]');
  await page.locator('#slow-step').blur();
  await page.keyboard.press('Space');
  // Paused: 90 frames (1.5 s at 60 Hz) are longer than the 1 s phase.
  await frames(page, 90);
  assert.deepEqual(await phaseLog(page), ['forward']);
  assert.equal(await page.getAttribute('#phase-pause', 'aria-pressed'), 'true');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('html[data-phase="cost"]');
  // Still paused in the new phase: its sum is assembled only as far as its first point.
  await frames(page, 30);
  assert.match(await page.textContent('.phase-formula'), /Σ loss over 1 of 400 points/);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /^J = /.test(document.querySelector('.phase-formula').textContent));
  const shown = await page.textContent('.phase-formula');
  assert.equal(await snapshot(page).then((s) => s.iteration), 5, 'no update before the update phase');
  const recorded = (await snapshot(page)).trainCost;
  assert.match(shown, new RegExp(`= ${recorded.toFixed(6)}$`), `${shown} against the recorded ${recorded}`);
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('html[data-phase="backward"]');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.documentElement.dataset.phase);
  assert.deepEqual(await phaseLog(page), ['forward', 'cost', 'backward', 'update', null]);
  assert.equal((await snapshot(page)).iteration, 6);
  assert.equal(await page.isVisible('#phase-caption'), false);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the cost beat\'s names of the worst points are drawn above the data\'s points, every pixel of them seen', async () => {
  const { page, problems } = await openPage(site, '');
  await page.selectOption('#slow-step-speed', '8');
  await page.click('#slow-step');
  await page.waitForSelector('html[data-phase="forward"]');
  await page.locator('#slow-step').blur();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('html[data-phase="cost"]');
  await page.waitForFunction(() => /^J = /.test(document.querySelector('.phase-formula').textContent), null, { timeout: 20_000 });
  await page.keyboard.press('Space');
  await frames(page, 2);
  // The labels' own ink, in their red (#b3261e) and opaque, where the page draws them.
  const { ink, box } = await page.evaluate(() => {
    const labels = document.querySelector('.plot canvas.phase-labels');
    const { data, width } = canvasPixels(labels);
    const ink = [];
    for (let i = 0; i < data.length; i += 4) if (data[i] === 179 && data[i + 1] === 38 && data[i + 2] === 30 && data[i + 3] === 255) ink.push([(i / 4) % width, Math.floor(i / 4 / width)]);
    const { x, y, width: w, height: h } = labels.getBoundingClientRect();
    return { ink, box: { x, y, width: w, height: h, scale: labels.width / w } };
  });
  assert.ok(ink.length > 50, `the worst points are named: ${ink.length} pixels of ink`);
  const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
  const seen = await page.evaluate(async ({ png, ink, scale }) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const { data, width } = ctx.getImageData(0, 0, image.width, image.height);
    return ink.filter(([x, y]) => {
      const i = (Math.floor(y / scale) * width + Math.floor(x / scale)) * 4;
      return Math.abs(data[i] - 179) + Math.abs(data[i + 1] - 38) + Math.abs(data[i + 2] - 30) < 24;
    }).length;
  }, { png: shot.toString('base64'), ink, scale: box.scale });
  assert.ok(seen >= 0.97 * ink.length, `${seen} of the labels' ${ink.length} pixels seen on screen`);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.documentElement.dataset.phase);
  assert.equal(await page.locator('.phase-plot, .phase-labels').count(), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('under reduced motion the phases still pass, each shown at once', async () => {
  const { page, problems } = await openPage(site, '', { reducedMotion: 'reduce' });
  await watchPhases(page);
  await page.selectOption('#slow-step-speed', '1');
  await page.click('#slow-step');
  await page.waitForSelector('html[data-phase="forward"]');
  // At once: the forward phase's last layer is named from its first frame on.
  await frames(page, 2);
  assert.match(await page.textContent('.phase-formula'), /layer 2 of 2/);
  await ended(page);
  assert.deepEqual(await phaseLog(page), [...PHASES, null]);
  assert.equal((await snapshot(page)).iteration, 1);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('with a point chosen, the maths panel highlights the rows of each phase', async () => {
  const { page, problems } = await openPage(site, '');
  await stepTo(page, 50);
  const { x, y } = await pointSpot(page);
  await page.mouse.click(x, y);
  await page.locator('.maths-panel').waitFor({ state: 'visible' });
  const lit = () => page.evaluate(() => {
    const plain = getComputedStyle(document.querySelector('.maths-panel')).backgroundColor;
    return [...document.querySelectorAll('.maths-row')]
      .filter((row) => getComputedStyle(row.querySelector('.maths-name')).backgroundColor !== 'rgba(0, 0, 0, 0)' && getComputedStyle(row.querySelector('.maths-name')).backgroundColor !== plain)
      .map((row) => row.dataset.name);
  });
  assert.deepEqual(await lit(), [], 'nothing is highlighted outside a slow step');
  await page.selectOption('#slow-step-speed', '8');
  await page.click('#slow-step');
  const expected = {
    forward: ['X', 'Z[1]', 'A[1]', 'Z[2]', 'A[2]'],
    cost: ['Y', 'loss'],
    backward: ['dZ[2]', 'dW[2]', 'db[2]', 'dZ[1]', 'dW[1]', 'db[1]', 'batch dW[1]', 'batch dW[2]'],
    update: ['new W[1]', 'new b[1]', 'new W[2]', 'new b[2]'],
  };
  for (const phase of PHASES) {
    await page.waitForSelector(`html[data-phase="${phase}"]`);
    assert.deepEqual((await lit()).sort(), [...expected[phase]].sort(), phase);
    await page.screenshot({ path: `${ARTIFACTS}slow-step-${phase}.png` });
    if (phase !== 'update') await page.click('#phase-next');
  }
  await page.click('#phase-finish');
  await page.waitForFunction(() => !document.documentElement.dataset.phase);
  assert.deepEqual(await lit(), []);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Play during a slow step finishes the step first, and a new run under it ends it without an update', async () => {
  const { page, problems } = await openPage(site, '');
  await watchPhases(page);
  await page.selectOption('#slow-step-speed', '8');
  await page.click('#slow-step');
  await page.waitForSelector('html[data-phase="forward"]');
  await page.click('#play');
  await page.waitForFunction(() => !document.documentElement.dataset.phase);
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 1);
  await page.click('#play');
  await page.click('#slow-step');
  await page.waitForSelector('html[data-phase="forward"]');
  // A link to other settings builds a new run while the step plays.
  await page.evaluate(() => { location.hash = '#dataset=circle'; });
  await page.waitForFunction(() => !document.documentElement.dataset.phase);
  assert.equal((await snapshot(page)).iteration, 0);
  assert.equal(await page.locator('.phase-graph, .phase-plot, .phase-labels').count(), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Escape straight after Step slowly, before its first beat, finishes the step: a plain step\'s weights, nothing left playing', async () => {
  const { page, problems } = await openPage(site, '');
  await stepTo(page, 3);
  // Loaded once, so that the step starts in the click's own task, as every later one does.
  await page.click('#slow-step');
  await page.waitForSelector('html[data-phase]');
  await page.click('#phase-finish');
  await page.waitForFunction(() => !document.documentElement.dataset.phase && window.neuranim.snapshot().iteration === 4);
  await watchPhases(page);
  // The click, the step's start (a microtask later), and Escape before the next frame.
  await page.evaluate(async () => {
    document.getElementById('slow-step').click();
    await Promise.resolve();
    await Promise.resolve();
    document.getElementById('slow-step').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  // A beat lasts 2 s: ten frames later the step is made only if it was finished at once.
  await frames(page, 10);
  assert.equal((await snapshot(page)).iteration, 5);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.phase ?? null), null);
  assert.equal(await page.isVisible('#phase-caption'), false);
  const slow = await weights(page);
  await page.click('#reset');
  await stepTo(page, 5);
  assert.equal(await weights(page), slow, 'the weights of five plain steps');
  assert.deepEqual(problems, []);
});
