// The parts of the page loaded on first use (on-first-use.js through on-demand.js): a load
// that fails is said by name and changes nothing, the next use tries again and the notice
// goes once the part comes; Escape pressed while one loads takes back its click.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { errorShown, notice, openPage, openSite, stepOnce } from './support/browser.mjs';
import { ENGINE } from './support/engine.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('a part of the page loaded on first use that cannot be fetched is said, and comes at the next try', async () => {
  const { page, problems } = await openPage(site, '');
  const offline = (route) => route.abort('internetdisconnected');
  await page.route('**/on-first-use.js', offline);
  await page.click('#compare');
  await page.waitForFunction(() => /^The comparison could not be loaded \(.+\); nothing else changed\./.test(document.getElementById('notice').textContent));
  assert.equal(await page.isVisible('#compare-dialog'), false);
  assert.equal(await errorShown(page), false);
  await stepOnce(page);
  // Firefox keeps a failed module failed until the page reloads, as the notice says.
  if (ENGINE === 'chromium') {
    await page.unroute('**/on-first-use.js', offline);
    await page.click('#compare');
    await page.waitForSelector('#compare-dialog[open]');
    await page.click('#compare-close');
    // The part came: its failure is no longer said.
    assert.doesNotMatch(await notice(page), /could not be loaded/);
  }
  assert.deepEqual(problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|on-first-use\.js|dynamically imported module/.test(problem)), []);
});

test('Escape pressed while a part of the page loads takes back the click that asked for it', async () => {
  const { page, problems } = await openPage(site, '');
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/on-first-use.js', async (route) => {
    await held;
    await route.continue();
  });
  const loaded = page.waitForResponse('**/on-first-use.js');
  await page.click('#compare');
  await page.keyboard.press('Escape');
  release();
  await loaded;
  // The module and what it imports evaluated, and a frame for anything that would open.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/compare.js')));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await page.evaluate(() => document.querySelector('dialog[open]')), null);
  // The next click opens it.
  await page.click('#compare');
  await page.waitForSelector('#compare-dialog[open]');
  assert.deepEqual(problems, []);
});
