// Times the wasm build in the browser: training throughput and raster time for the course's
// 2-4-1 network and a deep 2-8×6-1 one. Read by scripts/bench-browser.mjs from
// window.benchResult once <html data-done="true"> is set.

import init, { Playground } from '../pkg/neuranim_wasm.js';

const NETWORKS = {
  '2-4-1': { settings: {}, chunk: 500 },
  '2-8x6-1': {
    settings: { hidden: [8, 8, 8, 8, 8, 8], init: 'xavier', learningRate: 0.03, batchSize: 10 },
    chunk: 500,
  },
};
const TRAIN_RUNS = 9;
const MIN_RUN_MS = 200;
const RASTER_WARMUPS = 3;
const RASTER_RUNS = 15;
const MIN_SAMPLE_MS = 5;
const SIDES = [100, 256, 512];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
// Yields between runs so the page stays responsive to the driver's polling.
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Examples per second of one fresh run lasting at least MIN_RUN_MS. */
function trainingRun({ settings, chunk }) {
  const playground = new Playground(settings);
  try {
    const examples = Math.min(settings.batchSize ?? Infinity, playground.trainPoints().length / 2);
    let updates = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < MIN_RUN_MS) {
      const done = playground.step(chunk);
      updates += done;
      elapsed = performance.now() - start;
      if (done < chunk) throw new Error(`training diverged after ${updates} updates`);
    }
    return { rate: (updates * examples) / (elapsed / 1000), examples };
  } finally {
    playground.free();
  }
}

async function training(network) {
  trainingRun(network); // warm-up: compilation tiers, allocations
  const rates = [];
  let examples;
  for (let i = 0; i < TRAIN_RUNS; i++) {
    await pause();
    const run = trainingRun(network);
    rates.push(run.rate);
    examples = run.examples;
  }
  return { examplesPerSecond: median(rates), examplesPerUpdate: examples };
}

/** Milliseconds for `reps` back-to-back calls. */
function time(playground, method, side, reps) {
  const start = performance.now();
  for (let i = 0; i < reps; i++) playground[method](side, side);
  return performance.now() - start;
}

/**
 * Median milliseconds per `compute(side, side)` call on an untrained network. Without
 * cross-origin isolation performance.now() ticks in 0.1 ms, so a sample repeats fast calls
 * until it lasts MIN_SAMPLE_MS; calls that slow already are timed one by one.
 */
async function raster(playground, method, side) {
  for (let i = 0; i < RASTER_WARMUPS; i++) playground[method](side, side);
  let reps = 1;
  while (time(playground, method, side, reps) < MIN_SAMPLE_MS) reps *= 2;
  const times = [];
  for (let i = 0; i < RASTER_RUNS; i++) times.push(time(playground, method, side, reps) / reps);
  await pause();
  return median(times);
}

async function run() {
  await init();
  const result = { userAgent: navigator.userAgent, training: {}, raster: {} };
  for (const [name, network] of Object.entries(NETWORKS)) {
    result.training[name] = await training(network);
    const playground = new Playground(network.settings);
    try {
      result.raster[name] = {};
      for (const side of SIDES) {
        result.raster[name][side] = {
          boundaryMs: await raster(playground, 'computeBoundary', side),
          neuronsMs: await raster(playground, 'computeNeurons', side),
        };
      }
    } finally {
      playground.free();
    }
  }
  return result;
}

run()
  .then((result) => { window.benchResult = result; })
  .catch((error) => { window.benchError = String(error?.stack ?? error); })
  .finally(() => { document.documentElement.dataset.done = 'true'; });
