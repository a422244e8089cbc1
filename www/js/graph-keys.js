// Walking the network graph with the keyboard. The graph is one tab stop; inside it the
// arrow keys move between neurons and along edges, as one would trace the network by eye:
//
// - on a neuron, ↑ ↓ (Home, End) move within its layer; ← goes to its incoming list (its
//   bias, then the weights from each neuron of the layer before), → to its outgoing list
//   (the weights to each neuron of the next layer);
// - in a list, ↑ ↓ (Home, End) move along it; ← goes to the neuron an edge comes from, →
//   to the neuron it goes to (or a bias's own neuron); Esc goes back to the list's neuron.
//
// A position is { item, list }: a neuron has no list; a weight or bias has the list it was
// reached through, { c, i, way: 'in' | 'out' } (neuron i of column c). Pure, so that the
// walk can be checked without a page.

const neuron = (c, i) => ({ item: { kind: 'neuron', c, i }, list: null });

/** How many members a list has. */
export function listLength(sizes, { c, way }) {
  return way === 'in' ? 1 + sizes[c - 1] : sizes[c + 1];
}

/** Member j of a list: in: 0 is the bias, j ≥ 1 the weight from neuron j − 1 before;
 * out: the weight to neuron j of the next column. */
export function listMember({ c, i, way }, j) {
  if (way === 'out') return { kind: 'edge', l: c, i: j, k: i };
  return j === 0 ? { kind: 'bias', l: c - 1, i } : { kind: 'edge', l: c - 1, i, k: j - 1 };
}

/** Where an item sits in a list. */
export function listIndex({ way }, item) {
  if (way === 'out') return item.i;
  return item.kind === 'bias' ? 0 : item.k + 1;
}

/** The list a weight or bias is in when it is reached without one (by the pointer): its
 * neuron's incoming list, as the column's reading order has it. */
export const ownList = (item) => ({ c: item.l + 1, i: item.i, way: 'in' });

/** Moves along a line of `n` places from `j` by `key`; null for keys that do not move. */
function along(key, j, n) {
  if (key === 'ArrowUp') return Math.max(0, j - 1);
  if (key === 'ArrowDown') return Math.min(n - 1, j + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/** The keys the walk answers; the graph keeps them (the page's own arrow key steps the
 * training) even where they lead nowhere. */
export const WALK_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Escape']);

/** Where `key` leads from `position` in a network of `sizes`, or null if nowhere. */
export function walk(sizes, { item, list }, key) {
  const last = sizes.length - 1;
  if (item.kind === 'neuron') {
    const { c, i } = item;
    const j = along(key, i, sizes[c]);
    if (j !== null) return neuron(c, j);
    const way = key === 'ArrowLeft' && c > 0 ? 'in' : key === 'ArrowRight' && c < last ? 'out' : null;
    if (!way) return null;
    const to = { c, i, way };
    return { item: listMember(to, 0), list: to };
  }
  const j = along(key, listIndex(list, item), listLength(sizes, list));
  if (j !== null) return { item: listMember(list, j), list };
  if (key === 'ArrowRight') return neuron(item.l + 1, item.i);
  if (key === 'ArrowLeft' && item.kind === 'edge') return neuron(item.l, item.k);
  if (key === 'Escape') return neuron(list.c, list.i);
  return null;
}
