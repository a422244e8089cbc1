// Computes and colours boundary rasters on a second core, so that the page's main thread
// only trains and paints. Messages: { network: {sizes, activation, classes, params}, bounds,
// width, height, style: {task, name} } in; { width, height, pixels } out, pixels as RGBA
// bytes, transferred rather than copied.

import init, { Painter } from '../pkg/neuranim_wasm.js';
import { colourBoundary } from './colour-tables.js';

const ready = init().then((wasm) => ({ wasm, painter: new Painter() }));

self.onmessage = async ({ data }) => {
  try {
    const { wasm, painter } = await ready;
    const { network, bounds, width, height, style } = data;
    painter.setNetwork(Uint32Array.from(network.sizes), network.activation, network.classes, network.params);
    const length = painter.computeBoundary(bounds, width, height);
    const values = new Float32Array(wasm.memory.buffer, painter.ptr(), length);
    const pixels = new Uint32Array(width * height);
    colourBoundary(values, pixels, style.task, style.name);
    self.postMessage({ width, height, pixels: pixels.buffer }, [pixels.buffer]);
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
