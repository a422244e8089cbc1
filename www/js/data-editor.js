// The reader's own data. In the edit mode (setEditing): click the plot to add a point of the
// chosen class, drag to paint, right-click (or press and hold on a touch screen) and drag to
// erase, clear all. Always: a click on a point chooses it (for the live maths); outside the
// mode nothing else a pointer does touches the data, and touch scrolls the page. The editor
// keeps the points; every change asks the page for a new run on them.

import { CLASS_COLOURS } from './palette.js';
import { valueRange } from './data-view.js';

/** CSS pixels between two painted points, and the eraser's radius. */
const PAINT_STEP = 10;
const ERASE_RADIUS = 10;
/** A click this close to a point, in CSS pixels, chooses it rather than adding one. */
const SELECT_RADIUS = 6;
/** A touch held this long without moving erases. */
const LONG_PRESS_MS = 500;
/** While a stroke goes on, the run is rebuilt at most this often. */
const REBUILD_MS = 120;

export class DataEditor {
  /**
   * `plot` is the element over which points are placed; `picker` holds the class choice;
   * `onEdit({ points, labels, classes })` asks for a run on the new points; `onBegin()` comes
   * before the first change of a stroke or a Clear (an edit to undo as one); `onSelect({ x1,
   * x2, y })` tells of a point clicked; `onPick()` of a class chosen for new points.
   */
  constructor(plot, picker, { onEdit, onBegin = () => {}, onSelect = () => {}, onPick = () => {} }) {
    this.plot = plot;
    this.picker = picker;
    this.onEdit = onEdit;
    this.onBegin = onBegin;
    this.onSelect = onSelect;
    this.onPick = onPick;
    this.editing = false;
    this.points = [];
    this.labels = [];
    this.classes = 2;
    this.bounds = [-1, 1, -1, 1];
    this.label = 0;
    // The class last picked for each kind of task (by its number of classes, 0 for
    // regression): a regression in between (a data set tried, then undone) does not lose it.
    this.picked = new Map();
    this.stroke = null;
    this.rebuildAt = 0;
    plot.addEventListener('pointerdown', (event) => this.down(event));
    plot.addEventListener('pointermove', (event) => this.move(event));
    plot.addEventListener('pointerup', () => this.up());
    plot.addEventListener('pointercancel', () => this.up());
    plot.addEventListener('contextmenu', (event) => this.editing && event.preventDefault());
  }

  /** In the edit mode the plot takes every pointer; outside it, only clicks on points. */
  setEditing(on) {
    this.editing = on;
    this.plot.classList.toggle('editing', on);
  }

  /** Takes the data of a new run: x1, x2 pairs, labels, classes (0: regression), bounds. */
  load(points, labels, classes, bounds) {
    // Kept as they come until an edit needs them as pairs: a big file's 100,000 pairs cost a
    // long task that a reader who only watches never needs.
    this.loaded = { points, labels };
    this.bounds = Array.from(bounds);
    this.showClasses(classes, classes === 0 ? valueRange(labels) : null);
  }

  /** The class choice for new points of a task with `classes` (0: regression, whose values
   * span `range`, as its colours do). */
  showClasses(classes, range = [-1, 1]) {
    const same = classes === this.classes && (classes !== 0 || String(range) === String(this.range));
    if (same && this.picker.childElementCount) return;
    this.classes = classes;
    this.range = range ?? [-1, 1];
    this.buildPicker();
  }

  get points() {
    this.unpack();
    return this.pairs;
  }

  set points(pairs) {
    this.loaded = null;
    this.pairs = pairs;
  }

  get labels() {
    this.unpack();
    return this.values;
  }

  set labels(values) {
    this.unpack();
    this.values = values;
  }

  unpack() {
    if (!this.loaded) return;
    const { points, labels } = this.loaded;
    this.loaded = null;
    this.pairs = Array.from({ length: labels.length }, (_, i) => [points[2 * i], points[2 * i + 1]]);
    this.values = Array.from(labels);
  }

  /** The labels a new point can take: the classes, or for regression the lowest, middle and
   * highest values its colours span (−1, 0 and 1 for the generated data sets). */
  choices() {
    const [lo, hi] = this.range;
    return this.classes === 0 ? [lo, (lo + hi) / 2, hi] : Array.from({ length: this.classes }, (_, c) => c);
  }

  buildPicker() {
    const choices = this.choices();
    const picked = this.picked.get(this.classes);
    if (choices.includes(picked)) this.label = picked;
    else if (!choices.includes(this.label)) this.label = choices[0];
    this.picker.replaceChildren(...choices.map((value) => {
      const id = `new-point-${String(value).replace('-', 'minus')}`;
      const input = document.createElement('input');
      Object.assign(input, { type: 'radio', name: 'new-point', id, value: String(value), checked: value === this.label });
      input.addEventListener('change', () => {
        this.label = value;
        this.picked.set(this.classes, value);
        this.onPick();
      });
      const label = document.createElement('label');
      label.htmlFor = id;
      label.className = 'pick';
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      const [lo, hi] = this.range;
      swatch.style.background = this.classes === 0 ? (value === lo ? CLASS_COLOURS[0] : value === hi ? CLASS_COLOURS[1] : MIDDLE_SWATCH) : CLASS_COLOURS[value];
      label.append(input, swatch, this.classes === 0 ? valueText(value) : String(value));
      return label;
    }));
  }

