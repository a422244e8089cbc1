// Frame rate, work per frame and main-thread load of the page while it trains, in headless
// Chromium. A benchmark, not a test: it prints medians.
// Usage: node scripts/bench-page.mjs [SECONDS_PER_CASE=10] [LONG_RUN_MINUTES=0]

import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const seconds = Number(process.argv[2] ?? 10);
const longMinutes = Number(process.argv[3] ?? 0);
const root = new URL('../www/', import.meta.url).pathname;

// Circle data (500 points, half for training), batches of 10: 25 updates make an epoch.
const CASES = [
  { name: '2-4-2-1, 10 epochs/frame', hash: '#dataset=circle&testRatio=0.5&hidden=4,2&init=xavier&learningRate=0.03&batchSize=10&speed=250', epochs: 10 },
  { name: '2-8x6-1, 2 epochs/frame', hash: '#dataset=circle&testRatio=0.5&hidden=8,8,8,8,8,8&init=xavier&learningRate=0.03&batchSize=10&speed=50', epochs: 2 },
];

async function measure(page, cdp, duration) {
  const before = await cdp.send('Performance.getMetrics');
  const taskBefore = before.metrics.find((m) => m.name === 'TaskDuration').value;
  const result = await page.evaluate(async (ms) => {
    const frames = [];
    const start = performance.now();
    const it0 = window.neuranim.snapshot().iteration;
    await new Promise((done) => {
      const tick = (t) => {
        frames.push(t);
        if (t - start < ms) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
    const elapsed = frames.at(-1) - frames[0];
    return {
      fps: (frames.length - 1) / (elapsed / 1000),
      medianFrameMs: gaps[gaps.length >> 1],
      p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
      updates: window.neuranim.snapshot().iteration - it0,
      elapsed,
      boundary: `${document.getElementById('boundary').width}×${document.getElementById('boundary').height}`,
    };
  }, duration * 1000);
  const after = await cdp.send('Performance.getMetrics');
  const taskAfter = after.metrics.find((m) => m.name === 'TaskDuration').value;
  result.busy = (taskAfter - taskBefore) / (result.elapsed / 1000);
  return result;
}

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
try {
  console.log(`page benchmark, ${seconds} s per case, 1280×720`);
  for (const c of CASES) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url + c.hash);
    await page.waitForSelector('html[data-ready="true"]');
    await page.click('#play');
    await page.waitForTimeout(1000);
    const r = await measure(page, cdp, seconds);
    const perFrame = r.updates / (r.fps * r.elapsed / 1000);
    console.log(`${c.name.padEnd(26)} ${r.fps.toFixed(1)} frames/s (median frame ${r.medianFrameMs.toFixed(1)} ms, p95 ${r.p95FrameMs.toFixed(1)} ms), ` +
      `${perFrame.toFixed(0)} updates = ${(perFrame / 25).toFixed(1)} epochs per frame, main thread ${(100 * r.busy).toFixed(0)} % busy, boundary canvas ${r.boundary}`);
    if (longMinutes > 0 && c === CASES[0]) {
      const early = r.fps;
      await page.waitForTimeout(longMinutes * 60_000);
      const late = await measure(page, cdp, seconds);
      const iteration = await page.evaluate(() => window.neuranim.snapshot().iteration);
      console.log(`  after ${longMinutes} min (iteration ${iteration}): ${late.fps.toFixed(1)} frames/s (was ${early.toFixed(1)}), main thread ${(100 * late.busy).toFixed(0)} % busy`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
