// The run controller in the page: "max" speed trains within each frame's budget and shows the
// rate it achieves beside the speed; a stop iteration is met exactly at any speed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, openSite, snapshot } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('"max" trains and the rate it achieves is shown beside the speed', async () => {
  const { page, problems } = await openPage(site, '#speed=max');
  assert.equal(await page.inputValue('#setting-speed'), 'max');
  await page.click('#play');
  await page.waitForFunction(() => /updates\/s/.test(document.getElementById('rate').textContent), null, { timeout: 30_000 });
  const text = await page.textContent('#rate');
  const [updates, epochs] = text.match(/[\d,.]+/g).map((n) => Number(n.replace(/,/g, '')));
  assert.ok(updates > 600, `${text}: more than speed 10 would give at 60 frames/s`);
  // The course's run trains on the full batch: an epoch is an update.
  assert.equal(updates, epochs, text);
  await page.click('#play');
  await page.waitForFunction(() => document.getElementById('rate').textContent === '');
  assert.deepEqual(problems, []);
});

test('a stop iteration is met exactly at "max" and at a speed that does not divide it', async () => {
  for (const hash of ['#speed=max&iterations=5000', '#speed=300&iterations=1000&batchSize=7']) {
    const { page, problems } = await openPage(site, hash);
    await page.click('#play');
    await page.waitForFunction(() => document.getElementById('play').textContent === 'Play' && window.neuranim.snapshot().iteration > 0, null, { timeout: 60_000 });
    const stopAt = Number(new URLSearchParams(hash.slice(1)).get('iterations'));
    assert.equal((await snapshot(page)).liveIteration, stopAt, hash);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the speed field takes "max" and numbers from 0.05 (three updates a second) to 100,000, clamping the rest', async () => {
  const { page, problems } = await openPage(site);
  for (const [typed, shown] of [['max', 'max'], ['25000', '25000'], ['250000', '100000'], ['0.2', '0.2'], ['0', '0.05']]) {
    await page.fill('#setting-speed', typed);
    await page.press('#setting-speed', 'Enter');
    assert.equal(await page.inputValue('#setting-speed'), shown, typed);
    assert.equal(await page.evaluate(() => window.neuranim.settings().speed), shown === 'max' ? 'max' : Number(shown));
  }
  assert.deepEqual(problems, []);
});
