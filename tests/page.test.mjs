// The first live page: press Play, watch the flower's boundary form.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, boundaryShown, openPage, openSite } from './support/browser.mjs';
import { ENGINE } from './support/engine.mjs';
import { classInk } from './support/ink.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const readNumber = async (page, id) =>
  Number((await page.textContent(`#${id}`)).replace(/[^0-9.eE+-]/g, ''));

test('Play trains the flower past iteration 1000 and paints both classes', async () => {
  const { page, problems } = await openPage(site);
  assert.equal(await readNumber(page, 'iteration'), 0);
  await page.fill('#setting-speed', '100');
  await page.press('#setting-speed', 'Enter');
  await page.click('#play');
  await page.waitForFunction(
    () => Number(document.getElementById('iteration').textContent.replace(/,/g, '')) > 1000,
    null,
    { timeout: 60_000 },
  );
  await page.click('#play');
  const iteration = await readNumber(page, 'iteration');
  const cost = await readNumber(page, 'cost');
  assert.ok(iteration > 1000, `iteration ${iteration}`);
  assert.ok(cost < 0.35, `cost ${cost} after ${iteration} iterations`);
  // Clearly orange (class 0) and clearly blue (class 1) pixels, over the whole backing store
  // at device resolution.
  const counts = await page.evaluate(`(${classInk})('#boundary', 80)`);
  const { width, cssWidth } = await page.evaluate(() => {
    const canvas = document.getElementById('boundary');
    return { width: canvas.width, cssWidth: canvas.getBoundingClientRect().width };
  });
  assert.equal(width, Math.round(cssWidth));
  assert.ok(counts.orange > counts.pixels * 0.05, JSON.stringify(counts));
  assert.ok(counts.blue > counts.pixels * 0.05, JSON.stringify(counts));
  await page.screenshot({ path: `${ARTIFACTS}page-1280x720.png` });
  assert.deepEqual(problems, []);
});

test('Step makes one update and Reset returns to iteration 0; keys do the same', async () => {
  const { page, problems } = await openPage(site);
  await page.click('#step');
  assert.equal(await readNumber(page, 'iteration'), 1);
  const cost1 = await readNumber(page, 'cost');
  assert.ok(cost1 > 0.69 && cost1 < 0.7, `cost after one update ${cost1}`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await readNumber(page, 'iteration'), 2);
  await page.click('#reset');
  assert.equal(await readNumber(page, 'iteration'), 0);
  assert.equal(await readNumber(page, 'cost'), 0.693048);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('r');
  assert.equal(await readNumber(page, 'iteration'), 0);
  assert.deepEqual(problems, []);
});