  /** Plane coordinates of a pointer event. */
  at(event) {
    const box = this.plot.getBoundingClientRect();
    const [x1Min, x1Max, x2Min, x2Max] = this.bounds;
    return {
      point: [x1Min + ((event.clientX - box.left) / box.width) * (x1Max - x1Min), x2Max - ((event.clientY - box.top) / box.height) * (x2Max - x2Min)],
      css: [event.clientX, event.clientY],
      scale: (x1Max - x1Min) / box.width,
    };
  }

  down(event) {
    if (event.button !== 0 && event.button !== 2) return;
    if (!this.editing) {
      // Outside the edit mode a point may be chosen; nothing else, and the page scrolls.
      const near = event.button === 0 ? this.nearest(this.at(event)) : -1;
      if (near >= 0) this.stroke = { select: near, last: this.at(event).css, moved: false, timer: null, choosing: true };
      return;
    }
    event.preventDefault();
    this.begun = false;
    try {
      this.plot.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks: the stroke works without capture.
    }
    const where = this.at(event);
    const erase = event.button === 2;
    this.stroke = { erase, last: where.css, moved: false, timer: null };
    const near = erase ? -1 : this.nearest(where);
    const stroke = this.stroke;
    if (near >= 0) {
      // A point under the pointer: chosen on release, unless the pointer moves on to paint.
      stroke.select = near;
      stroke.pending = where;
    } else if (erase) {
      this.erase(where);
    } else if (event.pointerType === 'touch') {
      // A touch adds when lifted or moved; held still, it erases instead.
      stroke.pending = where;
    } else {
      this.add(where);
    }
    if (event.pointerType === 'touch' && !erase) {
      stroke.timer = setTimeout(() => {
        if (this.stroke === stroke && !stroke.moved) {
          stroke.erase = true;
          stroke.pending = null;
          stroke.select = undefined;
          this.erase(where);
        }
      }, LONG_PRESS_MS);
    }
  }

  move(event) {
    const stroke = this.stroke;
    if (!stroke) return;
    if (stroke.choosing) {
      // A drag that starts on a point outside the edit mode is no click on it.
      const where = this.at(event).css;
      if (Math.hypot(where[0] - stroke.last[0], where[1] - stroke.last[1]) >= PAINT_STEP) this.stroke = null;
      return;
    }
    const where = this.at(event);
    const distance = Math.hypot(where.css[0] - stroke.last[0], where.css[1] - stroke.last[1]);
    if (distance < PAINT_STEP) return;
    stroke.moved = true;
    stroke.select = undefined;
    if (stroke.pending) {
      this.add(stroke.pending);
      stroke.pending = null;
    }
    stroke.last = where.css;
    if (stroke.erase) this.erase(where);
    else this.add(where);
  }

  up() {
    const stroke = this.stroke;
    if (!stroke) return;
    clearTimeout(stroke.timer);
    this.stroke = null;
    if (stroke.select !== undefined) {
      const [x1, x2] = this.points[stroke.select];
      this.onSelect({ x1, x2, y: this.labels[stroke.select] });
      return;
    }
    if (stroke.pending) this.add(stroke.pending);
    this.changed(true);
  }

  /** The index of the point within SELECT_RADIUS of the pointer, or −1. */
  nearest({ point, scale }) {
    let best = -1;
    let bestDistance = SELECT_RADIUS * scale;
    this.points.forEach((p, i) => {
      const d = Math.hypot(p[0] - point[0], p[1] - point[1]);
      if (d <= bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    return best;
  }

  /** The first change of a stroke tells the page an edit begins. */
  begin() {
    if (this.begun) return;
    this.begun = true;
    this.onBegin();
  }

  add({ point }) {
    this.begin();
    this.points.push(point);
    this.labels.push(this.label);
    this.edited = true;
    this.changed(false);
  }

  erase({ point, scale }) {
    const radius = ERASE_RADIUS * scale;
    const keep = this.points.map((p) => Math.hypot(p[0] - point[0], p[1] - point[1]) > radius);
    if (keep.every(Boolean)) return;
    this.begin();
    this.points = this.points.filter((_, i) => keep[i]);
    this.labels = this.labels.filter((_, i) => keep[i]);
    this.edited = true;
    this.changed(false);
  }

  clear() {
    this.begun = false;
    this.begin();
    this.points = [];
    this.labels = [];
    this.edited = true;
    this.changed(true);
  }

  /** Asks for a run on the points: at once at the end of a stroke, at most every
   * REBUILD_MS during one. */
  changed(final) {
    const now = performance.now();
    if (!this.edited || (!final && now - this.rebuildAt < REBUILD_MS)) return;
    this.edited = false;
    this.rebuildAt = now;
    this.onEdit({ points: Float64Array.from(this.points.flat()), labels: Float64Array.from(this.labels), classes: this.classes, bounds: this.bounds });
  }
}

const MIDDLE_SWATCH = '#f2f3f5';

/** A regression value as the picker names it: signed where the values pass zero (−1, 0, +1). */
function valueText(value) {
  const text = Number(value.toPrecision(4)).toLocaleString('en-US');
  return value > 0 ? `+${text}` : value < 0 ? `−${text.slice(1)}` : '0';
}
