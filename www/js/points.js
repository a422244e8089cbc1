// Draws data points over the boundary, in plot coordinates mapped to canvas pixels.

import { CLASS_COLOURS, valueColour } from './palette.js';

/** `colourOf(label)` picks the fill; test points are drawn hollow-centred to tell them apart. */
export function drawPoints(ctx, points, labels, bounds, scale, { regression = false, test = false } = {}) {
  const [x1Min, x1Max, x2Min, x2Max] = bounds;
  const { width, height } = ctx.canvas;
  const radius = (test ? 3 : 3.5) * scale;
  ctx.lineWidth = (test ? 1.5 : 1) * scale;
  for (let i = 0; i < labels.length; i++) {
    const x = ((points[2 * i] - x1Min) / (x1Max - x1Min)) * width;
    const y = ((x2Max - points[2 * i + 1]) / (x2Max - x2Min)) * height;
    const colour = regression ? valueColour(labels[i]) : CLASS_COLOURS[labels[i]] ?? '#000';
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = test ? '#ffffff' : colour;
    ctx.strokeStyle = test ? colour : '#ffffff';
    ctx.fill();
    ctx.stroke();
  }
}