test('the page stacks on a phone-sized screen at device pixel ratio 3', async () => {
  // A phone's touch and mobile viewport where the engine's driver emulates them (Chromium);
  // Firefox's, over BiDi, emulates the screen's size and pixel ratio.
  const phone = ENGINE === 'chromium' ? { hasTouch: true, isMobile: true } : {};
  const { page, problems } = await openPage(site, '', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, ...phone });
  await (ENGINE === 'chromium' ? page.tap('#step') : page.click('#step'));
  assert.equal(await readNumber(page, 'iteration'), 1);
  const { width, css, ratio } = await page.evaluate(() => {
    const c = document.getElementById('boundary');
    return { width: c.width, css: c.getBoundingClientRect().width, ratio: devicePixelRatio };
  });
  assert.equal(ratio, 3);
  assert.equal(width, Math.round(css * ratio));
  const [panel, toggles] = await page.evaluate(() => ['.data-panel', '.toggles'].map((s) => document.querySelector(s).getBoundingClientRect().bottom));
  assert.ok(toggles <= panel, `the data panel holds its plot and toggles (${toggles} > ${panel})`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
  await page.screenshot({ path: `${ARTIFACTS}page-390x844.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test('on a phone a tapped point\'s maths come under the plot, which stays where it was, its numbers in lines of readable width', async () => {
  const phone = ENGINE === 'chromium' ? { hasTouch: true, isMobile: true } : {};
  const { page, problems } = await openPage(site, '', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, ...phone });
  await page.evaluate(() => { for (let i = 0; i < 200; i++) document.getElementById('step').click(); });
  const { x, y, top } = await page.evaluate(() => {
    const [x1, x2] = window.neuranim.dataPoints();
    const [a, b, c, d] = window.neuranim.bounds();
    const box = document.querySelector('.plot').getBoundingClientRect();
    return { x: box.left + ((x1 - a) / (b - a)) * box.width, y: box.top + ((d - x2) / (d - c)) * box.height, top: box.top };
  });
  await (ENGINE === 'chromium' ? page.touchscreen.tap(x, y) : page.mouse.click(x, y));
  await page.locator('.maths-panel').waitFor({ state: 'visible' });
  const seen = await page.evaluate(() => ({
    plot: document.querySelector('.plot').getBoundingClientRect(),
    maths: document.querySelector('.maths-panel').getBoundingClientRect().top,
    narrowest: Math.min(...[...document.querySelectorAll('.maths-value')].map((v) => v.getBoundingClientRect().width)),
  }));
  assert.equal(seen.plot.top, top, 'the plot stays under the finger');
  assert.ok(seen.maths >= seen.plot.bottom, `the maths at ${seen.maths}, the plot ending at ${seen.plot.bottom}`);
  assert.ok(seen.narrowest >= 120, `numbers in a column ${seen.narrowest} px wide`);
  assert.deepEqual(problems, []);
});

test('a module that fails to load shows a visible error, not a blank page', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(site.url);
  const banner = page.locator('#error');
  await banner.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await banner.textContent(), /Something went wrong/);
  await context.close();
});

test('a neuron\'s own map can replace the output in the data panel', async () => {
  const { page, problems } = await openPage(site);
  await page.keyboard.press('ArrowRight');
  const sample = () => page.evaluate(() => {
    const c = document.getElementById('boundary');
    return Array.from(canvasPixels(c).data.filter((_, i) => i % 4000 === 0)).join();
  });
  await boundaryShown(page);
  const output = await sample();
  await page.evaluate(() => window.neuranim.showNeuron(0, 1));
  await boundaryShown(page);
  const neuron = await sample();
  assert.notEqual(neuron, output);
  await page.evaluate(() => window.neuranim.showNeuron(null));
  await boundaryShown(page);
  assert.equal(await sample(), output);
  assert.deepEqual(problems, []);
});

test('the data panel has axes with ticks around the plot, and a key for each kind of picture', async () => {
  const { page, problems } = await openPage(site);
  // Ink left of and below the plot (tick marks and labels), none above or right of it.
  const margins = await page.evaluate(() => {
    const overlay = document.getElementById('plot-overlay');
    const { data, width, height } = canvasPixels(overlay);
    const outer = overlay.getBoundingClientRect();
    const plot = document.getElementById('boundary').getBoundingClientRect();
    const r = overlay.width / outer.width;
    const inked = (x0, y0, x1, y1) => {
      let n = 0;
      for (let y = Math.round(y0 * r); y < Math.round(y1 * r); y++) {
        for (let x = Math.round(x0 * r); x < Math.round(x1 * r); x++) if (data[(y * width + x) * 4 + 3] > 0) n++;
      }
      return n;
    };
    const left = plot.left - outer.left;
    const top = plot.top - outer.top;
    return {
      left: inked(0, top + 12, left, plot.bottom - outer.top),
      bottom: inked(left, plot.bottom - outer.top, plot.right - outer.left - 16, height / r),
      right: inked(plot.right - outer.left, 0, width / r, height / r),
    };
  });
  assert.ok(margins.left > 50 && margins.bottom > 50, JSON.stringify(margins));
  assert.equal(margins.right, 0);
  const ticks = async () => (await page.locator('#legend').textContent()).replace(/\s+/g, ' ');
  assert.match(await ticks(), /class 0.*P\(class 1\).*class 1/);
  await page.evaluate(() => window.neuranim.showNeuron(0, 1));
  assert.match(await ticks(), /Neuron activation\s*-1\s*0\s*1/);

  await page.evaluate(() => { location.hash = '#dataset=plane'; });
  await page.waitForFunction(() => document.getElementById('legend').textContent.includes('Predicted value'));
  assert.match(await ticks(), /Predicted value\s*−1\s*0\s*1/);
  await page.evaluate(() => { location.hash = '#dataset=spiral3'; });
  await page.waitForFunction(() => document.getElementById('legend').textContent.includes('class 2'));
  assert.equal(await page.locator('#legend .swatch').count(), 3);
  assert.deepEqual(problems, []);
});
