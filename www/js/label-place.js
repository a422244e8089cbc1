// Where to write labels beside marked points so that none covers another: each tries the
// places around its point in turn (right above, right below, left above, left below) and
// takes the first clear of the labels already placed and inside the picture; a label with
// none of those takes the clear place nearest its first, on its point's right or left.

/**
 * `anchors`: [{ x, y, width, height }] — each point, and the size of its label (all in the
 * same pixels); `gap` the room between a point and its label; `bounds` { width, height }.
 * Returns [{ x, y }]: each label's top-left corner, in the anchors' order (the first placed
 * first, so the most important should come first).
 */
export function placeLabels(anchors, gap, bounds) {
  const placed = [];
  const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const inside = ({ x, y, width, height }) => x >= 0 && y >= 0 && x + width <= bounds.width && y + height <= bounds.height;
  const clamp = (box) => ({
    ...box,
    x: Math.min(Math.max(0, box.x), Math.max(0, bounds.width - box.width)),
    y: Math.min(Math.max(0, box.y), Math.max(0, bounds.height - box.height)),
  });
  for (const { x, y, width, height } of anchors) {
    const right = x + gap;
    const left = x - gap - width;
    const above = y - gap - height;
    const below = y + gap;
    const tries = [[right, above], [right, below], [left, above], [left, below]].map(([bx, by]) => ({ x: bx, y: by, width, height }));
    const clear = (b) => !placed.some((p) => overlaps(b, p));
    let box = tries.find((b) => inside(b) && clear(b));
    if (!box) {
      // Up and down from the first place, a pixel at a time, on either side of the point.
      const first = clamp(tries[0]);
      const sides = [first, clamp(tries[2])];
      box = first;
      search: for (let step = 1; step <= bounds.height; step++) {
        for (const side of sides) {
          for (const dy of [step, -step]) {
            const b = clamp({ ...side, y: side.y + dy });
            if (b.y === side.y + dy && clear(b)) {
              box = b;
              break search;
            }
          }
        }
      }
    }
    placed.push(box);
  }
  return placed.map(({ x, y }) => ({ x, y }));
}
