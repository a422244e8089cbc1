// The network graph's geometry without a browser: the layout in columns, placing and finding
// each edge and bias, values as read and typed, names as read aloud, and the keyboard's walk
// through neurons and weights.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hitTest, REACH } from '../www/js/graph-hit.js';
import { walk } from '../www/js/graph-keys.js';
import { biasGeometry, curveParameter, curveX, curveY, edgeEnds, edgeGeometry, edgeTable, layoutGraph, THUMB } from '../www/js/graph-layout.js';
import { GraphNames } from '../www/js/graph-names.js';
import { formatValue, parameterStyle, parseValue } from '../www/js/network-graph.js';

const edge = (l, i, k) => ({ kind: 'edge', l, i, k });
const bias = (l, i) => ({ kind: 'bias', l, i });

test('layout: columns apart, thumbnails at least 32 px, edges from side to side', () => {
  for (const [sizes, available] of [[[2, 4, 1], 1200], [[2, 8, 8, 8, 8, 8, 8, 1], 1200], [[2, 8, 8, 8, 8, 8, 8, 1], 360], [[2, 64, 3], 500]]) {
    const layout = layoutGraph(sizes, available);
    const { nodes, thumb, width, height } = layout;
    assert.ok(thumb >= THUMB.min && thumb <= THUMB.max, `${sizes}: thumb ${thumb}`);
    assert.ok(width >= available, 'fills the width, or scrolls past it');
    assert.deepEqual(nodes.map((column) => column.length), sizes);
    for (const [c, column] of nodes.entries()) {
      for (const [i, { x, y }] of column.entries()) {
        assert.ok(x >= 0 && x + thumb <= width && y >= 0 && y + thumb <= height, `${sizes}: node ${c}.${i} outside`);
        if (i > 0) assert.ok(y >= column[i - 1].y + thumb, `${sizes}: nodes ${c}.${i - 1} and ${c}.${i} overlap`);
        if (c > 0) assert.ok(x >= nodes[c - 1][0].x + thumb + 24, `${sizes}: columns ${c - 1} and ${c} too close`);
      }
    }
    const numbers = (d) => d.match(/-?[\d.]+/g).map(Number);
    const last = sizes.length - 2;
    const [x0, y0, , , , , x1, y1] = numbers(edgeGeometry(layout, last, 0, sizes[last] - 1).d);
    const from = nodes[last][sizes[last] - 1];
    const to = nodes[last + 1][0];
    assert.equal(x0, from.x + thumb + 1);
    assert.equal(x1, to.x - 1);
    assert.ok(y0 > from.y && y0 < from.y + thumb && y1 > to.y && y1 < to.y + thumb);
    const { mid } = biasGeometry(layout, 1, 0);
    assert.deepEqual([mid.x, mid.y], [nodes[1][0].x - 1, nodes[1][0].y + thumb + 1]);
  }
});

/** A point of the cubic Bézier of `d` at t, by de Casteljau: an oracle independent of the
 * closed forms the hit-testing uses. */
function bezierAt(d, t) {
  const [x0, y0, c1x, c1y, c2x, c2y, x1, y1] = d.match(/-?[\d.]+/g).map(Number);
  const lerp = (a, b) => a + (b - a) * t;
  const [ax, ay, bx, by, cx, cy] = [lerp(x0, c1x), lerp(y0, c1y), lerp(c1x, c2x), lerp(c1y, c2y), lerp(c2x, x1), lerp(c2y, y1)];
  const [dx, dy, ex, ey] = [lerp(ax, bx), lerp(ay, by), lerp(bx, cx), lerp(by, cy)];
  return { x: lerp(dx, ex), y: lerp(dy, ey) };
}

test('layout: a graph that fits its panel is never wider, at any width (a pixel more would scroll it)', () => {
  for (const sizes of [[2, 4, 1], [3, 5, 3, 1], [2, 8, 8, 8, 8, 8, 8, 1], [7, 64, 64, 3]]) {
    for (let available = 200; available <= 1400; available++) {
      const { width } = layoutGraph(sizes, available);
      const smallest = layoutGraph(sizes, 0).width;
      if (smallest <= available) assert.equal(width, available, `${sizes} in ${available} px: ${width} px wide`);
    }
  }
});

