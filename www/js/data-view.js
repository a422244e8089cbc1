// The data panel: the network's output over the plane, under a layer with the training (and
// optionally test) points and the axes. The boundary picture is computed, coloured and
// upscaled by a Web Worker on another core when the browser allows one, otherwise here; the
// canvas only receives finished bitmaps, which costs the main thread next to nothing.

import { fitCanvas, textScale } from './canvas.js';
import { PictureCanvas, toBitmap } from './bitmaps.js';
import { boundaryValues, colourRaster, neuronValues } from './rasters.js';
import { showLegend } from './legend.js';
import { drawOverlay } from './plot-overlay.js';

/** Milliseconds a boundary may take while training runs (on the main thread, or in the
 * worker, which has a whole frame), and on the main thread when paused. */
const BUDGET_MS = { main: 6, worker: 14, mainPaused: 40 };
/** A first picture painted on the main thread, before its cost is known: at most this side,
 * and at most this many multiply-adds (pixels × weights, some 5 ms), so that a network of
 * 8 × 64 gets a coarser first picture rather than a long task. */
const FIRST_MAIN = { side: 64, work: 9e6 };
/** The coarsest boundary painted while playing, per side; a network so heavy that this
 * would take several budgets may go down to the second. */
const MIN_PLAYING_SIDE = { usual: 256, heavy: 96 };
/** Sides while playing are multiples of this, and change only by more than a fifth: the
 * raster worker keeps a picture that has not changed only if its size has not either. */
const SIDE_STEP = 16;

/** A network of more weights than this (two hidden layers of 64) is heavy: the page starts
 * it in more tasks. */
export const HEAVY_WEIGHTS = 4096;

/** The weights of a network of layer `sizes`: what a pass through it costs. */
export const weightCount = (sizes) => sizes.reduce((sum, n, l) => sum + (l ? n * sizes[l - 1] : 0), 0);

export class DataView {
  /** `canvas` shows the boundary; `overlay` covers it and its margins; `legend` holds the
   * colour key (or null); `raster` is the page's RasterClient, `kind` the name of this view's
   * pictures there (several views may share one worker); `axes` whether to draw them. */
  constructor({ canvas, overlay, legend = null, kind = 'boundary', axes = true }, wasm, raster) {
    this.canvas = canvas;
    this.overlay = overlay;
    this.overlayDrawn = null;
    this.legend = legend;
    this.kind = kind;
    this.axes = axes;
    this.legendShown = '';
    this.picture = new PictureCanvas(canvas);
    this.wasm = wasm;
    this.raster = raster;
    this.msPerPixel = 0;
    this.playingSide = 0;
    // Which picture was asked for last and which is shown, as data attributes: a reader of the
    // page (a test) waits for them to agree instead of for a guessed time.
    this.requested = 0;
    this.neuron = null;
  }

  /** Shows one neuron's activation instead of the output: `{ plane, lo, hi }` (its plane in
   * the core's every-neuron raster and the range of its activation), or null for the output. */
  focus(neuron) {
    this.neuron = neuron;
  }

