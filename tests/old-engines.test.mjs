// The page on older engines: one without wasm SIMD (Chromium told to have none, as Safari
// before 16.4) runs the module built without it, to the same bits; one without
// OffscreenCanvas paints every picture on the page's thread.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTIFACTS, boundaryShown, openPage, openSite, stepTo, weights } from './support/browser.mjs';
import { onlyIn } from './support/engine.mjs';
import { classInk } from './support/ink.mjs';

/** The page at `hash` trained to iteration `n`: which module it chose, its weights, and
 * what the data panel painted. */
async function trainedPage(site, hash, n, prepare) {
  const { page, problems } = await openPage(site, hash, {}, { prepare });
  await stepTo(page, n);
  await boundaryShown(page);
  const result = {
    variant: await page.evaluate(() => document.documentElement.dataset.wasm),
    weights: await weights(page),
    painter: await page.getAttribute('#boundary', 'data-painter'),
  };
  return { page, problems, result };
}

const HASH = '#dataset=spiral&hidden=6,3&init=xavier&optimizer=adam&learningRate=0.01&batchSize=7';

test('without wasm SIMD the page runs the scalar module and trains to the same bits', { skip: onlyIn('chromium', 'V8\'s flags turn its wasm SIMD off') }, async () => {
  const usual = await openSite();
  const old = await openSite(undefined, {}, ['--js-flags=--no-enable-sse4-1']);
  try {
    const a = await trainedPage(usual, HASH, 400);
    const b = await trainedPage(old, HASH, 400);
    assert.equal(a.result.variant, 'simd');
    assert.equal(b.result.variant, 'scalar');
    assert.equal(b.result.weights, a.result.weights);
    // It plays, its worker paints the boundary (the worker got the scalar module too), and
    // the element on the demo post starts as well.
    await b.page.click('#play');
    await b.page.waitForFunction(() => window.neuranim.snapshot().iteration > 600);
    await b.page.waitForSelector('#boundary[data-painter="worker"]', { state: 'attached' });
    await b.page.click('#play');
    const post = await openPage(old, 'blog.html', {}, { ready: 'neuranim-playground' });
    await post.page.waitForFunction(() => document.getElementById('flower').snapshot() !== null);
    assert.deepEqual([...a.problems, ...b.problems, ...post.problems], []);
  } finally {
    await usual.close();
    await old.close();
  }
});

test('without OffscreenCanvas every picture is painted on the page\'s thread, and Compare says why it cannot open', async () => {
  const site = await openSite();
  try {
    const removeOffscreen = (page) => page.addInitScript(() => {
      delete window.OffscreenCanvas;
    });
    const { page, problems, result } = await trainedPage(site, '', 300, removeOffscreen);
    assert.equal(result.painter, 'page');
    // The boundary holds both classes' colours, the thumbnails are painted.
    const ink = await page.evaluate(classInk, '#boundary');
    const painted = await page.evaluate(() => {
      const thumbs = window.canvasPixels(document.querySelector('.graph-atlas')).data;
      let count = 0;
      for (let i = 3; i < thumbs.length; i += 4) if (thumbs[i] > 0) count++;
      return count;
    });
    assert.ok(ink.orange > 1000 && ink.blue > 1000 && painted > 1000, JSON.stringify({ ...ink, painted }));
    // Playing and a slow step still work.
    await page.click('#play');
    await page.waitForFunction(() => window.neuranim.snapshot().iteration > 600);
    await page.click('#play');
    await page.selectOption('#slow-step-speed', '1');
    await page.click('#slow-step');
    await page.waitForSelector('html[data-phase="update"]');
    await page.waitForFunction(() => !document.documentElement.dataset.phase);
    await page.click('#compare');
    await page.waitForFunction(() => /Compare trains and draws its networks in a worker/.test(document.getElementById('notice').textContent));
    assert.equal(await page.isVisible('#compare-dialog'), false);
    await page.screenshot({ path: `${ARTIFACTS}without-offscreen-canvas.png` });
    assert.deepEqual(problems, []);
  } finally {
    await site.close();
  }
});
