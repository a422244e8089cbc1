// Colours live here and only here: the core hands out numbers, the page decides colours.
// Two classes: the Playground's orange and blue. More: the Okabe–Ito colours, chosen to stay
// distinct under the common colour-vision deficiencies.

export const CLASS_COLOURS = ['#f59322', '#0877bd', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#e6c200', '#000000'];

/** The cost chart: train in the class-1 blue, test dashed in the class-0 orange. */
export const CHART_COLOURS = { train: '#0877bd', test: '#f59322', axes: '#5b6470' };

/** The data panel's axes, in the chart's axis grey, and the ring of a chosen point. */
export const PLOT_COLOURS = { axes: CHART_COLOURS.axes, selected: '#1f2328' };

const hexToRgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
export const CLASS_RGB = CLASS_COLOURS.map(hexToRgb);
const UNSURE = [236, 238, 240];

// The heatmap uses lighter tints of the class colours so that points drawn in the full
// colours stand out on the side of their own class.
const STOPS = [
  [0.0, [248, 183, 108]],
  [0.5, UNSURE],
  [1.0, [96, 166, 214]],
];
// High contrast: the full class colours, meeting white in the middle.
const HIGH_CONTRAST_STOPS = [
  [0.0, [214, 110, 0]],
  [0.5, [255, 255, 255]],
  [1.0, [0, 90, 160]],
];

// Regression targets: the full class colours through a pale middle.
const VALUE_STOPS = [
  [0.0, CLASS_RGB[0]],
  [0.5, [242, 243, 245]],
  [1.0, CLASS_RGB[1]],
];

function mix(t, stops = STOPS) {
  for (let i = 1; i < stops.length; i++) {
    const [t1, c1] = stops[i];
    const [t0, c0] = stops[i - 1];
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      return c0.map((v, k) => Math.round(v + f * (c1[k] - v)));
    }
  }
  return stops[stops.length - 1][1];
}

const pack = ([r, g, b], alpha = 255) => ((alpha << 24) | (b << 16) | (g << 8) | r) >>> 0;

/** 256 colours from class 0 (index 0) to class 1 (index 255), packed for a Uint32Array view
 * of ImageData (little-endian RGBA). `discrete` paints only the two sides of 0.5. */
export function probabilityLut(discrete = false, highContrast = false) {
  const lut = new Uint32Array(256);
  const stops = highContrast ? HIGH_CONTRAST_STOPS : STOPS;
  for (let i = 0; i < 256; i++) lut[i] = pack(mix(discrete ? (i < 128 ? 0 : 1) : i / 255, stops));
  return lut;
}

/** For class c, 64 colours from unsure (0) to sure (63), as tints of the class colour. */
export function classLuts(discrete = false, highContrast = false) {
  const strength = highContrast ? 0.9 : 0.55;
  return CLASS_RGB.map((rgb) => {
    const lut = new Uint32Array(64);
    for (let i = 0; i < 64; i++) {
      const f = discrete ? strength : strength * (i / 63);
      lut[i] = pack(UNSURE.map((u, k) => Math.round(u + f * (rgb[k] - u))));
    }
    return lut;
  });
}

/** A CSS colour for a regression target v within `range` (the task's, −1 to 1 for the
 * Playground's data): the heatmap's diverging scale at full strength, so points stand out on
 * the lighter heatmap. */
export function valueColour(v, range = [-1, 1]) {
  const [r, g, b] = valueRgb(v, range);
  return `rgb(${r},${g},${b})`;
}

/** valueColour's [r, g, b]. */
export function valueRgb(v, [lo, hi] = [-1, 1]) {
  return mix(Math.min(1, Math.max(0, (v - lo) / (hi - lo))), VALUE_STOPS);
}

const unpack = (packed) => [packed & 255, (packed >> 8) & 255, (packed >> 16) & 255];

/**
 * The 256 colours of an exported GIF, fixed so that every frame is indexed the same way:
 * greys for text and axes, the class colours and their mixes with white (points and edges
 * drawn over white), 96 steps of the heatmap's two-class scale and 16 tints of each class.
 * `tables` is the colour-table set in use ({ scalar, classes }).
 */
export function gifPalette(tables) {
  const colours = [];
  for (let i = 0; i < 16; i++) colours.push([i * 17, i * 17, i * 17]);
  for (const rgb of CLASS_RGB) colours.push(rgb);
  for (const rgb of CLASS_RGB.slice(0, 2)) {
    for (let i = 1; i <= 20; i++) colours.push(rgb.map((c) => Math.round(c + (i / 21) * (255 - c))));
  }
  for (let i = 0; i < 96; i++) colours.push(unpack(tables.scalar[Math.round((i * 255) / 95)]));
  for (const lut of tables.classes.slice(0, 6)) {
    for (let i = 0; i < 16; i++) colours.push(unpack(lut[Math.round((i * 63) / 15)]));
  }
  // 255 colours: the 256th index is left free for the pixels a frame leaves as they were.
  return Uint8Array.from(colours.slice(0, 255).flat());
}
