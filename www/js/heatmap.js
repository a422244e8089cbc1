// Paints a grid of probabilities (row 0 at the top) onto a canvas through a colour table.
// The ImageData is kept between frames so that painting allocates nothing.

export class Heatmap {
  constructor(canvas, lut) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.lut = lut;
    this.image = null;
  }

  /** `values` holds width × height numbers in [0, 1]; NaN never reaches here. */
  paint(values, width, height) {
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.image = this.ctx.createImageData(width, height);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const { pixels, lut } = this;
    for (let i = 0; i < width * height; i++) {
      const v = values[i];
      pixels[i] = lut[v <= 0 ? 0 : v >= 1 ? 255 : (v * 255 + 0.5) | 0];
    }
    this.ctx.putImageData(this.image, 0, 0);
  }
}
