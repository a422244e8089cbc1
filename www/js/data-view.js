// The data panel: the network's output over the plane at the canvas's full device
// resolution, with the training (and optionally test) points on top.

import { Heatmap } from './heatmap.js';
import { classLuts, probabilityLut } from './palette.js';
import { drawPoints } from './points.js';

/** Milliseconds a frame may spend on the boundary while training runs. */
const PLAYING_BUDGET_MS = 6;
/** The coarsest boundary painted while playing, per side. */
const MIN_PLAYING_SIDE = 256;

export class DataView {
  constructor(canvas, wasm) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.wasm = wasm;
    // The boundary is rasterised here, then drawn onto the visible canvas: at full size that
    // is a copy, below it a smooth upscale.
    this.raster = document.createElement('canvas');
    this.heatmap = new Heatmap(this.raster);
    this.msPerPixel = 0;
    this.luts = {
      smooth: probabilityLut(false), discrete: probabilityLut(true),
      smoothHigh: probabilityLut(false, true), discreteHigh: probabilityLut(true, true),
    };
    this.classLuts = {
      smooth: classLuts(false), discrete: classLuts(true),
      smoothHigh: classLuts(false, true), discreteHigh: classLuts(true, true),
    };
  }

  /** Sizes the backing store to the CSS box times the device pixel ratio; returns the ratio. */
  fit() {
    const ratio = window.devicePixelRatio || 1;
    const rect = this.canvas.getBoundingClientRect();
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    return ratio;
  }

  /** The raster size: full resolution when paused; while playing, as much as the budget
   * allows by the measured cost per pixel, but never below 256 per side. */
  rasterSize(playing) {
    const { width, height } = this.canvas;
    if (!playing || this.msPerPixel === 0) return [width, height];
    const fits = Math.sqrt(PLAYING_BUDGET_MS / this.msPerPixel / (width * height));
    const scale = Math.min(1, Math.max(MIN_PLAYING_SIDE / Math.min(width, height), fits));
    return [Math.round(width * scale), Math.round(height * scale)];
  }

  /** `task` is { kind: 'binary' | 'classes' | 'regression', classes }. */
  render(playground, task, { showTest = false, discrete = false, highContrast = false, playing = false } = {}) {
    const ratio = this.fit();
    const [width, height] = this.rasterSize(playing);
    if (this.raster.width !== width || this.raster.height !== height) {
      this.raster.width = width;
      this.raster.height = height;
    }
    const started = performance.now();
    const length = playground.computeBoundary(width, height);
    const perPixel = (performance.now() - started) / (width * height);
    this.msPerPixel = this.msPerPixel ? 0.8 * this.msPerPixel + 0.2 * perPixel : perPixel;
    // A fresh view every frame: the call above may have grown (and detached) wasm memory.
    const values = new Float32Array(this.wasm.memory.buffer, playground.boundaryPtr(), length);
    const style = (discrete ? 'discrete' : 'smooth') + (highContrast ? 'High' : '');
    if (task.kind === 'classes') {
      this.heatmap.paintClasses(values, task.classes, width, height, this.classLuts[style]);
    } else if (task.kind === 'regression') {
      this.heatmap.paintScalar(values, width, height, this.luts[style], -1, 1);
    } else {
      this.heatmap.paintScalar(values, width, height, this.luts[style]);
    }
    this.ctx.imageSmoothingEnabled = true;
    this.ctx.imageSmoothingQuality = 'high';
    this.ctx.drawImage(this.raster, 0, 0, this.canvas.width, this.canvas.height);
    const bounds = playground.bounds();
    const regression = task.kind === 'regression';
    const ctx = this.ctx;
    drawPoints(ctx, playground.trainPoints(), playground.trainLabels(), bounds, ratio, { regression });
    if (showTest) {
      drawPoints(ctx, playground.testPoints(), playground.testLabels(), bounds, ratio, { regression, test: true });
    }
  }
}

/** What the network predicts, from a snapshot. */
export function taskOf(snapshot) {
  const outputs = snapshot.sizes.at(-1);
  if (snapshot.scoreName === 'rmse') return { kind: 'regression', classes: 0 };
  return outputs > 1 ? { kind: 'classes', classes: outputs } : { kind: 'binary', classes: 2 };
}
