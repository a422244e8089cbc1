// Paints rasters from the core (row 0 at the top) onto a canvas through colour tables.
// The ImageData is kept between frames so that painting allocates nothing.

export class Heatmap {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.image = null;
  }

  pixels(width, height) {
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.image = this.ctx.createImageData(width, height);
      this.words = new Uint32Array(this.image.data.buffer);
    }
    return this.words;
  }

  /** One plane of values in [lo, hi] through a 256-entry table; NaN never reaches here. */
  paintScalar(values, width, height, lut, lo = 0, hi = 1) {
    const pixels = this.pixels(width, height);
    const scale = 255 / (hi - lo);
    for (let i = 0; i < width * height; i++) {
      const t = (values[i] - lo) * scale;
      pixels[i] = lut[t <= 0 ? 0 : t >= 255 ? 255 : (t + 0.5) | 0];
    }
    this.ctx.putImageData(this.image, 0, 0);
  }

  /** K planes of class probabilities: each pixel takes the likeliest class's colour, as
   * strong as the network is sure of it. */
  paintClasses(values, classes, width, height, luts) {
    const pixels = this.pixels(width, height);
    const n = width * height;
    const floor = 1 / classes;
    const scale = 63 / (1 - floor);
    for (let i = 0; i < n; i++) {
      let best = 0;
      let p = values[i];
      for (let c = 1; c < classes; c++) {
        const q = values[c * n + i];
        if (q > p) {
          p = q;
          best = c;
        }
      }
      const t = (p - floor) * scale;
      pixels[i] = luts[best][t <= 0 ? 0 : t >= 63 ? 63 : t | 0];
    }
    this.ctx.putImageData(this.image, 0, 0);
  }
}
