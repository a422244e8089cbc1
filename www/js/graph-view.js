// Which part of the network graph is on screen, for the edge painter, which draws a tall
// graph only in a band around it (graph-edges.js). Scrolling the page, or any box the graph
// is in, and resizing the window move that part.

/** The part of `stage` on screen, in CSS pixels from its top: { top, bottom }. Off screen,
 * a screen's height at the end that comes into view first. */
export function partOnScreen(stage) {
  const box = stage.getBoundingClientRect();
  const screen = window.innerHeight;
  const top = Math.min(Math.max(0, -box.top), box.height);
  const bottom = Math.max(0, Math.min(box.height, screen - box.top));
  if (bottom > top) return { top, bottom };
  const end = box.top > 0 ? 0 : Math.max(0, box.height - screen);
  return { top: end, bottom: Math.min(box.height, end + screen) };
}

/** Calls `moved()` at most once an animation frame after the page or a box scrolls, or the
 * window resizes. */
export function onScroll(moved) {
  let asked = 0;
  const ask = () => {
    asked ||= requestAnimationFrame(() => {
      asked = 0;
      moved();
    });
  };
  window.addEventListener('scroll', ask, { capture: true, passive: true });
  window.addEventListener('resize', ask, { passive: true });
}
