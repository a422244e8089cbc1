// The time machine in the browser: the wasm build trains a 2-8×6-1 network on the flower,
// then seeks to random iterations; prints the median and 90th percentile seek time and the
// memory the recording holds. A benchmark, not a test.
// Usage: node scripts/bench-seek.mjs [ITERATIONS=20000] [BATCH=full] [SEEKS=100]
// (build the page first: scripts/build-web.sh)

import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const iterations = Number(process.argv[2] ?? 20000);
const batch = process.argv[3] ?? 'full';
const seeks = Number(process.argv[4] ?? 100);
const root = new URL('../www/', import.meta.url).pathname;

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // Any page of the site will do: the module is imported into it.
  await page.goto(url + 'style.css');
  const result = await page.evaluate(async ({ iterations, batch, seeks }) => {
    const wasm = await import('./pkg/neuranim_wasm.js');
    await wasm.default();
    const playground = new wasm.Playground({
      hidden: [8, 8, 8, 8, 8, 8], init: 'xavier', learningRate: 0.03, batchSize: batch === 'full' ? null : Number(batch),
    });
    const started = performance.now();
    for (let done = 0; done < iterations;) done += playground.step(Math.min(50, iterations - done));
    const trainMs = performance.now() - started;
    // A fixed sequence of targets (a small LCG), so that runs compare.
    let state = 12345;
    const times = [];
    for (let i = 0; i < seeks; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const target = state % (iterations + 1);
      const t = performance.now();
      playground.seek(target);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { trainMs, bytes: playground.recordingBytes(), median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], max: times.at(-1) };
  }, { iterations, batch, seeks });
  console.log(`wasm, 2-8x6-1 on flower, batch ${batch}: ${iterations} iterations trained in ${(result.trainMs / 1000).toFixed(1)} s; ` +
    `recording ${(result.bytes / 2 ** 20).toFixed(1)} MB`);
  console.log(`seek to a random iteration: median ${result.median.toFixed(1)} ms, p90 ${result.p90.toFixed(1)} ms, max ${result.max.toFixed(1)} ms over ${seeks} seeks`);
} finally {
  await browser.close();
  server.close();
}
