// Paints the page's pixel-heavy pictures on a second core, so that the main thread only
// trains and hands finished bitmaps to the compositor. Every message carries the network
// ({sizes, activation, classes, params, features}) and the plane's bounds, and a kind:
// - 'atlas': the network graph's thumbnails, as `paintAtlas` in atlas.js describes;
// - any other ('boundary', or one per figure when several share the worker): width, height
//   (the raster), outWidth, outHeight (the bitmap), style: {task, name}, neuron?: {plane, lo,
//   hi} (that neuron's activation instead of the output).
// Only a request with `exact: false` (training plays: pictures follow each other quickly) may
// be answered "unchanged"; any other is always painted.
// The answer is { kind, width, height, bitmap, missing (pixels without a value) }, the
// bitmap transferred; { kind, unchanged }
// when the picture would show the same colours as the last one painted; or { error }.

import init, { Painter } from '../pkg/neuranim_wasm.js';
import { workerWasm } from './worker-wasm.js';
import { RESOLUTION, paintAtlas } from './atlas.js';
import { toBitmap } from './bitmaps.js';
import { boundaryValues, colourRaster, neuronValues } from './rasters.js';

const ready = workerWasm(init).then((wasm) => ({ wasm, painter: new Painter() }));

/** Side of the grid a boundary is first evaluated on, to see whether it moved. */
const PROBE = 24;
/** Half of the finest colour step (the scalar table's 256 over the range 0 to 1): a change
 * smaller than this everywhere on the probe moves no pixel's colour. */
const STILL = 0.5 / 255;
/** For each kind, what its last painted picture showed: the request's shape and the probe. */
const painted = new Map();

/** Whether `values` differ from the last painted probe of `kind` (and remembers them if so,
 * as what the picture about to be painted shows). An exact request (training paused: the
 * reader looks closely) always counts as moved. */
function moved(kind, shape, values, tolerance, exact) {
  const last = painted.get(kind);
  if (exact === false && last && last.shape === shape && last.values.length === values.length) {
    let largest = 0;
    for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i] - last.values[i]));
    if (largest < tolerance) return false;
  }
  painted.set(kind, { shape, values: Float32Array.from(values) });
  return true;
}

/** Everything about a request but the parameters: a change of any repaints. */
function shapeOf({ network, exact, ...rest }) {
  return JSON.stringify([network.sizes, network.activation, network.classes, network.features, rest]);
}

/** The picture's values: the boundary, or a neuron's plane. */
function valuesOf(wasm, painter, bounds, width, height, neuron) {
  if (!neuron) return boundaryValues(wasm.memory, painter, bounds, width, height);
  const n = width * height;
  return neuronValues(wasm.memory, painter, bounds, width, height).subarray(neuron.plane * n, (neuron.plane + 1) * n);
}

function boundary(wasm, painter, request) {
  const { bounds, width, height, outWidth, outHeight, style, neuron, exact } = request;
  // A neuron's range or a regression's (−1…1 at least) spreads the same 256 colours wider.
  const span = neuron ? neuron.hi - neuron.lo : style.task.kind === 'regression' ? style.task.range[1] - style.task.range[0] : 1;
  const probe = valuesOf(wasm, painter, bounds, PROBE, PROBE, neuron);
  if (!moved(request.kind, shapeOf(request), probe, STILL * span, exact)) return null;
  const values = neuron ? neuronValues(wasm.memory, painter, bounds, width, height) : boundaryValues(wasm.memory, painter, bounds, width, height);
  const { pixels, missing } = colourRaster(values, width, height, { task: style.task, neuron, name: style.name });
  return { bitmap: toBitmap(pixels, width, height, outWidth, outHeight), missing };
}

function atlas(wasm, painter, request) {
  const values = neuronValues(wasm.memory, painter, request.bounds, RESOLUTION, RESOLUTION);
  // Hidden activations span up to −1…1: half a colour step of that.
  if (!moved('atlas', shapeOf(request), values, STILL, request.exact)) return null;
  return { bitmap: paintAtlas(values, request), missing: 0 };
}

self.onmessage = async ({ data }) => {
  try {
    const { wasm, painter } = await ready;
    const { network } = data;
    painter.setNetwork(Uint32Array.from(network.sizes), network.activation, network.classes, network.params, network.features);
    const picture = data.kind === 'atlas' ? atlas(wasm, painter, data) : boundary(wasm, painter, data);
    if (picture) self.postMessage({ kind: data.kind, width: data.width, height: data.height, ...picture }, [picture.bitmap]);
    else self.postMessage({ kind: data.kind, unchanged: true });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
