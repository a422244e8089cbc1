// Compare mode: the course's figure, live — seven hidden sizes trained side by side in a
// worker, with the accuracies the course prints, the page's frames going on meanwhile, and
// any of them opened in the main view.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, openPage, openSite } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

// The course's "Tuning hidden layer size" printout after 5000 iterations of the flower.
const COURSE = { 1: 67.5, 2: 67.25, 3: 90.75, 4: 90.5, 5: 91.25, 20: 90.0, 50: 90.25 };

test('seven hidden sizes train side by side to the course\'s accuracies while the page keeps its frames', async (t) => {
  const { page, problems } = await openPage(site);
  await page.click('#compare');
  // Frame times on the main thread while the worker trains.
  const frames = await page.evaluate(() => new Promise((done) => {
    const times = [];
    let last = performance.now();
    const tick = (now) => {
      times.push(now - last);
      last = now;
      if (times.length < 120) requestAnimationFrame(tick);
      else done(times.sort((a, b) => a - b));
    };
    requestAnimationFrame(tick);
  }));
  const median = frames[frames.length >> 1];
  const p95 = frames[Math.floor(frames.length * 0.95)];
  t.diagnostic(`main-thread frame time while 7 models train: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${frames.at(-1).toFixed(1)} ms`);
  assert.ok(median < 34, `median frame ${median} ms`);
  await page.waitForFunction(() => document.getElementById('compare-status').textContent.startsWith('Done'), null, { timeout: 120_000 });
  const tiles = await page.$$eval('.compare-tile', (els) => els.map((e) => ({
    name: e.querySelector('.compare-name').textContent,
    accuracy: Number(e.dataset.accuracy),
    iteration: Number(e.dataset.iteration),
  })));
  assert.equal(tiles.length, 7);
  for (const tile of tiles) {
    const size = Number(tile.name.split(' ')[0]);
    assert.equal(tile.iteration, 5000);
    assert.equal((100 * tile.accuracy).toFixed(2), COURSE[size].toFixed(2), `${size} hidden`);
  }
  await page.screenshot({ path: `${ARTIFACTS}compare.png` });
  // A click opens that network, trained, in the main view.
  await page.click('.compare-tile:nth-child(6)');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration === 5000);
  assert.equal(await page.isVisible('#compare-dialog'), false);
  assert.deepEqual((await page.evaluate(() => window.neuranim.settings())).hidden, [20]);
  assert.equal((await page.evaluate(() => window.neuranim.snapshot())).trainScore, 0.9);
  assert.deepEqual(problems, []);
});
