// The network graph's thumbnails: every neuron's activation over the input plane, in one
// bitmap (atlas.js) at the device's pixels, painted by the raster worker when there is one
// and here otherwise, and shown on a canvas under the edges.

import { RESOLUTION, paintAtlas } from './atlas.js';
import { PictureCanvas } from './bitmaps.js';
import { neuronValues } from './rasters.js';

export class Thumbnails {
  /** `wasm` is the module's exports (for its memory); `raster` the RasterClient, or null. */
  constructor(wasm, raster) {
    this.wasm = wasm;
    this.raster = raster;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-atlas';
    this.picture = new PictureCanvas(this.canvas);
  }

  setLayout({ width, height }) {
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
  }

  /** Asks for every neuron's thumbnail of `playground`, laid out as `layout`; `network` is
   * { sizes, activation, task, features }. While `playing`, the worker may keep the last
   * picture when no colour would change. */
  paint(playground, layout, { sizes, activation, task, features }, playing = false) {
    const ratio = window.devicePixelRatio || 1;
    const { width, height, thumb, nodes } = layout;
    const request = {
      sizes,
      tiles: nodes.flat().map(({ x, y }) => ({ x: Math.round(x * ratio), y: Math.round(y * ratio) })),
      side: Math.round(thumb * ratio),
      outWidth: Math.max(1, Math.round(width * ratio)),
      outHeight: Math.max(1, Math.round(height * ratio)),
      // Hidden activations: tanh, linear and ReLU around 0 on [-1, 1] (ReLU's 0 is neutral,
      // its large values saturate); sigmoid's on [0, 1].
      hidden: activation === 'sigmoid' ? [0, 1] : [-1, 1],
      task: { kind: task.kind, classes: task.classes, range: task.range },
      features,
      bounds: playground.bounds(),
      style: document.documentElement.classList.contains('high-contrast') ? 'smoothHigh' : 'smooth',
    };
    if (this.raster?.available) {
      const network = { sizes, activation, classes: task.classes, params: playground.params(), features };
      this.raster.request('atlas', { ...request, network, exact: !playing }, ({ bitmap }) => bitmap && this.show(bitmap));
    } else {
      this.show(paintAtlas(neuronValues(this.wasm.memory, playground, RESOLUTION, RESOLUTION), request));
    }
  }

  show(bitmap) {
    // The backing size says what the bitmap covers, for anyone reading the canvas.
    if (this.canvas.width !== bitmap.width || this.canvas.height !== bitmap.height) {
      this.canvas.width = bitmap.width;
      this.canvas.height = bitmap.height;
    }
    this.picture.show(bitmap);
  }
}
