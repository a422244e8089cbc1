// The data panel during a slow-motion step: a canvas over the boundary that veils it until
// the forward pass reaches the output, marks each point of the batch with what the network
// predicts for it, rings each point by its loss (the worst ones named) for the cost, and
// fades the old boundary into the new one for the update.

import { placeLabels } from './label-place.js';
import { fitCanvas } from './canvas.js';
import { CLASS_COLOURS, valueColour } from './palette.js';

/** Points ringed at most, the worst: beyond that the rings are a blur and cost frames. */
const RINGS = 2000;
/** Points whose loss is written beside them. */
const NAMED = 3;
const INK = '#1f2328';
const WORST = '#b3261e';

export class PlotPhase {
  /** `plot` is the element that holds the boundary canvas (`boundary`). */
  constructor(plot, boundary) {
    this.boundary = boundary;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'phase-plot';
    this.canvas.setAttribute('aria-hidden', 'true');
    boundary.after(this.canvas);
    // The worst points' names on a canvas of their own, above the data's points, which would
    // otherwise cover their digits.
    this.labels = document.createElement('canvas');
    this.labels.className = 'phase-labels';
    this.labels.setAttribute('aria-hidden', 'true');
    plot.append(this.labels);
    this.old = null;
  }

  /** The batch's points and labels, the plane's bounds and the task, once per step. */
  setStep({ points, batch, bounds, task }) {
    const [x1Min, x1Max, x2Min, x2Max] = bounds;
    this.task = task;
    this.at = batch.map((index) => [(points[2 * index] - x1Min) / (x1Max - x1Min), (x2Max - points[2 * index + 1]) / (x2Max - x2Min)]);
    this.order = null;
  }

  begin() {
    const ratio = fitCanvas(this.canvas);
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    fitCanvas(this.labels, ratio);
    this.labels.getContext('2d').clearRect(0, 0, this.labels.width, this.labels.height);
    return { ctx, ratio, width: this.canvas.width, height: this.canvas.height };
  }

  /** Forward: the boundary veiled by `veil` (0 to 1); once the output is reached, each
   * point marked in the colour of its prediction (`outputs`, n_out × m) by `shown`. */
  forward({ veil, outputs, shown }) {
    const { ctx, ratio, width, height } = this.begin();
    if (veil > 0) {
      ctx.fillStyle = `rgba(255, 255, 255, ${0.8 * veil})`;
      ctx.fillRect(0, 0, width, height);
    }
    if (shown <= 0) return;
    const m = this.at.length;
    const count = Math.min(m, RINGS);
    ctx.globalAlpha = shown;
    ctx.lineWidth = 2.5 * ratio;
    for (let j = 0; j < count; j++) {
      const [u, v] = this.at[j];
      ctx.strokeStyle = this.predictionColour(outputs, j, m);
      ctx.beginPath();
      ctx.arc(u * width, v * height, 6.5 * ratio, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  predictionColour(outputs, j, m) {
    const { kind, classes, range } = this.task;
    if (kind === 'regression') return valueColour(outputs[j], range);
    if (kind === 'binary') return CLASS_COLOURS[outputs[j] >= 0.5 ? 1 : 0];
    let best = 0;
    for (let c = 1; c < classes; c++) if (outputs[c * m + j] > outputs[best * m + j]) best = c;
    return CLASS_COLOURS[best];
  }

  /** Cost: each point's ring as large and dark as its loss, grown by `grown` (0 to 1); the
   * `NAMED` worst named. */
  cost({ losses, grown }) {
    const { ctx, ratio, width, height } = this.begin();
    // Sorted once a step: a batch of 100,000 points would cost every frame a sort.
    this.order ??= worstFirst(losses, RINGS);
    const { order } = this;
    const worst = losses[order[0]] || 1e-300;
    const named = order.slice(0, NAMED);
    // Light rings, so that where every point is as wrong as the next (an untrained network)
    // they read as a haze and not as ink; the worst few stand out in red.
    ctx.strokeStyle = INK;
    for (const j of [...order].reverse()) {
      const share = losses[j] / worst;
      const [u, v] = this.at[j];
      ctx.globalAlpha = 0.08 + 0.42 * share;
      ctx.lineWidth = (0.75 + 1.25 * share) * ratio;
      ctx.beginPath();
      ctx.arc(u * width, v * height, (4 + 11 * Math.sqrt(share) * grown) * ratio, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.globalAlpha = grown;
    ctx.strokeStyle = WORST;
    ctx.lineWidth = 3 * ratio;
    for (const j of named) {
      const [u, v] = this.at[j];
      ctx.beginPath();
      ctx.arc(u * width, v * height, 15 * ratio, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    const names = this.labels.getContext('2d');
    names.globalAlpha = grown;
    names.font = `600 ${12 * ratio}px system-ui, sans-serif`;
    names.lineJoin = 'round';
    names.textBaseline = 'top';
    // The worst points often sit together: each label takes a place clear of the others'.
    const texts = named.map((j, rank) => `${rank + 1}: ${losses[j].toFixed(3)}`);
    const anchors = named.map((j, rank) => ({ x: this.at[j][0] * width, y: this.at[j][1] * height, width: names.measureText(texts[rank]).width, height: 14 * ratio }));
    placeLabels(anchors, 14 * ratio, { width, height }).forEach(({ x, y }, rank) => {
      names.lineWidth = 3 * ratio;
      names.strokeStyle = '#ffffff';
      names.strokeText(texts[rank], x, y);
      names.fillStyle = WORST;
      names.fillText(texts[rank], x, y);
    });
    names.globalAlpha = 1;
  }

  /** Keeps the boundary as it is now, to fade from. */
  keepOld() {
    const { width, height } = this.boundary;
    const copy = document.createElement('canvas');
    copy.width = width;
    copy.height = height;
    copy.getContext('2d').drawImage(this.boundary, 0, 0);
    this.old = copy;
  }

  /** Update: the old boundary over the new one, fading out as `done` goes 0 to 1. */
  update({ done }) {
    const { ctx, width, height } = this.begin();
    if (!this.old || done >= 1) return;
    ctx.globalAlpha = 1 - done;
    ctx.drawImage(this.old, 0, 0, width, height);
    ctx.globalAlpha = 1;
  }

  clear() {
    this.begin();
    this.old = null;
  }

  remove() {
    this.canvas.remove();
    this.labels.remove();
  }
}

/** Indices of the `count` largest losses, largest first. */
function worstFirst(losses, count) {
  const order = Array.from(losses.keys());
  order.sort((a, b) => losses[b] - losses[a]);
  return order.slice(0, count);
}