test('layout within a height: smaller thumbnails, then closer rows, then smaller thumbnails still, never below 24 px or overlapping', () => {
  for (const [sizes, tallest] of [[[2, 8, 8, 8, 1], 420], [[2, 8, 8, 8, 1], 360], [[2, 4, 1], 300], [[2, 10, 10, 1], 440], [[2, 8, 8, 1], 300], [[2, 8, 8, 1], 270]]) {
    const free = layoutGraph(sizes, 540);
    const { nodes, thumb, height } = layoutGraph(sizes, 540, tallest);
    assert.ok(height <= tallest, `${sizes} within ${tallest}: ${height} px`);
    // Below 32 only where 32 with the closest rows would not fit.
    const least = Math.max(...sizes) * (THUMB.min + 2) - 2 + 62 > tallest ? THUMB.least : THUMB.min;
    assert.ok(thumb >= least && thumb <= free.thumb, `${sizes} within ${tallest}: thumb ${thumb}`);
    for (const column of nodes) for (let i = 1; i < column.length; i++) assert.ok(column[i].y >= column[i - 1].y + thumb + 2, `${sizes}: rows ${i - 1} and ${i} too close`);
  }
  // Room enough: as without a limit.
  assert.deepEqual(layoutGraph([2, 4, 1], 540, 2000), layoutGraph([2, 4, 1], 540));
  // Too many rows for the height: the least thumbnails and rows, and the graph scrolls.
  const tall = layoutGraph([2, 64, 1], 540, 400);
  assert.equal(tall.thumb, THUMB.min);
  assert.equal(tall.nodes[1][1].y - tall.nodes[1][0].y, THUMB.min + 2);
});

test('hit-testing: one parameter t places every edge of a gap, and a point finds the nearest edge', () => {
  for (const t of [0, 0.1, 0.37, 0.5, 0.81, 1]) assert.ok(Math.abs(curveParameter(curveX(t)) - t) < 1e-9, `t = ${t}`);
  const sizes = [2, 64, 64, 64, 64, 64, 64, 64, 64, 1];
  const layout = layoutGraph(sizes, 800);
  const table = edgeTable(layout);
  assert.equal(table.length, sizes.length - 1);
  // Random edges at random t, against de Casteljau and a brute-force nearest edge.
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  let checked = 0;
  for (let trial = 0; trial < 60; trial++) {
    const l = Math.floor(random() * (sizes.length - 1));
    const [i, k] = [Math.floor(random() * sizes[l + 1]), Math.floor(random() * sizes[l])];
    const t = 0.05 + 0.9 * random();
    const { d } = edgeGeometry(layout, l, i, k);
    const { x0, y0, x1, y1 } = edgeEnds(layout, l, i, k);
    const point = bezierAt(d, t);
    assert.ok(Math.abs(point.x - (x0 + (x1 - x0) * curveX(t))) < 1e-9 && Math.abs(point.y - (y0 + (y1 - y0) * curveY(t))) < 1e-9);
    const found = hitTest(layout, table, point.x, point.y);
    if (found?.kind !== 'edge') continue;
    // The edge found passes within reach, and no edge of the gap passes nearer (sampled).
    // Sampled, then refined by ternary search around the nearest sample.
    const distanceTo = (ii, kk) => {
      const path = edgeGeometry(layout, l, ii, kk).d;
      const away = (s) => {
        const p = bezierAt(path, Math.min(1, Math.max(0, s)));
        return Math.hypot(p.x - point.x, p.y - point.y);
      };
      let nearest = 0;
      for (let s = 0; s <= 400; s++) if (away(s / 400) < away(nearest / 400)) nearest = s;
      let [lo, hi] = [(nearest - 1) / 400, (nearest + 1) / 400];
      for (let n = 0; n < 60; n++) {
        const [a, b] = [lo + (hi - lo) / 3, hi - (hi - lo) / 3];
        if (away(a) < away(b)) hi = b;
        else lo = a;
      }
      return away((lo + hi) / 2);
    };
    const distance = distanceTo(found.i, found.k);
    assert.ok(distance <= REACH.edge + 0.05, `${JSON.stringify(found)} is ${distance} px away`);
    for (let ii = 0; ii < sizes[l + 1]; ii++) {
      for (let kk = 0; kk < sizes[l]; kk++) {
        const { y0: a, y1: b } = edgeEnds(layout, l, ii, kk);
        if (Math.min(a, b) - 6 > point.y || Math.max(a, b) + 6 < point.y) continue;
        // Nearest up to a quarter pixel: the search measures across the curve's tangent.
        assert.ok(distanceTo(ii, kk) >= distance - 0.25, `w[${l}][${ii}][${kk}] is nearer than ${JSON.stringify(found)}`);
      }
    }
    checked++;
  }
  assert.ok(checked > 20, `only ${checked} points found an edge`);
  // A bias mark wins over the frame it overlaps; a frame's inside is its neuron.
  const { mid } = biasGeometry(layout, 3, 10);
  assert.deepEqual(hitTest(layout, table, mid.x + 2, mid.y - 2), bias(2, 10));
  const node = layout.nodes[3][10];
  assert.deepEqual(hitTest(layout, table, node.x + layout.thumb / 2, node.y + 4), { kind: 'neuron', c: 3, i: 10 });
  assert.equal(hitTest(layout, table, 2, 2), null);
});

