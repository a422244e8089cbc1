// The cost chart: train cost (solid) and test cost (dashed) against iteration over the whole
// run, and accuracy, lighter, on a right axis. The history arrives from wasm as one min/max
// bucket per device-pixel column, read in place, so a frame costs O(width · log n) however
// long the run. Each series is a translucent band from min to max, visible where values swing
// within a column (mini-batches, oscillation), under a line through its middle.

import { fitCanvas, textScale } from './canvas.js';
import { CHART_COLOURS } from './palette.js';
import { formatIteration, formatTick, linearTicks, logTicks, scale } from './ticks.js';

const FONT_PX = 11;
const SCORE_TICKS = [0, 0.25, 0.5, 0.75, 1];
const BAND_ALPHA = 0.3;
const SCORE_ALPHA = 0.4;
/** A row of the key, in font sizes. */
const LEGEND_LINE = 1.3;

/**
 * The envelope [min0, max0, min1, max1, …] in pixels through `y`, into `out`: where only one
 * end of a bucket has a place (a log scale has none for 0), both ends take it; where neither
 * has, both are NaN, and the tracers skip the bucket.
 */
export function project(envelope, y, out = new Float64Array(envelope.length)) {
  for (let i = 0; i + 1 < envelope.length; i += 2) {
    const low = y(envelope[i]);
    const high = y(envelope[i + 1]);
    out[i] = Number.isFinite(low) ? low : high;
    out[i + 1] = Number.isFinite(high) ? high : low;
    if (!Number.isFinite(out[i])) out[i] = out[i + 1] = NaN;
  }
  return out;
}

/** Outlines the band between the buckets' two ends (bucket b at x = left + b + 0.5): the
 * first ends forwards, the second ends back. Returns the number of buckets traced. */
export function traceBand(path, pixels, left) {
  let drawn = 0;
  for (let i = 0; i + 1 < pixels.length; i += 2) {
    if (Number.isNaN(pixels[i])) continue;
    const x = left + i / 2 + 0.5;
    if (drawn++ === 0) path.moveTo(x, pixels[i + 1]);
    else path.lineTo(x, pixels[i + 1]);
  }
  for (let i = pixels.length - 2; i >= 0; i -= 2) {
    if (!Number.isNaN(pixels[i])) path.lineTo(left + i / 2 + 0.5, pixels[i]);
  }
  return drawn;
}

/** Traces a line through the middle of each bucket, running on across empty ones. Returns
 * the number of buckets traced. */
export function traceMiddle(path, pixels, left) {
  let drawn = 0;
  for (let i = 0; i + 1 < pixels.length; i += 2) {
    if (Number.isNaN(pixels[i])) continue;
    const x = left + i / 2 + 0.5;
    const y = (pixels[i] + pixels[i + 1]) / 2;
    if (drawn++ === 0) path.moveTo(x, y);
    else path.lineTo(x, y);
  }
  return drawn;
}

export class CostChart {
  /** `options.memory` is the wasm memory that `envelopePtr()` points into;
   * `options.pixelRatio` overrides the device pixel ratio. */
  constructor(canvas, { memory, pixelRatio } = {}) {
    if (!memory) throw new Error('CostChart needs the wasm memory');
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.memory = memory;
    this.pixelRatio = pixelRatio;
  }

  fit() {
    return fitCanvas(this.canvas, this.pixelRatio ?? (window.devicePixelRatio || 1));
  }

  /** The envelope of `column` in `buckets` spans of [from, to], as a fresh view: any call
   * into wasm may grow its memory and detach an older one. */
  envelope(playground, column, from, to, buckets) {
    const length = playground.computeEnvelope(column, from, to, buckets);
    return new Float64Array(this.memory.buffer, playground.envelopePtr(), length);
  }

