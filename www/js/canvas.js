// Canvases drawn at the screen's real resolution.

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
