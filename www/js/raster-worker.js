// Computes and colours boundary rasters on a second core, so that the page's main thread
// only trains and paints. Messages: { network: {sizes, activation, classes, params}, bounds,
// width, height, style: {task, name}, neuron?: {plane, lo, hi} } in; { width, height,
// pixels } out, pixels as RGBA bytes, transferred rather than copied. With `neuron`, the
// picture is that neuron's activation instead of the output.

import init, { Painter } from '../pkg/neuranim_wasm.js';
import { colourBoundary, colourNeuron } from './colour-tables.js';

const ready = init().then((wasm) => ({ wasm, painter: new Painter() }));

self.onmessage = async ({ data }) => {
  try {
    const { wasm, painter } = await ready;
    const { network, bounds, width, height, style, neuron } = data;
    painter.setNetwork(Uint32Array.from(network.sizes), network.activation, network.classes, network.params);
    const pixels = new Uint32Array(width * height);
    if (neuron) {
      const length = painter.computeNeurons(bounds, width, height);
      const values = new Float32Array(wasm.memory.buffer, painter.ptr(), length);
      colourNeuron(values.subarray(neuron.plane * width * height, (neuron.plane + 1) * width * height), pixels, neuron, style.name);
    } else {
      const length = painter.computeBoundary(bounds, width, height);
      colourBoundary(new Float32Array(wasm.memory.buffer, painter.ptr(), length), pixels, style.task, style.name);
    }
    self.postMessage({ width, height, pixels: pixels.buffer }, [pixels.buffer]);
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
