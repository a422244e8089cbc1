// The network graph's thumbnails as one picture: every neuron's 32 × 32 activation raster,
// coloured and smoothly scaled into its place. One bitmap for the whole graph instead of a
// canvas per neuron; the raster worker paints it, or the page when there is no worker.

import { finish, makeCanvas } from './bitmaps.js';
import { colourScalar, colourTint } from './heatmap.js';
import { coloursFor } from './colour-tables.js';

/** Side of each neuron's raster: enough for a smooth thumbnail, cheap for every neuron. */
export const RESOLUTION = 32;
const PLANE = RESOLUTION * RESOLUTION;

let strip = null;
let out = null;

const FEATURES = {
  x1: (x1) => x1,
  x2: (x1, x2) => x2,
  x1Squared: (x1) => x1 * x1,
  x2Squared: (x1, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  sinX1: (x1) => Math.sin(x1),
  sinX2: (x1, x2) => Math.sin(x2),
};

/** An input feature over the plane [x1Min, x1Max, x2Min, x2Max], row 0 at the top (x2
 * upwards, as the data panel's axes run), scaled into [-1, 1] by its largest size. */
function inputPlane(feature, [x1Min, x1Max, x2Min, x2Max]) {
  const values = new Float32Array(PLANE);
  const f = FEATURES[feature] ?? FEATURES.x1;
  let largest = 0;
  for (let row = 0; row < RESOLUTION; row++) {
    const x2 = x2Max - ((row + 0.5) / RESOLUTION) * (x2Max - x2Min);
    for (let col = 0; col < RESOLUTION; col++) {
      const v = f(x1Min + ((col + 0.5) / RESOLUTION) * (x1Max - x1Min), x2);
      values[row * RESOLUTION + col] = v;
      largest = Math.max(largest, Math.abs(v));
    }
  }
  if (largest > 0) for (let i = 0; i < PLANE; i++) values[i] /= largest;
  return values;
}

/**
 * `values`: the core's every-neuron raster (RESOLUTION², hidden layers then output, no
 * inputs). `request`: { sizes, tiles: [{x, y}] in device pixels for every node, inputs first,
 * side (device pixels), outWidth, outHeight, hidden: [lo, hi] of the hidden activation,
 * task: {kind, classes}, features (the inputs' names), bounds (the plane), style (a
 * colour-table name) }.
 */
export function paintAtlas(values, { sizes, tiles, side, outWidth, outHeight, hidden, task, features, bounds, style }) {
  const nodes = tiles.length;
  if (!strip || strip.height !== RESOLUTION * nodes) strip = makeCanvas(RESOLUTION, RESOLUTION * nodes);
  const image = new ImageData(RESOLUTION, RESOLUTION * nodes);
  const pixels = new Uint32Array(image.data.buffer);
  const { scalar, classes } = coloursFor(style);
  const last = sizes.length - 1;
  let tile = 0;
  for (let c = 0; c <= last; c++) {
    for (let i = 0; i < sizes[c]; i++, tile++) {
      const target = pixels.subarray(tile * PLANE, (tile + 1) * PLANE);
      const plane = c === 0 ? inputPlane(features[i], bounds) : values.subarray((tile - sizes[0]) * PLANE, (tile - sizes[0] + 1) * PLANE);
      if (c === 0) colourScalar(plane, target, scalar, -1, 1);
      else if (c < last) colourScalar(plane, target, scalar, ...hidden);
      else if (task.kind === 'binary') colourScalar(plane, target, scalar, 0, 1);
      else if (task.kind === 'regression') colourScalar(plane, target, scalar, ...task.range);
      else colourTint(plane, target, classes[i % classes.length]);
    }
  }
  strip.getContext('2d').putImageData(image, 0, 0);
  if (!out || out.width !== outWidth || out.height !== outHeight) out = makeCanvas(outWidth, outHeight);
  const ctx = out.getContext('2d');
  ctx.clearRect(0, 0, outWidth, outHeight);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  tiles.forEach(({ x, y }, t) => ctx.drawImage(strip, 0, t * RESOLUTION, RESOLUTION, RESOLUTION, x, y, side, side));
  return finish(out);
}
