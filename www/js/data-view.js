// The data panel: the network's output over the plane at the canvas's full device
// resolution, with the training (and optionally test) points on top.

import { Heatmap } from './heatmap.js';
import { classLuts, probabilityLut } from './palette.js';
import { drawPoints } from './points.js';

export class DataView {
  constructor(canvas, wasm) {
    this.canvas = canvas;
    this.wasm = wasm;
    this.heatmap = new Heatmap(canvas);
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

  /** `task` is { kind: 'binary' | 'classes' | 'regression', classes }. */
  render(playground, task, { showTest = false, discrete = false, highContrast = false } = {}) {
    const ratio = this.fit();
    const { width, height } = this.canvas;
    const length = playground.computeBoundary(width, height);
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
    const bounds = playground.bounds();
    const regression = task.kind === 'regression';
    const ctx = this.heatmap.ctx;
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
