// Every colour table the boundary may use, built once, keyed by style name.

import { colourClasses, colourScalar } from './heatmap.js';
import { classLuts, probabilityLut } from './palette.js';

const tables = new Map();

function build(name) {
  const discrete = name.startsWith('discrete');
  const high = name.endsWith('High');
  return { scalar: probabilityLut(discrete, high), classes: classLuts(discrete, high) };
}

/** Colours `values` (a raster from the core) into `pixels` for `task` in style `name`. */
export function colourBoundary(values, pixels, task, name) {
  if (!tables.has(name)) tables.set(name, build(name));
  const { scalar, classes } = tables.get(name);
  if (task.kind === 'classes') colourClasses(values, task.classes, pixels, classes);
  else if (task.kind === 'regression') colourScalar(values, pixels, scalar, -1, 1);
  else colourScalar(values, pixels, scalar);
}

/** Colours one neuron's activation plane, mapping [lo, hi] onto the two-class scale. */
export function colourNeuron(values, pixels, { lo, hi }, name) {
  if (!tables.has(name)) tables.set(name, build(name));
  colourScalar(values, pixels, tables.get(name).scalar, lo, hi);
}
