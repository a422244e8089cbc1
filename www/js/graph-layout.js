// Where the network graph's pieces go, in CSS pixels: one column per layer (inputs first,
// output last), each column's neurons centred on the tallest one, edges as cubic Béziers
// from the right side of a thumbnail to the left side of the next. Pure geometry, so that
// the drawing code only paints, hit-testing only computes, and both can be checked without
// a page.

/** Thumbnail sides in CSS pixels: at least 32, unless a screen must hold the graph and 24
 * would (two layers of eight on a 1024 × 768 laptop); never larger than 44. */
export const THUMB = { least: 24, min: 32, max: 44 };
/** Room for the column headings above, the input names at the left and bias marks below. */
const PAD = { left: 30, right: 18, top: 44, bottom: 18 };
/** The height the neurons of the tallest layer aim to fit in, by smaller thumbnails. */
const BODY_HEIGHT = 540;
/** The least room between a column's neurons, when a screen must hold the graph. */
const ROW_GAP_MIN = 2;
/** Horizontal room between columns: enough for the curves to read, not so much that a
 * small network is lost in a wide panel. */
const GAP = { min: 28, max: 190 };
/** Ports fan out along a thumbnail's side, at most this far apart, so that edges meeting
 * one neuron stay apart (and each can be pointed at) until they touch it. */
const PORT_STEP = 3;

/**
 * `sizes` is [n_x, n_1, …, n_L]; `available` the width to fill; `tallest` the most height
 * the graph may take, where a screen must hold all of it (thumbnails shrink to fit, down to
 * THUMB.min). Returns
 * `{ width, height, thumb, nodes, columns }`: `nodes[c][i]` is the top-left corner of neuron
 * i in column c, `columns[c]` the centre x of column c.
 */
export function layoutGraph(sizes, available, tallest = Infinity) {
  const count = sizes.length;
  const rows = Math.max(...sizes);
  const minGap = (thumb) => Math.max(GAP.min, 0.9 * thumb);
  const needed = (thumb) => PAD.left + PAD.right + count * thumb + (count - 1) * minGap(thumb);
  // Tall layers close up, so that a 64-neuron layer still fits on a screen or two.
  const rowGapOf = (thumb) => (rows > 10 ? 8 : Math.round(0.4 * thumb));
  const body = Math.min(BODY_HEIGHT, tallest - PAD.top - PAD.bottom);
  const fits = (thumb) => needed(thumb) <= available && rows * thumb + (rows - 1) * rowGapOf(thumb) <= body;
  let thumb = THUMB.max;
  while (thumb > THUMB.min && !fits(thumb)) thumb -= 2;
  // Rows as close as they go: a screen that must hold the graph takes smaller thumbnails
  // still, where they make it fit; where even the least would not, the graph scrolls as it is.
  const closest = (t) => rows * t + (rows - 1) * ROW_GAP_MIN;
  if (closest(thumb) > body && closest(THUMB.least) <= body) while (closest(thumb) > body) thumb -= 2;
  const room = (available - PAD.left - PAD.right - count * thumb) / Math.max(1, count - 1);
  // Rounded down: a gap rounded up would make the graph a pixel or two wider than its panel,
  // which then scrolls.
  const gap = Math.floor(Math.min(GAP.max, Math.max(minGap(thumb), room)));
  // Where the smallest thumbnails are still too tall for the screen, the rows close up too.
  const squeezed = Math.floor((body - rows * thumb) / Math.max(1, rows - 1));
  const rowGap = Math.max(ROW_GAP_MIN, Math.min(rowGapOf(thumb), squeezed));
  const graphWidth = PAD.left + PAD.right + count * thumb + (count - 1) * gap;
  const width = Math.max(Math.floor(available), graphWidth);
  const left = Math.round((width - graphWidth) / 2) + PAD.left;
  const columnHeight = rows * thumb + (rows - 1) * rowGap;
  const nodes = sizes.map((n, c) => {
    const top = PAD.top + Math.round((columnHeight - (n * thumb + (n - 1) * rowGap)) / 2);
    const x = left + c * (thumb + gap);
    return Array.from({ length: n }, (_, i) => ({ x, y: top + i * (thumb + rowGap) }));
  });
  const columns = nodes.map((column) => column[0].x + thumb / 2);
  return { width, height: PAD.top + columnHeight + PAD.bottom, thumb, nodes, columns };
}

/** Offset of port j of n along a side of length `thumb`, centred on the side's middle. */
function port(j, n, thumb) {
  if (n < 2) return 0;
  return (j - (n - 1) / 2) * Math.min(PORT_STEP, (0.5 * thumb) / (n - 1));
}

/** The ends of w[l][i][k]'s curve, from neuron k of column l to neuron i of column l + 1:
 * `{ x0, y0, x1, y1 }`. Every edge of a gap shares x0 and x1. */
