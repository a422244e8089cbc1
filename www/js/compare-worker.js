// Trains several networks side by side on a second core for the compare view: the same
// data and settings, one hidden layer of each size asked for. Messages in: { start: {
// settings, data?: { points, labels, classes, bounds }, sizes, iterations, side, style } },
// { open: index } and { stop: true }. Out: { models: [{ size, iteration, score, regression,
// diverged, bitmap }], done } after each round, { run: { settings, tape } (run-tape.js), size }
// for an opened model, or { error }.

import init, { Playground } from '../pkg/neuranim_wasm.js';
import { workerWasm } from './worker-wasm.js';
import { runOf } from './run-tape.js';
import { boundaryValues, colourRaster } from './rasters.js';
import { taskOfClasses } from './data-view.js';
import { drawOverlay } from './plot-overlay.js';

/** Milliseconds of training per round before the pictures are sent. */
const ROUND_MS = 40;

let job = null;

function start(wasm, { settings, data, sizes, iterations, side, style }) {
  const models = sizes.map((size) => {
    const s = { ...settings, hidden: [size] };
    const playground = data
      ? Playground.withData(s, data.points, data.labels, data.classes, data.bounds)
      : new Playground(s);
    return { size, playground, task: taskOfClasses(playground.dataClasses(), playground.dataLabels()) };
  });
  job = { wasm, models, iterations, side, style, running: true };
  round();
}

/** Trains every model a little (fairly: the same updates each), then sends pictures. */
function round() {
  if (!job?.running) return;
  const { models, iterations, side, style, wasm } = job;
  const started = performance.now();
  let chunk = 1;
  while (performance.now() - started < ROUND_MS) {
    let progressed = false;
    for (const model of models) {
      // A network that diverged trains no further: it stays at its last healthy iteration,
      // where the run went back to, and says so.
      if (model.diverged) continue;
      const left = iterations - model.playground.progress()[0];
      if (left <= 0) continue;
      const asked = Math.min(chunk, left);
      const made = model.playground.step(asked);
      if (made > 0) progressed = true;
      if (made < asked) model.diverged = true;
    }
    if (!progressed) break;
    chunk = Math.min(chunk * 2, 200);
  }
  const out = models.map((model) => {
    const { size, playground, task } = model;
    const snap = playground.snapshot();

    const { pixels } = colourRaster(boundaryValues(wasm.memory, playground, side, side), side, side, { task, name: style });
    const picture = new OffscreenCanvas(side, side);
    picture.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer), side, side), 0, 0);
    const overlay = new OffscreenCanvas(side, side);
    drawOverlay(overlay, { left: 0, top: 0, width: side, height: side }, 0.5, {
      bounds: playground.bounds(),
      regression: task.kind === 'regression' && task.range,
      train: [playground.trainPoints(), playground.trainLabels()],
      test: null,
      axes: false,
    });
    picture.getContext('2d').drawImage(overlay, 0, 0);
    const bitmap = picture.transferToImageBitmap();
    return { size, iteration: snap.iteration, score: snap.trainScore, regression: task.kind === 'regression', diverged: model.diverged ?? false, bitmap };
  });
  // Done when every network has trained its iterations or diverged: a diverged one trains no
  // further.
  const training = out.some((m) => m.iteration < iterations && !m.diverged);
  self.postMessage({ models: out, done: !training }, out.map((m) => m.bitmap));
  if (training) setTimeout(round, 0);
}

const ready = workerWasm(init);

self.onmessage = async ({ data }) => {
  try {
    const wasm = await ready;
    if (data.start) start(wasm, data.start);
    else if (data.open != null && job) {
      const model = job.models[data.open];
      const run = runOf(model.playground, true);
      self.postMessage({ run, size: model.size }, [run.tape.buffer]);
    } else if (data.stop) {
      if (job) job.running = false;
      job = null;
    }
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
