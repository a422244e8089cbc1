// The single self-contained file (scripts/build-single.mjs) opened from file://: it trains,
// its workers run from the sources it carries, and nothing is fetched.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { catchDownloads, downloaded } from './support/downloads.mjs';
import { ENGINE, launchBrowser } from './support/engine.mjs';

const FILE = new URL('../dist/neuranim.html', import.meta.url).pathname;
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

test('the single file, opened from file://, trains and runs its workers without fetching anything', async (t) => {
  assert.ok(existsSync(FILE), 'scripts/build-single.mjs has written dist/neuranim.html');
  t.diagnostic(`dist/neuranim.html: ${(statSync(FILE).size / 1024 / 1024).toFixed(2)} MB`);
  // Each wasm (the training module and the files module) once, gzipped (the gzip magic
  // number in base64 opens a string), and no copy left as it was (the wasm magic number in
  // base64); each compiled once, handed to the workers.
  const text = readFileSync(FILE, 'utf8');
  const copies = text.split('"H4sI').length - 1;
  assert.equal(copies, 2, `${copies} gzipped modules`);
  assert.equal(text.split('AGFzbQ').length - 1, 0);
  assert.ok(text.length <= 800_000, `${text.length} B`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && problems.push(`request: ${r.url()}`));
  if (ENGINE !== 'chromium') await page.addInitScript(catchDownloads);
  await page.goto(`${pathToFileURL(FILE).href}#speed=50`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 500, null, { timeout: 30_000 });
  await page.click('#play');
  // The raster worker painted the boundary and the thumbnails; the compare worker trains.
  await page.waitForFunction(() => document.querySelector('.graph-atlas').width > 0);
  await page.waitForFunction(() => document.getElementById('boundary').dataset.painter === 'worker');
  await page.click('#compare');
  await page.waitForFunction(() => Number(document.querySelector('.compare-tile')?.dataset.iteration) > 0, null, { timeout: 30_000 });
  await page.click('#compare-close');
  assert.ok((await page.evaluate(() => window.neuranim.snapshot())).trainScore > 0.8);
  // The files module, inlined too: a saved run is a run file.
  const download = await downloaded(page, () => page.click('#save-run'));
  assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).format, 'neuranim-run');
  // The CSV worker reads a file.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x1,x2,label\n0,0,0\n1,1,1\n0,1,1\n'], 'three.csv', { type: 'text/csv' }));
    const input = document.getElementById('csv-file');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => window.neuranim.dataSize() === 3);
  assert.deepEqual(problems, []);
  await page.close();
});
