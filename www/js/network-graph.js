// The network graph: a column per layer, each neuron a thumbnail of its activation over the
// input plane, each weight a curve coloured by its sign and as wide as it is large.
//
// The thumbnails are one bitmap (atlas.js), painted by the raster worker when there is one,
// on a canvas under an SVG that holds the edges, the bias marks and the neurons' frames, so
// that each is a focusable element with a name and stays sharp at any pixel ratio. The DOM
// is built when the network's shape changes; a draw asks for a new atlas and touches only
// the attributes whose (quantised) values changed, which keeps it well inside a frame while
// training plays.

import { RESOLUTION, paintAtlas } from './atlas.js';
import { FEATURE_NAMES } from './controls.js';
import { taskOf } from './data-view.js';
import { biasGeometry, edgeGeometry, layoutGraph } from './graph-layout.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Each input feature in words, for names read aloud. */
const SPOKEN = {
  x1: 'x1', x2: 'x2', x1Squared: 'x1 squared', x2Squared: 'x2 squared', x1x2: 'x1 times x2', sinX1: 'sin x1', sinX2: 'sin x2',
};
/** What each input feature is, for its tooltip. */
const INPUT_DETAILS = {
  x1: 'input: the horizontal coordinate', x2: 'input: the vertical coordinate',
  x1Squared: 'input: x₁ squared', x2Squared: 'input: x₂ squared', x1x2: 'input: x₁ times x₂',
  sinX1: 'input: the sine of x₁', sinX2: 'input: the sine of x₂',
};
/** Edge widths in CSS pixels, and the steps they are rounded to. Every changed edge costs the
 * browser a style and layout update, so a draw touches only edges whose step changed, and
 * the opacity follows the width rather than changing on its own. */
const WIDTH = { min: 0.5, max: 6, perUnit: 2.5, steps: 4 };

let instances = 0;

const svg = (name, attributes = {}) => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

