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

/** Colours `values` (a raster from the core) into `pixels` for `task` in style `name`. */
export function colourBoundary(values, pixels, task, name) {
  const { scalar, classes } = coloursFor(name);
  if (task.kind === 'classes') colourClasses(values, task.classes, pixels, classes);
  else if (task.kind === 'regression') colourScalar(values, pixels, scalar, -1, 1);
  else colourScalar(values, pixels, scalar);
}

/** Colours one neuron's activation plane, mapping [lo, hi] onto the two-class scale. */
export function colourNeuron(values, pixels, { lo, hi }, name) {
  colourScalar(values, pixels, coloursFor(name).scalar, lo, hi);
}
