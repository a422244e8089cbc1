// <neuranim-playground>: a training run in any page through one module script, e.g.
//   <script type="module" src="…/js/element.js"></script>
//   <neuranim-playground dataset="flower" layers="4" autoplay></neuranim-playground>
// Attributes are the page's settings in kebab case (dataset, layers, learning-rate,
// activation, init, batch-size, optimizer, seed, noise, features, speed, iterations), each
// read through the settings table, so that a bad value is clamped with a notice and never
// breaks the page. Several elements train independently; each pauses when scrolled out of
// view (unless its page sets `playsOutOfView`, as the lesson's Play all does for figures the
// reader asked to play together) and while its tab is hidden. `parts="graph slow-step
// scrubber"` adds the network graph beside the data, Step slowly with its caption, and a
// scrubber (element-parts.js).

import { Playground } from '../pkg/neuranim_wasm.js';
import { startWasm } from './wasm-module.js';
import { repaintWhenOutgrown } from './canvas.js';
import { DataView, taskOf } from './data-view.js';
import { RasterClient } from './raster-client.js';
import { RunController } from './run-controller.js';
import { coreSettings, defaults, FIELDS, parseField } from './settings.js';
import { gifPart, graphPart, mathsPart, partsOf, Scrubber, slowStepPart } from './element-parts.js';
import { percent } from './number-text.js';

const wasm = startWasm();
const STYLE = new URL('../element.css', import.meta.url).href;
const GRAPH_STYLE = new URL('../graph.css', import.meta.url).href;
/** One raster worker for every element on the page, made when the first one needs it. */
let sharedRaster = null;
let figures = 0;

const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** The attribute that holds a setting: its name in kebab case, but the hidden layers are
 * `layers`, since `hidden` is HTML's own attribute, which hides the element. */
const attributeOf = (key) => (key === 'hidden' ? 'layers' : kebab(key));

/** A `hidden` that reads as layer sizes ("8,8", as a link's hash writes them) was meant as
 * `layers`: the writer of the post finds why the figure is not shown on the console. */
function warnOfHiddenLayers(element) {
  const value = element.getAttribute('hidden');
  if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(value ?? '')) return;
  console.warn(`<neuranim-playground hidden="${value}"> is not shown: hidden is HTML's own attribute, which hides an element. The hidden layers are set with layers="${value.trim()}".`);
}
const SETTINGS = Object.keys(FIELDS).filter((k) => FIELDS[k].core || k === 'speed' || k === 'iterations');

/** Settings from an element's attributes, each clamped by the settings table. */
export function settingsOf(element) {
  const settings = defaults();
  const notices = [];
  for (const key of SETTINGS) {
    const value = element.getAttribute(attributeOf(key));
    if (value === null) continue;
    const parsed = parseField(key, value.trim());
    settings[key] = parsed.value;
    if (parsed.notice) notices.push(parsed.notice);
  }
  return { settings, notices };
}

function part(name, className, parent) {
  const element = document.createElement(name);
  if (className) element.className = className;
  parent?.append(element);
  return element;
}

export class NeuranimPlayground extends HTMLElement {
  static observedAttributes = [...SETTINGS.map(attributeOf), 'autoplay'];
  // `parts` is read once, when the element is first connected.

  constructor() {
    super();
    this.playground = null;
    this.visible = true;
    this.playsOutOfView = false;
    this.steps = 0; // updates made, for anyone watching that it pauses
    this.run = new RunController({
      playground: () => this.playground,
      canTrain: () => (this.visible || this.playsOutOfView) && !document.hidden,
      onFrame: ({ trained }) => this.frame(trained),
      onPlayingChange: (playing) => {
        this.playButton.textContent = playing ? 'Pause' : 'Play';
        this.playButton.setAttribute('aria-pressed', String(playing));
        // Paused or stopped, the boundary returns to full resolution, with why it stopped.
        if (!playing && this.playground) {
          const snap = this.paint();
          if (snap.diverged) this.say(snap.diverged);
        }
      },
      onError: (error) => this.say(`Training stopped: ${error?.message ?? error}`),
    });
  }

