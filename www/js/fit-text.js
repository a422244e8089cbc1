// Readouts keep every character in their box: past the width their type allows (an iteration
// of 73,691,234 or a cost of 2.097e+13 in a laptop's third of a column), the type shrinks to
// fit rather than end in "…". Measured only when a number gains or loses a digit, or the box
// changes width, so a frame's update costs no layout.

const fitted = new Set();
const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => fitted.forEach(fit)) : null;

/** Sets `element`'s text, its type made small enough for it where it would not fit. */
export function setFittedText(element, text) {
  if (element.textContent === text) return;
  const resized = element.textContent.length !== text.length;
  element.textContent = text;
  if (!fitted.has(element)) {
    fitted.add(element);
    observer?.observe(element.parentElement);
  }
  if (resized) fit(element);
}

function fit(element) {
  element.style.fontSize = '';
  const { scrollWidth, clientWidth } = element;
  if (scrollWidth > clientWidth && clientWidth > 0) {
    const size = parseFloat(getComputedStyle(element).fontSize);
    element.style.fontSize = `${Math.floor((size * clientWidth) / scrollWidth * 10) / 10}px`;
  }
}
