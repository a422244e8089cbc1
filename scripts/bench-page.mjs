// The page while it trains, at the settings a reader can pick, in headless Chromium at
// 1280×720: frames per second, the longest main-thread task, how busy the main thread is,
// the whole browser's CPU (every process's own counters) and the epochs per second trained.
// A benchmark, not a test: it prints medians of REPEATS runs of SECONDS each.
// Usage: node scripts/bench-page.mjs [SECONDS=10] [REPEATS=1] [ROOT=www] [CASE_FILTER]
// (build the page first: scripts/build-web.sh)

import { launchChromium } from './chromium.mjs';
import { chainSlowSteps } from './slow-steps.mjs';
import { serve } from './static-server.mjs';

const seconds = Number(process.argv[2] ?? 10);
const repeats = Number(process.argv[3] ?? 1);
const root = process.argv[4] ?? new URL('../www/', import.meta.url).pathname;
const only = process.argv[5] ?? '';

const PLAYGROUND = 'dataset=circle&testRatio=0.5&init=xavier&learningRate=0.03&batchSize=10';
const CASES = [
  { name: "course's run, speed 10", hash: '#speed=10' },
  { name: "course's run, speed 1000", hash: '#speed=1000' },
  { name: "course's run, max", hash: '#speed=max' },
  { name: 'Playground defaults (2-4-2-1), max', hash: `#${PLAYGROUND}&hidden=4,2&speed=max` },
  { name: '2-8×6-1 batch 10, max', hash: `#${PLAYGROUND}&hidden=8,8,8,8,8,8&speed=max` },
  { name: '2-8×6-1 batch 10, speed 10', hash: `#${PLAYGROUND}&hidden=8,8,8,8,8,8&speed=10` },
  { name: '8×64 batch 10, max', hash: `#${PLAYGROUND}&hidden=64,64,64,64,64,64,64,64&speed=max` },
  { name: '8×64 full batch, speed 1', hash: '#hidden=64,64,64,64,64,64,64,64&init=xavier&learningRate=0.03&speed=1' },
  { name: 'slow steps, course\'s run', hash: '', start: startSlowSteps },
  { name: 'slow steps, 8×64 full batch', hash: '#hidden=64,64,64,64,64,64,64,64&init=xavier&learningRate=0.03', start: startSlowSteps },
  { name: 'compare mode running', hash: '', start: startCompare },
  { name: 'GIF export running', hash: '#speed=1000', start: startGif },
].filter((c) => c.name.includes(only));

async function play(page) {
  await page.click('#play');
}

/** Updates in slow motion, 1 s a phase, one after another: every phase and the step's
 * start and end within a measurement. */
async function startSlowSteps(page) {
  await page.selectOption('#slow-step-speed', '1');
  await page.evaluate(chainSlowSteps);
}

async function startCompare(page) {
  await page.click('#compare');
}

/** 3,000 iterations trained, then a 200-frame GIF of them. */
async function startGif(page) {
  await page.evaluate(() => {
    while (window.neuranim.snapshot().iteration < 3000) document.getElementById('step').click();
  });
  await page.click('#save-gif');
  await page.fill('#gif-frames', '200');
  await page.click('#gif-start');
}

/** CPU seconds used so far by every process of the browser. */
async function browserCpu(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
}

async function measure(page, cdp, browserCdp, duration) {
  const taskBefore = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const cpuBefore = await browserCpu(browserCdp);
  const result = await page.evaluate(async (ms) => {
    const progress = () => {
      const s = window.neuranim.snapshot();
      return [s.liveIteration, s.epoch];
    };
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const frames = [];
    const start = performance.now();
    const [it0, ep0] = progress();
    await new Promise((done) => {
      const tick = (t) => {
        frames.push(t);
        if (t - start < ms) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    observer.disconnect();
    const [it1, ep1] = progress();
    const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
    const elapsed = frames.at(-1) - frames[0];
    return {
      fps: (frames.length - 1) / (elapsed / 1000),
      p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
      longest: Math.max(0, ...longTasks),
      longCount: longTasks.length,
      updatesPerSecond: (it1 - it0) / (elapsed / 1000),
      // The epoch shown moves with a seek (an export); only training counts.
      epochsPerSecond: it1 > it0 ? (ep1 - ep0) / (elapsed / 1000) : 0,
      memoryMB: window.neuranim.memoryBytes ? window.neuranim.memoryBytes() / 2 ** 20 : null,
      elapsed,
    };
  }, duration * 1000);
  const taskAfter = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  result.busy = (taskAfter - taskBefore) / (result.elapsed / 1000);
  result.cores = ((await browserCpu(browserCdp)) - cpuBefore) / (result.elapsed / 1000);
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
const browserCdp = await browser.newBrowserCDPSession();
try {
  console.log(`page benchmark: ${root}, 1280×720, median of ${repeats} × ${seconds} s`);
  console.log('| setting | frames/s | longest task | tasks > 50 ms | main thread busy | browser CPU (cores) | updates/s | epochs/s | epochs/frame |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const c of CASES) {
    const runs = [];
    for (let r = 0; r < repeats; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url + c.hash);
      await page.waitForSelector('html[data-ready="true"]');
      await (c.start ?? play)(page);
      await page.waitForTimeout(1000);
      runs.push(await measure(page, cdp, browserCdp, seconds));
      await page.close();
    }
    const m = (key) => median(runs.map((r) => r[key]));
    const longest = Math.max(...runs.map((r) => r.longest));
    console.log(`| ${c.name} | ${m('fps').toFixed(1)} | ${longest ? `${longest.toFixed(0)} ms` : '< 50 ms'} | ${m('longCount')} | ${(100 * m('busy')).toFixed(0)} % | ${m('cores').toFixed(2)} | ${Math.round(m('updatesPerSecond')).toLocaleString('en-US')} | ${m('epochsPerSecond').toFixed(1)} | ${(m('epochsPerSecond') / m('fps')).toFixed(2)} |`);
  }
} finally {
  await browser.close();
  server.close();
}
