// Static hosting: the built folder works under any sub-path (every URL relative) and under a
// strict Content-Security-Policy that allows WebAssembly but no eval, no inline script and
// no inline style attributes.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { openPage, openSite } from './support/browser.mjs';
import { downloaded } from './support/downloads.mjs';
import { CSP } from './support/csp.mjs';

let site;
before(async () => {
  site = await openSite(undefined, { prefix: '/courses/ml/neuranim/', headers: { 'Content-Security-Policy': CSP } });
});
after(async () => site?.close());

test('under a sub-path and a strict CSP the page trains, paints in its workers and exports, with no violation', async () => {
  assert.match(site.url, /\/courses\/ml\/neuranim\/$/);
  const { page, problems } = await openPage(site, '#speed=50');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 500);
  await page.click('#play');
  // The raster worker painted the boundary and the thumbnails.
  await page.waitForFunction(() => document.querySelector('.graph-atlas').width > 0);
  assert.equal(await page.getAttribute('#boundary', 'data-painter'), 'worker');
  // The GIF worker, a download, the compare worker.
  await page.click('#save-gif');
  await page.fill('#gif-frames', '4');
  await page.selectOption('#gif-size', '480x240');
  await downloaded(page, () => page.click('#gif-start'));
  await page.click('#compare');
  await page.waitForFunction(() => document.querySelector('.compare-tile')?.dataset.iteration > 0);
  await page.click('#compare-close');
  const violations = await page.evaluate(() => window.cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});

test('the page\'s sources use no eval, no inline handlers and no markup from strings', async () => {
  const root = new URL('../www/', import.meta.url);
  const html = await readFile(new URL('index.html', root), 'utf8');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'no inline scripts');
  assert.doesNotMatch(html, /\sstyle=/i, 'no style attributes');
  assert.doesNotMatch(html, /(src|href)="\//, 'every URL relative');
  for (const name of await readdir(new URL('js/', root))) {
    const source = await readFile(new URL(`js/${name}`, root), 'utf8');
    assert.doesNotMatch(source, /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|\beval\(|new Function\(/, name);
  }
});

test('the page fetches its wasm once, and its workers use the module the page compiled; the files module only on first use, once', async () => {
  const { page, problems } = await openPage(site, '#speed=50', {}, {
    prepare: (page) => {
      page.wasmFetches = [];
      page.context().on('request', (r) => r.url().endsWith('.wasm') && page.wasmFetches.push(r.url()));
    },
  });
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 100);
  await page.click('#play');
  // The raster worker paints, the compare worker trains: each started with the module.
  await page.waitForFunction(() => document.getElementById('boundary').dataset.painter === 'worker');
  await page.click('#compare');
  await page.waitForFunction(() => Number(document.querySelector('.compare-tile')?.dataset.iteration) > 0, null, { timeout: 30_000 });
  await page.click('#compare-close');
  const names = () => page.wasmFetches.map((url) => url.slice(url.lastIndexOf('/') + 1));
  assert.deepEqual(names(), ['neuranim_wasm_bg.wasm']);
  // A saved run (on the page), a GIF and a CSV file (in their workers) use the files module:
  // fetched and compiled once, the workers handed it.
  await downloaded(page, () => page.click('#save-run'));
  await page.click('#save-gif');
  await page.fill('#gif-frames', '4');
  await page.selectOption('#gif-size', '480x240');
  await downloaded(page, () => page.click('#gif-start'));
  await page.setInputFiles('#csv-file', { name: 'three.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n0,0,0\n1,1,1\n2,0,1\n') });
  await page.waitForFunction(() => window.neuranim.dataSize() === 3);
  assert.deepEqual(names(), ['neuranim_wasm_bg.wasm', 'neuranim_files_bg.wasm']);
  assert.deepEqual(problems, []);
});

