// How much of a picture leans to each class's colour: run in the page (passed to
// page.evaluate by playwright, or as source text to WebDriver).

/**
 * Pixels of the canvas `target` (a selector, or [host, selector] for a canvas in an
 * element's shadow root) whose red exceeds their blue by more than `margin` (orange, class
 * 0) or the other way (blue, class 1); the unsure grey between is counted as neither. A
 * model unsure everywhere (logistic regression on the flower) paints pale tints, hence the
 * small default margin. Returns { orange, blue, pixels, painter }.
 */
export function classInk(target, margin = 25) {
  const canvas = Array.isArray(target) ? document.querySelector(target[0]).shadowRoot.querySelector(target[1]) : document.querySelector(target);
  // Drawn onto a 2D canvas: the picture may be in a bitmap renderer's canvas.
  const scratch = document.createElement('canvas');
  scratch.width = canvas.width;
  scratch.height = canvas.height;
  const ctx = scratch.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  const { data } = ctx.getImageData(0, 0, scratch.width, scratch.height);
  let orange = 0;
  let blue = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] > data[i + 2] + margin) orange++;
    else if (data[i + 2] > data[i] + margin) blue++;
  }
  return { orange, blue, pixels: data.length / 4, painter: canvas.dataset.painter };
}
