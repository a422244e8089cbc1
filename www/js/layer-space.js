// Layer space, as ConvNetJS shows it: the input plane's grid lines and the data points
// mapped through one hidden layer, placed by the activations of two of its neurons. The
// layer's folding of the plane is what makes the classes separable for the next one.

import { fitCanvas } from './canvas.js';
import { PLOT_COLOURS } from './palette.js';
import { drawPoints } from './points.js';

const LINES = 15;
const SAMPLES = 48;
const FONT_PX = 11;
const GRID_COLOUR = '#c9ced6';

/** Grid lines across `bounds`: LINES of constant x1 then LINES of constant x2, each
 * SAMPLES points long, as x1, x2 pairs. */
function gridPoints([x1Min, x1Max, x2Min, x2Max]) {
  const out = [];
  const at = (t, lo, hi) => lo + t * (hi - lo);
  for (let k = 0; k < LINES; k++) {
    const x1 = at(k / (LINES - 1), x1Min, x1Max);
    for (let s = 0; s < SAMPLES; s++) out.push(x1, at(s / (SAMPLES - 1), x2Min, x2Max));
  }
  for (let k = 0; k < LINES; k++) {
    const x2 = at(k / (LINES - 1), x2Min, x2Max);
    for (let s = 0; s < SAMPLES; s++) out.push(at(s / (SAMPLES - 1), x1Min, x1Max), x2);
  }
  return out;
}

/** The range an activation's values can take, or the values' own range padded. */
function range(activation, values) {
  if (activation === 'tanh') return [-1.05, 1.05];
  if (activation === 'sigmoid') return [-0.05, 1.05];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

export class LayerSpace {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
  }

  /** `space`: { layer (0: first hidden), i, j (the neurons on x and y) }. */
  draw(playground, { layer, i, j }, { activation, regression }) {
    const ratio = fitCanvas(this.canvas);
    const { ctx, canvas } = this;
    const grid = gridPoints(playground.bounds());
    const data = [...playground.trainPoints(), ...playground.testPoints()];
    const labels = [...playground.trainLabels(), ...playground.testLabels()];
    const all = Float64Array.from([...grid, ...data]);
    const m = all.length / 2;
    const mapped = playground.layerSpace(all, layer);
    const xs = mapped.subarray(i * m, (i + 1) * m);
    const ys = mapped.subarray(j * m, (j + 1) * m);
    const [xLo, xHi] = range(activation, xs);
    const [yLo, yHi] = range(activation, ys);
    const margin = { left: 8 * ratio, bottom: (FONT_PX + 10) * ratio, top: 8 * ratio, right: 8 * ratio };
    const plot = { width: canvas.width - margin.left - margin.right, height: canvas.height - margin.top - margin.bottom };
    const px = (v) => margin.left + ((v - xLo) / (xHi - xLo)) * plot.width;
    const py = (v) => margin.top + ((yHi - v) / (yHi - yLo)) * plot.height;

    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = GRID_COLOUR;
    ctx.lineWidth = ratio;
    ctx.beginPath();
    for (let line = 0; line < 2 * LINES; line++) {
      for (let s = 0; s < SAMPLES; s++) {
        const k = line * SAMPLES + s;
        if (s === 0) ctx.moveTo(px(xs[k]), py(ys[k]));
        else ctx.lineTo(px(xs[k]), py(ys[k]));
      }
    }
    ctx.stroke();
    const first = grid.length / 2;
    const points = new Float64Array(2 * (m - first));
    for (let k = first; k < m; k++) {
      points[2 * (k - first)] = xs[k];
      points[2 * (k - first) + 1] = ys[k];
    }
    ctx.save();
    ctx.translate(margin.left, margin.top);
    drawPoints(ctx, points, labels, [xLo, xHi, yLo, yHi], ratio, { regression, size: plot });
    ctx.restore();
    ctx.fillStyle = PLOT_COLOURS.axes;
    ctx.font = `${FONT_PX * ratio}px system-ui, sans-serif`;
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'center';
    ctx.fillText(`→ neuron ${i + 1} of hidden layer ${layer + 1};  ↑ neuron ${j + 1}`, canvas.width / 2, canvas.height - 3 * ratio);
    return { xs, ys, first };
  }
}
