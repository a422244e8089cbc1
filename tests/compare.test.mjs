// Compare mode: the course's figure, live — seven hidden sizes trained side by side in a
// worker, with the accuracies the course prints, and any of them opened in the main view.
// (How the page's frames fare meanwhile is measured by scripts/bench-page.mjs.)

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

test('seven hidden sizes train side by side to the course\'s accuracies', async () => {
  const { page, problems } = await openPage(site);
  await page.click('#compare');
  await page.waitForFunction(() => document.getElementById('compare-status').textContent.startsWith('Done'), null, { timeout: 120_000 });
  const tiles = await page.$$eval('.compare-tile', (els) => els.map((e) => ({
    name: e.querySelector('.compare-name').textContent,
    accuracy: Number(e.dataset.score),
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

test('networks that diverge end the comparison too, and it says which; a regression is scored by its RMSE', async () => {
  const { page, problems } = await openPage(site, '#learningRate=100&activation=relu&init=he');
  await page.click('#compare');
  await page.waitForFunction(() => document.getElementById('compare-status').textContent.startsWith('Done'), null, { timeout: 120_000 });
  const status = await page.textContent('#compare-status');
  const diverged = await page.$$eval('.compare-tile', (els) => els.filter((e) => e.querySelector('.compare-caption').textContent.endsWith('diverged'))
    .map((e) => e.querySelector('.compare-name').textContent.split(' ')[0]));
  assert.ok(diverged.length > 0 && diverged.length < 7, `diverged: ${diverged}`);
  assert.equal(status, `Done. ${diverged.join(', ')} hidden diverged, and stopped where they did. Click a network to open it in the main view.`);
  await page.keyboard.press('Escape');
  // A regression, its sizes typed and trained with Enter: RMSE, as the page's readout says.
  await page.evaluate(() => { location.hash = '#dataset=plane'; });
  await page.waitForFunction(() => window.neuranim.settings().dataset === 'plane');
  await page.click('#compare');
  await page.fill('#compare-sizes', '1, 50');
  await page.evaluate(() => {
    window.firstDiverged = null;
    new MutationObserver(() => {
      const caption = document.querySelectorAll('.compare-caption')[1]?.textContent ?? '';
      if (!window.firstDiverged && caption.endsWith('diverged')) window.firstDiverged = caption;
    }).observe(document.getElementById('compare-grid'), { subtree: true, childList: true, characterData: true });
  });
  await page.press('#compare-sizes', 'Enter');
  // The 50 diverges early and stays where it went back to, said so, to the end.
  await page.waitForFunction(() => document.getElementById('compare-status').textContent.startsWith('Done'), null, { timeout: 120_000 });
  const captions = await page.$$eval('.compare-caption', (els) => els.map((e) => e.textContent));
  assert.match(captions[0], /^RMSE \d\.\d{6} · 5,000 it\.$/);
  assert.match(captions[1], /^RMSE [\d.e+]+ · \d+ it\. · diverged$/);
  assert.equal(captions[1], await page.evaluate(() => window.firstDiverged), 'it trained no further once diverged');
  assert.equal(await page.textContent('#compare-status'), 'Done. 50 hidden diverged, and stopped where they did. Click a network to open it in the main view.');
  // More sizes than train at once: those left out are named; sizes that are not: no tiles left.
  await page.fill('#compare-sizes', Array.from({ length: 14 }, (_, i) => i + 1).join(', '));
  await page.press('#compare-sizes', 'Enter');
  assert.match(await page.textContent('#compare-status'), /^Training 12 networks for 5,000 iterations each \(13, 14 left out: at most 12 at once\)/);
  await page.fill('#compare-sizes', '0, 3.5, x');
  await page.click('#compare-restart');
  assert.equal(await page.locator('.compare-tile').count(), 0);
  assert.equal(await page.textContent('#compare-status'), 'Hidden sizes: whole numbers from 1 to 64, separated by commas.');
  assert.deepEqual(problems, []);
});
