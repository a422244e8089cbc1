// What a first visit costs: every response of a cold load of the page (bytes as sent, and
// each file at gzip level 9 and brotli quality 11, what compressing hosts send), the wasm
// fetches, the time until Play works and until the first boundary is painted, and the
// one-file builds' sizes. A benchmark, not a test: medians of RUNS cold loads, each in a
// fresh browser context, from scripts/static-server.mjs (validators, compression).
// Usage: [ROOT=www/] [NETWORK=4g|3g] [VIEWPORT=1024x768] node scripts/bench-payload.mjs [RUNS=5] [PAGE=index.html]
// (PAGE may carry a link's hash: 'index.html#hidden=64,64,64,64,64,64,64,64' loads the largest network.)
// NETWORK throttles each load as Chromium's DevTools presets do (a phone on the move):
// 4g 9 Mbit/s down with 165 ms of latency ("Fast 4G"), 3g 1.6 Mbit/s with 562.5 ms ("Fast 3G").
// VIEWPORT is the window (1280x720 unless set).
// (build first: scripts/build-web.sh && node scripts/build-single.mjs)

import { existsSync, readFileSync } from 'node:fs';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const runs = Number(process.argv[2] ?? 5);
const pagePath = process.argv[3] ?? 'index.html';
const root = process.env.ROOT ?? new URL('../www/', import.meta.url).pathname;

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const kb = (n) => n.toLocaleString('en-US');
const NETWORKS = {
  '4g': { latency: 60 * 2.75, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9 },
  '3g': { latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
};
const [width, height] = (process.env.VIEWPORT ?? '1280x720').split('x').map(Number);
const network = process.env.NETWORK ? NETWORKS[process.env.NETWORK] : null;
if (process.env.NETWORK && !network) throw new Error(`NETWORK: ${process.env.NETWORK} is not one of ${Object.keys(NETWORKS).join(', ')}`);

/** Times, from the navigation's start, of the first paint with content, of Play working
 * (the page says it is playable, or ready) and of the first boundary painted (the data panel shows its
 * first picture); and the layout shift and the main thread's tasks over 50 ms of the whole
 * load (until the network is idle). */
function recordTimes() {
  window.loadTimes = { shift: 0 };
  const mark = (name) => { window.loadTimes[name] ??= performance.now(); };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.loadTimes.paint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.loadTimes.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  window.loadTimes.tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.loadTimes.tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const { playable, ready } = document.documentElement.dataset;
    if (playable === 'true' || ready === 'true') mark('play');
    const shown = document.getElementById('boundary')?.dataset.shown;
    if (shown && shown !== '0') mark('boundary');
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-playable', 'data-ready', 'data-shown'] });
}

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
try {
  const loads = [];
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addInitScript(recordTimes);
    const page = await context.newPage();
    if (network) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', { offline: false, ...network });
    // Only kept while the page loads, and asked about afterwards: asking the browser about
    // each as it finishes would slow the load being measured.
    const finished = [];
    page.on('requestfinished', (request) => finished.push(request));
    await page.goto(url + pagePath);
    await page.waitForFunction(() => window.loadTimes.play && window.loadTimes.boundary, null, { timeout: 30_000 });
    // Late requests (the workers' scripts) finish too.
    await page.waitForLoadState('networkidle');
    const times = await page.evaluate(() => window.loadTimes);
    const responses = await Promise.all(finished.map(async (request) => ({
      url: request.url().slice(url.length),
      bytes: (await request.sizes()).responseBodySize,
      encoding: (await (await request.response()).allHeaders())['content-encoding'] ?? '',
    })));
    loads.push({ responses, ...times });
    await context.close();
  }
  const last = loads.at(-1);
  console.log(`cold load of ${pagePath}: medians of ${runs}, headless Chromium, ${width}×${height}, loopback${network ? `, throttled to ${process.env.NETWORK}` : ''}`);
  console.log('| response | sent (encoding) | raw | gzip -9 | brotli 11 |');
  console.log('|---|---|---|---|---|');
  const totals = { sent: 0, raw: 0, gzip: 0, brotli: 0 };
  // A worker's own requests for modules the page has already loaded come from the cache
  // (0 bytes sent): each file is listed and counted once.
  const byUrl = new Map();
  for (const response of last.responses) if (!byUrl.has(response.url) || response.bytes > byUrl.get(response.url).bytes) byUrl.set(response.url, response);
  for (const { url: path, bytes, encoding } of [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url))) {
    const file = root + (path.split(/[?#]/)[0] || 'index.html');
    const body = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    const sizes = { sent: bytes, raw: body.length, gzip: gzip(body), brotli: brotli(body) };
    for (const key of Object.keys(totals)) totals[key] += sizes[key];
    console.log(`| ${path || '/'} | ${kb(sizes.sent)} (${encoding || 'none'}) | ${kb(sizes.raw)} | ${kb(sizes.gzip)} | ${kb(sizes.brotli)} |`);
  }
  console.log(`| **total, ${byUrl.size} files (${last.responses.length} responses)** | ${kb(totals.sent)} | ${kb(totals.raw)} | ${kb(totals.gzip)} | ${kb(totals.brotli)} |`);
  const wasmFetches = last.responses.filter((r) => r.url.endsWith('.wasm')).length;
  console.log(`\nwasm fetched ${wasmFetches} time(s)`);
  console.log(`First paint after ${median(loads.map((l) => l.paint)).toFixed(0)} ms; layout shift of the load ${median(loads.map((l) => l.shift)).toFixed(3)} (medians)`);
  const longest = loads.map((l) => Math.max(0, ...l.tasks));
  console.log(`Longest main-thread task of the load: median ${median(longest).toFixed(0)} ms (runs: ${longest.map((t) => (t ? t.toFixed(0) : '< 50')).join(', ')}); tasks over 50 ms per load: median ${median(loads.map((l) => l.tasks.length))}`);
  console.log(`Play works after ${median(loads.map((l) => l.play)).toFixed(0)} ms, first boundary painted after ${median(loads.map((l) => l.boundary)).toFixed(0)} ms (medians; runs: ${loads.map((l) => `${l.play.toFixed(0)}/${l.boundary.toFixed(0)}`).join(', ')})`);
  for (const name of ['neuranim.html', 'lesson.html']) {
    const file = new URL(`../dist/${name}`, import.meta.url).pathname;
    if (existsSync(file)) {
      const body = readFileSync(file);
      console.log(`dist/${name}: ${kb(body.length)} B (gzip -9 ${kb(gzip(body))}, brotli 11 ${kb(brotli(body))})`);
    }
  }
  console.log("For scale, TensorFlow Playground measured the same way when the issue was filed: 120,673 B gzip in all, Play after 240 ms, first boundary after 371 ms.");
} finally {
  await browser.close();
  server.close();
}
