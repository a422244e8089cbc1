// How a weight or bias looks in the network graph (and in exported frames): its sign's
// colour, and a width and opacity rounded to a few steps, so that a redraw is needed only
// when a value moves far enough to look different.

/** Edge widths in CSS pixels, and the steps they are rounded to; the opacity follows the
 * width rather than changing on its own, so one integer says how a parameter looks. */
const WIDTH = { min: 0.5, max: 6, perUnit: 2.5, steps: 4 };

/** A parameter's look in one integer: bit 8 is the sign, the low bits the width in steps.
 * Two values that look alike have the same level. */
export function levelOf(v) {
  const width = Math.min(WIDTH.max, WIDTH.min + WIDTH.perUnit * Math.abs(v));
  return ((v < 0 ? 1 : 0) << 8) | Math.round(width * WIDTH.steps);
}

/** Every width step's look, indexed by `level & 0xff`. */
export const STEPS = Array.from({ length: WIDTH.max * WIDTH.steps + 1 }, (_, step) => {
  const width = step / WIDTH.steps;
  const magnitude = Math.max(0, (width - WIDTH.min) / WIDTH.perUnit);
  return {
    width: String(width),
    // A bias mark's side: an edge's width plus enough to see (and point at) a zero bias.
    side: width + 5,
    // Small values fade towards the panel's white, so the sign's colour reads as a diverging
    // scale.
    opacity: String(0.35 + 0.65 * Math.min(1, magnitude)),
  };
});

/** How a weight or bias is drawn: its sign, and the width (an edge's stroke), side (a bias
 * mark's square) and opacity of its quantised step. */
export function parameterStyle(v) {
  const level = levelOf(v);
  return { negative: level >> 8 === 1, ...STEPS[level & 0xff] };
}
