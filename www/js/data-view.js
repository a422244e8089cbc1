// The data panel: the network's output over the plane, with the training (and optionally
// test) points on top. The boundary is computed by a Web Worker on another core when the
// browser allows one, otherwise here; either way it is painted into an offscreen canvas and
// drawn onto the visible one, as a copy at full size or a smooth upscale below it.

import { fitCanvas } from './canvas.js';
import { colourBoundary, colourNeuron } from './colour-tables.js';
import { drawPoints } from './points.js';

/** Milliseconds a boundary may take while training runs (on the main thread, or in the
 * worker, which has a whole frame). */
const BUDGET_MS = { main: 6, worker: 14 };
/** The coarsest boundary painted while playing, per side. */
const MIN_PLAYING_SIDE = 256;

function startWorker(onMessage) {
  try {
    const worker = new Worker(new URL('./raster-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => onMessage(data);
    return worker;
  } catch {
    return null;
  }
}

export class DataView {
  constructor(canvas, wasm) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.wasm = wasm;
    this.raster = document.createElement('canvas');
    this.rasterCtx = this.raster.getContext('2d');
    this.msPerPixel = 0;
    this.worker = startWorker((data) => this.received(data));
    this.waiting = null; // the newest request not yet sent
    this.busy = false;
    this.sentAt = 0;
    this.overlay = () => {};
    this.neuron = null;
  }

  /** Shows one neuron's activation instead of the output: `{ plane, lo, hi }` (its plane in
   * the core's every-neuron raster and the range of its activation), or null for the output. */
  focus(neuron) {
    this.neuron = neuron;
  }

  /** Full resolution when paused; while playing, as much as the budget allows by the
   * measured cost per pixel, but never below 256 per side. */
  rasterSize(playing) {
    const { width, height } = this.canvas;
    if (!playing || this.msPerPixel === 0) return [width, height];
    const budget = this.worker ? BUDGET_MS.worker : BUDGET_MS.main;
    const fits = Math.sqrt(budget / this.msPerPixel / (width * height));
    const scale = Math.min(1, Math.max(MIN_PLAYING_SIDE / Math.min(width, height), fits));
    return [Math.round(width * scale), Math.round(height * scale)];
  }

  learnCost(ms, pixels) {
    const perPixel = ms / pixels;
    this.msPerPixel = this.msPerPixel ? 0.8 * this.msPerPixel + 0.2 * perPixel : perPixel;
  }

  /** `task` is { kind: 'binary' | 'classes' | 'regression', classes }; `sizes` the layer sizes. */
  render(playground, task, sizes, { showTest = false, discrete = false, highContrast = false, playing = false } = {}) {
    const ratio = fitCanvas(this.canvas);
    const [width, height] = this.rasterSize(playing);
    const style = { task, name: (discrete ? 'discrete' : 'smooth') + (highContrast ? 'High' : '') };
    const bounds = playground.bounds();
    const regression = task.kind === 'regression';
    const train = [playground.trainPoints(), playground.trainLabels()];
    const test = showTest ? [playground.testPoints(), playground.testLabels()] : null;
    this.overlay = () => {
      drawPoints(this.ctx, train[0], train[1], bounds, ratio, { regression });
      if (test) drawPoints(this.ctx, test[0], test[1], bounds, ratio, { regression, test: true });
    };
    if (this.worker) {
      const network = { sizes, activation: playground.activation(), classes: task.classes, params: playground.params() };
      this.waiting = { network, bounds, width, height, style, neuron: this.neuron };
      if (!this.busy) this.send();
    } else {
      const started = performance.now();
      const pixels = new Uint32Array(width * height);
      const n = width * height;
      if (this.neuron) {
        const length = playground.computeNeurons(width, height);
        // A fresh view every time: the call above may have grown (and detached) wasm memory.
        const values = new Float32Array(this.wasm.memory.buffer, playground.neuronsPtr(), length);
        colourNeuron(values.subarray(this.neuron.plane * n, (this.neuron.plane + 1) * n), pixels, this.neuron, style.name);
      } else {
        const length = playground.computeBoundary(width, height);
        const values = new Float32Array(this.wasm.memory.buffer, playground.boundaryPtr(), length);
        colourBoundary(values, pixels, style.task, style.name);
      }
      this.learnCost(performance.now() - started, n);
      this.show(pixels.buffer, width, height);
    }
    this.compose();
  }

  send() {
    const { style, ...request } = this.waiting;
    this.waiting = null;
    this.busy = true;
    this.sentAt = performance.now();
    this.worker.postMessage({ ...request, style });
  }

  received(data) {
    this.busy = false;
    if (data.error) {
      // Painting goes on without the worker.
      this.worker.terminate();
      this.worker = null;
      return;
    }
    this.learnCost(performance.now() - this.sentAt, data.width * data.height);
    this.show(data.pixels, data.width, data.height);
    this.compose();
    if (this.waiting) this.send();
  }

  /** Puts RGBA pixels into the offscreen raster canvas. */
  show(buffer, width, height) {
    if (this.raster.width !== width || this.raster.height !== height) {
      this.raster.width = width;
      this.raster.height = height;
    }
    this.rasterCtx.putImageData(new ImageData(new Uint8ClampedArray(buffer), width, height), 0, 0);
    this.painted = true;
  }

  /** The latest boundary, scaled to the canvas, with the points over it. */
  compose() {
    if (!this.painted) return;
    this.ctx.imageSmoothingEnabled = true;
    this.ctx.imageSmoothingQuality = 'high';
    this.ctx.drawImage(this.raster, 0, 0, this.canvas.width, this.canvas.height);
    this.overlay();
  }
}

/** What the network predicts, from a snapshot. */
export function taskOf(snapshot) {
  const outputs = snapshot.sizes.at(-1);
  if (snapshot.scoreName === 'rmse') return { kind: 'regression', classes: 0 };
  return outputs > 1 ? { kind: 'classes', classes: outputs } : { kind: 'binary', classes: 2 };
}
