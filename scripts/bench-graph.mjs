// The network graph's cost on the page while training plays at speed 10, in headless
// Chromium at 1280 × 720: frames per second; the median time of one NetworkGraph.draw() call
// and the graph's script time per frame (draws, and any canvas paints that follow between
// them); and from a trace, per frame, the main thread's load, its paint phase, its layer
// updates (where a canvas drawn by the processor is rasterised) and the raster threads'
// work: what a draw leaves for the browser to do after it returns.
// Then, paused, one redraw of every edge and of one strip of edges, each alone: the script's
// time, and the time the canvas then takes to rasterise it (forced by reading a pixel back).
// The last network starts from Xavier weights, which training moves enough that thousands of
// edges change width every frame; the default (the course's small weights) barely moves.
// A benchmark, not a test: it prints medians and means over a few seconds per network.
// Usage: node scripts/bench-graph.mjs [SECONDS_PER_CASE=5] [DEVICE_PIXEL_RATIO=1]
// (build the page first: scripts/build-web.sh)

import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const seconds = Number(process.argv[2] ?? 5);
const ratio = Number(process.argv[3] ?? 1);
const root = new URL('../www/', import.meta.url).pathname;

const DEEP = '64,64,64,64,64,64,64,64';
const CASES = [
  { name: '2-4-1', hash: 'hidden=4' },
  { name: '2-8x6-1', hash: 'hidden=8,8,8,8,8,8' },
  { name: '2-64x8-1', hash: `hidden=${DEEP}` },
  { name: '2-64x8-1 Xavier', hash: `hidden=${DEEP}&init=xavier` },
];

/** Busy milliseconds per thread kind in a trace: top-level tasks only, so that nested
 * events are not counted twice. */
function traceTotals(traceEvents) {
  const names = new Map();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const totals = { main: 0, paint: 0, layers: 0, raster: 0 };
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
    const ms = e.dur / 1000;
    if (thread === 'CrRendererMain' && e.name === 'ThreadControllerImpl::RunTask') totals.main += ms;
    else if (thread === 'CrRendererMain' && e.name === 'Paint') totals.paint += ms;
    else if (thread === 'CrRendererMain' && e.name === 'LayerTreeHost::DoUpdateLayers') totals.layers += ms;
    else if (e.name === 'TaskGraphRunner::RunTask') totals.raster += ms;
  }
  return totals;
}

/** Paused, the medians of five redraws of every edge, and of the widest strip alone, where
 * the graph paints on a canvas; null where it does not. */
async function redrawTimes(page) {
  await page.click('#play');
  return page.evaluate(async () => {
    const painter = document.getElementById('graph').networkGraph?.painter;
    if (!painter) return null;
    await new Promise((done) => requestAnimationFrame(done));
    const pixel = () => painter.ctx.getImageData(0, 0, 1, 1);
    const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
    const time = (invalidate) => {
      const script = [];
      const raster = [];
      let paints = 0;
      for (let run = 0; run < 5; run++) {
        pixel();
        invalidate();
        let [s, r] = [0, 0];
        paints = 0;
        while (painter.pending) {
          const start = performance.now();
          painter.paint(painter.ratio);
          const painted = performance.now();
          pixel();
          s += painted - start;
          r += performance.now() - painted;
          paints++;
        }
        script.push(s);
        raster.push(r);
      }
      return { paints, script: median(script).toFixed(1), raster: median(raster).toFixed(1) };
    };
    const sizes = painter.gaps.map((gap) => gap.y0.length);
    const widest = sizes.indexOf(Math.max(...sizes));
    const all = time(() => painter.invalidate());
    return {
      edges: sizes.reduce((a, b) => a + b, 0),
      paints: all.paints,
      all,
      stripEdges: sizes[widest],
      strip: time(() => painter.invalidate(widest)),
    };
  });
}

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
try {
  console.log(`graph benchmark: speed 10, ${seconds} s per network, 1280×720 at device pixel ratio ${ratio}`);
  for (const c of CASES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: ratio });
    const page = await context.newPage();
    await page.goto(`${url}#${c.hash}&speed=10`);
    await page.waitForSelector('html[data-ready="true"]');
    // The page's own module instance (same URL), so that its graph's draws are the ones timed.
    await page.evaluate(async () => {
      window.graphDraws = [];
      window.graphScript = 0;
      let inDraw = false;
      const { NetworkGraph } = await import('./js/network-graph.js');
      const draw = NetworkGraph.prototype.draw;
      NetworkGraph.prototype.draw = function timedDraw(...args) {
        const start = performance.now();
        inDraw = true;
        try {
          return draw.apply(this, args);
        } finally {
          inDraw = false;
          const ms = performance.now() - start;
          window.graphDraws.push(ms);
          window.graphScript += ms;
        }
      };
      // Canvas paints between draws, where there is a canvas to paint.
      const edges = await import('./js/graph-edges.js').catch(() => null);
      const paint = edges?.EdgePainter.prototype.paint;
      if (!paint) return;
      edges.EdgePainter.prototype.paint = function timedPaint(...args) {
        if (inDraw) return paint.apply(this, args);
        const start = performance.now();
        try {
          return paint.apply(this, args);
        } finally {
          window.graphScript += performance.now() - start;
        }
      };
    });
    await page.click('#play');
    // Past the first frames, which build the graph, paint all of it and warm the JIT.
    await page.waitForTimeout(3000);
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc'] });
    const r = await page.evaluate(async (ms) => {
      window.graphDraws = [];
      window.graphScript = 0;
      const frames = [];
      const start = performance.now();
      await new Promise((done) => {
        const tick = (t) => {
          frames.push(t);
          if (t - start < ms) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      const draws = window.graphDraws.slice().sort((a, b) => a - b);
      const elapsed = frames.at(-1) - frames[0];
      return {
        frames: frames.length - 1,
        elapsed,
        draws: draws.length,
        drawMedian: draws[draws.length >> 1] ?? NaN,
        drawP90: draws[Math.floor(0.9 * (draws.length - 1))] ?? NaN,
        script: window.graphScript,
      };
    }, seconds * 1000);
    const totals = traceTotals(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const fps = r.frames / (r.elapsed / 1000);
    const perFrame = (ms) => (ms / r.frames).toFixed(1);
    console.log(
      `${c.name.padEnd(16)} ${fps.toFixed(1).padStart(5)} frames/s; graph draw() median ${r.drawMedian.toFixed(2)} ms, p90 ${r.drawP90.toFixed(2)} ms ` +
        `(${r.draws} draws), graph script ${perFrame(r.script)} ms; per frame: main thread ${perFrame(totals.main)} ms, ` +
        `paint ${perFrame(totals.paint)} ms, layer updates ${perFrame(totals.layers)} ms, raster threads ${perFrame(totals.raster)} ms`,
    );
    const redraw = await redrawTimes(page);
    if (redraw) {
      console.log(`${''.padEnd(16)} paused, one redraw of all ${redraw.edges} edges (in ${redraw.paints} paints): script ${redraw.all.script} ms, ` +
        `raster ${redraw.all.raster} ms; of one strip (${redraw.stripEdges} edges): script ${redraw.strip.script} ms, raster ${redraw.strip.raster} ms (medians of 5)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
