// The network graph: a column per layer, each neuron a thumbnail of its activation over the
// input plane, each weight a curve coloured by its sign and as wide as it is large.
//
// Layers, bottom to top: the thumbnails, one bitmap (graph-thumbnails.js, atlas.js) painted
// by the raster worker when there is one; the edges, bias marks and frames on one canvas
// (graph-edges.js); an SVG with the hover halo and focus ring of a weight or bias, each with
// a copy of it on top so that it stands clear of thousands of edges around it
// (graph-marks.js); an SVG with the headings and one element per neuron, for focus, hover
// and names (graph-neurons.js). A network of 8 × 64 hidden neurons has some 29,000 weights:
// an element each would cost the browser far more than a frame, so the pointer finds them by
// geometry (graph-hit.js) and the keyboard by walking from neuron to neuron (graph-keys.js),
// with the whole graph one tab stop (graph-input.js listens). This module wires them: draws,
// hover, focus, the tooltip and the inline editor (graph-editor.js).

import { taskOf } from './data-view.js';
import { EdgePainter } from './graph-edges.js';
import { WeightEditor } from './graph-editor.js';
import { hitTest, isParameter, pointOn, sameItem } from './graph-hit.js';
import { listenToGraph } from './graph-input.js';
import { graphKey, HINT } from './graph-key.js';
import { edgeTable, itemAnchor, layoutGraph } from './graph-layout.js';
import { GraphMarks } from './graph-marks.js';
import { GraphNames, symbolOf, valueOf } from './graph-names.js';
import { onScroll, partOnScreen } from './graph-view.js';
import { NeuronLayer } from './graph-neurons.js';
import { Thumbnails } from './graph-thumbnails.js';

export { parameterStyle } from './edge-style.js';
export { parseValue } from './graph-editor.js';
export { formatValue } from './graph-names.js';

let instances = 0;

/** What the graph's elements depend on: a change rebuilds them. */
const shapeOf = (sizes, activation, task, features) => `${sizes.join(',')} ${activation} ${task.kind} ${features.join(',')}`;

