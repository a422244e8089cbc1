// The page in Firefox ESR: a subset of the suite that touches what differs between engines
// (the wasm, workers, canvases, bitmaps, dialogs): it trains to the same bits as Chromium,
// paints in its worker, plays a slow step, compares, and the lesson and the one-file build
// work. scripts/setup.sh --browser installs Firefox ESR.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { openPage, openSite, stepTo, weights } from './support/browser.mjs';
import { FIREFOX, openFirefoxPage, openFirefoxSite } from './support/firefox.mjs';
import { classInk } from './support/ink.mjs';

let site;
before(async () => {
  assert.ok(existsSync(FIREFOX), `${FIREFOX} is not installed: scripts/setup.sh --browser installs it`);
  site = await openFirefoxSite();
});
after(async () => site?.close());

const HASH = '#dataset=spiral&hidden=6,3&init=xavier&optimizer=adam&learningRate=0.01&batchSize=7';

test('Firefox trains to the bits Chromium trains to, and paints the boundary in its worker', async () => {
  const { page, problems } = await openFirefoxPage(site, site.url + HASH);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.wasm), 'simd');
  await page.evaluate(() => {
    while (window.neuranim.snapshot().iteration < 400) document.getElementById('step').click();
  });
  const firefox = await page.evaluate(() => window.neuranim.weightsJson());
  const chromium = await openSite();
  try {
    const other = await openPage(chromium, HASH);
    await stepTo(other.page, 400);
    assert.equal(firefox, await weights(other.page), 'the same weights, bit for bit');
  } finally {
    await chromium.close();
  }
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 700 && document.getElementById('boundary').dataset.painter === 'worker', { timeout: 30_000 });
  await page.click('#play');
  await page.waitForFunction(() => {
    const { requested, shown } = document.getElementById('boundary').dataset;
    return requested === shown;
  });
  const ink = await page.evaluate(classInk, '#boundary');
  assert.ok(ink.orange > 1000 && ink.blue > 1000, JSON.stringify(ink));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox plays a slow step through its four phases, and Compare trains', async () => {
  const { page, problems } = await openFirefoxPage(site, site.url);
  await page.evaluate(() => {
    window.phases = [];
    new MutationObserver((records) => {
      for (const r of records) window.phases.push(r.oldValue);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-phase'], attributeOldValue: true });
  });
  await page.select('#slow-step-speed', '1');
  await page.click('#slow-step');
  await page.waitForFunction(() => window.phases.length === 5 && !document.documentElement.dataset.phase, { timeout: 30_000 });
  assert.deepEqual(await page.evaluate(() => window.phases.slice(1)), ['forward', 'cost', 'backward', 'update']);
  assert.equal(await page.evaluate(() => window.neuranim.snapshot().iteration), 1);
  await page.click('#compare');
  await page.waitForFunction(() => Number(document.querySelector('.compare-tile')?.dataset.iteration) > 0, { timeout: 30_000 });
  await page.click('#compare-close');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox shows the lesson, whose figures train, the hidden sizes to the course\'s accuracies', async () => {
  const { page, problems } = await openFirefoxPage(site, `${site.url}lesson.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('neuranim-playground')].every((e) => e.snapshot()), { timeout: 30_000 });
  await page.evaluate(() => document.querySelector('#figure-network').scrollIntoView());
  await page.evaluate(() => document.querySelector('#figure-network').setPlaying(true));
  await page.waitForFunction(() => document.querySelector('#figure-network').snapshot().iteration >= 1000, { timeout: 30_000 });
  assert.ok(await page.evaluate(() => document.querySelector('#figure-network').snapshot().trainScore) > 0.8);
  await page.click('#play-all');
  // The whole grid on screen (the click scrolled to its button): a figure out of view pauses.
  await page.evaluate(() => document.querySelector('#multiples').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => [...document.querySelectorAll('#multiples neuranim-playground')].every((e) => e.snapshot().iteration === 5000), { timeout: 120_000 });
  const shown = await page.evaluate(() => [...document.querySelectorAll('#multiples neuranim-playground')].map((e) => Number((100 * e.snapshot().trainScore).toFixed(2))));
  assert.deepEqual(shown, [67.5, 67.25, 90.75, 90.5, 91.25, 90, 90.25]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox opens the one-file build from file:// and trains', async () => {
  const file = new URL('../dist/neuranim.html', import.meta.url).pathname;
  assert.ok(existsSync(file), 'scripts/build-single.mjs has written dist/neuranim.html');
  const { page, problems } = await openFirefoxPage(site, pathToFileURL(file).href);
  await page.evaluate(() => {
    while (window.neuranim.snapshot().iteration < 300) document.getElementById('step').click();
  });
  assert.ok(await page.evaluate(() => window.neuranim.snapshot().trainScore) > 0.6);
  assert.deepEqual(problems, []);
  await page.close();
});
