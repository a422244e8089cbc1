// The element used from another site, as a blogger pastes it: the post on one origin, the
// element's module, glue, wasm, workers and CSS on the project's; a CSS reset that hides
// [hidden]; and the fallback a post shows when the module cannot load.

import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support/engine.mjs';
import { serve } from '../scripts/static-server.mjs';

let project;
let noWasmCors;
let blog;
let browser;
before(async () => {
  project = await serve(new URL('../www/', import.meta.url).pathname, 0);
  // A host that lets other sites use its scripts but not its wasm.
  noWasmCors = await serve(new URL('../www/', import.meta.url).pathname, 0, '127.0.0.1', {
    headers: (path) => (path.endsWith('.wasm') ? { 'Access-Control-Allow-Origin': undefined } : {}),
  });
  const posts = await mkdtemp(join(tmpdir(), 'neuranim-post-'));
  // The blog on another origin: another port of the loopback address by name.
  const element = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<style>[hidden] { display: none !important; } * { box-sizing: content-box; } neuranim-playground { display: block; max-width: 600px; }</style>
<script type="module" src="${script}"></script></head><body><article><h1>A post</h1>
<neuranim-playground id="figure" dataset="flower" layers="4" speed="20">A neural network learning the flower: <a href="${project.url}">open it on its own page</a>.</neuranim-playground>
</article></body></html>`;
  await writeFile(join(posts, 'post.html'), element(`${project.url}js/element.js`));
  await writeFile(join(posts, 'broken.html'), element(`${project.url}js/no-such-module.js`));
  await writeFile(join(posts, 'no-wasm.html'), element(`${noWasmCors.url}js/element.js`));
  blog = await serve(posts, 0, 'localhost');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  project?.server.close();
  noWasmCors?.server.close();
  blog?.server.close();
});

async function open(path) {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const problems = [];
  // A post without a favicon is the blog's own business.
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${blog.url}${path}`);
  return { page, problems };
}

test('from another origin, under a hostile CSS reset, the element trains and its worker paints', async () => {
  assert.notEqual(new URL(project.url).origin, new URL(blog.url).origin);
  const { page, problems } = await open('post.html');
  await page.waitForFunction(() => document.getElementById('figure').snapshot?.());
  await page.locator('#figure').locator('button.play').click();
  await page.waitForFunction(() => document.getElementById('figure').snapshot().iteration > 50);
  // The boundary painted by the raster worker, started across origins.
  await page.waitForFunction(() => document.getElementById('figure').shadowRoot.querySelector('canvas.boundary').dataset.painter === 'worker');
  const box = await page.locator('#figure').boundingBox();
  assert.ok(box.width > 200 && box.height > 200, `${box.width}×${box.height}`);
  assert.deepEqual(problems, []);
});

test('when the module cannot load, the post shows the element\'s fallback text and link, never an empty box', async () => {
  const { page } = await open('broken.html');
  // (Its 404 is the point of this post.)
  await page.waitForLoadState('load');
  const box = await page.locator('#figure').boundingBox();
  assert.ok(box.width > 100 && box.height > 10, `${box.width}×${box.height}`);
  assert.match(await page.locator('#figure').textContent(), /open it on its own page/);
  assert.equal(await page.locator('#figure a').getAttribute('href'), project.url);
});

test('when the scripts load but the wasm cannot, the post shows the fallback and why, not a figure that does nothing', async () => {
  const { page, problems } = await open('no-wasm.html');
  const failure = () => page.evaluate(() => {
    const notice = document.getElementById('figure').shadowRoot?.querySelector('.failure');
    return notice && !notice.hidden ? notice.textContent : null;
  });
  await page.waitForFunction(() => {
    const notice = document.getElementById('figure').shadowRoot?.querySelector('.failure');
    return notice && !notice.hidden;
  });
  const said = await failure();
  assert.match(said, /neuranim could not start: .*neuranim_wasm(_scalar)?_bg\.wasm could not be fetched .*Access-Control-Allow-Origin/);
  // The post's sentence and link show, and no Play or Reset that would do nothing.
  const link = await page.locator('#figure a').boundingBox();
  assert.ok(link && link.width > 20 && link.height > 5, JSON.stringify(link));
  assert.equal(await page.locator('#figure button.play').isVisible(), false);
  // (Firefox reports the refused fetch itself as a page error.)
  assert.deepEqual(problems.filter((problem) => problem.startsWith('page error') && !/Same Origin Policy/.test(problem)), []);
});

test('the demo post\'s snippets, copied as they are, work in a post on another site', async () => {
  // The snippets as the post shows them, on the project's site.
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(`${project.url}blog.html`);
  await page.waitForFunction(() => !document.querySelector('code[data-snippet]').textContent.includes('example.org'));
  const snippets = await page.$$eval('code[data-snippet]', (codes) => codes.map((c) => c.textContent));
  assert.ok(snippets.every((s) => s.includes(project.url)), snippets.join('\n'));
  // Pasted into a post on the blog's origin.
  const post = await browser.newPage({ viewport: { width: 900, height: 1600 } });
  const problems = [];
  post.on('pageerror', (e) => problems.push(e.message));
  await post.goto(`${blog.url}post.html`);
  await post.setContent(`<!doctype html><html><head><title>pasted</title><link rel="icon" href="data:,"></head><body>${snippets.join('\n')}</body></html>`);
  await post.waitForFunction(() => document.querySelector('neuranim-playground')?.snapshot?.());
  await post.frameLocator('iframe').locator('html[data-ready="true"]').waitFor({ timeout: 30_000 });
  assert.deepEqual(problems, []);
});
