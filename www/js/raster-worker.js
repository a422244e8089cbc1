// Paints the page's pixel-heavy pictures on a second core, so that the main thread only
// trains and hands finished bitmaps to the compositor. Every message carries the network
// ({sizes, activation, classes, params, features}) and the plane's bounds, and a kind:
// - 'boundary': width, height (the raster), outWidth, outHeight (the bitmap), style: {task,
//   name}, neuron?: {plane, lo, hi} (that neuron's activation instead of the output);
// - 'atlas': the network graph's thumbnails, as `paintAtlas` in atlas.js describes.
// The answer is { kind, width, height, bitmap }, the bitmap transferred, or { error }.

import init, { Painter } from '../pkg/neuranim_wasm.js';
import { RESOLUTION, paintAtlas } from './atlas.js';
import { toBitmap } from './bitmaps.js';
import { colourBoundary, colourNeuron } from './colour-tables.js';

const ready = init().then((wasm) => ({ wasm, painter: new Painter() }));

function boundary(wasm, painter, { bounds, width, height, outWidth, outHeight, style, neuron }) {
  const pixels = new Uint32Array(width * height);
  if (neuron) {
    const length = painter.computeNeurons(bounds, width, height);
    const values = new Float32Array(wasm.memory.buffer, painter.ptr(), length);
    colourNeuron(values.subarray(neuron.plane * width * height, (neuron.plane + 1) * width * height), pixels, neuron, style.name);
  } else {
    const length = painter.computeBoundary(bounds, width, height);
    colourBoundary(new Float32Array(wasm.memory.buffer, painter.ptr(), length), pixels, style.task, style.name);
  }
  return toBitmap(pixels, width, height, outWidth, outHeight);
}

function atlas(wasm, painter, request) {
  const length = painter.computeNeurons(request.bounds, RESOLUTION, RESOLUTION);
  return paintAtlas(new Float32Array(wasm.memory.buffer, painter.ptr(), length), request);
}

self.onmessage = async ({ data }) => {
  try {
    const { wasm, painter } = await ready;
    const { network } = data;
    painter.setNetwork(Uint32Array.from(network.sizes), network.activation, network.classes, network.params, network.features);
    const bitmap = data.kind === 'atlas' ? atlas(wasm, painter, data) : boundary(wasm, painter, data);
    self.postMessage({ kind: data.kind, width: data.width, height: data.height, bitmap }, [bitmap]);
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