  /** In the worker, full resolution when paused; while playing, as much as the budget allows
   * by the measured cost per pixel, but never below the minimum side. On the main thread
   * always within a budget, so that no network is heavy enough to freeze the page: before
   * the cost is known, by the weights of a network of layer `sizes`. */
  rasterSize(playing, worker = this.raster?.available, sizes = []) {
    const { width, height } = this.canvas;
    const scaled = (scale) => [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
    if (!worker && this.msPerPixel === 0) {
      const side = Math.min(FIRST_MAIN.side, Math.sqrt(FIRST_MAIN.work / Math.max(1, weightCount(sizes))));
      return scaled(Math.min(1, side / Math.max(width, height)));
    }
    if (!worker && !playing) return scaled(Math.min(1, Math.sqrt(BUDGET_MS.mainPaused / this.msPerPixel / (width * height))));
    if (!playing || this.msPerPixel === 0) return [width, height];
    const budget = worker ? BUDGET_MS.worker : BUDGET_MS.main;
    const long = Math.max(width, height);
    const fits = Math.sqrt(budget / this.msPerPixel);
    const usual = MIN_PLAYING_SIDE.usual;
    const least = usual * usual * this.msPerPixel > 4 * budget ? MIN_PLAYING_SIDE.heavy : usual;
    let side = Math.min(long, Math.max(least, Math.round(fits / SIDE_STEP) * SIDE_STEP));
    if (Math.abs(side - this.playingSide) <= 0.2 * this.playingSide) side = Math.min(long, this.playingSide);
    this.playingSide = side;
    return scaled(side / long);
  }

  learnCost(ms, pixels) {
    const perPixel = ms / pixels;
    this.msPerPixel = this.msPerPixel ? 0.8 * this.msPerPixel + 0.2 * perPixel : perPixel;
  }

  /** `task` is { kind: 'binary' | 'classes' | 'regression', classes }; `sizes` the layer sizes. */
  render(playground, task, sizes, { showTest = false, showPoints = true, selected = null, discrete = false, highContrast = false, playing = false } = {}) {
    const ratio = fitCanvas(this.canvas);
    fitCanvas(this.overlay, ratio);
    const [width, height] = this.rasterSize(playing, this.raster?.available, sizes);
    const style = { task, name: (discrete ? 'discrete' : 'smooth') + (highContrast ? 'High' : '') };
    const bounds = playground.bounds();
    this.renderOverlay(playground, task, bounds, ratio, { showTest, showPoints, selected, highContrast });
    const legend = { task, neuron: this.neuron, style: style.name };
    const key = JSON.stringify(legend);
    if (this.legend && key !== this.legendShown) {
      this.legendShown = key;
      showLegend(this.legend, legend);
    }
    if (this.raster?.available) {
      const network = { sizes, activation: playground.activation(), classes: task.classes, params: playground.params(), features: playground.features() };
      const out = { outWidth: this.canvas.width, outHeight: this.canvas.height };
      const request = this.ask();
      this.raster.request(this.kind, { network, bounds, width, height, ...out, style, neuron: this.neuron, exact: !playing }, (data, ms) => {
        // A picture painted here since it was asked for is newer.
        if (request < this.shownRequest) return;
        if (!data.unchanged) {
          this.learnCost(ms, data.width * data.height);
          this.picture.show(data.bitmap);
          this.showMissing(data.missing);
          this.canvas.dataset.painter = 'worker';
        }
        this.shown(request);
      });
      // The first pictures, while the worker still loads, are painted here too: the page
      // shows its boundary as soon as it can train.
      if (!this.raster.warm) this.paintHere(playground, this.rasterSize(playing, false, sizes), style);
    } else {
      this.paintHere(playground, [width, height], style);
    }
  }

  /** Paints the picture on the page's thread, `width` × `height` pixels of raster. */
  paintHere(playground, [width, height], style) {
    const started = performance.now();
    const { memory } = this.wasm;
    const values = this.neuron ? neuronValues(memory, playground, width, height) : boundaryValues(memory, playground, width, height);
    const { pixels, missing } = colourRaster(values, width, height, { task: style.task, neuron: this.neuron, name: style.name });
    this.showMissing(missing);
    this.learnCost(performance.now() - started, width * height);
    this.picture.show(toBitmap(pixels, width, height, this.canvas.width, this.canvas.height));
    this.canvas.dataset.painter = 'page';
    this.shown(this.ask());
  }

  /** Says, under the legend, what the grey of pixels without a value means, while there are
   * any. */
  showMissing(missing) {
    const some = missing > 0;
    this.canvas.dataset.noValue = String(some);
    if (!this.legend) return;
    if (!this.missingNote) {
      this.missingNote = document.createElement('p');
      this.missingNote.className = 'no-value';
      this.missingNote.textContent = 'Grey: the network gives no number there (it overflowed).';
      this.legend.after(this.missingNote);
    }
    if (this.missingNote.hidden === some) this.missingNote.hidden = !some;
  }

  ask() {
    this.requested++;
    this.canvas.dataset.requested = String(this.requested);
    return this.requested;
  }

  shown(request) {
    this.shownRequest = request;
    this.canvas.dataset.shown = String(request);
  }

  /** Redraws the points and axes only when what they show has changed. */
  renderOverlay(playground, task, bounds, ratio, { showTest, showPoints, selected, highContrast }) {
    const { overlay, canvas } = this;
    const scale = textScale(overlay);
    const drawn = { playground, showTest, showPoints, selected, highContrast, ratio, scale, task: task.kind, width: overlay.width, height: overlay.height, plot: canvas.width };
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
      axes: this.axes,
      textScale: scale,
      regression: task.kind === 'regression' && task.range,
      highContrast,
      selected,
      train: showPoints ? [playground.trainPoints(), playground.trainLabels()] : [[], []],
      test: showTest && showPoints ? [playground.testPoints(), playground.testLabels()] : null,
    });
  }
}

/** The data panel's focus for neuron `index` of weight layer `layer` (0: the first hidden
 * layer): its plane in the every-neuron raster and its activation's range. */
export function neuronFocus(sizes, layer, index, { activation, task }) {
  const plane = sizes.slice(1, layer + 1).reduce((a, b) => a + b, 0) + index;
  const isOutput = layer === sizes.length - 2;
  if (isOutput && task.kind === 'regression') return { plane, lo: task.range[0], hi: task.range[1] };
  const unit = isOutput || activation === 'sigmoid';
  return { plane, lo: unit ? 0 : -1, hi: 1 };
}

/** What the network predicts, from a snapshot; a regression's colours span −1 to 1. */
export function taskOf(snapshot) {
  const outputs = snapshot.sizes.at(-1);
  if (snapshot.scoreName === 'rmse') return { kind: 'regression', classes: 0, range: [-1, 1] };
  return outputs > 1 ? { kind: 'classes', classes: outputs } : { kind: 'binary', classes: 2 };
}

/** The same from the number of classes the data has (0 for regression), known without a
 * snapshot, which copies every weight; a regression's colours span its `labels` (below). */
export function taskOfClasses(classes, labels = []) {
  if (classes === 0) return { kind: 'regression', classes: 0, range: valueRange(labels) };
  return classes > 2 ? { kind: 'classes', classes } : { kind: 'binary', classes: 2 };
}

/** The values a regression's colours span: −1 to 1, as the Playground's data does, or the
 * labels' own lowest to highest where they pass it (a reader's file of values 0 to 8). */
export function valueRange(labels) {
  const [lo, hi] = extent(labels);
  if (!(lo < -1 || hi > 1)) return [-1, 1];
  // Values all alike still get a scale, centred on them.
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** The lowest and highest of `values` ([Infinity, -Infinity] for none), in one pass: a
 * spread into Math.min would overflow the stack on 100,000 labels. */
export function extent(values) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
