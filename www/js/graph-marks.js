// The marks over the network graph's canvas: the hovered weight's halo, the focus ring of the
// weight or bias that has the keyboard's focus, and over each a copy of what it marks, so
// that it stands clear of the thousands of edges around it. The focus rings are the elements
// that take focus for weights and biases: two, used in turn, so that every move between
// weights moves focus (which screen readers announce) rather than renaming the focused one.

import { parameterStyle } from './edge-style.js';
import { biasGeometry, itemPath } from './graph-layout.js';
import { valueOf } from './graph-names.js';

const SVG = 'http://www.w3.org/2000/svg';

const svg = (name, attributes = {}) => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

const isParameter = (item) => item?.kind === 'edge' || item?.kind === 'bias';

export class GraphMarks {
  /** `tooltipId` describes every cursor. */
  constructor(tooltipId) {
    // Chrome puts an SVG root in the tab order on its own; the cursors are the stops here.
    // Focusable, it cannot be presentational: a named group around the cursors, each named
    // as the weight it stands on.
    this.element = svg('svg', { class: 'graph-marks', tabindex: '-1', role: 'group', 'aria-label': 'Weights' });
    const hidden = { 'aria-hidden': 'true', display: 'none' };
    this.halo = svg('path', { class: 'graph-halo', ...hidden });
    this.haloLift = svg('path', { class: 'graph-lift', ...hidden });
    this.cursors = [0, 1].map(() => svg('path', { class: 'graph-hit', role: 'button', tabindex: '-1', display: 'none', 'aria-describedby': tooltipId }));
    this.cursorLift = svg('path', { class: 'graph-lift', ...hidden });
    this.element.append(this.halo, this.haloLift, ...this.cursors, this.cursorLift);
    this.items = new Map();
  }

  setLayout(layout) {
    this.layout = layout;
    const { width, height } = layout;
    this.element.setAttribute('width', width);
    this.element.setAttribute('height', height);
    this.element.setAttribute('viewBox', `0 0 ${width} ${height}`);
    for (const [cursor, item] of this.items) cursor.setAttribute('d', itemPath(layout, item));
  }

  /** The cursor other than `inUse`, laid over a weight or bias and named `name`. */
  cursorOver(item, name, inUse) {
    const cursor = this.cursors.find((c) => c !== inUse);
    cursor.setAttribute('d', itemPath(this.layout, item));
    cursor.dataset.kind = item.kind;
    cursor.dataset.layer = item.l;
    cursor.dataset.row = item.i;
    if (item.kind === 'edge') cursor.dataset.column = item.k;
    else delete cursor.dataset.column;
    cursor.setAttribute('aria-label', name);
    cursor.removeAttribute('display');
    this.items.set(cursor, item);
    return cursor;
  }

  isCursor(element) {
    return this.cursors.includes(element);
  }

  /** Takes a cursor out of sight and out of the tab order. */
  hide(cursor) {
    cursor.setAttribute('display', 'none');
    cursor.setAttribute('tabindex', '-1');
    cursor.classList.remove('editing');
    this.items.delete(cursor);
  }

  /** The halo on `hovered` if it is a weight or bias, and copies of it and of `lifted` (the
   * weight or bias whose focus ring shows, or null) over the canvas; `layers` from the
   * snapshot give their look. */
  show(hovered, lifted, layers) {
    if (isParameter(hovered)) {
      this.halo.setAttribute('d', itemPath(this.layout, hovered));
      this.halo.dataset.kind = hovered.kind;
      this.halo.removeAttribute('display');
    } else {
      this.halo.setAttribute('display', 'none');
    }
    this.lift(this.haloLift, hovered, layers);
    this.lift(this.cursorLift, lifted, layers);
  }

  lift(element, item, layers) {
    if (!isParameter(item) || !layers) {
      element.setAttribute('display', 'none');
      return;
    }
    const style = parameterStyle(valueOf(layers, item));
    element.dataset.kind = item.kind;
    element.classList.toggle('neg', style.negative);
    element.classList.toggle('pos', !style.negative);
    if (item.kind === 'edge') {
      element.setAttribute('d', itemPath(this.layout, item));
      element.setAttribute('stroke-width', style.width);
      element.setAttribute('stroke-opacity', style.opacity);
    } else {
      const { x, y } = biasGeometry(this.layout, item.l + 1, item.i).mid;
      const side = style.side;
      element.setAttribute('d', `M${x - side / 2} ${y - side / 2}h${side}v${side}h${-side}z`);
      element.setAttribute('fill-opacity', style.opacity);
    }
    element.removeAttribute('display');
  }
}
