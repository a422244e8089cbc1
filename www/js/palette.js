// Colours live here and only here: the core hands out numbers, the page decides colours.
// Orange for class 0, blue for class 1, a light grey where the network is unsure — the
// Playground's palette, which stays distinguishable under the common colour-vision deficiencies.

export const CLASS_COLOURS = ['#f59322', '#0877bd'];

// The heatmap uses lighter tints of the class colours so that points drawn in the full
// colours stand out on the side of their own class.
const STOPS = [
  [0.0, [248, 183, 108]],
  [0.5, [236, 238, 240]],
  [1.0, [96, 166, 214]],
];

function mix(t) {
  for (let i = 1; i < STOPS.length; i++) {
    const [t1, c1] = STOPS[i];
    const [t0, c0] = STOPS[i - 1];
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      return c0.map((v, k) => Math.round(v + f * (c1[k] - v)));
    }
  }
  return STOPS[STOPS.length - 1][1];
}

/** 256 RGBA colours packed for a little-endian Uint32Array view of ImageData. */
export function probabilityLut(alpha = 255) {
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = mix(i / 255);
    lut[i] = (alpha << 24) | (b << 16) | (g << 8) | r;
  }
  return lut;
}
