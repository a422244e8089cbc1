// Draws data points over the boundary, in plot coordinates mapped to canvas pixels.

import { makeCanvas } from './bitmaps.js';
import { CLASS_COLOURS, CLASS_RGB, valueColour, valueRgb } from './palette.js';

const POINT_RIM = '#1f2328';
/** Beyond this many points, each is a small square written straight into pixels: a path,
 * fill and stroke per point would cost the page a long task (100,000 points: some 300 ms),
 * and so many points overlap into a density anyway. */
const DENSE = 5000;

/** Points in class colours over a plot of `size` device pixels (the whole canvas unless
 * given), or for a regression (`regression`: the [lo, hi] its colours span) in value colours;
 * test points are drawn hollow-centred to tell them apart. */
export function drawPoints(ctx, points, labels, bounds, scale, { regression = false, test = false, highContrast = false, size = ctx.canvas } = {}) {
  if (labels.length > DENSE) {
    drawDense(ctx, points, labels, bounds, scale, { regression, test, size });
    return;
  }
  const [x1Min, x1Max, x2Min, x2Max] = bounds;
  const { width, height } = size;
  const radius = (test ? 3 : 3.5) * scale;
  ctx.lineWidth = (test ? 1.5 : 1) * scale;
  for (let i = 0; i < labels.length; i++) {
    const x = ((points[2 * i] - x1Min) / (x1Max - x1Min)) * width;
    const y = ((x2Max - points[2 * i + 1]) / (x2Max - x2Min)) * height;
    const colour = regression ? valueColour(labels[i], regression) : CLASS_COLOURS[labels[i]] ?? '#000';
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

/** Many points as squares of two device pixels or more, written into one image; test points
 * paler, so that the two sets still tell apart. */
function drawDense(ctx, points, labels, bounds, scale, { regression, test, size }) {
  const [x1Min, x1Max, x2Min, x2Max] = bounds;
  const width = Math.max(1, Math.round(size.width));
  const height = Math.max(1, Math.round(size.height));
  const image = new ImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  const side = Math.max(2, Math.round(2 * scale));
  const pack = ([r, g, b]) => (test ? [r, g, b].map((v) => Math.round(v + (255 - v) * 0.55)) : [r, g, b]).reduceRight((acc, v) => (acc << 8) | v, 255) >>> 0;
  const classColours = CLASS_RGB.map(pack);
  for (let i = 0; i < labels.length; i++) {
    const x = Math.floor(((points[2 * i] - x1Min) / (x1Max - x1Min)) * width - side / 2);
    const y = Math.floor(((x2Max - points[2 * i + 1]) / (x2Max - x2Min)) * height - side / 2);
    const colour = regression ? pack(valueRgb(labels[i], regression)) : classColours[labels[i]] ?? 0xff000000;
    for (let row = Math.max(0, y); row < Math.min(height, y + side); row++) {
      pixels.fill(colour, row * width + Math.max(0, x), row * width + Math.min(width, x + side));
    }
  }
  const layer = makeCanvas(width, height);
  layer.getContext('2d').putImageData(image, 0, 0);
  ctx.drawImage(layer, 0, 0);
}
