// The published site (scripts/build-site.mjs: the modules bundled into a few files): under
// a sub-path and the strict CSP, the page trains and its workers paint and compare, the
// lesson's figures and the demo post's element start, the embed loads; and a first visit
// loads a handful of scripts, each page's chunks hinted.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openPage, openSite } from './support/browser.mjs';
import { CSP } from './support/csp.mjs';

const SITE = new URL('../site/', import.meta.url).pathname;
let site;
before(async () => {
  assert.ok(existsSync(`${SITE}index.html`), 'node scripts/build-site.mjs has built site/');
  site = await openSite(SITE, { prefix: '/courses/ml/neuranim/', headers: { 'Content-Security-Policy': CSP } });
});
after(async () => site?.close());

test('the bundled page trains, paints in its worker and compares, loading a handful of scripts', async () => {
  const scripts = [];
  const { page, problems } = await openPage(site, '#speed=50', {}, {
    prepare: (p) => p.on('request', (r) => r.url().endsWith('.js') && scripts.push(r.url())),
  });
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 500 && document.getElementById('boundary').dataset.painter === 'worker');
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('.graph-atlas').width > 0);
  await page.click('#compare');
  await page.waitForFunction(() => document.querySelector('.compare-tile')?.dataset.iteration > 0);
  await page.click('#compare-close');
  // The page's entry, its chunks and the raster worker's, not the seventy modules of www/.
  assert.ok(new Set(scripts).size <= 12, `${new Set(scripts).size} scripts: ${[...new Set(scripts)].join(' ')}`);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the bundled lesson, demo post and embed start their runs', async () => {
  const lesson = await openPage(site, 'lesson.html');
  await lesson.page.waitForFunction(() => [...document.querySelectorAll('neuranim-playground')].every((e) => e.snapshot()));
  await lesson.page.locator('#figure-slow').scrollIntoViewIfNeeded();
  await lesson.page.locator('#figure-slow button.play').click();
  await lesson.page.waitForFunction(() => document.querySelector('#figure-slow').snapshot().iteration > 200);
  const post = await openPage(site, 'blog.html', {}, { ready: 'neuranim-playground' });
  await post.page.waitForFunction(() => document.getElementById('flower').snapshot() !== null);
  const embed = await openPage(site, 'embed.html');
  for (const { page, problems } of [lesson, post, embed]) {
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('each page hints exactly the chunks its scripts import, and every file it names exists', () => {
  for (const name of ['index.html', 'lesson.html', 'blog.html', 'embed.html']) {
    const html = readFileSync(`${SITE}${name}`, 'utf8');
    for (const [, path] of html.matchAll(/(?:href|src)="((?:js|pkg)\/[^"]+)"/g)) assert.ok(existsSync(`${SITE}${path}`), `${name}: ${path}`);
    assert.doesNotMatch(html, /modulepreload: written/, `${name}: the source's hints are replaced`);
  }
  assert.ok(readdirSync(`${SITE}js`).length < 20);
});
