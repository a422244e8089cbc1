// The network graph during a slow-motion step: a canvas over the graph's stage that veils
// the layers not yet computed, sends a pulse along each edge as its layer is computed (as
// large as what the edge carries), and frames each neuron in the colour of its error signal
// on the way back. The edges themselves are recoloured by the graph's own painter
// (`NetworkGraph.showLayers`), in its colour language.

import { curveParameter, curveX, curveY } from './graph-layout.js';
import { fitCanvas } from './canvas.js';
import { partOnScreen } from './graph-view.js';

/** Pulses drawn per gap at most, the strongest: beyond that they are a blur. */
const PULSES = 500;
/** The veil over what the step has not reached yet. */
const VEIL = 'rgba(255, 255, 255, 0.72)';

export class GraphPhase {
  constructor(graph) {
    this.graph = graph;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'phase-graph';
    this.canvas.setAttribute('aria-hidden', 'true');
    graph.stage.insertBefore(this.canvas, graph.neurons.element);
    this.colours = { negative: '#f59322', positive: '#0877bd', focus: '#1f2328' };
    const style = getComputedStyle(graph.container);
    for (const [key, name] of [['negative', '--class0'], ['positive', '--class1'], ['focus', '--graph-focus']]) {
      const value = style.getPropertyValue(name).trim();
      if (value) this.colours[key] = value;
    }
  }

  /** Clears the canvas and places it over the part of the stage on screen (a whole 8 × 64
   * graph's canvas would cost every frame a copy of 2,600 px of it); returns the context,
   * in the stage's CSS pixels. */
  begin() {
    const { canvas, graph } = this;
    const { width } = graph.geometry;
    const { top, bottom } = partOnScreen(graph.stage);
    canvas.style.top = `${top}px`;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${Math.max(1, bottom - top)}px`;
    const ratio = fitCanvas(canvas);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, -top * ratio);
    return ctx;
  }

  /** Forward: columns up to `reached` are computed, the pulse of gap `reached` (if any) is
   * `across` (0 to 1) of the way; `flows[l].w` are what each edge carries. */
  forward({ reached, across, flows, weights }) {
    const ctx = this.begin();
    const { nodes, thumb } = this.graph.geometry;
    // The graph may have been laid out for another network since the step began.
    if (nodes.length !== flows.length + 1 || !(reached >= 0)) return;
    const computed = Math.min(reached + (across >= 1 ? 1 : 0), nodes.length - 1);
    this.veilColumns(ctx, (c) => c > computed);
    // The column just computed stands out.
    ctx.strokeStyle = this.colours.focus;
    ctx.lineWidth = 2.5;
    for (const { x, y } of nodes[computed]) ctx.strokeRect(x - 2, y - 2, thumb + 4, thumb + 4);
    if (reached >= flows.length || across <= 0 || across >= 1) return;
    const gap = this.graph.table[reached];
    const rows = flows[reached].w;
    const t = curveParameter(across);
    const [fx, fy] = [curveX(t), curveY(t)];
    // Each gap's strongest edges, found once a step rather than every frame.
    this.strongest ??= new Map();
    if (!this.strongest.has(reached)) this.strongest.set(reached, topEdges(rows, PULSES));
    const strongest = this.strongest.get(reached);
    const largest = strongest.length ? strongest[0].value : 0;
    for (const { n, value } of strongest) {
      if (!(value > 0)) break;
      const [i, k] = [Math.floor(n / gap.nIn), n % gap.nIn];
      const x = gap.x0 + fx * (gap.x1 - gap.x0);
      const y = gap.y0[n] + fy * (gap.y1[n] - gap.y0[n]);
      ctx.globalAlpha = 0.35 + 0.65 * (value / largest);
      ctx.fillStyle = weights[reached][i][k] < 0 ? this.colours.negative : this.colours.positive;
      ctx.beginPath();
      ctx.arc(x, y, 1.5 + 5 * Math.sqrt(value / largest), 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  /** Backward: columns from `reached` on (right to left) carry their error signals. */
  backward({ reached, signals }) {
    const ctx = this.begin();
    const { nodes, thumb } = this.graph.geometry;
    if (nodes.length !== signals.length + 1) return;
    const largest = signals.flat().reduce((m, v) => Math.max(m, Math.abs(v)), 1e-300);
    for (let l = signals.length - 1; l >= 0; l--) {
      const c = l + 1;
      if (c < reached) continue;
      signals[l].forEach((signal, i) => {
        const { x, y } = nodes[c][i];
        ctx.globalAlpha = 0.3 + 0.7 * Math.min(1, Math.abs(signal) / largest);
        ctx.strokeStyle = signal < 0 ? this.colours.negative : this.colours.positive;
        ctx.lineWidth = 2 + 4 * Math.sqrt(Math.abs(signal) / largest);
        ctx.strokeRect(x - 3, y - 3, thumb + 6, thumb + 6);
      });
    }
    ctx.globalAlpha = 1;
  }

  clear() {
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  remove() {
    this.canvas.remove();
  }

  /** A veil over the columns `hidden(c)` says are not reached, and the gaps into them. */
  veilColumns(ctx, hidden) {
    const { nodes, thumb, height } = this.graph.geometry;
    ctx.fillStyle = VEIL;
    for (let c = 0; c < nodes.length; c++) {
      if (!hidden(c)) continue;
      const left = c === 0 ? 0 : nodes[c - 1][0].x + thumb + 1;
      const right = c === nodes.length - 1 ? this.graph.geometry.width : nodes[c][0].x + thumb + 3;
      ctx.fillRect(left, 0, right - left, height);
    }
  }
}

/** The `count` largest of rows' values, as { n, value } in the weights' row-major order
 * index, largest first. */
function topEdges(rows, count) {
  const all = rows.flatMap((row, i) => row.map((value, k) => ({ n: i * row.length + k, value })));
  all.sort((a, b) => b.value - a.value);
  return all.slice(0, count);
}