export function edgeEnds(layout, l, i, k) {
  const { nodes, thumb } = layout;
  const from = nodes[l][k];
  const to = nodes[l + 1][i];
  // One pixel off each thumbnail, so that the curve starts outside its frame.
  return {
    x0: from.x + thumb + 1,
    y0: from.y + thumb / 2 + port(i, nodes[l + 1].length, thumb),
    x1: to.x - 1,
    y1: to.y + thumb / 2 + port(k, nodes[l].length, thumb),
  };
}

/**
 * The curve of w[l][i][k] as `{ d, mid }`: an SVG path and the curve's midpoint (the curve
 * is symmetric about it). Its control points are half the gap in from each end, level with
 * it, so that (curveX, curveY below) one parameter t places a point of every edge of a gap.
 */
export function edgeGeometry(layout, l, i, k) {
  const [x0, y0, ...curve] = edgeCurve(layout, l, i, k);
  const [, , , , x1, y1] = curve;
  return { d: `M${x0} ${y0}C${curve.join(' ')}`, mid: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 } };
}

/** The same edge as numbers: its start, then bezierCurveTo's six (two control points, the
 * end), for a canvas that draws thousands without writing and parsing a path for each. */
export function edgeCurve(layout, l, i, k) {
  const { x0, y0, x1, y1 } = edgeEnds(layout, l, i, k);
  const c = (x1 - x0) / 2;
  return [x0, y0, x0 + c, y0, x1 - c, y1, x1, y1];
}

/** Every edge's ends, gap by gap: `gaps[l]` holds x0 and x1, shared by the gap's edges, and
 * y0 and y1 of w[l][i][k] at index i · nIn + k, the weights' row-major order. */
export function edgeTable(layout) {
  const { nodes } = layout;
  return nodes.slice(1).map((column, l) => {
    const nIn = nodes[l].length;
    const nOut = column.length;
    const y0 = new Float64Array(nIn * nOut);
    const y1 = new Float64Array(nIn * nOut);
    let x0 = 0;
    let x1 = 0;
    for (let i = 0; i < nOut; i++) {
      for (let k = 0; k < nIn; k++) {
        const ends = edgeEnds(layout, l, i, k);
        y0[i * nIn + k] = ends.y0;
        y1[i * nIn + k] = ends.y1;
        ({ x0, x1 } = ends);
      }
    }
    return { l, nIn, nOut, x0, x1, y0, y1 };
  });
}

/** How far across its gap (0 to 1) an edge is at parameter t, and how far from y0 to y1:
 * the edge curve's x(t) and y(t) with the ends at 0 and 1. */
export const curveX = (t) => t * (1.5 - 1.5 * t + t * t);
export const curveY = (t) => t * t * (3 - 2 * t);
const slopeX = (t) => 1.5 - 3 * t + 3 * t * t;
const slopeY = (t) => 6 * t * (1 - t);

/** The t at which every edge of a gap is a fraction u of the way across. x(t) rises
 * everywhere (its slope is at least 0.75), so Newton's method from t = u converges in a few
 * steps. */
export function curveParameter(u) {
  let t = Math.min(1, Math.max(0, u));
  for (let n = 0; n < 6; n++) t = Math.min(1, Math.max(0, t - (curveX(t) - u) / slopeX(t)));
  return t;
}

/** The edge's dy/dx at t, for a gap `width` wide and an edge that falls `rise` pixels. */
export const curveSlope = (t, width, rise) => (rise * slopeY(t)) / (width * slopeX(t));

/** The bias of neuron i in column c sits on its thumbnail's lower-left corner: `d` is a
 * zero-length path there (its round caps make a disc to point at), `mid` the corner. */
export function biasGeometry(layout, c, i) {
  const { nodes, thumb } = layout;
  const { x, y } = nodes[c][i];
  const [px, py] = [x - 1, y + thumb + 1];
  return { d: `M${px} ${py}h0`, mid: { x: px, y: py } };
}

/** The SVG path of a weight's curve or a bias's mark point, for an item as graph-hit.js
 * describes it. */
export function itemPath(layout, item) {
  return item.kind === 'edge' ? edgeGeometry(layout, item.l, item.i, item.k).d : biasGeometry(layout, item.l + 1, item.i).d;
}

/** Where a floating element points at an item: its centre's x, and the top and bottom to
 * keep clear. */
export function itemAnchor(layout, item) {
  if (item.kind === 'neuron') {
    const { x, y } = layout.nodes[item.c][item.i];
    return { x: x + layout.thumb / 2, top: y, bottom: y + layout.thumb };
  }
  const { mid } = item.kind === 'edge' ? edgeGeometry(layout, item.l, item.i, item.k) : biasGeometry(layout, item.l + 1, item.i);
  return { x: mid.x, top: mid.y - 4, bottom: mid.y + 4 };
}