const html = (name, className, attributes = {}) => {
  const element = document.createElement(name);
  if (className) element.className = className;
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

export class NetworkGraph {
  /**
   * `container` is emptied and filled; `wasm` is the module's exports (for its memory).
   * `onHoverNeuron(layer, neuron)` is called when a neuron is hovered or focused, with the
   * indices of its bias in the snapshot (`layers[layer].biases[neuron]`: layer 0 is the
   * first hidden layer), and `onHoverNeuron(null)` when none is; the inputs count as none.
   * `onEdit()` is called after a weight or bias was set; without it the graph redraws itself.
   * Tests and benchmarks reach the graph as `container.networkGraph`.
   */
  constructor(container, wasm, { onHoverNeuron = () => {}, onEdit = null, raster = null } = {}) {
    this.container = container;
    this.onHoverNeuron = onHoverNeuron;
    this.onEdit = onEdit;
    const id = `graph-${++instances}`;
    container.classList.add('graph');
    container.replaceChildren();
    container.networkGraph = this;

    const key = graphKey(id);
    this.stage = html('div', 'graph-stage', { role: 'group', 'aria-label': 'Network graph', 'aria-describedby': `${id}-keys`, title: HINT });
    const thumbs = html('div', 'graph-thumbs', { 'aria-hidden': 'true' });
    this.thumbnails = new Thumbnails(wasm, raster);
    thumbs.append(this.thumbnails.canvas);
    this.tooltip = html('div', 'graph-tooltip', { role: 'tooltip', id: `${id}-tip` });
    this.tooltip.hidden = true;
    this.tipTitle = html('strong');
    this.tipDetail = html('span');
    this.tooltip.append(this.tipTitle, this.tipDetail);
    const edges = html('canvas', 'graph-edges', { 'aria-hidden': 'true' });
    this.painter = new EdgePainter(edges);
    this.marks = new GraphMarks(this.tooltip.id);
    this.neurons = new NeuronLayer(this.tooltip.id);
    this.editor = new WeightEditor(id, { set: (value) => this.setParameter(value), closed: (...args) => this.editorClosed(...args) });
    this.stage.append(thumbs, edges, this.marks.element, this.neurons.element, this.tooltip, this.editor.form);
    container.append(this.stage, key);

    this.shape = '';
    this.available = container.clientWidth;
    this.tallest = Infinity;
    this.playground = null;
    this.snapshot = null;
    this.sizes = null;
    this.itemOf = new WeakMap();
    this.hovered = null;
    this.focused = null;
    this.neuron = null;
    this.told = null;
    listenToGraph(this);
    // A tall graph's edges are drawn around what is on screen.
    onScroll(() => this.followView() && this.paintEdges());
    // Laid out again in the next frame, not inside the observer (see main.js).
    new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width === this.available) return;
      this.available = width;
      requestAnimationFrame(() => (this.sizes ? this.layout() : this.reserved && this.reserve(this.reserved)));
    }).observe(container);
  }

  /** Paints the network of `playground` as `snapshot` describes it; `playing`: training
   * plays, so thumbnails that would not change visibly may be skipped; `task`: the page's
   * (data-view.js), else the snapshot's. */
  draw(playground, snapshot, { playing = false, task: known = null } = {}) {
    if (playground !== this.playground) {
      this.editor.close(false, false);
      this.activation = playground.activation();
      this.features = playground.features();
    }
    this.playground = playground;
    this.snapshot = snapshot;
    // The page's task, where it has one, knows a regression's range from its data.
    const task = known ?? taskOf(snapshot);
    const shape = shapeOf(snapshot.sizes, this.activation, task, this.features);
    // The canvas is painted once, at the end, whatever the steps below change.
    this.drawing = true;
    try {
      this.task = task;
      if (shape !== this.shape) {
        this.shape = shape;
        this.build(snapshot.sizes);
      }
      this.paintThumbnails(playing);
      this.showHoverAndFocus();
    } finally {
      this.drawing = false;
    }
    this.paintEdges();
  }

  /** Builds the graph of the network a run of the settings will have (layer `sizes`,
   * `activation`, `task` as taskOf() gives it, input `features`) before there is a run,
   * so that drawing the run only paints: a deep network's hundreds of neurons take tens of
   * milliseconds to build. */
  prepare({ sizes, activation, task, features }) {
    if (this.playground) return;
    Object.assign(this, { activation, task, features, shape: shapeOf(sizes, activation, task, features) });
    this.build(sizes);
  }

  /** Asks for every neuron's thumbnail at its place in the current layout; `playing`: one
   * that would not change visibly may be skipped. */
  paintThumbnails(playing = false) {
    this.thumbnails.paint(this.playground, this.geometry, { sizes: this.sizes, activation: this.activation, task: this.task, features: this.features }, playing);
  }

  /** Redraws on the canvas what changed: parameters, colours, the traced neuron. */
  paintEdges() {
    if (this.drawing) return;
    // The colours are the page's custom properties, which the high-contrast class changes.
    const key = document.documentElement.className;
    if (key !== this.coloursKey) {
      this.coloursKey = key;
      const style = getComputedStyle(this.container);
      const read = (name) => style.getPropertyValue(name).trim();
      this.painter.setColours({ negative: read('--class0'), positive: read('--class1'), paper: read('--paper'), line: read('--line'), focus: read('--graph-focus') });
    }
    // A graph built before its run (prepare()) has no weights to draw yet.
    const layers = this.shownLayers ?? this.snapshot?.layers;
    if (!layers) return;
    this.painter.update(layers);
    this.painter.paint(window.devicePixelRatio || 1);
  }

  /** Draws the edges and bias marks from `layers` ([{ weights, biases }]) instead of the
   * snapshot's (a slow-motion step's gradients, or weights on their way), until null. */
  showLayers(layers) {
    this.shownLayers = layers;
    this.paintEdges();
  }

  /** Creates an element per neuron, column by column, for focus, hover and names. */
  build(sizes) {
    this.editor.close(false, false);
    // The draw that builds ends by showing (and telling) what is hovered: nothing yet.
    this.hovered = null;
    this.focused = null;
    this.sizes = sizes;
    this.names = new GraphNames({ sizes, features: this.features, activation: this.activation, taskKind: this.task.kind });
    this.neurons.build(sizes, this.names, (element, item) => this.itemOf.set(element, item));
    this.frames = this.neurons.frames;
    this.tabStop = null;
    for (const cursor of this.marks.cursors) this.marks.hide(cursor);
    this.moveTo({ item: { kind: 'neuron', c: 0, i: 0 }, list: null }, false);
    this.layout();
  }

  /** Tells the edge painter which part of the stage is on screen; whether its band moved. */
  followView() {
    if (!this.stage.isConnected) return false;
    const { top, bottom } = partOnScreen(this.stage);
    return this.painter.setView(top, bottom);
  }

  /** Takes the room a network of `sizes` will take, before there is a run to draw: a page
   * that reserves it while its wasm loads does not move when the graph comes. */
  reserve(sizes) {
    this.reserved = sizes;
    this.geometry = layoutGraph(sizes, this.available, this.tallest);
    const { width, height } = this.geometry;
    this.stage.style.width = `${width}px`;
    this.stage.style.height = `${height}px`;
  }

  /** Lays the graph out again to be at most `height` CSS pixels tall, or as near as it can
   * be made (Infinity: as tall as its layers make it). */
  fitHeight(height) {
    if (height === this.tallest) return;
    this.tallest = height;
    if (this.sizes) this.layout();
    else if (this.reserved) this.reserve(this.reserved);
  }

  /** The height of the graph laid out within `tallest`: more where even its smallest is taller. */
  heightWithin(tallest) {
    const sizes = this.sizes ?? this.reserved;
    return sizes ? layoutGraph(sizes, this.available, tallest).height : 0;
  }

  /** The height of the graph laid out as small as it can be. */
  smallestHeight() {
    const sizes = this.sizes ?? this.reserved;
    return sizes ? layoutGraph(sizes, this.available, 0).height : 0;
  }

  /** Places everything for the current width and height. */
  layout() {
    const geometry = layoutGraph(this.sizes, this.available, this.tallest);
    this.geometry = geometry;
    this.table = edgeTable(geometry);
    const { width, height } = geometry;
    // Only a graph wider than its panel scrolls: a scrolling box would clip the tooltips.
    this.container.classList.toggle('graph-scrolls', width > this.available);
    this.stage.style.width = `${width}px`;
    this.stage.style.height = `${height}px`;
    this.neurons.setLayout(geometry);
    this.thumbnails.setLayout(geometry);
    this.marks.setLayout(geometry);
    this.painter.setLayout(geometry, this.table);
    // A new width (a scrollbar come or gone) moves every tile: the thumbnails are asked for
    // again at their new places, unless draw() is about to.
    if (!this.drawing && this.playground) this.paintThumbnails();
    this.followView();
    this.paintEdges();
    this.showMarks();
    if (this.editor.open) this.place(this.editor.form, this.anchorOf(this.editor.item));
  }

  /** The item at (x, y), in CSS pixels from the stage's top-left corner, or null. */
  hitTest(x, y) {
    return this.sizes ? hitTest(this.geometry, this.table, x, y) : null;
  }

  /** A point of the stage where the pointer reaches `item` (see graph-hit.js), on a whole
   * pixel of the viewport as the stage is now placed, since a click reports whole pixels;
   * or null. For tests, and for anyone placing something on an item. */
  pointOn(item) {
    const box = this.stage.getBoundingClientRect();
    const whole = ({ x, y }) => ({ x: Math.round(box.left + x) - box.left, y: Math.round(box.top + y) - box.top });
    return pointOn(this.geometry, this.table, item, whole);
  }

  /** Every weight and bias as the canvas shows it: { kind, l, i, k, negative, width,
   * opacity }, for tests; `edgesPending` says whether some strip waits to be redrawn. */
  drawnParameters() {
    return this.painter.drawn();
  }

  get edgesPending() {
    return this.painter.pending;
  }

  /** Where a floating element points at an item. */
  anchorOf(item) {
    return itemAnchor(this.geometry, item);
  }

  /**
   * Makes `position` ({ item, list }, see graph-keys.js) the graph's one tab stop, and with
   * `focus` moves focus there: a neuron's frame, or for a weight or bias the spare cursor,
   * laid over it and named after it.
   */
  moveTo(position, focus) {
    this.position = position;
    const { item } = position;
    const element = item.kind === 'neuron' ? this.frames[item.c][item.i] : this.marks.cursorOver(item, this.names.nameOf(item), this.tabStop);
    if (isParameter(item)) this.itemOf.set(element, item);
    const before = this.tabStop;
    this.tabStop = element;
    element.setAttribute('tabindex', '0');
    // Focus first, then retire the old stop: focus never falls out of the graph on the way.
    if (focus) element.focus();
    if (before && before !== element) {
      before.setAttribute('tabindex', '-1');
      if (this.marks.isCursor(before)) {
        this.marks.hide(before);
        this.itemOf.delete(before);
      }
    }
  }

  setHovered(item) {
    if (sameItem(item, this.hovered)) return;
    this.hovered = item;
    this.neurons.element.classList.toggle('graph-pointing', isParameter(item));
    this.showHoverAndFocus();
  }

  /** The hovered weight's halo, and copies of it and of the weight whose focus ring shows
   * (or that is being edited) over the canvas. */
  showMarks() {
    const lifted = this.editor.open ? this.editor.item : this.focusShown ? this.focused : null;
    this.marks.show(this.hovered, lifted, this.snapshot?.layers);
  }

  setFocused(item, element) {
    this.focused = item;
    // Focus shows as CSS's :focus-visible would: for the keyboard, not for a click.
    this.focusShown = !!item && element.matches(':focus-visible');
    this.showHoverAndFocus();
  }

  /** Shows what is hovered, else what is focused (the traced edges, the frames, the marks
   * and the tooltip), and tells the page which neuron that is. */
  showHoverAndFocus() {
    const neuronOf = (item) => (item?.kind === 'neuron' ? item : null);
    const neuron = neuronOf(this.hovered) ?? neuronOf(this.focused);
    this.painter.setTrace(neuron);
    this.painter.setHighlights([neuronOf(this.hovered), this.focusShown ? neuronOf(this.focused) : null].filter(Boolean));
    this.paintEdges();
    this.showMarks();
    if (!sameItem(neuron, this.neuron)) {
      this.neuron = neuron;
      // Told once this call is over: the page may redraw in answer, and this may be a draw.
      queueMicrotask(() => this.tellNeuron());
    }
    const item = this.editor.open ? null : this.hovered ?? this.focused;
    if (!item || !this.snapshot) {
      this.tooltip.hidden = true;
      return;
    }
    const [title, detail] = this.names.describe(item, this.snapshot.layers);
    if (this.tipTitle.textContent !== title) this.tipTitle.textContent = title;
    if (this.tipDetail.textContent !== detail) this.tipDetail.textContent = detail;
    if (this.tooltip.hidden || !sameItem(this.tipFor, item)) {
      this.tipFor = item;
      this.tooltip.hidden = false;
      this.place(this.tooltip, this.anchorOf(item));
    }
  }

  tellNeuron() {
    const neuron = this.neuron?.c > 0 ? this.neuron : null;
    if (sameItem(neuron, this.told)) return;
    this.told = neuron;
    if (neuron) this.onHoverNeuron(neuron.c - 1, neuron.i);
    else this.onHoverNeuron(null);
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

  /** Opens the editor on a weight or bias, which becomes the graph's tab stop, so that
   * Enter or Esc in the editor return to it. */
  openEditor(position) {
    if (!this.playground || !this.snapshot) return;
    const { item } = position;
    if (!sameItem(item, this.position.item)) this.moveTo(position, false);
    this.tabStop.classList.add('editing');
    this.editor.show(item, symbolOf(item), valueOf(this.snapshot.layers, item), (form) => this.place(form, this.anchorOf(item)));
    this.showHoverAndFocus();
  }

  /** Sets the edited parameter in the model; an error message if it cannot. */
  setParameter(value) {
    const { item } = this.editor;
    try {
      if (item.kind === 'edge') this.playground.setWeight(item.l, item.i, item.k, value);
      else this.playground.setBias(item.l, item.i, value);
      return null;
    } catch (e) {
      return e?.message ?? String(e);
    }
  }

  editorClosed(item, refocus, changed) {
    this.tabStop?.classList.remove('editing');
    if (refocus && sameItem(item, this.position.item)) this.tabStop.focus();
    this.showHoverAndFocus();
    if (!changed) return;
    if (this.onEdit) this.onEdit();
    else this.draw(this.playground, this.playground.snapshot());
  }
}
