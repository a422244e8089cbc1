// What a <neuranim-playground> shows beyond its data panel when its `parts` attribute asks
// (`parts="graph slow-step maths scrubber gif"`): the network graph beside the data, Step
// slowly with its caption strip, the live maths of a point clicked on the plot, a scrubber
// through the iterations trained, and an animated GIF of the run so far. Each is the page's own piece (NetworkGraph, SlowStep, encodeGif), wired
// to the element instead of to the page.

import { coloursFor } from './colour-tables.js';
import { FEATURE_NAMES } from './controls.js';
import { neuronFocus } from './data-view.js';
import { costAt, encodeGif, frameIterations } from './gif-encode.js';
import { MathsPanel } from './maths-panel.js';
import { gifPalette } from './palette.js';
import { NetworkGraph } from './network-graph.js';
import { PHASE_NAMES, PHASES } from './phase-captions.js';
import { SlowStep } from './slow-step.js';
import { listenToPlotKeys, pairsOf } from './plot-keys.js';
import { count, shownOf } from './number-text.js';

export const PARTS = ['graph', 'slow-step', 'maths', 'scrubber', 'gif'];

/** The parts an element asks for, from its `parts` attribute (unknown words are ignored). */
export function partsOf(element) {
  const asked = (element.getAttribute('parts') ?? '').trim().split(/\s+/);
  return new Set(PARTS.filter((part) => asked.includes(part)));
}

function html(name, className, parent, attributes = {}) {
  const element = document.createElement(name);
  if (className) element.className = className;
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  parent?.append(element);
  return element;
}

/** The network graph in `container`; hovering a neuron shows its map in the figure's plot. */
export function graphPart(container, wasm, raster, figure) {
  return new NetworkGraph(container, wasm, {
    raster,
    onHoverNeuron: (layer, index) => {
      const snap = figure.playground?.snapshot();
      figure.view.focus(layer == null || !snap ? null : neuronFocus(snap.sizes, layer, index, { activation: figure.settings.activation, task: figure.task }));
      if (!figure.playing) figure.paint();
    },
    onEdit: () => figure.paint(),
  });
}

/** Step slowly: its button and beat length at the end of `bar`, its caption strip before
 * `before`; keys within the figure (Space pauses, → the next beat, Esc finishes). */
