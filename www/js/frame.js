// One exported picture of the run at the iteration shown: the data with its boundary and
// axes, the network graph and the cost curve, under a line with the iteration and cost,
// as the blog post's GIF frames were. Drawn synchronously from the Playground, so that a
// GIF can draw frame after frame without waiting for the page's worker.

import { paintAtlas, RESOLUTION } from './atlas.js';
import { CostChart } from './chart.js';
import { boundaryValues, colourRaster, neuronValues } from './rasters.js';
import { biasGeometry, edgeCurve, layoutGraph } from './graph-layout.js';
import { parameterStyle } from './edge-style.js';
import { CLASS_COLOURS } from './palette.js';
import { drawOverlay } from './plot-overlay.js';
import { fixed, percent } from './number-text.js';

const TITLE_PX = 26;
const TITLE_FONTS = { left: '600 15px system-ui, sans-serif', right: '13px system-ui, sans-serif' };
/** The title's room at each side, and the least between its two texts. */
const TITLE_MARGIN = 10;
const TITLE_GAP = 12;
/** Milliseconds a frame's boundary may take to compute: a deep network's is computed on a
 * coarser grid and smoothed, so that drawing a frame never freezes the page. */
const BOUNDARY_MS = 15;
/** The side of the grid that first measures a network's cost per pixel. */
const PROBE_SIDE = 16;
/** Milliseconds per pixel of each run's boundary, measured once. */
const costs = new WeakMap();
const AXES = { left: 28, bottom: 18 };
const INK = '#1f2328';

function canvasOf(width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  return canvas;
}

/**
 * Draws the frame of `playground`'s shown iteration on `ctx` (width × height pixels).
 * `view`: { task, style (colour-table name), highContrast, showTest, logScale, memory (the
 * wasm memory), parts (any of 'data', 'network', 'cost', 'readouts'; all by default),
 * until (the cost curve drawn only up to the iteration shown, growing frame by frame) }.
 * The data is a square at the left (alone, centred); the network over the cost curve fill
 * the rest; the readouts are a line along the top.
 */
export function drawFrame(ctx, playground, width, height, view) {
  const parts = view.parts ?? ['data', 'network', 'cost', 'readouts'];
  const has = (part) => parts.includes(part);
  const snap = playground.snapshot();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const top = has('readouts') ? TITLE_PX : 0;
  if (has('readouts')) drawTitle(ctx, snap, view.task, width);
  const tall = height - top;
  const others = has('network') || has('cost');
  const side = has('data') ? Math.min(tall, others ? Math.round(width * 0.5) : width) : 0;
  if (has('data')) drawData(ctx, playground, { x: others ? 0 : Math.round((width - side) / 2), y: top, side }, view);
  if (!others) return snap;
  const right = side ? { x: side + 8, y: top, width: width - side - 12 } : { x: 4, y: top, width: width - 8 };
  const graphHeight = has('network') && has('cost') ? Math.round(tall * 0.58) : has('network') ? tall : 0;
  if (has('network')) drawNetwork(ctx, playground, snap, { ...right, height: graphHeight }, view);
  if (has('cost')) drawChart(ctx, playground, snap, { ...right, y: top + graphHeight, height: tall - graphHeight }, view);
  return snap;
}

/** A frame's numbers for its title, as the page's readouts print them. */
export function titleNumbers(snap, task) {
  const score = snap.trainScore == null ? null : task.kind === 'regression'
    ? `RMSE ${fixed(snap.trainScore)}`
    : `accuracy ${percent(snap.trainScore)}`;
  const cost = snap.trainCost == null ? null : `cost ${fixed(snap.trainCost)}`;
  return { iteration: snap.iteration.toLocaleString('en-US'), cost, score };
}