const html = (name, className, attributes = {}) => {
  const element = document.createElement(name);
  if (className) element.className = className;
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

/** A parameter for reading: four decimals, or four significant digits in scientific
 * notation when decimals would hide it or run long. */
export function formatValue(v) {
  const a = Math.abs(v);
  return a === 0 || (a >= 1e-3 && a < 1e4) ? v.toFixed(4) : v.toExponential(3);
}

/** A parameter for editing: six significant digits, without trailing zeros. */
const editText = (v) => String(Number(v.toPrecision(6)));

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number typed, or a message saying why it is not one. */
export function parseValue(text) {
  // A typographic minus, as a pasted value may carry.
  const cleaned = text.trim().replace(/^[\u2212\u2013]/, '-');
  if (!NUMBER.test(cleaned)) return { error: `“${text.trim()}” is not a number; type one like -0.5 or 1.2e-3.` };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { error: `${text.trim()} is too large.` };
  return { value };
}

/** A parameter's width step and sign in one integer, so that a draw compares one number per
 * edge: bit 8 is the sign, the low bits the width in steps. */
function levelOf(v) {
  const width = Math.min(WIDTH.max, WIDTH.min + WIDTH.perUnit * Math.abs(v));
  return ((v < 0 ? 1 : 0) << 8) | Math.round(width * WIDTH.steps);
}
const STEPS = Array.from({ length: WIDTH.max * WIDTH.steps + 1 }, (_, step) => {
  const width = step / WIDTH.steps;
  const magnitude = Math.max(0, (width - WIDTH.min) / WIDTH.perUnit);
  return {
    width: String(width),
    // A bias mark's side: an edge's width plus enough to see (and point at) a zero bias.
    side: width + 5,
    // Small values fade towards the panel's white, so the sign's colour reads as a diverging
    // scale.
    opacity: String(0.35 + 0.65 * Math.min(1, magnitude)),
  };
});

/** How a weight or bias is drawn: its sign, and the width (an edge's stroke), side (a bias
 * mark's square) and opacity of its quantised step. */
export function parameterStyle(v) {
  const level = levelOf(v);
  return { negative: level >> 8 === 1, ...STEPS[level & 0xff] };
}

export class NetworkGraph {
  /**
   * `container` is emptied and filled; `wasm` is the module's exports (for its memory).
   * `onHoverNeuron(layer, neuron)` is called when a neuron is hovered or focused, with the
   * indices of its bias in the snapshot (`layers[layer].biases[neuron]`: layer 0 is the
   * first hidden layer), and `onHoverNeuron(null)` when none is; the inputs count as none.
   * `onEdit()` is called after a weight or bias was set; without it the graph redraws itself.
   */
  constructor(container, wasm, { onHoverNeuron = () => {}, onEdit = null, raster = null } = {}) {
    this.container = container;
    this.wasm = wasm;
    this.raster = raster;
    this.onHoverNeuron = onHoverNeuron;
    this.onEdit = onEdit;
    const id = `graph-${++instances}`;
    container.classList.add('graph');
    container.replaceChildren();

    this.stage = html('div', 'graph-stage');
    this.thumbs = html('div', 'graph-thumbs', { 'aria-hidden': 'true' });
    this.atlas = html('canvas', 'graph-atlas');
    this.atlasContext = this.atlas.getContext('bitmaprenderer');
    this.thumbs.append(this.atlas);
    // Chrome puts an SVG root in the tab order on its own; its parts are the stops here.
    this.svg = svg('svg', { class: 'graph-svg', role: 'group', 'aria-label': 'Network graph', tabindex: '-1' });
    this.tooltip = html('div', 'graph-tooltip', { role: 'tooltip', id: `${id}-tip` });
    this.tooltip.hidden = true;
    this.tipTitle = html('strong');
    this.tipDetail = html('span');
    this.tooltip.append(this.tipTitle, this.tipDetail);
    this.editor = this.buildEditor(id);
    this.stage.append(this.thumbs, this.svg, this.tooltip, this.editor.form);
    container.append(this.stage, this.buildKey());


    this.shape = '';
    this.available = container.clientWidth;
    this.playground = null;
    this.snapshot = null;
    this.hovered = null;
    this.focused = null;
    this.neuron = null;
    this.told = null;
    this.editing = null;
    this.listen();
    new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width === this.available) return;
      this.available = width;
      if (this.items) this.layout();
    }).observe(container);
  }

  buildEditor(id) {
    const form = html('form', 'graph-editor');
    form.hidden = true;
    const label = html('label', 'graph-editor-label', { for: `${id}-value` });
    const input = html('input', '', {
      id: `${id}-value`,
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `${id}-message`,
    });
    const message = html('p', 'graph-editor-message', { id: `${id}-message`, role: 'alert' });
    const help = html('p', 'graph-editor-help');
    help.textContent = 'Enter sets it, Esc cancels';
    form.append(label, input, message, help);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commit();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.closeEditor(true);
      }
    });
    // Leaving the field some other way abandons the edit.
    input.addEventListener('blur', () => this.closeEditor(false));
    return { form, label, input, message };
  }

  buildKey() {
    const key = html('p', 'graph-key');
    const item = (className, text, line) => {
      const span = html('span', className);
      if (line) span.append(html('span', `graph-key-line ${line}`));
      span.append(text);
      return span;
    };
    key.append(
      item('graph-key-item', 'negative', 'neg'),
      item('graph-key-item', 'positive', 'pos'),
      item('graph-key-item', 'the bolder the line or mark, the larger the weight or bias'),
      item('graph-key-hint', 'Click a weight or bias, or focus it and press Enter, to set it.'),
    );
    return key;
  }

  listen() {
    const itemOf = (target) => {
      const index = target?.closest?.('[data-item]')?.dataset.item;
      return index === undefined ? null : this.items[Number(index)];
    };
    this.svg.addEventListener('pointerover', (event) => this.setHovered(itemOf(event.target)));
    this.svg.addEventListener('pointerleave', () => this.setHovered(null));
    this.svg.addEventListener('focusin', (event) => this.setFocused(itemOf(event.target)));
    this.svg.addEventListener('focusout', (event) => {
      if (!this.svg.contains(event.relatedTarget)) this.setFocused(null);
    });
    this.svg.addEventListener('click', (event) => {
      const item = itemOf(event.target);
      if (item && item.kind !== 'neuron') this.openEditor(item);
    });
    this.svg.addEventListener('keydown', (event) => {
      const item = itemOf(event.target);
      if (event.key === 'Enter' && item && item.kind !== 'neuron') {
        event.preventDefault();
        this.openEditor(item);
      }
    });
  }

  /** Paints the network of `playground` as `snapshot` describes it. */
  draw(playground, snapshot) {
    if (playground !== this.playground) {
      this.closeEditor(false);
      this.activation = playground.activation();
      this.features = playground.features();
    }
    this.playground = playground;
    this.snapshot = snapshot;
    const task = taskOf(snapshot);
    const shape = `${snapshot.sizes.join(',')} ${this.activation} ${task.kind} ${this.features.join(',')}`;
    if (shape !== this.shape) {
      this.shape = shape;
      this.task = task;
      this.build(snapshot.sizes);
    }
    this.paintThumbnails(playground);
    this.updateParameters(snapshot.layers);
    this.showTooltip();
  }

  /** Creates an element per neuron, edge and bias, in reading order: column by column, each
   * neuron followed by its bias and its incoming edges. */
  build(sizes) {
    this.closeEditor(false);
    // The draw that builds ends by showing (and telling) what is hovered: nothing yet.
    this.hovered = null;
    this.focused = null;
    this.sizes = sizes;
    this.items = [];
    this.weighted = [];
    this.svg.replaceChildren();
    this.labels = svg('g', { class: 'graph-labels', 'aria-hidden': 'true' });
    this.svg.append(this.labels);
    const last = sizes.length - 1;
    const describedBy = this.tooltip.id;
    const add = (item, parent) => {
      item.index = this.items.length;
      this.items.push(item);
      const focusable = item.hit ?? item.frame;
      focusable.dataset.item = item.index;
      focusable.setAttribute('tabindex', '0');
      focusable.setAttribute('aria-label', this.nameOf(item));
      focusable.setAttribute('aria-describedby', describedBy);
      parent.append(...[item.hit, item.vis, item.frame].filter(Boolean));
    };
    const weighted = (kind, l, i, k) => {
      const item = {
        kind,
        l,
        i,
        k,
        hit: svg('path', { class: 'graph-hit', role: 'button', 'data-kind': kind, 'data-layer': l, 'data-row': i }),
        vis: svg(kind === 'edge' ? 'path' : 'rect', { class: `graph-${kind}`, 'aria-hidden': 'true' }),
      };
      if (kind === 'edge') item.hit.dataset.column = k;
      this.weighted.push(item);
      return item;
    };
    for (let c = 0; c <= last; c++) {
      const group = svg('g', { role: 'group', 'aria-label': this.columnName(c) });
      for (let i = 0; i < sizes[c]; i++) {
        // Data attributes as the snapshot indexes the neuron's bias; inputs have none.
        const data = c === 0 ? { 'data-kind': 'input', 'data-row': i } : { 'data-kind': 'neuron', 'data-layer': c - 1, 'data-row': i };
        const frame = svg('rect', { class: 'graph-neuron', role: 'img', ...data });
        add({ kind: 'neuron', l: c, i, frame }, group);
        if (c === 0) continue;
        add(weighted('bias', c - 1, i), group);
        for (let k = 0; k < sizes[c - 1]; k++) add(weighted('edge', c - 1, i, k), group);
      }
      this.svg.append(group);
    }
    this.levels = new Int32Array(this.weighted.length).fill(-1);
    this.layout();
  }

  /** Places everything for the current width. */
  layout() {
    const geometry = layoutGraph(this.sizes, this.available);
    this.geometry = geometry;
    const { width, height, thumb, nodes, columns } = geometry;
    // Only a graph wider than its panel scrolls: a scrolling box would clip the tooltips.
    this.container.classList.toggle('graph-scrolls', width > this.available);
    this.stage.style.width = `${width}px`;
    this.stage.style.height = `${height}px`;
    this.svg.setAttribute('width', width);
    this.svg.setAttribute('height', height);
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    for (const item of this.items) {
      if (item.kind === 'neuron') {
        const { x, y } = nodes[item.l][item.i];
        item.anchor = { x: x + thumb / 2, top: y, bottom: y + thumb };
        for (const [key, value] of Object.entries({ x: x - 0.5, y: y - 0.5, width: thumb + 1, height: thumb + 1 })) {
          item.frame.setAttribute(key, value);
        }
      } else {
        const { d, mid } = item.kind === 'edge' ? edgeGeometry(geometry, item.l, item.i, item.k) : biasGeometry(geometry, item.l + 1, item.i);
        item.anchor = { x: mid.x, top: mid.y - 4, bottom: mid.y + 4 };
        item.hit.setAttribute('d', d);
        if (item.kind === 'edge') item.vis.setAttribute('d', d);
        else {
          item.point = mid;
          if (item.side) this.sizeBias(item, item.side);
        }
      }
    }
    const last = this.sizes.length - 1;
    const text = (className, x, y, content) => {
      const element = svg('text', { class: className, x, y });
      element.textContent = content;
      return element;
    };
    this.labels.replaceChildren(
      ...columns.flatMap((x, c) => [
        text('graph-label', x, 16, c === 0 ? 'Input' : c === last ? 'Output' : `Hidden ${c}`),
        text('graph-label-detail', x, 31, c === 0 ? this.inputsDetail() : c === last ? this.outputActivation() : `${this.sizes[c]} ${this.activation}`),
      ]),
      ...nodes[0].map(({ x, y }, i) => text('graph-input-name', x - 8, y + thumb / 2, this.inputName(i))),
    );
    this.atlas.style.width = `${width}px`;
    this.atlas.style.height = `${height}px`;
    if (this.editing) this.place(this.editor.form, this.editing.item.anchor);
  }

  outputActivation() {
    return { binary: 'sigmoid', classes: 'softmax', regression: 'linear' }[this.task.kind];
  }

  /** Asks for every neuron's thumbnail, at the device's pixels, through the raster worker
   * or, without one, here. */
  paintThumbnails(playground) {
    const ratio = window.devicePixelRatio || 1;
    const { width, height, thumb, nodes } = this.geometry;
    const task = this.task;
    const request = {
      sizes: this.sizes,
      tiles: nodes.flat().map(({ x, y }) => ({ x: Math.round(x * ratio), y: Math.round(y * ratio) })),
      side: Math.round(thumb * ratio),
      outWidth: Math.max(1, Math.round(width * ratio)),
      outHeight: Math.max(1, Math.round(height * ratio)),
      // Hidden activations: tanh, linear and ReLU around 0 on [-1, 1] (ReLU's 0 is neutral,
      // its large values saturate); sigmoid's on [0, 1].
      hidden: this.activation === 'sigmoid' ? [0, 1] : [-1, 1],
      task: { kind: task.kind, classes: task.classes },
      features: this.features,
      bounds: playground.bounds(),
      style: document.documentElement.classList.contains('high-contrast') ? 'smoothHigh' : 'smooth',
    };
    const show = (bitmap) => {
      // The backing size says what the bitmap covers, for anyone reading the canvas.
      if (this.atlas.width !== bitmap.width || this.atlas.height !== bitmap.height) {
        this.atlas.width = bitmap.width;
        this.atlas.height = bitmap.height;
      }
      this.atlasContext.transferFromImageBitmap(bitmap);
    };
    if (this.raster?.available) {
      const network = { sizes: this.sizes, activation: this.activation, classes: task.classes, params: playground.params(), features: this.features };
      this.raster.request('atlas', { ...request, network }, ({ bitmap }) => show(bitmap));
    } else {
      const length = playground.computeNeurons(RESOLUTION, RESOLUTION);
      // A fresh view: the call above may have grown (and detached) wasm memory.
      show(paintAtlas(new Float32Array(this.wasm.memory.buffer, playground.neuronsPtr(), length), request));
    }
  }

  updateParameters(layers) {
    const { weighted, levels } = this;
    for (let n = 0; n < weighted.length; n++) {
      const item = weighted[n];
      const { kind, l, i, k, vis } = item;
      const level = levelOf(kind === 'edge' ? layers[l].weights[i][k] : layers[l].biases[i]);
      const before = levels[n];
      if (level === before) continue;
      levels[n] = level;
      const negative = level >> 8;
      if (before < 0 || before >> 8 !== negative) {
        vis.classList.toggle('neg', negative === 1);
        vis.classList.toggle('pos', negative === 0);
      }
      const step = STEPS[level & 0xff];
      if (kind === 'edge') {
        vis.setAttribute('stroke-width', step.width);
        vis.setAttribute('stroke-opacity', step.opacity);
      } else {
        this.sizeBias(item, step.side);
        vis.setAttribute('fill-opacity', step.opacity);
      }
    }
  }

  /** A bias mark is a square of side `side` centred on its thumbnail's corner. */
  sizeBias(item, side) {
    item.side = side;
    const { x, y } = item.point;
    item.vis.setAttribute('x', x - side / 2);
    item.vis.setAttribute('y', y - side / 2);
    item.vis.setAttribute('width', side);
    item.vis.setAttribute('height', side);
  }

  valueOf(item) {
    const layer = this.snapshot.layers[item.l];
    return item.kind === 'edge' ? layer.weights[item.i][item.k] : layer.biases[item.i];
  }

  symbolOf(item) {
    return item.kind === 'edge' ? `w[${item.l}][${item.i}][${item.k}]` : `b[${item.l}][${item.i}]`;
  }

  columnName(c) {
    const last = this.sizes.length - 1;
    if (c === 0) return 'Inputs';
    if (c === last) return `Output layer (${this.outputActivation()})`;
    return `Hidden layer ${c}: ${this.sizes[c]} ${this.activation} neurons`;
  }

  /** "x2", "neuron 3 of hidden layer 1", "the output", "output 2". */
  neuronName(c, i) {
    const last = this.sizes.length - 1;
    if (c === 0) return SPOKEN[this.features[i]] ?? `x${i + 1}`;
    if (c === last) return this.sizes[c] === 1 ? 'the output' : `output ${i + 1}`;
    return `neuron ${i + 1} of hidden layer ${c}`;
  }

  inputsDetail() {
    return this.features.join(',') === 'x1,x2' ? 'coordinates' : 'features';
  }

  /** Input i as the page writes its feature: x₁, x₁², sin x₂… */
  inputName(i) {
    return FEATURE_NAMES[this.features[i]] ?? `x${i + 1}`;
  }

  activationOf(c) {
    return c === this.sizes.length - 1 ? this.outputActivation() : this.activation;
  }

  nameOf(item) {
    const { kind, l, i, k } = item;
    if (kind === 'edge') return `Weight ${this.symbolOf(item)} from ${this.neuronName(l, k)} to ${this.neuronName(l + 1, i)}`;
    if (kind === 'bias') return `Bias ${this.symbolOf(item)} of ${this.neuronName(l + 1, i)}`;
    if (l === 0) return `Input ${this.neuronName(0, i)}`;
    const name = this.neuronName(l, i);
    return `${name[0].toUpperCase()}${name.slice(1)} (${this.activationOf(l)})`;
  }

  /** The tooltip's two lines for an item. */
  describe(item) {
    const { kind, l, i, k } = item;
    if (kind === 'edge') return [`${this.symbolOf(item)} = ${formatValue(this.valueOf(item))}`, `${this.neuronName(l, k)} → ${this.neuronName(l + 1, i)}`];
    if (kind === 'bias') return [`${this.symbolOf(item)} = ${formatValue(this.valueOf(item))}`, `bias of ${this.neuronName(l + 1, i)}`];
    if (l === 0) return [this.inputName(i), INPUT_DETAILS[this.features[i]]];
    const bias = `b[${l - 1}][${i}] = ${formatValue(this.snapshot.layers[l - 1].biases[i])}`;
    const name = this.neuronName(l, i);
    return [`${name[0].toUpperCase()}${name.slice(1)}`, `${this.activationOf(l)} · ${bias}`];
  }

  setHovered(item) {
    this.hovered = item;
    this.showTooltip();
  }

  setFocused(item) {
    this.focused = item;
    this.showTooltip();
  }

  /** Shows what is hovered, else what is focused, and tells the page which neuron that is. */
  showTooltip() {
    const neuronOf = (item) => (item?.kind === 'neuron' ? item : null);
    const neuron = neuronOf(this.hovered) ?? neuronOf(this.focused);
    if (neuron !== this.neuron) {
      this.neuron = neuron;
      this.trace(neuron);
      // Told once this call is over: the page may redraw in answer, and this may be a draw.
      queueMicrotask(() => this.tellNeuron());
    }
    const item = this.editing ? null : this.hovered ?? this.focused;
    if (!item || !this.snapshot) {
      this.tooltip.hidden = true;
      return;
    }
    const [title, detail] = this.describe(item);
    if (this.tipTitle.textContent !== title) this.tipTitle.textContent = title;
    if (this.tipDetail.textContent !== detail) this.tipDetail.textContent = detail;
    if (this.tooltip.hidden || this.tipFor !== item) {
      this.tipFor = item;
      this.tooltip.hidden = false;
      this.place(this.tooltip, item.anchor);
    }
  }

  tellNeuron() {
    const neuron = this.neuron?.l > 0 ? this.neuron : null;
    if (neuron === this.told) return;
    this.told = neuron;
    if (neuron) this.onHoverNeuron(neuron.l - 1, neuron.i);
    else this.onHoverNeuron(null);
  }

  /** Brings out a neuron's own edges and bias and fades the rest, so that its connections
   * can be followed through a dense layer; null shows all alike. */
  trace(neuron) {
    for (const item of this.weighted ?? []) {
      const own = neuron !== null && (item.l === neuron.l - 1 ? item.i === neuron.i : item.kind === 'edge' && item.l === neuron.l && item.k === neuron.i);
      item.vis.classList.toggle('traced', own);
    }
    this.svg.classList.toggle('tracing', neuron !== null);
  }

  /** Puts a floating element centred over `anchor`, above it if there is room in the stage,
   * else below, and inside the stage horizontally. */
  place(element, { x, top, bottom }) {
    const { width } = this.geometry;
    const half = element.offsetWidth / 2;
    element.style.left = `${Math.min(width - half, Math.max(half, x))}px`;
    const height = element.offsetHeight;
    const above = top - height - 8;
    // Above the stage is the panel's heading, free to cover unless the graph scrolls (and
    // would clip it).
    const limit = this.container.classList.contains('graph-scrolls') ? 0 : -32;
    element.style.top = `${above >= limit ? above : bottom + 8}px`;
  }

  openEditor(item) {
    if (!this.playground || !this.snapshot) return;
    const initial = editText(this.valueOf(item));
    const { form, label, input, message } = this.editor;
    this.editing = { item, initial };
    label.textContent = `Set ${this.symbolOf(item)} (now ${formatValue(this.valueOf(item))})`;
    item.hit.classList.add('editing');
    input.value = initial;
    input.removeAttribute('aria-invalid');
    message.textContent = '';
    form.hidden = false;
    this.place(form, item.anchor);
    this.showTooltip();
    input.focus();
    input.select();
  }

  /** Applies the typed value at once, or explains why it cannot. */
  commit() {
    if (!this.editing) return;
    const { item, initial } = this.editing;
    const { input, message } = this.editor;
    const text = input.value;
    // Unchanged text would round the value to six digits; leave it as it is.
    if (text.trim() === initial) {
      this.closeEditor(true);
      return;
    }
    const parsed = parseValue(text);
    let error = parsed.error;
    if (!error) {
      try {
        if (item.kind === 'edge') this.playground.setWeight(item.l, item.i, item.k, parsed.value);
        else this.playground.setBias(item.l, item.i, parsed.value);
      } catch (e) {
        error = e?.message ?? String(e);
      }
    }
    if (error) {
      message.textContent = error;
      input.setAttribute('aria-invalid', 'true');
      input.select();
      return;
    }
    this.closeEditor(true);
    if (this.onEdit) this.onEdit();
    else this.draw(this.playground, this.playground.snapshot());
  }

  closeEditor(refocus) {
    if (!this.editing) return;
    const { item } = this.editing;
    this.editing = null;
    this.editor.form.hidden = true;
    item.hit.classList.remove('editing');
    if (refocus) item.hit.focus();
    this.showTooltip();
  }
}
