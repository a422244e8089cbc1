// Draws the data points over the boundary, in plot coordinates mapped to canvas pixels.

import { CLASS_COLOURS } from './palette.js';

export function drawPoints(ctx, points, labels, bounds, scale) {
  const [x1Min, x1Max, x2Min, x2Max] = bounds;
  const { width, height } = ctx.canvas;
  const radius = 3.5 * scale;
  ctx.lineWidth = 1 * scale;
  ctx.strokeStyle = '#ffffff';
  for (let i = 0; i < labels.length; i++) {
    const x = ((points[2 * i] - x1Min) / (x1Max - x1Min)) * width;
    const y = ((x2Max - points[2 * i + 1]) / (x2Max - x2Min)) * height;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = CLASS_COLOURS[labels[i] > 0.5 ? 1 : 0];
    ctx.fill();
    ctx.stroke();
  }
}
