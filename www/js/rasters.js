// The core's rasters as the page reads them: computed into wasm memory, read through a view
// made after the call (a call may grow the memory and detach every older view), and coloured
// into pixels. The page's Playground and the raster worker's Painter both serve them.

import { colourBoundary, colourNeuron } from './colour-tables.js';

/** The network's output over `grid` (Playground: [width, height]; Painter: [bounds, width,
 * height]): one plane per output neuron, as a fresh view. */
export function boundaryValues(memory, source, ...grid) {
  const length = source.computeBoundary(...grid);
  return new Float32Array(memory.buffer, source.boundaryPtr?.() ?? source.ptr(), length);
}

/** Every neuron's activation over `grid` (as for boundaryValues), hidden layers first, one
 * plane per neuron, as a fresh view. */
export function neuronValues(memory, source, ...grid) {
  const length = source.computeNeurons(...grid);
  return new Float32Array(memory.buffer, source.neuronsPtr?.() ?? source.ptr(), length);
}

/** `values` of a width × height grid coloured: the boundary for `task`, or with `neuron`
 * ({ plane, lo, hi }) that neuron's plane of every-neuron values. `name` is the colour
 * style. Returns { pixels, missing } (pixels without a value, painted grey). */
export function colourRaster(values, width, height, { task, neuron = null, name }) {
  const pixels = new Uint32Array(width * height);
  const n = width * height;
  const missing = neuron ? colourNeuron(values.subarray(neuron.plane * n, (neuron.plane + 1) * n), pixels, neuron, name) : colourBoundary(values, pixels, task, name);
  return { pixels, missing };
}
