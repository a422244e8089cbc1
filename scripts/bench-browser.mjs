// Runs www/bench.html in headless Chromium and prints the wasm build's training throughput
// and raster times, next to TensorFlow Playground's engine measured the same way.
// Usage: node scripts/bench-browser.mjs   (uses the www/pkg already built)

import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const ROOT = new URL('../www/', import.meta.url).pathname;

// TensorFlow Playground's engine in headless Chromium on this machine kind: examples per
// second, and ms to evaluate every node over a 100×100 grid.
const TF = {
  '2-4-1': { examplesPerSecond: 0.89e6, neurons100Ms: 8.6 },
  '2-8x6-1': { examplesPerSecond: 109e3, neurons100Ms: 48.7 },
};
const TARGET = 10;

const { server, url } = await serve(ROOT, 0);
const browser = await launchChromium();
let outcome;
try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(new URL('bench.html', url).href);
  await page.waitForFunction(() => document.documentElement.dataset.done === 'true', null, {
    timeout: 5 * 60_000,
    polling: 500,
  });
  outcome = await page.evaluate(() => ({ result: window.benchResult, error: window.benchError }));
  if (!outcome.error && pageErrors.length) outcome.error = pageErrors.join('\n');
} finally {
  await browser.close();
  server.close();
}

if (outcome.error) {
  console.error(`benchmark page failed:\n${outcome.error}`);
  process.exit(1);
}

const { result } = outcome;
const fmtRate = (r) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M` : `${(r / 1e3).toFixed(1)} k`);
const fmtMs = (ms) => ms.toFixed(ms < 10 ? 3 : 1);
const fmtRatio = (x) => `${x.toFixed(1)}×`;
const vsTarget = (x) => `${fmtRatio(x)} = ${(x / TARGET).toFixed(2)} of ${TARGET}× target${x >= TARGET ? ' (met)' : ''}`;
const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();

console.log(`wasm in headless ${result.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}`);
console.log('\nTraining (median of 9 runs of ≥ 200 ms, examples/s)');
let widths = [9, 9, 12, 10, 40];
console.log(row(['network', 'ex/update', 'wasm', 'TF Play.', 'speed-up vs TF Playground'], widths));
for (const [name, { examplesPerSecond, examplesPerUpdate }] of Object.entries(result.training)) {
  const tf = TF[name].examplesPerSecond;
  console.log(row([name, examplesPerUpdate, fmtRate(examplesPerSecond), fmtRate(tf), vsTarget(examplesPerSecond / tf)], widths));
}

console.log('\nRaster (ms per call: median of 15 samples after 3 warm-ups; a sample repeats calls to last ≥ 5 ms)');
widths = [9, 9, 12, 12];
console.log(row(['network', 'grid', 'boundary', 'all neurons'], widths));
for (const [name, sides] of Object.entries(result.raster)) {
  for (const [side, { boundaryMs, neuronsMs }] of Object.entries(sides)) {
    console.log(row([name, `${side}×${side}`, fmtMs(boundaryMs), fmtMs(neuronsMs)], widths));
  }
}

console.log('\nAll neurons over 100×100 vs TF Playground (all nodes)');
widths = [9, 10, 10, 40];
console.log(row(['network', 'wasm ms', 'TF ms', 'speed-up vs TF Playground'], widths));
for (const [name, sides] of Object.entries(result.raster)) {
  const ours = sides[100].neuronsMs;
  const tf = TF[name].neurons100Ms;
  console.log(row([name, fmtMs(ours), fmtMs(tf), vsTarget(tf / ours)], widths));
}
