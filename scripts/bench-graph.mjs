// Time of one network-graph draw (32 × 32 rasters of every neuron, their colours, and the
// edges whose width changed) while a network trains, in headless Chromium. A benchmark, not
// a test: it prints the median and the 90th percentile over 100 draws.
// Usage: node scripts/bench-graph.mjs [HIDDEN=8,8,8,8,8,8] [DEVICE_PIXEL_RATIO=1]
// (build the page first: scripts/build-web.sh)

import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const hidden = (process.argv[2] ?? '8,8,8,8,8,8').split(',').map(Number);
const ratio = Number(process.argv[3] ?? 1);
const root = new URL('../www/', import.meta.url).pathname;

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: ratio });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  const times = await page.evaluate(async (hidden) => {
    const { NetworkGraph } = await import('./js/network-graph.js');
    const wasm = await import('./pkg/neuranim_wasm.js');
    const container = document.createElement('div');
    container.style.width = '1200px';
    document.body.append(container);
    const graph = new NetworkGraph(container, { memory: wasm.wasmMemory() });
    // The course's learning rate with Xavier weights: many edges change width every update.
    const playground = new wasm.Playground({ hidden, init: 'xavier', learningRate: 1.2 });
    const times = [];
    for (let i = 0; i < 120; i++) {
      playground.step(1);
      const snapshot = playground.snapshot();
      const start = performance.now();
      graph.draw(playground, snapshot);
      times.push(performance.now() - start);
    }
    playground.free();
    // The first draws build the DOM and warm the JIT.
    return times.slice(20).sort((a, b) => a - b);
  }, hidden);
  const at = (q) => times[Math.floor(q * (times.length - 1))].toFixed(2);
  console.log(`2-${hidden.join('-')}-1 at device pixel ratio ${ratio}: draw() median ${at(0.5)} ms, p90 ${at(0.9)} ms over ${times.length} draws`);
} finally {
  await browser.close();
  server.close();
}
