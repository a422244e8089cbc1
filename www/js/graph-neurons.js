// The network graph's top layer: an SVG with the column headings, the input names and one
// element per neuron over its thumbnail, grouped by column. These elements are what the
// neurons' focus, names and hover rest on; their frames are drawn on the canvas beneath.

const SVG = 'http://www.w3.org/2000/svg';
/** The least room between two columns' headings, in CSS pixels. */
const HEADING_SPACE = 6;

const svg = (name, attributes = {}) => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

export class NeuronLayer {
  /** `tooltipId` describes every neuron. */
  constructor(tooltipId) {
    this.tooltipId = tooltipId;
    // Chrome puts an SVG root in the tab order on its own; the neurons are the stops here.
    // Focusable, it cannot be presentational: a named group, the layers' groups inside it.
    this.element = svg('svg', { class: 'graph-svg', tabindex: '-1', role: 'group', 'aria-label': 'Layers' });
    this.frames = [];
  }

  /** Creates an element per neuron, column by column, named by `names` (GraphNames);
   * `frames[c][i]` is neuron i of column c. `register(element, item)` is told of each. */
  build(sizes, names, register) {
    this.names = names;
    this.element.replaceChildren();
    this.labels = svg('g', { class: 'graph-labels', 'aria-hidden': 'true' });
    this.element.append(this.labels);
    this.frames = sizes.map((n, c) => {
      const group = svg('g', { role: 'group', 'aria-label': names.columnName(c) });
      this.element.append(group);
      return Array.from({ length: n }, (_, i) => {
        const item = { kind: 'neuron', c, i };
        // Data attributes as the snapshot indexes the neuron's bias; inputs have none.
        const data = c === 0 ? { 'data-kind': 'input', 'data-row': i } : { 'data-kind': 'neuron', 'data-layer': c - 1, 'data-row': i };
        const frame = svg('rect', {
          class: 'graph-neuron', role: 'img', tabindex: '-1', 'aria-label': names.nameOf(item), 'aria-describedby': this.tooltipId, ...data,
        });
        register(frame, item);
        group.append(frame);
        return frame;
      });
    });
  }

  /** Places the neurons and the labels as `layout` (from layoutGraph) says. */
  setLayout({ width, height, thumb, nodes, columns }) {
    this.element.setAttribute('width', width);
    this.element.setAttribute('height', height);
    this.element.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.frames.forEach((column, c) => column.forEach((frame, i) => {
      const { x, y } = nodes[c][i];
      for (const [key, value] of Object.entries({ x: x - 0.5, y: y - 0.5, width: thumb + 1, height: thumb + 1 })) frame.setAttribute(key, value);
    }));
    const text = (className, x, y, content) => {
      const element = svg('text', { class: className, x, y });
      element.textContent = content;
      return element;
    };
    this.labels.replaceChildren(
      ...columns.flatMap((x, c) => {
        const [label, detail] = this.names.heading(c);
        return [text('graph-label', x, 16, label), text('graph-label-detail', x, 31, detail)];
      }),
      ...nodes[0].map(({ x, y }, i) => text('graph-input-name', x - 8, y + thumb / 2, this.names.inputName(i))),
    );
    this.fitHeadings(width, columns);
  }

  /** Scales the column headings down to fit between their neighbours and inside the stage:
   * a projector's large type over a deep network's close columns would run them together. */
  fitHeadings(width, columns) {
    this.labels.style.removeProperty('--heading-scale');
    // Not laid out (a hidden panel): measured when it is laid out again.
    if (!this.element.isConnected || !this.element.getClientRects().length) return;
    const headings = [...this.labels.querySelectorAll('.graph-label, .graph-label-detail')];
    const widest = Math.max(0, ...headings.map((heading) => heading.getComputedTextLength()));
    const room = Math.min(2 * columns[0], 2 * (width - columns.at(-1)), ...columns.slice(1).map((x, c) => x - columns[c])) - HEADING_SPACE;
    if (widest > room && room > 0) this.labels.style.setProperty('--heading-scale', (room / widest).toFixed(3));
  }
}
