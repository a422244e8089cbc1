// Draws data points over the boundary, in plot coordinates mapped to canvas pixels.

import { CLASS_COLOURS, valueColour } from './palette.js';

const POINT_RIM = '#1f2328';

/** Points in class colours (regression: value colours) over a plot of `size` device pixels
 * (the whole canvas unless given); test points are drawn hollow-centred to tell them apart. */
export function drawPoints(ctx, points, labels, bounds, scale, { regression = false, test = false, highContrast = false, size = ctx.canvas } = {}) {
  const [x1Min, x1Max, x2Min, x2Max] = bounds;
  const { width, height } = size;
  const radius = (test ? 3 : 3.5) * scale;
  ctx.lineWidth = (test ? 1.5 : 1) * scale;
  for (let i = 0; i < labels.length; i++) {
    const x = ((points[2 * i] - x1Min) / (x1Max - x1Min)) * width;
    const y = ((x2Max - points[2 * i + 1]) / (x2Max - x2Min)) * height;
    const colour = regression ? valueColour(labels[i]) : CLASS_COLOURS[labels[i]] ?? '#000';
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = test ? '#ffffff' : colour;
    // A value's pale middle needs a dark rim, and so does any point on the high-contrast
    // heatmap's full colours; class colours otherwise a white one.
    ctx.strokeStyle = test ? colour : regression || highContrast ? POINT_RIM : '#ffffff';
    ctx.fill();
    ctx.stroke();
  }
}