export function slowStepPart(figure, { bar, plot, boundary }) {
  const button = html('button', 'slow-step', bar, { type: 'button', title: 'One update in slow motion: 1. forward, 2. cost, 3. backward, then the update' });
  button.textContent = 'Step slowly';
  const seconds = html('select', 'slow-step-speed', bar, { 'aria-label': 'Seconds each phase of Step slowly lasts' });
  for (const value of [1, 2, 4, 8]) seconds.append(new Option(`${value} s`, String(value), value === 2, value === 2));
  const strip = html('section', 'phase-caption', null, { 'aria-label': 'One step in slow motion' });
  strip.hidden = true;
  const steps = html('ol', 'phase-steps', strip);
  for (const phase of PHASES) html('li', null, steps, { 'data-phase': phase }).textContent = PHASE_NAMES[phase];
  // Its buttons first, by the bar's: on a phone the story's text may run past the screen's
  // foot, and Pause, Next and Finish stay in reach.
  const controls = html('div', 'phase-controls', strip);
  const text = html('p', 'phase-text', strip, { 'aria-live': 'polite' });
  const formula = html('p', 'phase-formula', strip);
  const pause = html('button', 'phase-pause', controls, { type: 'button', 'aria-pressed': 'false' });
  pause.textContent = 'Pause';
  const next = html('button', 'phase-next', controls, { type: 'button' });
  next.textContent = 'Next →';
  const finish = html('button', 'phase-finish', controls, { type: 'button' });
  finish.textContent = 'Finish';
  // Under the bar whose button opens it: it comes where the reader is looking, and a strip
  // above the figure would push it down, or open off screen where the page keeps its place.
  bar.after(strip);
  const slow = new SlowStep({
    host: {
      playground: () => figure.playground,
      graph: () => figure.graph ?? null,
      plot,
      boundary,
      task: () => figure.task,
      selected: () => figure.selected ?? null,
      prepare: () => figure.pauseAtLive(),
      render: () => figure.paint(),
      say: (message) => figure.say(message),
    },
    caption: { strip, steps, text, formula, pause },
    seconds: () => Number(seconds.value) || 2,
    also: [bar.parentNode],
  });
  button.addEventListener('click', () => {
    slow.start();
    showStep(plot, controls);
  });
  pause.addEventListener('click', () => slow.togglePause());
  next.addEventListener('click', () => slow.next());
  finish.addEventListener('click', () => slow.finish());
  strip.parentNode.addEventListener('keydown', (event) => {
    if (!slow.active || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = { ' ': () => slow.togglePause(), ArrowRight: () => slow.next(), Escape: () => slow.finish() }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
  return slow;
}

/** Scrolls the least that brings the caption strip's buttons (Pause, Next, Finish) on screen,
 * but never so far that more than a quarter of the plot leaves it: the step is watched on
 * the plot and the graph, which a phone stacks above the strip, and the strip's words can be
 * read paused. Scrolled to the whole strip, a phone showed the cost beat's rings on a plot
 * 200 px above its screen. */
function showStep(plot, controls) {
  const { top, height } = plot.getBoundingClientRect();
  const below = controls.getBoundingClientRect().bottom - innerHeight;
  const by = Math.min(top + height / 4, Math.max(0, below));
  if (by) window.scrollBy({ top: by, behavior: 'instant' });
}

/** A range through the iterations trained: dragging it pauses and shows that iteration. */
export class Scrubber {
  constructor(parent, figure) {
    const row = html('div', 'scrub', parent);
    this.input = html('input', 'scrubber', row, { type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'Iteration shown' });
    this.label = html('output', 'scrub-label', row);
    this.input.addEventListener('input', () => {
      figure.setPlaying(false);
      figure.playground?.seek(Number(this.input.value));
      figure.paint();
    });
  }

  /** Follows the run: its end is the live iteration, its thumb the one shown. */
  update(snap) {
    const max = String(snap.liveIteration);
    if (this.input.max !== max) this.input.max = max;
    if (this.input.value !== String(snap.iteration)) this.input.value = String(snap.iteration);
    const text = shownOf(snap);
    if (this.label.textContent === text) return;
    this.label.textContent = text;
    // A screen reader hears the iteration, not the slider's bare number.
    this.input.setAttribute('aria-valuetext', snap.iteration === snap.liveIteration ? `iteration ${count(snap.iteration)}, live` : `iteration ${text}`);
  }
}

/** Frames of the element's GIF, spaced logarithmically (the early learning gets most), and
 * its side: the boundary over the data, square, as the original post's GIFs were. */
const GIF = { frames: 100, side: 360, delay: 60 };

/** "Make a GIF": the run so far as an animated GIF, shown under the figure with a link to
 * save it; the element fires a `gif` event with the Blob. */
export function gifPart(figure, { bar, parent, memory }) {
  const button = html('button', 'make-gif', bar, { type: 'button', title: 'The run so far as an animated GIF' });
  button.textContent = 'Make a GIF';
  const result = html('div', 'gif-result', parent);
  const status = html('p', 'gif-status', result, { role: 'status' });
  const image = html('img', 'gif-image', result, { alt: 'The decision boundary as the network learned, animated' });
  const link = html('a', 'gif-link', result);
  link.textContent = 'Save the GIF';
  image.hidden = link.hidden = true;
  button.addEventListener('click', async () => {
    const { playground } = figure;
    if (!playground) return;
    figure.setPlaying(false);
    const before = playground.snapshot(false);
    if (before.liveIteration < 2) {
      status.textContent = 'Train a little first: the GIF shows the run from its start to now.';
      return;
    }
    button.disabled = true;
    const view = { task: figure.task, style: 'smooth', highContrast: false, showTest: false, logScale: false, memory, parts: ['data', 'readouts'] };
    try {
      const blob = await encodeGif({
        playground,
        view,
        palette: gifPalette(coloursFor(view.style)),
        size: [GIF.side, GIF.side],
        iterations: frameIterations(0, before.liveIteration, GIF.frames, 'log', costAt(playground)),
        delay: GIF.delay,
        progress: (done, count) => { status.textContent = `Frame ${done} of ${count}`; },
        cancelled: () => figure.playground !== playground,
      });
      if (!blob) return;
      URL.revokeObjectURL(image.src);
      image.src = link.href = URL.createObjectURL(blob);
      link.download = `neuranim-${figure.settings.dataset}-0-${before.liveIteration}.gif`;
      image.hidden = link.hidden = false;
      status.textContent = `${GIF.frames} frames, iterations 0 to ${before.liveIteration.toLocaleString('en-US')}, ${(blob.size / 1024).toFixed(0)} KB.`;
      figure.dispatchEvent(new CustomEvent('gif', { detail: { blob } }));
    } catch (error) {
      status.textContent = `The GIF could not be made: ${error?.message ?? error}`;
    } finally {
      button.disabled = false;
      if (figure.playground === playground) {
        if (before.iteration === before.liveIteration) playground.goLive();
        else playground.seek(before.iteration);
        figure.paint();
      }
    }
  });
}

/** Points within this many CSS pixels of a click are chosen by it. */
const REACH = 10;

/** The live maths: a click on a training point of `plot` chooses it (ringed) and shows its
 * walkthrough under the figure, after `after`; a click away or Close lets it go. Returns
 * `show()`, for each paint. */
export function mathsPart(figure, { plot, after }) {
  const panel = html('section', 'maths-panel', null, { 'aria-label': 'The maths for one point' });
  panel.hidden = true;
  const head = html('div', 'maths-head', panel);
  html('strong', null, head).textContent = 'The maths for the chosen point';
  const close = html('button', 'maths-close', head, { type: 'button' });
  close.textContent = 'Close';
  const rows = html('div', 'maths', panel, { 'aria-live': 'off' });
  after.after(panel);
  const choose = (point) => {
    figure.selected = point;
    figure.paint();
  };
  const maths = new MathsPanel(panel, rows, { onClose: () => choose(null) });
  listenToPlotKeys(plot, {
    data: () => {
      const { playground } = figure;
      return playground ? { points: pairsOf(playground.trainPoints()), labels: playground.trainLabels(), bounds: playground.bounds() } : { points: [], labels: [], bounds: [-1, 1, -1, 1] };
    },
    choose,
    chosen: () => figure.selected,
  });
  plot.addEventListener('click', (event) => {
    const { playground } = figure;
    if (!playground) return;
    const box = plot.getBoundingClientRect();
    const [x1Min, x1Max, x2Min, x2Max] = playground.bounds();
    const points = playground.trainPoints();
    const labels = playground.trainLabels();
    let best = -1;
    let bestDistance = REACH * REACH;
    for (let i = 0; i < labels.length; i++) {
      const dx = ((points[2 * i] - x1Min) / (x1Max - x1Min)) * box.width - (event.clientX - box.left);
      const dy = ((x2Max - points[2 * i + 1]) / (x2Max - x2Min)) * box.height - (event.clientY - box.top);
      if (dx * dx + dy * dy < bestDistance) [best, bestDistance] = [i, dx * dx + dy * dy];
    }
    choose(best < 0 ? null : { x1: points[2 * best], x2: points[2 * best + 1], y: labels[best] });
  });
  return () => {
    const { playground, selected } = figure;
    if (!selected || !playground) {
      maths.hide();
      return;
    }
    const featureNames = Array.from(playground.features(), (f) => FEATURE_NAMES[f] ?? f);
    maths.show(playground, selected, { activation: playground.activation(), task: figure.task, featureNames });
  };
}
