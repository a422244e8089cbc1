// Canvases drawn at the screen's real resolution.

/** How much larger than the page's normal 14 px the text around `canvas` is (presenter
 * mode doubles it), for the text a canvas draws itself; 1 off the page. */
export function textScale(canvas) {
  if (!canvas.isConnected) return 1;
  return (parseFloat(getComputedStyle(canvas).fontSize) || 14) / 14;
}

/** Whether a canvas on the page has a size other than its pixels were painted at (what
 * fitCanvas would change). */
function outgrown(canvas, ratio = window.devicePixelRatio || 1) {
  const rect = canvas.getBoundingClientRect();
  return canvas.width !== Math.max(1, Math.round(rect.width * ratio)) || canvas.height !== Math.max(1, Math.round(rect.height * ratio));
}

/** A ResizeObserver (`observe` each canvas to watch) that calls `repaint()` once in the next
 * frame when a canvas it watches has outgrown its pixels (at `ratioOf(canvas)`, the device's
 * ratio unless said): not inside the observer, where a changed layout would start the
 * observer's loop again, which browsers report as an error event on every load. */
export function repaintWhenOutgrown(repaint, ratioOf = () => undefined) {
  let queued = 0;
  return new ResizeObserver((entries) => {
    if (queued || !entries.some(({ target }) => outgrown(target, ratioOf(target)))) return;
    queued = requestAnimationFrame(() => {
      queued = 0;
      repaint();
    });
  });
}

/** Sizes `canvas`'s backing store to its CSS box times `ratio`; returns the ratio. */
export function fitCanvas(canvas, ratio = window.devicePixelRatio || 1) {
  // A canvas outside the page (an exported frame's) keeps the size it was given.
  if (!canvas.isConnected) return ratio;
  const rect = canvas.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width * ratio));
  const height = Math.max(1, Math.round(rect.height * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  return ratio;
}
