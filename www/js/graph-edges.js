// The network graph's edges, bias marks and neuron frames, on one canvas at the device's
// pixel ratio. Tens of thousands of SVG paths cost the browser a style, paint and raster
// pass each; here edges of one look (sign and width step) share a path, stroked once per
// few dozen edges, and only what changed is redrawn.
//
// The canvas is cut into vertical strips, one per gap between columns (its edges, the next
// column's bias marks, the frames' sides beside it), and the columns between them (the rest
// of the frames). A strip is redrawn when a parameter of its gap changes look, or the traced
// or highlighted neuron changes. Where nothing rasterises paths for it but the processor,
// 4,096 long edges take tens of milliseconds, so a paint stops after about BUDGET pixels of
// edges and the rest follows in the next animation frames, the traced neuron's strips first;
// and strips that changed only because training moved their weights are redrawn at no more
// than RATE pixels a second, which keeps a large network's training smooth while its edges
// follow a moment later.
//
// A graph taller than WHOLE is drawn only in a band around what is on screen (setView): the
// compositor copies a changed canvas whole every frame, and an 8 × 64 graph's 2,600 px of it
// cost a sixth of every frame; edges wholly outside the band are not drawn at all.

import { levelOf, STEPS } from './edge-style.js';

/** Opacity left to what a traced neuron does not touch. */
const FADED = 0.18;
/** Edges of one look are split into this many rounds (by their index), drawn in turn with
 * the other sign's, so that where thousands of edges overlap the two colours mix as they do
 * when every edge is drawn on its own, instead of the last sign covering the other. */
const ROUNDS = 8;
/** One bucket per look and round, faded ones first and each group from thin to bold, so
 * that the strongest edges stay on top: key = traced · 2⁹ + step · 2⁴ + round · 2 + sign. */
const KEYS = 1 << 10;
/** Up to this many edges in a gap, each is stroked on its own in the weights' order: cheap
 * at that size, and where edges cross or meet the later lies on top and overlaps deepen the
 * colour, exactly as when each edge was an element. */
const ONE_BY_ONE = 1000;
/** Edges per stroke: the processor's stroker slows down on paths of many crossing curves. */
const PER_STROKE = 64;
/** Pixels of edges that one paint rasterises at most (at least a strip, though): their
 * lengths in device pixels, WIDE times for edges wider than a device pixel, whose outlines
 * the stroker must build (thinner ones are drawn as hairlines). Measured in Chromium's
 * software rasteriser, where 4,096 hairlines some 900 px long take about 25 ms. */
const BUDGET = 2.5e6;
const WIDE = 5;
/** Pixels of edges, counted as for BUDGET, a second for strips redrawn because training
 * changed them. */
const RATE = 2e7;
/** Strip states: clean, changed by training (redrawn within RATE), or changed by the reader
 * or the layout (redrawn at once). */
const CLEAN = 0;
const CHANGED = 1;
const URGENT = 2;
/** How far outside its gap a strip reaches, in CSS pixels: the round caps of the widest edge
 * and the frames' sides on the left, the widest bias mark and its rim on the right. */
const STRIP = { left: 4, right: 7 };
/** Graphs up to this tall, in CSS pixels, are drawn whole: their canvas costs little, and a
 * reader scrolling past them never sees a band being filled in. */
const WHOLE = 1400;
/** How far a band reaches beyond the screen, as a share of the screen's height, so that
 * scrolling a little needs no redraw. */
const AHEAD = 0.5;
/** How far an edge's ink reaches beyond its curve: half the widest line, and its cap. */
const INK = 6;
const WIDTHS = STEPS.map((step) => Number(step.width));