  get playing() {
    return this.run.playing;
  }

  connectedCallback() {
    if (!this.shadowRoot) this.build();
    this.observer = new IntersectionObserver(([entry]) => {
      this.visible = entry.isIntersecting;
    });
    this.observer.observe(this);
    // The first picture waits for the figure's styles too: drawn before them, it would be
    // drawn at a canvas's default size and without the colours they define.
    Promise.all([wasm, this.styled]).then(([module]) => {
      if (!this.isConnected) return;
      sharedRaster ??= new RasterClient();
      this.view = new DataView({ canvas: this.canvas, overlay: this.points, kind: `boundary-${++figures}`, axes: false }, module, sharedRaster);
      if (this.parts.has('graph')) this.graph = graphPart(this.graphBox, module, sharedRaster, this);
      if (this.parts.has('gif')) gifPart(this, { bar: this.bar, parent: this.figure, memory: module.memory });
      this.restart();
      this.playButton.disabled = false;
      this.resetButton.disabled = false;
      // A post's column that changes width (a turned phone, a resized window) gets the
      // figure painted again at its new size.
      this.resizer = repaintWhenOutgrown(() => this.playground && this.paint());
      this.resizer.observe(this.canvas);
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (this.hasAttribute('autoplay') && !reduced) this.setPlaying(true);
      this.run.attach();
    }).catch((error) => this.fail(error));
  }

  /** The module could not load (a host that sends the scripts to other sites but not the
   * wasm): the post's own sentence and link inside the element, as when the script cannot
   * load at all, rather than a figure whose buttons do nothing; and why, on the console and
   * under them. */
  fail(error) {
    const message = `neuranim could not start: ${error?.message ?? error}`;
    console.error(message);
    this.figure.hidden = true;
    this.fallback.hidden = false;
    this.failure.textContent = message;
    this.failure.hidden = false;
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.resizer?.disconnect();
    this.slowStep?.abort();
    this.run.detach();
    this.playground?.free();
    this.playground = null;
  }

  attributeChangedCallback() {
    if (this.playground) this.restart();
  }

