// The data panel: the network's output over the plane, under a layer with the training (and
// optionally test) points and the axes. The boundary picture is computed, coloured and
// upscaled by a Web Worker on another core when the browser allows one, otherwise here; the
// canvas only receives finished bitmaps, which costs the main thread next to nothing.

import { fitCanvas } from './canvas.js';
import { toBitmap } from './bitmaps.js';
import { colourBoundary, colourNeuron } from './colour-tables.js';
import { showLegend } from './legend.js';
import { drawOverlay } from './plot-overlay.js';

/** Milliseconds a boundary may take while training runs (on the main thread, or in the
 * worker, which has a whole frame). */
const BUDGET_MS = { main: 6, worker: 14 };
/** The coarsest boundary painted while playing, per side. */
const MIN_PLAYING_SIDE = 256;

export class DataView {
  /** `canvas` shows the boundary; `overlay` covers it and its margins; `legend` holds the
   * colour key; `raster` is the page's RasterClient. */
  constructor({ canvas, overlay, legend }, wasm, raster) {
    this.canvas = canvas;
    this.overlay = overlay;
    this.overlayDrawn = null;
    this.legend = legend;
    this.legendShown = '';
    this.ctx = canvas.getContext('bitmaprenderer');
    this.wasm = wasm;
    this.raster = raster;
    this.msPerPixel = 0;
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
    const budget = this.raster.available ? BUDGET_MS.worker : BUDGET_MS.main;
    const fits = Math.sqrt(budget / this.msPerPixel / (width * height));
    const scale = Math.min(1, Math.max(MIN_PLAYING_SIDE / Math.min(width, height), fits));
    return [Math.round(width * scale), Math.round(height * scale)];
  }

  learnCost(ms, pixels) {
    const perPixel = ms / pixels;
    this.msPerPixel = this.msPerPixel ? 0.8 * this.msPerPixel + 0.2 * perPixel : perPixel;
  }

  /** `task` is { kind: 'binary' | 'classes' | 'regression', classes }; `sizes` the layer sizes. */
  render(playground, task, sizes, { showTest = false, showPoints = true, selected = null, discrete = false, highContrast = false, playing = false } = {}) {
    const ratio = fitCanvas(this.canvas);
    fitCanvas(this.overlay, ratio);
    const [width, height] = this.rasterSize(playing);
    const style = { task, name: (discrete ? 'discrete' : 'smooth') + (highContrast ? 'High' : '') };
    const bounds = playground.bounds();
    this.renderOverlay(playground, task, bounds, ratio, { showTest, showPoints, selected, highContrast });
    const legend = { task, neuron: this.neuron, style: style.name };
    const key = JSON.stringify(legend);
    if (key !== this.legendShown) {
      this.legendShown = key;
      showLegend(this.legend, legend);
    }
    if (this.raster.available) {
      const network = { sizes, activation: playground.activation(), classes: task.classes, params: playground.params(), features: playground.features() };
      const out = { outWidth: this.canvas.width, outHeight: this.canvas.height };
      this.raster.request('boundary', { network, bounds, width, height, ...out, style, neuron: this.neuron }, (data, ms) => {
        this.learnCost(ms, data.width * data.height);
        this.ctx.transferFromImageBitmap(data.bitmap);
      });
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
      this.ctx.transferFromImageBitmap(toBitmap(pixels, width, height, this.canvas.width, this.canvas.height));
    }
  }

  /** Redraws the points and axes only when what they show has changed. */
  renderOverlay(playground, task, bounds, ratio, { showTest, showPoints, selected, highContrast }) {
    const { overlay, canvas } = this;
    const drawn = { playground, showTest, showPoints, selected, highContrast, ratio, task: task.kind, width: overlay.width, height: overlay.height, plot: canvas.width };
    const last = this.overlayDrawn;
    if (last && Object.keys(drawn).every((k) => drawn[k] === last[k])) return;
    this.overlayDrawn = drawn;
    const outer = overlay.getBoundingClientRect();
    const inner = canvas.getBoundingClientRect();
    const plot = {
      left: Math.round((inner.left - outer.left) * ratio),
      top: Math.round((inner.top - outer.top) * ratio),
      width: canvas.width,
      height: canvas.height,
    };
    drawOverlay(overlay, plot, ratio, {
      bounds,
      regression: task.kind === 'regression',
      highContrast,
      selected,
      train: showPoints ? [playground.trainPoints(), playground.trainLabels()] : [[], []],
      test: showTest && showPoints ? [playground.testPoints(), playground.testLabels()] : null,
    });
  }
}

/** What the network predicts, from a snapshot. */
export function taskOf(snapshot) {
  const outputs = snapshot.sizes.at(-1);
  if (snapshot.scoreName === 'rmse') return { kind: 'regression', classes: 0 };
  return outputs > 1 ? { kind: 'classes', classes: outputs } : { kind: 'binary', classes: 2 };
}