export class EdgePainter {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.trace = null;
    this.highlights = [];
    this.colours = null;
    this.ratio = 0;
    this.next = 0;
    this.scheduled = 0;
    this.tokens = BUDGET;
    this.filled = 0;
    this.buckets = new Int32Array(KEYS + 1);
    this.gaps = [];
    this.gapDirty = new Uint8Array(0);
    this.columnDirty = new Uint8Array(0);
    this.band = [0, 0];
  }

  /** Takes the geometry of a new layout (from layoutGraph) and its edgeTable. */
  setLayout(layout, table) {
    this.layout = layout;
    this.gaps = table;
    // Levels in the weights' order, gap by gap; -1 until the first update.
    this.levels = table.map((gap) => new Int16Array(gap.y0.length).fill(-1));
    this.biasLevels = layout.nodes.slice(1).map((column) => new Int16Array(column.length).fill(-1));
    this.painted = this.levels.map((levels) => levels.slice());
    this.paintedBiases = this.biasLevels.map((levels) => levels.slice());
    this.keys = new Uint16Array(Math.max(0, ...table.map((gap) => gap.y0.length)));
    this.order = new Int32Array(this.keys.length);
    this.gapDirty = new Uint8Array(table.length);
    this.columnDirty = new Uint8Array(layout.nodes.length);
    this.band = [0, layout.height];
    this.ratio = 0;
  }

  /** The part of the graph on screen, from `top` to `bottom` in CSS pixels of the layout.
   * A tall graph's band moves to cover it (and is then redrawn) once the band no longer
   * does; returns whether it moved. */
  setView(top, bottom) {
    const { layout, band } = this;
    if (!layout || layout.height <= WHOLE || bottom <= top) return false;
    if (top >= band[0] && bottom <= band[1] && band[1] - band[0] < layout.height) return false;
    const ahead = AHEAD * (bottom - top);
    this.band = [Math.max(0, Math.floor(top - ahead)), Math.min(layout.height, Math.ceil(bottom + ahead))];
    this.ratio = 0;
    return true;
  }

  /** Reads a snapshot's `layers`; marks the strips whose parameters now look different. */
  update(layers) {
    for (const [l, { weights, biases }] of layers.entries()) {
      const levels = this.levels[l];
      let changed = false;
      let n = 0;
      for (const row of weights) {
        for (const w of row) {
          const level = levelOf(w);
          if (levels[n] !== level) {
            levels[n] = level;
            changed = true;
          }
          n++;
        }
      }
      const own = this.biasLevels[l];
      for (let i = 0; i < biases.length; i++) {
        const level = levelOf(biases[i]);
        if (own[i] !== level) {
          own[i] = level;
          changed = true;
        }
      }
      if (changed && this.gapDirty[l] === CLEAN) this.gapDirty[l] = CHANGED;
    }
  }

  /** Brings out one neuron's edges and bias ({ c, i }), or none (null). */
  setTrace(neuron) {
    if (neuron?.c === this.trace?.c && neuron?.i === this.trace?.i) return;
    this.trace = neuron ? { c: neuron.c, i: neuron.i } : null;
    this.gapDirty.fill(URGENT);
  }

  /** Frames drawn as hovered or focused ([{ c, i }]): here rather than over the canvas, so
   * that edges and bias marks stay on top of them. */
  setHighlights(neurons) {
    const same = neurons.length === this.highlights.length && neurons.every((n, j) => n.c === this.highlights[j].c && n.i === this.highlights[j].i);
    if (same) return;
    for (const { c } of [...this.highlights, ...neurons]) this.touchColumn(c);
    this.highlights = neurons.map(({ c, i }) => ({ c, i }));
  }

  /** A column's frames reach into the strips on either side. */
  touchColumn(c) {
    this.columnDirty[c] = 1;
    if (c > 0) this.gapDirty[c - 1] = URGENT;
    if (c < this.gaps.length) this.gapDirty[c] = URGENT;
  }

  /** `colours`: { negative, positive, paper, line, focus } as CSS colours. */
  setColours(colours) {
    if (this.colours && Object.keys(colours).every((key) => colours[key] === this.colours[key])) return;
    this.colours = colours;
    this.ratio = 0;
  }

  /** Marks one strip (`gap`), or everything, to be redrawn at once. */
  invalidate(gap = null) {
    if (gap === null) {
      this.gapDirty.fill(URGENT);
      this.columnDirty.fill(1);
    } else {
      this.gapDirty[gap] = URGENT;
    }
  }

  /** Whether anything waits to be drawn. */
  get pending() {
    return this.gapDirty.some(Boolean) || this.columnDirty.some(Boolean);
  }

  /** Draws what changed, within the budget; what is left is drawn in the next animation
   * frames. `ratio` is the device pixel ratio. */
  paint(ratio) {
    if (!this.colours || !this.layout) return;
    if (ratio !== this.ratio) this.resize(ratio);
    const { ctx, canvas, layout, gaps } = this;
    const [top, bottom] = this.band;
    const scale = [canvas.width / layout.width, canvas.height / (bottom - top)];
    // Strip and column bounds in whole device pixels, so that they tile without seams.
    const bounds = gaps.map((gap) => [Math.floor((gap.x0 - STRIP.left) * scale[0]), Math.ceil((gap.x1 + STRIP.right) * scale[0])]);
    const region = (left, right, draw) => {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.beginPath();
      ctx.rect(left, 0, right - left, canvas.height);
      ctx.clip();
      ctx.clearRect(left, 0, right - left, canvas.height);
      ctx.setTransform(scale[0], 0, 0, scale[1], 0, -top * scale[1]);
      draw();
      ctx.restore();
    };
    this.columnDirty.forEach((dirty, c) => {
      if (!dirty) return;
      this.columnDirty[c] = 0;
      region(c === 0 ? 0 : bounds[c - 1][1], c === gaps.length ? canvas.width : bounds[c][0], () => this.paintFrames([c]));
    });
    const now = performance.now();
    this.tokens = Math.min(BUDGET, this.tokens + ((now - this.filled) * RATE) / 1000);
    this.filled = now;
    let spent = 0;
    for (const g of this.paintOrder()) {
      const cost = this.cost(g, scale[0]);
      if (spent > 0 && spent + cost > BUDGET) break;
      // A strip that training changed waits until the rate allows it (or, larger than the
      // budget, until the budget is full).
      if (this.gapDirty[g] === CHANGED && this.tokens < Math.min(cost, BUDGET)) break;
      if (this.gapDirty[g] === CHANGED) this.tokens -= cost;
      spent += cost;
      this.gapDirty[g] = CLEAN;
      region(...bounds[g], () => {
        this.paintFrames([g, g + 1]);
        this.paintEdges(g);
        this.paintBiases(g);
      });
      this.painted[g].set(this.levels[g]);
      this.paintedBiases[g].set(this.biasLevels[g]);
      this.next = (g + 1) % gaps.length;
    }
    if (this.pending && !this.scheduled) {
      this.scheduled = requestAnimationFrame(() => {
        this.scheduled = 0;
        this.paint(this.ratio);
      });
    }
  }

  /** Dirty strips: the reader's first (the traced neuron's foremost), then the training's,
   * each round from where the last paint stopped so that every strip gets its turn. */
  paintOrder() {
    const { gapDirty, trace } = this;
    const count = gapDirty.length;
    const round = Array.from({ length: count }, (_, j) => (this.next + j) % count);
    const traced = trace ? [trace.c - 1, trace.c].filter((g) => gapDirty[g] === URGENT) : [];
    return [
      ...traced,
      ...round.filter((g) => gapDirty[g] === URGENT && !traced.includes(g)),
      ...round.filter((g) => gapDirty[g] === CHANGED),
    ];
  }

  /** Whether edge n of gap g has ink in the band. */
  inBand(g, n) {
    const { y0, y1 } = this.gaps[g];
    const [top, bottom] = this.band;
    return Math.max(y0[n], y1[n]) + INK >= top && Math.min(y0[n], y1[n]) - INK <= bottom;
  }

  /** A strip's edges in pixels, as BUDGET counts them. */
  cost(g, scale) {
    const { y0, y1, x0, x1 } = this.gaps[g];
    const levels = this.levels[g];
    let total = 0;
    for (let n = 0; n < levels.length; n++) {
      if (!this.inBand(g, n)) continue;
      const wide = WIDTHS[levels[n] & 0xff] * scale > 1;
      total += (Math.abs(y1[n] - y0[n]) + x1 - x0) * scale * (wide ? WIDE : 1);
    }
    return total;
  }

  resize(ratio) {
    const { canvas, layout } = this;
    this.ratio = ratio;
    const [top, bottom] = this.band;
    const width = Math.max(1, Math.round(layout.width * ratio));
    const height = Math.max(1, Math.round((bottom - top) * ratio));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    canvas.style.width = `${layout.width}px`;
    canvas.style.height = `${bottom - top}px`;
    canvas.style.top = `${top}px`;
    this.invalidate();
  }

  /** The frames of some columns, the highlighted ones wide and in the focus colour. */
  paintFrames(columns) {
    const { ctx, layout, colours } = this;
    const { nodes, thumb } = layout;
    ctx.globalAlpha = 1;
    ctx.strokeStyle = colours.line;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const c of columns) for (const { x, y } of nodes[c] ?? []) ctx.rect(x - 0.5, y - 0.5, thumb + 1, thumb + 1);
    ctx.stroke();
    ctx.strokeStyle = colours.focus;
    ctx.lineWidth = 3;
    for (const { c, i } of this.highlights) {
      if (!columns.includes(c) || !nodes[c]?.[i]) continue;
      const { x, y } = nodes[c][i];
      ctx.strokeRect(x - 0.5, y - 0.5, thumb + 1, thumb + 1);
    }
  }

  /** Whether w[g][i][k] belongs to the traced neuron. */
  traced(g, i, k) {
    const { trace } = this;
    return !!trace && ((g === trace.c - 1 && i === trace.i) || (g === trace.c && k === trace.i));
  }

  /** One gap's edges: sorted by look (a counting sort), then one path per look and per
   * PER_STROKE edges; a small gap's one by one in order instead. */
  paintEdges(g) {
    const { ctx, keys, order, buckets, colours } = this;
    const { x0, x1, y0, y1, nIn } = this.gaps[g];
    const levels = this.levels[g];
    const c = (x1 - x0) / 2;
    const curve = (n) => {
      ctx.moveTo(x0, y0[n]);
      ctx.bezierCurveTo(x0 + c, y0[n], x1 - c, y1[n], x1, y1[n]);
    };
    const look = (key) => {
      const step = STEPS[(key >> 4) & 0x1f];
      ctx.strokeStyle = key & 1 ? colours.negative : colours.positive;
      ctx.lineWidth = Number(step.width);
      ctx.globalAlpha = Number(step.opacity) * (this.trace && !(key >> 9) ? FADED : 1);
    };
    ctx.lineCap = 'round';
    buckets.fill(0);
    // Edges outside the band get the key KEYS, which no round of drawing reaches.
    for (let n = 0; n < levels.length; n++) {
      if (!this.inBand(g, n)) {
        keys[n] = KEYS;
        continue;
      }
      const level = levels[n];
      const key = (this.traced(g, Math.floor(n / nIn), n % nIn) ? 1 << 9 : 0) | ((level & 0xff) << 4) | ((n % ROUNDS) << 1) | (level >> 8);
      keys[n] = key;
      buckets[key + 1]++;
    }
    if (levels.length <= ONE_BY_ONE) {
      for (let n = 0; n < levels.length; n++) {
        if (keys[n] === KEYS) continue;
        look(keys[n]);
        ctx.beginPath();
        curve(n);
        ctx.stroke();
      }
      return;
    }
    for (let key = 0; key < KEYS; key++) buckets[key + 1] += buckets[key];
    const next = buckets.slice(0, KEYS);
    for (let n = 0; n < levels.length; n++) if (keys[n] !== KEYS) order[next[keys[n]]++] = n;
    for (let key = 0; key < KEYS; key++) {
      if (buckets[key] === buckets[key + 1]) continue;
      look(key);
      for (let from = buckets[key]; from < buckets[key + 1]; from += PER_STROKE) {
        ctx.beginPath();
        for (let m = from; m < Math.min(from + PER_STROKE, buckets[key + 1]); m++) curve(order[m]);
        ctx.stroke();
      }
    }
  }

  /** The bias marks of column g + 1: squares centred on the thumbnails' lower-left corners,
   * with a rim of the panel's colour that keeps each apart from its thumbnail. */
  paintBiases(g) {
    const { ctx, layout, colours, trace } = this;
    const { nodes, thumb } = layout;
    const own = (i) => !trace || (g === trace.c - 1 && i === trace.i);
    ctx.lineWidth = 1;
    ctx.strokeStyle = colours.paper;
    const marks = Array.from(this.biasLevels[g], (level, i) => ({ i, level }));
    // Faded marks first, so that the traced one is never under a neighbour.
    for (const { i, level } of [...marks.filter((m) => !own(m.i)), ...marks.filter((m) => own(m.i))]) {
      const step = STEPS[level & 0xff];
      const fade = own(i) ? 1 : FADED;
      const { x, y } = nodes[g + 1][i];
      const [cx, cy, side] = [x - 1, y + thumb + 1, step.side];
      ctx.globalAlpha = Number(step.opacity) * fade;
      ctx.fillStyle = level >> 8 ? colours.negative : colours.positive;
      ctx.fillRect(cx - side / 2, cy - side / 2, side, side);
      ctx.globalAlpha = fade;
      ctx.strokeRect(cx - side / 2, cy - side / 2, side, side);
    }
  }

  /** Every weight and bias as the canvas shows it: { kind, l, i, k, negative, width,
   * opacity }, for tests. */
  drawn() {
    const look = (level, own) => {
      const step = STEPS[level & 0xff];
      return { negative: level >> 8 === 1, width: Number(step.width), opacity: Number(step.opacity) * (own ? 1 : FADED) };
    };
    const { trace } = this;
    return this.gaps.flatMap(({ nIn }, g) => [
      ...Array.from(this.painted[g], (level, n) => {
        const [i, k] = [Math.floor(n / nIn), n % nIn];
        return { kind: 'edge', l: g, i, k, ...look(level, !trace || this.traced(g, i, k)) };
      }),
      ...Array.from(this.paintedBiases[g], (level, i) => ({ kind: 'bias', l: g, i, ...look(level, !trace || (g === trace.c - 1 && i === trace.i)) })),
    ]);
  }
}
