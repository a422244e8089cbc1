// The first live page: press Play, watch the flower's boundary form.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, openPage, openSite } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const readNumber = async (page, id) =>
  Number((await page.textContent(`#${id}`)).replace(/[^0-9.eE+-]/g, ''));

/** Counts clearly orange (class 0) and clearly blue (class 1) pixels in the boundary panel. */
async function classColourCounts(page) {
  return page.evaluate(() => {
    const canvas = document.getElementById('boundary');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > data[i + 2] + 80) orange++;
      else if (data[i + 2] > data[i] + 80) blue++;
    }
    return { orange, blue, pixels: data.length / 4, width: canvas.width, height: canvas.height };
  });
}

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
  const counts = await classColourCounts(page);
  // The boundary covers the whole backing store, at device resolution.
  const cssWidth = await page.evaluate(() => document.getElementById('boundary').getBoundingClientRect().width);
  assert.equal(counts.width, Math.round(cssWidth));
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
  const { page, problems } = await openPage(site, '', {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    hasTouch: true,
    isMobile: true,
  });
  await page.tap('#step');
  assert.equal(await readNumber(page, 'iteration'), 1);
  const { width, css, ratio } = await page.evaluate(() => {
    const c = document.getElementById('boundary');
    return { width: c.width, css: c.getBoundingClientRect().width, ratio: devicePixelRatio };
  });
  assert.equal(ratio, 3);
  assert.equal(width, Math.round(css * ratio));
  const [panel, toggles] = await page.evaluate(() => ['.data-panel', '.toggles'].map((s) => document.querySelector(s).getBoundingClientRect().bottom));
  assert.ok(toggles <= panel, `the data panel holds its plot and toggles (${toggles} > ${panel})`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
  await page.screenshot({ path: `${ARTIFACTS}page-390x844.png`, fullPage: true });
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
    return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4000 === 0)).join();
  });
  await page.waitForTimeout(300);
  const output = await sample();
  await page.evaluate(() => window.neuranim.showNeuron(0, 1));
  await page.waitForTimeout(300);
  const neuron = await sample();
  assert.notEqual(neuron, output);
  await page.evaluate(() => window.neuranim.showNeuron(null));
  await page.waitForTimeout(300);
  assert.equal(await sample(), output);
  assert.deepEqual(problems, []);
});