test('values read with four decimals and parse only as plain numbers; styles by sign and step', () => {
  assert.equal(formatValue(0.123456), '0.1235');
  assert.equal(formatValue(-2), '-2.0000');
  assert.equal(formatValue(0), '0.0000');
  assert.equal(formatValue(2.0843e-4), '2.084e-4');
  assert.equal(formatValue(123456), '1.235e+5');
  for (const [text, value] of [['0.5', 0.5], [' -1.25 ', -1.25], ['+3', 3], ['.5', 0.5], ['1e-3', 0.001], ['2E2', 200], ['\u22122', -2]]) {
    assert.deepEqual(parseValue(text), { value }, text);
  }
  for (const text of ['abc', '', ' ', '0x10', 'NaN', 'Infinity', '1e999', '--1', '1,5', '1.2.3']) {
    assert.ok(parseValue(text).error, text);
  }
  assert.deepEqual(parameterStyle(-1), { negative: true, width: '3', side: 8, opacity: '1' });
  assert.deepEqual(parameterStyle(0), { negative: false, width: '0.5', side: 5.5, opacity: '0.35' });
  assert.equal(parameterStyle(0.01).width, parameterStyle(0.02).width, 'nearby values share a step');
});

test('names: as read aloud and in tooltips', () => {
  const names = new GraphNames({ sizes: [2, 4, 3, 1], features: ['x1', 'x2'], activation: 'tanh', taskKind: 'binary' });
  assert.equal(names.nameOf(edge(0, 1, 0)), 'Weight w[1][2][1] from x1 to neuron 2 of hidden layer 1');
  assert.equal(names.nameOf(edge(2, 0, 2)), 'Weight w[3][1][3] from neuron 3 of hidden layer 2 to the output');
  assert.equal(names.nameOf(bias(1, 2)), 'Bias b[2][3] of neuron 3 of hidden layer 2');
  assert.equal(names.nameOf({ kind: 'neuron', c: 0, i: 1 }), 'Input x2');
  assert.equal(names.nameOf({ kind: 'neuron', c: 1, i: 0 }), 'Neuron 1 of hidden layer 1 (tanh)');
  assert.equal(names.nameOf({ kind: 'neuron', c: 3, i: 0 }), 'The output (sigmoid)');
  assert.equal(names.columnName(2), 'Hidden layer 2: 3 tanh neurons');
  const layers = [{ weights: [[0.5, -0.25]], biases: [0.125] }];
  assert.deepEqual(names.describe(edge(0, 0, 1), layers), ['w[1][1][2] = -0.2500', 'x2 → neuron 1 of hidden layer 1']);
  assert.deepEqual(names.describe({ kind: 'neuron', c: 1, i: 0 }, layers), ['Neuron 1 of hidden layer 1', 'tanh · b[1][1] = 0.1250']);
});

test('keyboard walk: ↑ ↓ along a layer or a list, ← → into a neuron\'s weights and to a weight\'s ends, Esc back', () => {
  const sizes = [2, 4, 3, 1];
  const at = (item, list = null) => ({ item, list });
  const neuron = (c, i) => at({ kind: 'neuron', c, i });
  const step = (position, key) => walk(sizes, position, key);
  assert.deepEqual(step(neuron(1, 0), 'ArrowDown'), neuron(1, 1));
  assert.deepEqual(step(neuron(1, 3), 'ArrowDown'), neuron(1, 3), 'stops at the end');
  assert.deepEqual(step(neuron(1, 2), 'Home'), neuron(1, 0));
  assert.deepEqual(step(neuron(1, 0), 'End'), neuron(1, 3));
  const incoming = { c: 2, i: 1, way: 'in' };
  assert.deepEqual(step(neuron(2, 1), 'ArrowLeft'), at(bias(1, 1), incoming), 'the bias first');
  assert.deepEqual(step(at(bias(1, 1), incoming), 'ArrowDown'), at(edge(1, 1, 0), incoming));
  assert.deepEqual(step(at(edge(1, 1, 0), incoming), 'End'), at(edge(1, 1, 3), incoming));
  assert.deepEqual(step(at(edge(1, 1, 3), incoming), 'ArrowLeft'), neuron(1, 3), 'to where it comes from');
  assert.deepEqual(step(at(edge(1, 1, 3), incoming), 'ArrowRight'), neuron(2, 1), 'to where it goes');
  assert.deepEqual(step(at(edge(1, 1, 3), incoming), 'Escape'), neuron(2, 1));
  const outgoing = { c: 0, i: 1, way: 'out' };
  assert.deepEqual(step(neuron(0, 1), 'ArrowRight'), at(edge(0, 0, 1), outgoing));
  assert.deepEqual(step(at(edge(0, 0, 1), outgoing), 'ArrowDown'), at(edge(0, 1, 1), outgoing));
  assert.deepEqual(step(at(edge(0, 1, 1), outgoing), 'Escape'), neuron(0, 1));
  assert.equal(step(neuron(0, 0), 'ArrowLeft'), null, 'inputs have no incoming weights');
  assert.equal(step(neuron(3, 0), 'ArrowRight'), null, 'the output has no outgoing weights');
  assert.equal(step(neuron(1, 0), 'Escape'), null);
});
