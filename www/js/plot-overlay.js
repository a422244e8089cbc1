// The data panel's top layer: the data points over the boundary and the axes around it.
// It changes only when the data, the size or the test toggle does, so it lives on a canvas
// of its own and training frames never redraw it.

import { PLOT_COLOURS } from './palette.js';
import { drawPoints } from './points.js';
import { formatTick, linearTicks } from './ticks.js';

const FONT_PX = 11;
const TICK_PX = 4;

/**
 * Draws on `overlay` (which covers the plot and its margins). `plot` is the boundary's box in
 * the overlay's device pixels: { left, top, width, height }. `data` is { bounds, train: [points,
 * labels], test: [points, labels] | null, regression, highContrast, selected: {x1, x2} | null,
 * axes (false for none) }.
 */
export function drawOverlay(overlay, plot, ratio, { bounds, train, test, regression, highContrast, selected = null, axes = true, textScale = 1 }) {
  const ctx = overlay.getContext('2d');
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  ctx.translate(plot.left, plot.top);
  // Points grow with the text, so that a room sees them on a projector.
  const scale = ratio * textScale;
  drawPoints(ctx, train[0], train[1], bounds, scale, { regression, highContrast, size: plot });
  if (test) drawPoints(ctx, test[0], test[1], bounds, scale, { regression, highContrast, test: true, size: plot });
  if (selected) {
    // A ring around the point the maths follow.
    const [x1Min, x1Max, x2Min, x2Max] = bounds;
    ctx.beginPath();
    ctx.arc(((selected.x1 - x1Min) / (x1Max - x1Min)) * plot.width, ((x2Max - selected.x2) / (x2Max - x2Min)) * plot.height, 7 * scale, 0, 2 * Math.PI);
    ctx.lineWidth = 2 * scale;
    ctx.strokeStyle = PLOT_COLOURS.selected;
    ctx.stroke();
  }
  ctx.restore();
  if (axes) drawAxes(ctx, plot, ratio, bounds, textScale);
}

/** Tick marks and labels outside the plot's left and bottom edges, and the axes' names at
 * their far ends, where no tick label may crowd them. */
function drawAxes(ctx, plot, ratio, [x1Min, x1Max, x2Min, x2Max], scale) {
  const font = FONT_PX * ratio * scale;
  const tick = TICK_PX * ratio;
  const hairline = Math.max(1, Math.round(ratio));
  const crisp = (v) => Math.round(v) + (hairline % 2) / 2;
  const bottom = plot.top + plot.height;
  const xOf = (v) => plot.left + ((v - x1Min) / (x1Max - x1Min)) * plot.width;
  const yOf = (v) => plot.top + ((x2Max - v) / (x2Max - x2Min)) * plot.height;
  const count = (px) => Math.max(2, Math.floor(px / (48 * ratio)));
  const inside = (lo, hi) => (t) => t >= lo && t <= hi;
  const xTicks = linearTicks(x1Min, x1Max, count(plot.width));
  const yTicks = linearTicks(x2Min, x2Max, count(plot.height));

  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.strokeStyle = PLOT_COLOURS.axes;
  ctx.fillStyle = PLOT_COLOURS.axes;
  ctx.lineWidth = hairline;
  ctx.beginPath();
  for (const t of xTicks.ticks.filter(inside(x1Min, x1Max))) {
    ctx.moveTo(crisp(xOf(t)), bottom);
    ctx.lineTo(crisp(xOf(t)), bottom + tick);
  }
  for (const t of yTicks.ticks.filter(inside(x2Min, x2Max))) {
    ctx.moveTo(plot.left - tick, crisp(yOf(t)));
    ctx.lineTo(plot.left, crisp(yOf(t)));
  }
  ctx.stroke();

  const xName = 'x₁';
  const yName = 'x₂';
  ctx.font = `italic ${font}px system-ui, sans-serif`;
  const xNameLeft = plot.left + plot.width - ctx.measureText(xName).width;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(xName, plot.left + plot.width, bottom + tick);
  ctx.fillText(yName, plot.left - tick - 2 * ratio, plot.top);

  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xTicks.ticks.filter(inside(x1Min, x1Max))) {
    const label = formatTick(t, xTicks.step);
    const half = ctx.measureText(label).width / 2;
    if (xOf(t) + half + 2 * ratio < xNameLeft) ctx.fillText(label, xOf(t), bottom + tick);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  // A label reaching past the plot's bottom would meet the first x label in the corner.
  const yNameBottom = plot.top + font * 1.2;
  for (const t of yTicks.ticks.filter(inside(x2Min, x2Max))) {
    const y = yOf(t);
    if (y - font / 2 > yNameBottom && y + font / 2 <= bottom) ctx.fillText(formatTick(t, yTicks.step), plot.left - tick - 2 * ratio, y);
  }
}
