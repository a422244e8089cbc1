// The embed page in an iframe: minimal chrome, settings from the hash, hide flags honoured.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, openSite } from './support/browser.mjs';
import { ENGINE, onlyIn } from './support/engine.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('an iframe of embed.html with hide flags shows only what it should, and trains', async () => {
  const context = await site.browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  // A blog post's page: the embed in an iframe.
  await page.setContent(`<!doctype html><title>a post</title><link rel="icon" href="data:,"><p>Here is the course's network learning:</p>
    <iframe id="figure" src="${site.url}embed.html#dataset=xor&hidden=4,2&learningRate=0.3&speed=20&hide=graph,legend" width="800" height="700"></iframe>`);
  const frame = page.frameLocator('#figure');
  await frame.locator('html[data-ready="true"]').waitFor({ timeout: 30_000 });
  const visible = async (selector) => frame.locator(selector).first().isVisible();
  for (const hidden of ['.masthead', '.settings-panel', '.exports', '.data-tools', '.timeline-panel', '.graph-panel', '.legend']) {
    assert.equal(await visible(hidden), false, `${hidden} hidden`);
  }
  for (const shown of ['#boundary', '#play', '.readouts', '#chart']) assert.equal(await visible(shown), true, `${shown} shown`);
  const inner = page.frames().find((f) => f.url().includes('embed.html'));
  // Firefox's BiDi input here does not reach a frame of another origin (another process):
  // there the button is clicked by the frame's own DOM.
  await (ENGINE === 'chromium' ? frame.locator('#play').click() : inner.evaluate(() => document.getElementById('play').click()));
  await inner.waitForFunction(() => window.neuranim.snapshot().iteration > 200);
  assert.equal((await inner.evaluate(() => window.neuranim.settings())).dataset, 'xor');
  await page.screenshot({ path: `${ARTIFACTS}embed.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [width, height] of [[800, 700], [600, 500]]) {
  test(`a ${width}×${height} iframe holds Play, the plot, the readouts and a small chart, all inside its frame`, async () => {
    const context = await site.browser.newContext({ viewport: { width: width + 100, height: height + 100 } });
    const page = await context.newPage();
    await page.setContent(`<!doctype html><title>a post</title><link rel="icon" href="data:,"><iframe id="figure" src="${site.url}embed.html" width="${width}" height="${height}" style="border:0"></iframe>`);
    const frame = page.frameLocator('#figure');
    await frame.locator('html[data-ready="true"]').waitFor({ timeout: 30_000 });
    const boxes = await frame.locator('html').evaluate(() => Object.fromEntries(['#play', '#boundary', '#iteration', '#cost', '#accuracy', '#chart'].map((s) => {
      const b = document.querySelector(s).getBoundingClientRect();
      return [s, { x: b.x, y: b.y, right: b.right, bottom: b.bottom, width: b.width, height: b.height }];
    })));
    for (const [selector, b] of Object.entries(boxes)) {
      assert.ok(b.width > 0 && b.x >= 0 && b.y >= 0 && b.right <= width && b.bottom <= height, `${selector} inside the frame: ${JSON.stringify(b)}`);
    }
    assert.ok(boxes['#boundary'].height >= height * 0.55, `a ${boxes['#boundary'].height} px plot`);
    assert.ok(boxes['#chart'].height >= 80, `a ${boxes['#chart'].height} px chart`);
    await context.close();
  });
}

test('Present in a frame that may not go full screen opens the full page in presenter mode, with the frame\'s settings', { skip: onlyIn('chromium', 'the new tab is followed through playwright\'s popup event') }, async () => {
  const context = await site.browser.newContext({ viewport: { width: 700, height: 600 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.setContent(`<!doctype html><title>a post</title><link rel="icon" href="data:,">
    <iframe id="figure" src="${site.url}embed.html#dataset=xor&hidden=4,2" width="560" height="420"></iframe>`);
  const frame = page.frameLocator('#figure');
  await frame.locator('html[data-ready="true"]').waitFor({ timeout: 30_000 });
  const [tab] = await Promise.all([context.waitForEvent('page'), frame.locator('#present').click()]);
  await tab.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  assert.match(tab.url(), /\/index\.html#/);
  const { large, dataset, hidden } = await tab.evaluate(() => ({ ...window.neuranim.settings(), large: document.documentElement.classList.contains('presenter') }));
  assert.deepEqual({ large, dataset, hidden }, { large: true, dataset: 'xor', hidden: [4, 2] });
  // The frame itself stays as it was, and nothing was refused on the way.
  assert.equal(await frame.locator('html').evaluate((html) => html.classList.contains('presenter')), false);
  assert.deepEqual(problems, []);
  await context.close();
});