function drawTitle(ctx, snap, task, width) {
  const measure = (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const { left, right } = titleTexts(measure, width, titleNumbers(snap, task));
  ctx.fillStyle = INK;
  ctx.font = TITLE_FONTS.left;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(left, TITLE_MARGIN, TITLE_PX / 2 + 1);
  ctx.font = TITLE_FONTS.right;
  ctx.textAlign = 'right';
  ctx.fillText(right, width - TITLE_MARGIN, TITLE_PX / 2 + 1);
}

/** The title line's two texts, the first pair that leaves TITLE_GAP between them on a frame
 * `width` wide: the iteration at the left, and at the right the cost with the score, else the
 * cost alone; on the narrowest frames (a 240-px GIF) the iteration's number without its name,
 * and at last the iteration alone. `measure(text, font)` is a text's width in that font. */
export function titleTexts(measure, width, { iteration, cost, score }) {
  const named = `iteration ${iteration}`;
  const both = [cost, score].filter(Boolean).join('   ');
  const pairs = [[named, both], [named, cost ?? ''], [iteration, cost ?? '']];
  const fits = ([left, right]) => 2 * TITLE_MARGIN + measure(left, TITLE_FONTS.left) + (right ? TITLE_GAP + measure(right, TITLE_FONTS.right) : 0) <= width;
  const [left, right] = pairs.find(fits) ?? [named, ''];
  return { left, right };
}

/** The boundary over `plot`, on a grid as fine as BOUNDARY_MS allows, as a canvas. */
function boundaryCanvas(playground, plot, view) {
  if (!costs.has(playground)) {
    const started = performance.now();
    playground.computeBoundary(PROBE_SIDE, PROBE_SIDE);
    costs.set(playground, Math.max(1e-6, (performance.now() - started) / (PROBE_SIDE * PROBE_SIDE)));
  }
  const scale = Math.min(1, Math.sqrt(BOUNDARY_MS / costs.get(playground) / (plot.width * plot.height)));
  const width = Math.max(1, Math.round(plot.width * scale));
  const height = Math.max(1, Math.round(plot.height * scale));
  const { pixels } = colourRaster(boundaryValues(view.memory, playground, width, height), width, height, { task: view.task, name: view.style });
  const image = new ImageData(new Uint8ClampedArray(pixels.buffer), width, height);
  const canvas = canvasOf(width, height);
  canvas.getContext('2d').putImageData(image, 0, 0);
  return canvas;
}

function drawData(ctx, playground, { x, y, side }, view) {
  const plot = { left: AXES.left, top: 4, width: side - AXES.left - 6, height: side - AXES.bottom - 8 };
  const layer = canvasOf(side, side);
  const layerCtx = layer.getContext('2d');
  layerCtx.imageSmoothingEnabled = true;
  layerCtx.imageSmoothingQuality = 'high';
  layerCtx.drawImage(boundaryCanvas(playground, plot, view), plot.left, plot.top, plot.width, plot.height);
  const overlay = canvasOf(side, side);
  drawOverlay(overlay, plot, 1, {
    bounds: playground.bounds(),
    regression: view.task.kind === 'regression' && view.task.range,
    highContrast: view.highContrast,
    train: [playground.trainPoints(), playground.trainLabels()],
    test: view.showTest ? [playground.testPoints(), playground.testLabels()] : null,
  });
  ctx.drawImage(layer, x, y);
  ctx.drawImage(overlay, x, y);
}

function drawNetwork(ctx, playground, snap, box, view) {
  const { sizes, layers } = snap;
  const geometry = layoutGraph(sizes, box.width);
  const scale = Math.min(1, box.width / geometry.width, box.height / geometry.height);
  ctx.save();
  ctx.translate(box.x + (box.width - geometry.width * scale) / 2, box.y + (box.height - geometry.height * scale) / 2);
  ctx.scale(scale, scale);
  const atlas = paintAtlas(neuronValues(view.memory, playground, RESOLUTION, RESOLUTION), {
    sizes,
    tiles: geometry.nodes.flat(),
    side: geometry.thumb,
    outWidth: geometry.width,
    outHeight: geometry.height,
    hidden: playground.activation() === 'sigmoid' ? [0, 1] : [-1, 1],
    task: view.task,
    features: playground.features(),
    bounds: playground.bounds(),
    style: view.style,
  });
  ctx.drawImage(atlas, 0, 0);
  atlas.close();
  ctx.lineCap = 'round';
  const colourOf = (style) => (style.negative ? CLASS_COLOURS[0] : CLASS_COLOURS[1]);
  layers.forEach((layer, l) => {
    layer.weights.forEach((row, i) => row.forEach((w, k) => {
      const style = parameterStyle(w);
      ctx.strokeStyle = colourOf(style);
      ctx.globalAlpha = Number(style.opacity);
      ctx.lineWidth = Number(style.width);
      // Drawn from numbers: a path written as text and parsed again for each of 8 × 64's
      // 28,672 edges made a PNG a 160 ms task.
      const [x0, y0, ...curve] = edgeCurve(geometry, l, i, k);
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.bezierCurveTo(...curve);
      ctx.stroke();
    }));
    layer.biases.forEach((b, i) => {
      const style = parameterStyle(b);
      const { mid } = biasGeometry(geometry, l + 1, i);
      ctx.fillStyle = colourOf(style);
      ctx.globalAlpha = Number(style.opacity);
      ctx.fillRect(mid.x - style.side / 2, mid.y - style.side / 2, style.side, style.side);
    });
  });
  ctx.globalAlpha = 1;
  ctx.strokeStyle = '#d9dde3';
  ctx.lineWidth = 1;
  for (const { x, y } of geometry.nodes.flat()) ctx.strokeRect(x - 0.5, y - 0.5, geometry.thumb + 1, geometry.thumb + 1);
  ctx.restore();
}

function drawChart(ctx, playground, snap, box, view) {
  const canvas = canvasOf(box.width, box.height);
  new CostChart(canvas, { memory: view.memory, pixelRatio: 1 }).draw(playground, {
    cursorIteration: snap.iteration,
    logScale: view.logScale,
    showTest: snap.testCost != null,
    until: view.until ? snap.iteration : null,
  });
  ctx.drawImage(canvas, box.x, box.y);
}