  build() {
    warnOfHiddenLayers(this);
    this.parts = partsOf(this);
    const root = this.attachShadow({ mode: 'open' });
    const stylesheets = [STYLE, ...(this.parts.size ? [GRAPH_STYLE] : [])];
    // Loaded, or failed (a strict host): either way the figure goes on.
    this.styled = Promise.all(stylesheets.map((href) => new Promise((settled) => {
      const link = part('link', null, root);
      link.addEventListener('load', settled);
      link.addEventListener('error', settled);
      Object.assign(link, { rel: 'stylesheet', href });
    })));
    // The element's own content (the post's sentence and link) is shown only if the figure
    // cannot start.
    this.fallback = part('slot', null, root);
    this.fallback.hidden = true;
    this.failure = part('p', 'failure', root);
    this.failure.hidden = true;
    const figure = part('div', 'figure', root);
    figure.classList.toggle('with-graph', this.parts.has('graph'));
    const stage = part('div', 'stage', figure);
    const plot = part('div', 'plot', stage);
    this.canvas = part('canvas', 'boundary', plot);
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Data points over the network\'s decision boundary');
    this.points = part('canvas', 'points', plot);
    // The boundary's canvas names the picture; the points drawn over it are part of it.
    this.points.setAttribute('aria-hidden', 'true');
    if (this.parts.has('graph')) this.graphBox = part('div', 'graph-box', stage);
    const bar = part('div', 'bar', figure);
    this.bar = bar;
    this.figure = figure;
    this.playButton = part('button', 'play', bar);
    this.playButton.type = 'button';
    this.playButton.textContent = 'Play';
    // Until the module has come, there is nothing to play or reset.
    this.playButton.disabled = true;
    this.playButton.addEventListener('click', () => {
      if (!this.playing) this.toLive();
      this.run.toggle(() => this.restart());
    });
    const reset = part('button', 'reset', bar);
    reset.type = 'button';
    reset.textContent = 'Reset';
    reset.disabled = true;
    this.resetButton = reset;
    reset.addEventListener('click', () => {
      this.setPlaying(false);
      this.restart();
    });
    if (this.parts.has('slow-step')) {
      const step = part('button', 'step', bar);
      step.type = 'button';
      step.textContent = 'Step';
      step.addEventListener('click', () => {
        if (!this.playground) return;
        this.slowStep.finish();
        this.pauseAtLive();
        this.playground.step(1);
        this.paint();
      });
      this.slowStep = slowStepPart(this, { bar, plot, boundary: this.canvas });
    }
    // The maths under the slow step's caption, which tells what its highlighted rows are.
    if (this.parts.has('maths')) this.showMaths = mathsPart(this, { plot, after: this.slowStep?.caption.strip ?? bar });
    this.readout = part('span', 'readout', bar);
    this.readout.setAttribute('aria-live', 'off');
    if (this.parts.has('scrubber')) this.scrubber = new Scrubber(figure, this);
    this.notice = part('p', 'notice', figure);
    this.notice.hidden = true;
  }

  /** Back to the live run if an iteration of the past is shown. */
  toLive() {
    const snap = this.playground?.snapshot(false);
    if (snap && snap.iteration !== snap.liveIteration) this.playground.goLive();
  }

  /** Paused, on the live run, and painted: where a slow step begins. */
  pauseAtLive() {
    this.setPlaying(false);
    this.toLive();
    this.paint();
  }

  say(text) {
    this.notice.textContent = text;
    this.notice.hidden = !text;
  }

  setPlaying(playing) {
    this.run.setPlaying(playing);
  }

  restart() {
    const { settings, notices } = settingsOf(this);
    this.settings = settings;
    this.run.configure({ speed: settings.speed, stopAt: settings.iterations });
    let next;
    try {
      next = new Playground(coreSettings(settings));
    } catch (error) {
      this.say(`These settings cannot train: ${error?.message ?? error}`);
      return;
    }
    this.playground?.free();
    this.playground = next;
    this.selected = null;
    this.task = taskOf(next.snapshot());
    this.say(notices.join('\n'));
    this.paint();
  }

  /** After the controller trained (while playing, visible and in a shown tab): paints. A run
   * that stopped this frame was painted as it paused. */
  frame(trained) {
    this.steps += trained;
    if (trained && this.playing) this.paint();
  }

  paint() {
    const { playground } = this;
    const snap = playground.snapshot(!this.playing);
    this.view.render(playground, this.task, snap.sizes, { playing: this.playing, selected: this.selected ?? null });
    this.showMaths?.();
    // While playing, the graph is drawn every other frame, as on the page.
    this.paints = (this.paints ?? 0) + 1;
    if (this.graph && (!this.playing || this.paints % 2 === 0)) this.graph.draw(playground, snap, { playing: this.playing });
    this.scrubber?.update(snap);
    const cost = snap.trainCost == null ? '–' : snap.trainCost.toFixed(4);
    const score = snap.trainScore == null ? '' : this.task.kind === 'regression' ? ` · RMSE ${snap.trainScore.toFixed(3)}` : ` · ${percent(snap.trainScore)}`;
    this.readout.textContent = `iteration ${snap.iteration.toLocaleString('en-US')} · cost ${cost}${score}`;
    return snap;
  }

  /** The run's facts (iteration, cost, weights…), for the page around it. */
  snapshot() {
    return this.playground?.snapshot() ?? null;
  }

  /** The recorded cost and score of an iteration (the nearest recorded at or before it). */
  historyAt(iteration) {
    return this.playground?.historyAt(iteration) ?? null;
  }
}

if (!customElements.get('neuranim-playground')) customElements.define('neuranim-playground', NeuranimPlayground);