  /** The smallest and largest finite value of the columns over [from, to], or null. */
  extent(playground, columns, from, to) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const column of columns) {
      const [min, max] = this.envelope(playground, column, from, to, 1);
      if (Number.isFinite(min)) lo = Math.min(lo, min);
      if (Number.isFinite(max)) hi = Math.max(hi, max);
    }
    return lo <= hi ? [lo, hi] : null;
  }

  /** Redraws the whole run. `cursorIteration` (if given) draws a vertical line there;
   * `showScore` adds accuracy on a right axis when the score is an accuracy; `until` draws
   * the lines only as far as that iteration; `empty` draws the axes alone, with nothing under
   * the pointer to read (a cleared plot's). */
  draw(playground, { cursorIteration = null, logScale = false, showTest = true, showScore = true, until = null, empty = false } = {}) {
    const ratio = this.fit();
    const { ctx, canvas } = this;
    const n = playground.historyLength();
    const first = n > 0 ? playground.historyIteration(0) : 0;
    const last = Math.max(first + 1, n > 0 ? playground.historyIteration(n - 1) : 1);
    const test = showTest && playground.historyHasTest();
    const score = showScore && n > 0 && playground.historyScoreName() === 'accuracy';
    const costs = test ? ['trainCost', 'testCost'] : ['trainCost'];

    // Layout, in device pixels.
    const font = FONT_PX * ratio * textScale(canvas);
    const gap = 4 * ratio;
    const pad = 6 * ratio;
    const bottom = Math.ceil(gap + font + gap + font + pad);
    const [lo, hi] = this.extent(playground, costs, first, last) ?? [logScale ? 0.1 : 0, 1];
    ctx.font = `${font}px system-ui`;
    const widest = (labels) => Math.max(0, ...labels.map((l) => ctx.measureText(l).width));
    const key = legendEntries({ test, score });
    // The key's rows set the plot's top, whose height sets the ticks, whose labels set the
    // plot's left, where the key begins: a key that wraps lays the plot out a second time.
    // The axes' titles go where they would leave the curves less room than the axes take (a
    // narrow chart, as presenter mode's on a 1024-wide projector): the key still names the
    // lines, and the accuracy's ticks say "%".
    const layOut = (titles) => {
      const title = titles ? font + gap : 0;
      // The key ends where the plot does, clear of the accuracy's labels beside it.
      const right = Math.ceil(score ? gap + widest(['100 %']) + gap + title + pad : pad + widest([formatIteration(last)]) / 2);
      let rows = 1;
      for (;;) {
        const top = Math.ceil(pad + font + (rows - 1) * LEGEND_LINE * font + gap);
        // As many ticks as fit the height with a line of space between their labels, so that
        // labels never collide however small the chart (an animation's frame).
        const room = Math.max(2, Math.floor((canvas.height - top - bottom) / (2.2 * font)) + 1);
        const y = logScale
          ? logTicks(lo > 0 ? lo : Math.max(hi, 1e-12) * 1e-3, Math.max(hi, 1e-12))
          : linearTicks(Math.min(0, lo), hi, Math.min(5, room));
        const yLabels = y.ticks.map((t) => formatTick(t, y.step ?? t));
        const left = Math.ceil(pad + title + widest(yLabels) + gap);
        const legend = this.placeLegend(key, left, canvas.width - right, pad + font / 2, font * LEGEND_LINE, ratio);
        if (legend.rows === rows || rows > 1) return { titles, right, top, room, y, yLabels, left, legend };
        rows = legend.rows;
      }
    };
    let layout = layOut(true);
    if (canvas.width - layout.left - layout.right < layout.left + layout.right) layout = layOut(false);
    const { titles, right, top, room, y, yLabels, left, legend } = layout;
    this.scoreTicks = room >= 5 ? SCORE_TICKS : room >= 3 ? [0, 0.5, 1] : [0, 1];
    const width = Math.max(1, Math.floor(canvas.width - left - right));
    const height = Math.max(1, canvas.height - top - bottom);
    const yOf = scale(y.lo, y.hi, top + height, top, logScale);
    const xOf = scale(first, last, left, left + width);

    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.lineJoin = 'round';
    const x = linearTicks(first, last, Math.max(2, Math.floor(width / (70 * ratio))));
    const xTicks = x.ticks.filter((t) => t >= first && t <= last && Number.isInteger(t));
    this.axes({ left, top, width, height, ratio, font, gap, xTicks, xOf, yTicks: y.ticks, yLabels, yOf, score, titles });

    if (empty) {
      this.legend(legend.placed, ratio);
      this.geometry = null;
      return;
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(left - pad, top - pad, width + 2 * pad, height + 2 * pad);
    ctx.clip();
    // Up to `until` (an animation's frame), on the axes of the whole run: the curve grows.
    const upTo = until == null ? last : Math.max(first, Math.min(last, until));
    const range = [first, upTo, Math.max(1, Math.round((width * (upTo - first)) / Math.max(1, last - first))), left];
    if (score) {
      const scoreOf = scale(0, 1, top + height, top);
      ctx.lineWidth = ratio;
      this.series(playground, 'trainScore', range, scoreOf, CHART_COLOURS.train, false, SCORE_ALPHA);
      if (test) this.series(playground, 'testScore', range, scoreOf, CHART_COLOURS.test, true, SCORE_ALPHA);
    }
    ctx.lineWidth = 1.5 * ratio;
    this.series(playground, 'trainCost', range, yOf, CHART_COLOURS.train, false, 1);
    if (test) this.series(playground, 'testCost', range, yOf, CHART_COLOURS.test, true, 1);
    ctx.restore();

    if (cursorIteration != null && cursorIteration >= first && cursorIteration <= last) {
      const hairline = Math.max(1, Math.round(ratio));
      const cx = Math.round(xOf(cursorIteration)) + (hairline % 2) / 2;
      ctx.strokeStyle = CHART_COLOURS.axes;
      ctx.lineWidth = hairline;
      ctx.beginPath();
      ctx.moveTo(cx, top);
      ctx.lineTo(cx, top + height);
      ctx.stroke();
    }
    this.legend(legend.placed, ratio);
    // Where iterations lie, for a readout under the pointer (chart-readout.js).
    this.geometry = { first, last, left: left / ratio, width: width / ratio, top: top / ratio };
  }

  /** The iteration under a point `x` CSS pixels from the canvas's left edge: over the axes
   * beside the plotting area, its first or last. */
  iterationAt(x) {
    const g = this.geometry;
    if (!g) return null;
    const share = Math.min(1, Math.max(0, (x - g.left) / g.width));
    return Math.round(g.first + share * (g.last - g.first));
  }

  series(playground, column, [from, to, buckets, left], y, colour, dashed, alpha) {
    const { ctx } = this;
    const envelope = this.envelope(playground, column, from, to, buckets);
    if (this.pixels?.length !== envelope.length) this.pixels = new Float64Array(envelope.length);
    const pixels = project(envelope, y, this.pixels);
    ctx.fillStyle = colour;
    ctx.globalAlpha = alpha * BAND_ALPHA;
    ctx.beginPath();
    traceBand(ctx, pixels, left);
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.globalAlpha = alpha;
    ctx.setLineDash(dashed ? [4 * ctx.lineWidth, 3 * ctx.lineWidth] : []);
    ctx.beginPath();
    const drawn = traceMiddle(ctx, pixels, left);
    ctx.stroke();
    ctx.setLineDash([]);
    if (drawn === 1) {
      // A lone record (a run just started) is a line of no length: show it as a dot.
      const i = pixels.findIndex((v) => !Number.isNaN(v));
      ctx.beginPath();
      ctx.arc(left + i / 2 + 0.5, (pixels[i] + pixels[i + 1]) / 2, ctx.lineWidth, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  axes({ left, top, width, height, ratio, font, gap, xTicks, xOf, yTicks, yLabels, yOf, score, titles }) {
    const { ctx } = this;
    const bottom = top + height;
    // Whole device pixels wide, centred where they cover whole pixels: sharp lines.
    const hairline = Math.max(1, Math.round(ratio));
    const crisp = (v) => Math.round(v) + (hairline % 2) / 2;
    ctx.lineWidth = hairline;
    ctx.strokeStyle = CHART_COLOURS.axes;
    ctx.fillStyle = CHART_COLOURS.axes;

    // Faint grid lines at the cost ticks, then the axes and their tick marks.
    ctx.globalAlpha = 0.15;
    ctx.beginPath();
    for (const t of yTicks) {
      ctx.moveTo(left, crisp(yOf(t)));
      ctx.lineTo(left + width, crisp(yOf(t)));
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.beginPath();
    ctx.moveTo(crisp(left), top);
    ctx.lineTo(crisp(left), crisp(bottom));
    ctx.lineTo(left + width, crisp(bottom));
    for (const t of yTicks) {
      ctx.moveTo(left - gap, crisp(yOf(t)));
      ctx.lineTo(left, crisp(yOf(t)));
    }
    for (const t of xTicks) {
      ctx.moveTo(crisp(xOf(t)), bottom);
      ctx.lineTo(crisp(xOf(t)), bottom + gap);
    }
    if (score) {
      ctx.moveTo(crisp(left + width), top);
      ctx.lineTo(crisp(left + width), crisp(bottom));
      for (const s of this.scoreTicks) {
        ctx.moveTo(left + width, crisp(top + height * (1 - s)));
        ctx.lineTo(left + width + gap, crisp(top + height * (1 - s)));
      }
    }
    ctx.stroke();

    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    yTicks.forEach((t, i) => ctx.fillText(yLabels[i], left - 2 * gap, yOf(t)));
    ctx.textBaseline = 'top';
    ctx.textAlign = 'center';
    for (const t of xTicks) ctx.fillText(formatIteration(t), xOf(t), bottom + 2 * gap);
    ctx.fillText('iteration', left + width / 2, bottom + 3 * gap + font);
    if (titles) this.verticalTitle('cost', gap, top + height / 2);
    if (score) {
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      for (const s of this.scoreTicks) ctx.fillText(`${100 * s} %`, left + width + 2 * gap, top + height * (1 - s));
      if (titles) this.verticalTitle('accuracy', left + width + 3 * gap + ctx.measureText('100 %').width, top + height / 2);
    }
    ctx.textAlign = 'start';
    ctx.textBaseline = 'alphabetic';
  }

  /** An axis title reading upwards, its top edge at `x`. */
  verticalTitle(text, x, y) {
    const { ctx } = this;
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(text, 0, 0);
    ctx.restore();
  }

  /** Where each entry of the key goes: along a row from `from`, onto the next row where one
   * would pass `to` (a narrow chart, as presenter mode's on a 1024-wide projector). */
  placeLegend(entries, from, to, firstY, lineHeight, ratio) {
    const sample = 16 * ratio;
    const placed = [];
    let x = from;
    let y = firstY;
    for (const entry of entries) {
      const width = sample + 4 * ratio + this.ctx.measureText(entry[0]).width;
      if (x > from && x + width > to) {
        x = from;
        y += lineHeight;
      }
      placed.push({ entry, x, y });
      x += width + 12 * ratio;
    }
    return { placed, rows: Math.round((y - firstY) / lineHeight) + 1 };
  }

  legend(placed, ratio) {
    const { ctx } = this;
    const sample = 16 * ratio;
    ctx.textBaseline = 'middle';
    for (const { entry: [label, colour, dashed, width, alpha], x, y } of placed) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = width * ratio;
      ctx.globalAlpha = alpha;
      ctx.setLineDash(dashed ? [4 * ratio, 3 * ratio] : []);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + sample, y);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = CHART_COLOURS.axes;
      ctx.fillText(label, x + sample + 4 * ratio, y);
    }
    ctx.setLineDash([]);
    ctx.textBaseline = 'alphabetic';
  }
}

/** The key: an entry for every line drawn, [label, colour, dashed, line width, alpha], the
 * costs bold, the accuracies faint, the test set's dashed. */
function legendEntries({ test, score }) {
  return [
    ['cost', CHART_COLOURS.train, false, 1.5, 1],
    ...(score ? [['accuracy', CHART_COLOURS.train, false, 1, SCORE_ALPHA]] : []),
    ...(test ? [['test cost', CHART_COLOURS.test, true, 1.5, 1]] : []),
    ...(test && score ? [['test accuracy', CHART_COLOURS.test, true, 1, SCORE_ALPHA]] : []),
  ];
}
