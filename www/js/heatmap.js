// Colours rasters from the core (row 0 at the top) through colour tables, into 32-bit RGBA
// pixels. Plain functions, so that the raster worker and the page share them.

/** Where the network gives no number (NaN: a diverged or overflowing model), a grey that is
 * no class's colour and no value's, as opaque RGBA in a little-endian Uint32. */
export const NO_VALUE = 0xff8c8c8c;

/** One plane of values in [lo, hi] through a 256-entry table. Each colouring returns how many
 * pixels had no value. */
export function colourScalar(values, pixels, lut, lo = 0, hi = 1) {
  const scale = 255 / (hi - lo);
  let missing = 0;
  for (let i = 0; i < pixels.length; i++) {
    const t = (values[i] - lo) * scale;
    if (t !== t) {
      pixels[i] = NO_VALUE;
      missing++;
    } else {
      pixels[i] = lut[t <= 0 ? 0 : t >= 255 ? 255 : (t + 0.5) | 0];
    }
  }
  return missing;
}

/** K planes of class probabilities: each pixel takes the likeliest class's colour, as strong
 * as the network is sure of it. */
export function colourClasses(values, classes, pixels, luts) {
  const n = pixels.length;
  const floor = 1 / classes;
  const scale = 63 / (1 - floor);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let p = values[i];
    let unknown = p !== p;
    for (let c = 1; c < classes; c++) {
      const q = values[c * n + i];
      unknown ||= q !== q;
      if (q > p) {
        p = q;
        best = c;
      }
    }
    if (unknown) {
      pixels[i] = NO_VALUE;
      missing++;
      continue;
    }
    const t = (p - floor) * scale;
    pixels[i] = luts[best][t <= 0 ? 0 : t >= 63 ? 63 : t | 0];
  }
  return missing;
}

/** One class's probabilities in [0, 1] as tints of its colour, from unsure to sure. */
export function colourTint(values, pixels, lut) {
  const top = lut.length - 1;
  let missing = 0;
  for (let i = 0; i < pixels.length; i++) {
    const t = values[i] * top;
    if (t !== t) {
      pixels[i] = NO_VALUE;
      missing++;
    } else {
      pixels[i] = lut[t <= 0 ? 0 : t >= top ? top : (t + 0.5) | 0];
    }
  }
  return missing;
}
