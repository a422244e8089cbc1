// The plot from the keyboard, for a reader who cannot click a point: the plot is a tab stop,
// and an arrow key chooses the nearest point that way from the chosen one (the first, the
// point nearest the plot's centre), as a click on it does, so that its maths follow; Escape
// lets it go.

const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** The index of the point of `points` ([x1, x2] pairs) nearest to `from` among those within
 * 45° of `direction` ([dx, dy], x2 upwards; null: any way), on a plane of `bounds` [x1Min,
 * x1Max, x2Min, x2Max] measured as it is drawn, square; −1 where none lies that way. */
export function nextPoint(points, from, direction, bounds) {
  const [x1Min, x1Max, x2Min, x2Max] = bounds;
  const width = x1Max - x1Min || 1;
  const height = x2Max - x2Min || 1;
  let best = -1;
  let bestDistance = Infinity;
  points.forEach(([x1, x2], i) => {
    const dx = (x1 - from[0]) / width;
    const dy = (x2 - from[1]) / height;
    if (direction) {
      const along = dx * direction[0] + dy * direction[1];
      const across = Math.abs(dx * direction[1] - dy * direction[0]);
      if (along <= 0 || across > along) return;
    }
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** Makes `plot` a tab stop that chooses points with the arrow keys: `data()` gives them, {
 * points: [x1, x2] pairs, labels, bounds }; `choose({ x1, x2, y })` as a click on one does,
 * `choose(null)` on Escape; `chosen()` is the point chosen now, or null. */
export function listenToPlotKeys(plot, { data, choose, chosen }) {
  plot.tabIndex = 0;
  plot.setAttribute('role', 'group');
  plot.setAttribute('aria-label', 'The data: the arrow keys choose a point and show its maths, Escape lets it go');
  plot.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const current = chosen();
    if (event.key === 'Escape' && current) {
      event.preventDefault();
      event.stopPropagation();
      choose(null);
      return;
    }
    const direction = DIRECTIONS[event.key];
    if (!direction || event.shiftKey) return;
    // The arrows belong to the plot here, not to the page's Step.
    event.preventDefault();
    event.stopPropagation();
    const { points, labels, bounds } = data();
    const [x1Min, x1Max, x2Min, x2Max] = bounds;
    const from = current ? [current.x1, current.x2] : [(x1Min + x1Max) / 2, (x2Min + x2Max) / 2];
    const next = nextPoint(points, from, current ? direction : null, bounds);
    if (next < 0) return;
    const [x1, x2] = points[next];
    choose({ x1, x2, y: labels[next] });
  });
}

/** [x1, x2] pairs of a flat array of them, as the wasm gives points. */
export const pairsOf = (flat) => Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);
