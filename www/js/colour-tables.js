// Every colour table the boundary may use, built once, keyed by style name.

import { colourClasses, colourScalar } from './heatmap.js';
import { classLuts, probabilityLut } from './palette.js';

const tables = new Map();

function build(name) {
  const discrete = name.startsWith('discrete');
  const high = name.endsWith('High');
  return { scalar: probabilityLut(discrete, high), classes: classLuts(discrete, high) };
}

/** The tables of style `name`: { scalar: 256 colours from class 0 to class 1, classes: for
 * each class, 64 tints from unsure to sure }. */
export function coloursFor(name) {
  if (!tables.has(name)) tables.set(name, build(name));
  return tables.get(name);
}

/** Colours `values` (a raster from the core) into `pixels` for `task` in style `name`;
 * returns how many pixels had no value (heatmap.js's NO_VALUE grey). */
export function colourBoundary(values, pixels, task, name) {
  const { scalar, classes } = coloursFor(name);
  if (task.kind === 'classes') return colourClasses(values, task.classes, pixels, classes);
  if (task.kind === 'regression') return colourScalar(values, pixels, scalar, ...task.range);
  return colourScalar(values, pixels, scalar);
}

/** Colours one neuron's activation plane, mapping [lo, hi] onto the two-class scale; returns
 * how many pixels had no value. */
export function colourNeuron(values, pixels, { lo, hi }, name) {
  return colourScalar(values, pixels, coloursFor(name).scalar, lo, hi);
}
