// The animation the seed post made, timed: the course's 10,000 iterations, then a 400 × 400
// GIF of the boundary alone, 200 frames spaced logarithmically (the page's default; SPACING=
// even or change for the others). Prints seconds from the click to the file, and its size.
// A benchmark, not a test.
// Usage: [SPACING=log] node scripts/bench-gif.mjs [REPEATS=3]   (build the page first)

import { stat } from 'node:fs/promises';
import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const repeats = Number(process.argv[2] ?? 3);
const spacing = process.env.SPACING ?? 'log';
const { server, url } = await serve(new URL('../www/', import.meta.url).pathname, 0);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  await page.goto(`${url}#iterations=10000&speed=max`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 10000 && document.getElementById('play').textContent === 'Play', null, { timeout: 120_000 });
  const results = [];
  for (let r = 0; r < repeats; r++) {
    await page.click('#save-gif');
    for (const part of ['network', 'cost', 'readouts']) await page.uncheck(`#gif-part-${part}`);
    await page.check('#gif-part-data');
    await page.selectOption('#gif-size', '400x400');
    await page.selectOption('#gif-spacing', spacing);
    await page.fill('#gif-frames', '200');
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#gif-start')]);
    const path = await download.path();
    const seconds = (Date.now() - started) / 1000;
    results.push({ seconds, bytes: (await stat(path)).size });
  }
  results.sort((a, b) => a.seconds - b.seconds);
  const median = results[results.length >> 1];
  console.log(`400 × 400 boundary GIF, 200 frames (${spacing}) of the course's 10,000 iterations: median of ${repeats}: ${median.seconds.toFixed(2)} s, ${(median.bytes / 1e6).toFixed(2)} MB`);
  console.log(results.map((r) => `${r.seconds.toFixed(2)} s ${(r.bytes / 1e6).toFixed(2)} MB`).join('; '));
} finally {
  await browser.close();
  server.close();
}
