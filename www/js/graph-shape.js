// The network's shape edited on the graph itself, as in TensorFlow Playground: the input
// features as toggles over the input column, − and + over each hidden column for its
// neurons, and − layer / + layer. A strip of buttons above the graph, each placed over its
// column; every change goes through the settings table, as the controls in Settings do.

import { FEATURE_NAMES } from './controls.js';
import { FIELDS } from './settings.js';
import { keepingFocus } from './keep-focus.js';

const html = (name, className, text) => {
  const element = document.createElement(name);
  if (className) element.className = className;
  if (text) element.textContent = text;
  return element;
};

/** A column's − and + are shown while its centre is this far inside the panel. */
const EDGE_ROOM = 24;

export class GraphShape {
  /** `strip` holds the buttons; `graph` is the NetworkGraph they sit over; `onChange(key,
   * value)` is the page's settings change. */
  constructor(strip, graph, onChange) {
    this.strip = strip;
    this.graph = graph;
    this.onChange = onChange;
    this.features = html('div', 'graph-shape-features');
    this.features.setAttribute('role', 'group');
    this.features.setAttribute('aria-label', 'Input features');
    this.columns = html('div', 'graph-shape-columns');
    strip.append(this.features, this.columns);
    this.shown = '';
    // A graph wider than its panel scrolls sideways: the buttons follow their columns.
    graph?.container.addEventListener('scroll', () => this.place(), { passive: true });
  }

  button(text, label, disabled, action) {
    const b = html('button', 'small graph-shape-button', text);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.disabled = disabled;
    b.addEventListener('click', action);
    return b;
  }

  /** Shows the buttons for `settings`, placed over the graph as it is laid out now. */
  show(settings) {
    // The features and layers row does not wait for the graph: drawn at once, the page does
    // not move when the graph comes.
    const geometry = this.graph?.geometry ?? { columns: [] };
    const key = JSON.stringify([settings.hidden, settings.features, geometry.columns, this.graph?.stage.offsetLeft, this.graph?.container.clientWidth]);
    if (key === this.shown) return;
    this.shown = key;
    keepingFocus(this.strip, () => this.rebuild(settings, geometry));
  }

  /** The buttons for `hidden` and `features`, the columns where `geometry` puts them. */
  rebuild({ hidden, features }, geometry) {
    const spec = FIELDS.hidden;
    const chosen = new Set(features);
    this.features.replaceChildren(html('span', 'graph-shape-label', 'Inputs'), ...FIELDS.features.options.map((name) => {
      const on = chosen.has(name);
      const b = this.button(FEATURE_NAMES[name], `Input feature ${FEATURE_NAMES[name]}`, on && chosen.size === 1, () => {
        const next = FIELDS.features.options.filter((f) => (f === name ? !on : chosen.has(f)));
        this.onChange('features', next);
      });
      b.setAttribute('aria-pressed', String(on));
      return b;
    }));
    const change = (next) => this.onChange('hidden', next);
    const columnButtons = geometry.columns.length !== hidden.length + 2 ? [] : hidden.map((size, i) => {
      const group = html('div', 'graph-shape-column');
      group.dataset.column = String(geometry.columns[i + 1]);
      group.append(
        this.button('−', `Fewer neurons in hidden layer ${i + 1}`, size <= spec.min, () => change(hidden.map((s, j) => (j === i ? s - 1 : s)))),
        this.button('+', `More neurons in hidden layer ${i + 1}`, size >= spec.max, () => change(hidden.map((s, j) => (j === i ? s + 1 : s)))),
      );
      return group;
    });
    const layers = html('div', 'graph-shape-layers');
    layers.append(
      this.button('− layer', 'Remove the last hidden layer', hidden.length === 0, () => change(hidden.slice(0, -1))),
      this.button('+ layer', 'Add a hidden layer', hidden.length >= spec.maxLayers, () => change([...hidden, hidden.at(-1) ?? 4])),
    );
    this.features.append(layers);
    this.columns.replaceChildren(...columnButtons);
    this.place();
  }

  /** Puts each layer's − and + over its column, where the graph's stage and its scroll put
   * it; none over a column scrolled out of the panel, where it would stand past its edge. */
  place() {
    const { container, stage } = this.graph ?? {};
    const offset = this.graph ? stage.offsetLeft - container.scrollLeft : 0;
    for (const group of this.columns.children) {
      const x = offset + Number(group.dataset.column);
      group.style.left = `${x}px`;
      group.hidden = !!this.graph && (x < EDGE_ROOM || x > container.clientWidth - EDGE_ROOM);
    }
  }
}
