// What of the network graph is under a point, by geometry instead of an element per edge:
// the bias marks first (each overlaps its thumbnail's corner), then the neurons' frames,
// then the nearest edge. Every edge of a gap shares its ends' x and one curve shape, so the
// pointer's x gives one curve parameter t for the whole gap and each edge costs a few
// multiplications.

import { biasGeometry, curveParameter, curveSlope, curveX, curveY, edgeEnds } from './graph-layout.js';

/** How far from a mark's centre, or from an edge's centre line, a point still reaches it,
 * in CSS pixels: enough to aim at a hairline edge or a zero bias's small mark, little
 * enough that neighbouring edges in a small network stay apart. */
export const REACH = { bias: 9, edge: 5 };

/** Items of the graph: { kind: 'neuron', c, i } (column c, inputs are 0),
 * { kind: 'bias', l, i } and { kind: 'edge', l, i, k } as the snapshot indexes them. */
export const sameItem = (a, b) => a === b || (!!a && !!b && a.kind === b.kind && a.c === b.c && a.l === b.l && a.i === b.i && a.k === b.k);

/** A weight or bias, as against a neuron. */
export const isParameter = (item) => item?.kind === 'edge' || item?.kind === 'bias';

/** The item at (x, y) in the layout's coordinates, or null. `table` is edgeTable(layout). */
export function hitTest(layout, table, x, y) {
  return biasAt(layout, x, y) ?? neuronAt(layout, x, y) ?? edgeAt(table, x, y);
}

function biasAt({ nodes, thumb }, x, y) {
  for (let c = 1; c < nodes.length; c++) {
    const cx = nodes[c][0].x - 1;
    if (Math.abs(x - cx) > REACH.bias) continue;
    let best = null;
    let bestDistance = REACH.bias;
    nodes[c].forEach((node, i) => {
      const distance = Math.hypot(x - cx, y - (node.y + thumb + 1));
      if (distance <= bestDistance) {
        best = { kind: 'bias', l: c - 1, i };
        bestDistance = distance;
      }
    });
    if (best) return best;
  }
  return null;
}

/** A frame is its thumbnail and the one-pixel line around it. */
function neuronAt({ nodes, thumb }, x, y) {
  for (let c = 0; c < nodes.length; c++) {
    const left = nodes[c][0].x - 1;
    if (x < left || x > left + thumb + 2) continue;
    const i = nodes[c].findIndex((node) => y >= node.y - 1 && y <= node.y + thumb + 1);
    return i < 0 ? null : { kind: 'neuron', c, i };
  }
  return null;
}

/** The edge whose centre line passes nearest (x, y), within REACH.edge. Past a gap's ends
 * (under the round caps) the distance is to the end point. */
function edgeAt(table, x, y) {
  const gap = table.find((g) => x >= g.x0 - REACH.edge && x <= g.x1 + REACH.edge);
  if (!gap) return null;
  const { l, nIn, x0, x1, y0, y1 } = gap;
  const width = x1 - x0;
  const u = (x - x0) / width;
  const t = curveParameter(u);
  const s = curveY(t);
  // Beyond an end, the horizontal part of the distance; inside, the perpendicular distance
  // is the vertical one scaled by the curve's slope there.
  const dx = u < 0 ? x - x0 : u > 1 ? x - x1 : 0;
  let best = -1;
  let bestDistance = REACH.edge;
  for (let n = 0; n < y0.length; n++) {
    const rise = y1[n] - y0[n];
    const dy = y - (y0[n] + rise * s);
    // A quick refusal: an edge's slope is at most 2 · rise / width, so it cannot come nearer
    // than |dy| / √(1 + (2 · rise / width)²).
    if (dy * dy > bestDistance * bestDistance * (1 + (4 * rise * rise) / (width * width))) continue;
    const distance = dx === 0 ? Math.abs(dy) / Math.hypot(1, curveSlope(t, width, rise)) : Math.hypot(dx, dy);
    if (distance <= bestDistance) {
      best = n;
      bestDistance = distance;
    }
  }
  return best < 0 ? null : { kind: 'edge', l, i: Math.floor(best / nIn), k: best % nIn };
}

/** A point where the pointer reaches `item`, or null: a neuron's centre, a bias mark's, or
 * the first point along an edge, from its middle out, where no other edge is nearer.
 * `snap(point)` moves a candidate to where a pointer can be (whole pixels). */
export function pointOn(layout, table, item, snap = (point) => point) {
  const { nodes, thumb } = layout;
  if (item.kind === 'neuron') return snap({ x: nodes[item.c][item.i].x + thumb / 2, y: nodes[item.c][item.i].y + thumb / 2 });
  if (item.kind === 'bias') return snap(biasGeometry(layout, item.l + 1, item.i).mid);
  const { x0, y0, x1, y1 } = edgeEnds(layout, item.l, item.i, item.k);
  for (let step = 0; step <= 80; step++) {
    const t = 0.5 + (step % 2 ? 1 : -1) * Math.ceil(step / 2) * 0.011;
    const point = snap({ x: x0 + (x1 - x0) * curveX(t), y: y0 + (y1 - y0) * curveY(t) });
    if (sameItem(hitTest(layout, table, point.x, point.y), item)) return point;
  }
  return null;
}
