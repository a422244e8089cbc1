// The published site (scripts/build-site.mjs: the modules bundled into a few files): under
// a sub-path and the strict CSP, the page trains and its workers paint and compare, the
// lesson's figures, the demo post's element (also from another origin) and the embed
// start; a first visit loads a handful of scripts, each page's chunks hinted; and the
// minified styles lay the page out exactly as the source's do.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { frames, openPage, openSite } from './support/browser.mjs';
import { serve } from '../scripts/static-server.mjs';
import { CSP } from './support/csp.mjs';
import { classInk } from './support/ink.mjs';

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
  // The page's entry, its chunks and the raster worker's, not the seventy modules of www/;
  // and not the parts loaded on first use (the comparison, the animation export).
  const firstVisit = [...new Set(scripts)];
  assert.ok(firstVisit.length <= 6, `${firstVisit.length} scripts: ${firstVisit.join(' ')}`);
  const source = (url) => readFileSync(`${SITE}${url.slice(site.url.length)}`, 'utf8');
  const holding = (urls, text) => urls.filter((url) => source(url).includes(text));
  assert.deepEqual([...holding(firstVisit, 'compare-tile'), ...holding(firstVisit, 'gif-estimate')], []);
  // The wasm's glue in one file, which the page and the raster worker share, not a copy in each.
  assert.deepEqual(holding(firstVisit, '__wbindgen_init_externref_table').map((url) => url.slice(site.url.length)), ['pkg/neuranim_wasm.js']);
  await page.click('#compare');
  await page.waitForFunction(() => document.querySelector('.compare-tile')?.dataset.iteration > 0);
  await page.click('#compare-close');
  assert.equal(holding([...new Set(scripts)], 'compare-tile').length, 1);
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
  // Bundled: the entries (pages and workers) and the chunks they share, against some seventy
  // source modules; a page loads at most six of them at first (above).
  const scripts = readdirSync(`${SITE}js`);
  assert.ok(scripts.length <= 20, `${scripts.length} scripts`);
});

test('the bundled element, from another origin, trains and its worker paints', async () => {
  // The post on another origin: the loopback address by name, another port.
  const posts = mkdtempSync(join(tmpdir(), 'neuranim-site-post-'));
  writeFileSync(join(posts, 'post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
<script type="module" src="${site.url}js/element.js"></script></head><body>
<neuranim-playground id="figure" dataset="flower" layers="4" speed="20" parts="graph">A network learning the flower.</neuranim-playground></body></html>`);
  const blog = await serve(posts, 0, 'localhost');
  try {
    const page = await site.browser.newPage({ viewport: { width: 900, height: 900 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${blog.url}post.html`);
    assert.notEqual(new URL(site.url).origin, new URL(blog.url).origin);
    await page.waitForFunction(() => document.getElementById('figure').snapshot?.());
    // Before anything is touched: the points over the boundary, and the graph's edges in the
    // classes' colours, which the figure's own styles (from the other origin) define.
    const points = await page.evaluate(classInk, ['#figure', 'canvas.points']);
    assert.ok(points.orange > 200 && points.blue > 200, `the points at load: ${JSON.stringify(points)}`);
    // The edges are painted strip by strip, over a few frames.
    let edges;
    for (let frame = 0; frame < 120; frame++) {
      edges = await page.evaluate(classInk, ['#figure', 'canvas.graph-edges']);
      if (edges.orange > 100 && edges.blue > 100) break;
      await frames(page, 1);
    }
    assert.ok(edges.orange > 100 && edges.blue > 100, `the graph's edges in the classes' colours: ${JSON.stringify(edges)}`);
    // A narrower column (a turned phone): painted again at its new size.
    const plotSize = () => page.evaluate(() => {
      const canvas = document.getElementById('figure').shadowRoot.querySelector('canvas.boundary');
      return { pixels: canvas.width, box: Math.round(canvas.getBoundingClientRect().width * devicePixelRatio) };
    });
    const wide = await plotSize();
    await page.evaluate(() => { document.getElementById('figure').style.width = '280px'; });
    await page.waitForFunction(() => {
      const canvas = document.getElementById('figure').shadowRoot.querySelector('canvas.boundary');
      return canvas.width === Math.round(canvas.getBoundingClientRect().width * devicePixelRatio);
    });
    const narrow = await plotSize();
    assert.ok(narrow.pixels < wide.pixels, `${JSON.stringify(wide)} → ${JSON.stringify(narrow)}`);
    await page.locator('#figure button.play').click();
    await page.waitForFunction(() => document.getElementById('figure').snapshot().iteration > 50);
    await page.waitForFunction(() => document.getElementById('figure').shadowRoot.querySelector('canvas.boundary').dataset.painter === 'worker');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    blog.server.close();
  }
});

test('the minified styles lay out the page, in presenter mode too, exactly as the source styles do', async () => {
  const source = await serve(new URL('../www/', import.meta.url).pathname, 0);
  /** Every element with an id (what the page's checks name): its box, and whether it shows. */
  const boxes = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[id]')].map((e) => {
    const { x, y, width, height } = e.getBoundingClientRect();
    return [e.id, `${x},${y} ${width}×${height} ${getComputedStyle(e).visibility}`];
  })));
  try {
    for (const [hash, viewport] of [['', { width: 1280, height: 720 }], ['#presenter=on&testRatio=0.3', { width: 1024, height: 768 }], ['', { width: 390, height: 844 }]]) {
      const laidOut = [];
      for (const from of [{ url: source.url, browser: site.browser }, site]) {
        const { page, problems } = await openPage(from, hash, { viewport });
        await frames(page, 2);
        laidOut.push(await boxes(page));
        assert.deepEqual(problems, []);
        await page.context().close();
      }
      const [fromSource, minified] = laidOut;
      assert.ok(Object.keys(fromSource).length > 50, `${Object.keys(fromSource).length} elements with ids`);
      assert.deepEqual(minified, fromSource, `${hash || 'the page'} at ${viewport.width}×${viewport.height}`);
    }
  } finally {
    source.server.close();
  }
});
