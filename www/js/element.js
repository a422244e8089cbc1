// <neuranim-playground>: a training run in any page through one module script, e.g.
//   <script type="module" src="…/js/element.js"></script>
//   <neuranim-playground dataset="flower" hidden="4" autoplay></neuranim-playground>
// Attributes are the page's settings in kebab case (dataset, hidden, learning-rate,
// activation, init, batch-size, optimizer, seed, noise, features, speed, iterations), each
// read through the settings table, so that a bad value is clamped with a notice and never
// breaks the page. Several elements train independently; each pauses when scrolled out of
// view and while its tab is hidden.

import init, { Playground } from '../pkg/neuranim_wasm.js';
import { fitCanvas } from './canvas.js';
import { colourBoundary } from './colour-tables.js';
import { taskOf } from './data-view.js';
import { drawOverlay } from './plot-overlay.js';
import { coreSettings, defaults, FIELDS, parseField } from './settings.js';

const wasm = init();
const STYLE = new URL('../element.css', import.meta.url).href;
/** The boundary's side while training, at most, in device pixels: drawn here, not in a
 * worker, so that many elements on a page stay light. */
const PLAYING_SIDE = 192;

const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const SETTINGS = Object.keys(FIELDS).filter((k) => FIELDS[k].core || k === 'speed' || k === 'iterations');

/** Settings from an element's attributes, each clamped by the settings table. */
export function settingsOf(element) {
  const settings = defaults();
  const notices = [];
  for (const key of SETTINGS) {
    const value = element.getAttribute(kebab(key));
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
  static observedAttributes = [...SETTINGS.map(kebab), 'autoplay'];

  constructor() {
    super();
    this.playground = null;
    this.playing = false;
    this.visible = true;
    this.steps = 0; // updates made, for anyone watching that it pauses
    this.frame = this.frame.bind(this);
  }

  connectedCallback() {
    if (!this.shadowRoot) this.build();
    this.observer = new IntersectionObserver(([entry]) => {
      this.visible = entry.isIntersecting;
    });
    this.observer.observe(this);
    wasm.then((module) => {
      this.memory = module.memory;
      if (!this.isConnected) return;
      this.restart();
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (this.hasAttribute('autoplay') && !reduced) this.setPlaying(true);
      this.raf = requestAnimationFrame(this.frame);
    }).catch((error) => this.say(`neuranim could not start: ${error?.message ?? error}`));
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    cancelAnimationFrame(this.raf);
    this.playground?.free();
    this.playground = null;
  }

  attributeChangedCallback() {
    if (this.playground) this.restart();
  }

  build() {
    const root = this.attachShadow({ mode: 'open' });
    const style = part('link', null, root);
    style.rel = 'stylesheet';
    style.href = STYLE;
    const figure = part('div', 'figure', root);
    const plot = part('div', 'plot', figure);
    this.canvas = part('canvas', 'boundary', plot);
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Data points over the network\'s decision boundary');
    this.points = part('canvas', 'points', plot);
    const bar = part('div', 'bar', figure);
    this.playButton = part('button', 'play', bar);
    this.playButton.type = 'button';
    this.playButton.textContent = 'Play';
    this.playButton.addEventListener('click', () => this.setPlaying(!this.playing));
    const reset = part('button', 'reset', bar);
    reset.type = 'button';
    reset.textContent = 'Reset';
    reset.addEventListener('click', () => {
      this.setPlaying(false);
      this.restart();
    });
    this.readout = part('span', 'readout', bar);
    this.readout.setAttribute('aria-live', 'off');
    this.notice = part('p', 'notice', figure);
    this.notice.hidden = true;
  }

  say(text) {
    this.notice.textContent = text;
    this.notice.hidden = !text;
  }

  setPlaying(playing) {
    this.playing = playing;
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
  }

  restart() {
    const { settings, notices } = settingsOf(this);
    this.settings = settings;
    let next;
    try {
      next = new Playground(coreSettings(settings));
    } catch (error) {
      this.say(`These settings cannot train: ${error?.message ?? error}`);
      return;
    }
    this.playground?.free();
    this.playground = next;
    this.task = taskOf(next.snapshot());
    this.say(notices.join('\n'));
    this.pointsDrawn = null;
    this.paint();
  }

  /** Steps while playing, visible and in a shown tab; paints what changed. */
  frame() {
    this.raf = requestAnimationFrame(this.frame);
    if (!this.playing || !this.visible || document.hidden || !this.playground) return;
    const { speed, iterations } = this.settings;
    const now = this.playground.snapshot().iteration;
    const n = iterations > 0 ? Math.min(speed, iterations - now) : speed;
    if (n > 0) this.steps += this.playground.step(n);
    const snap = this.paint();
    if (snap.diverged) {
      this.setPlaying(false);
      this.say(snap.diverged);
    } else if (iterations > 0 && snap.iteration >= iterations) {
      this.setPlaying(false);
    }
  }

  paint() {
    const ratio = fitCanvas(this.canvas);
    fitCanvas(this.points, ratio);
    const { playground, canvas } = this;
    const scale = this.playing ? Math.min(1, PLAYING_SIDE / Math.max(canvas.width, canvas.height)) : 1;
    const width = Math.max(1, Math.round(canvas.width * scale));
    const height = Math.max(1, Math.round(canvas.height * scale));
    const length = playground.computeBoundary(width, height);
    const image = new ImageData(width, height);
    colourBoundary(new Float32Array(this.memory.buffer, playground.boundaryPtr(), length), new Uint32Array(image.data.buffer), this.task, 'smooth');
    const ctx = canvas.getContext('2d');
    if (scale === 1) {
      ctx.putImageData(image, 0, 0);
    } else {
      const small = new OffscreenCanvas(width, height);
      small.getContext('2d').putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
    }
    const key = `${this.points.width}x${this.points.height}`;
    if (this.pointsDrawn !== key) {
      this.pointsDrawn = key;
      drawOverlay(this.points, { left: 0, top: 0, width: this.points.width, height: this.points.height }, ratio, {
        bounds: playground.bounds(),
        regression: this.task.kind === 'regression',
        train: [playground.trainPoints(), playground.trainLabels()],
        test: null,
        axes: false,
      });
    }
    const snap = playground.snapshot();
    const cost = snap.trainCost == null ? '–' : snap.trainCost.toFixed(4);
    const score = snap.trainScore == null ? '' : this.task.kind === 'regression' ? ` · RMSE ${snap.trainScore.toFixed(3)}` : ` · ${(100 * snap.trainScore).toFixed(1)} %`;
    this.readout.textContent = `iteration ${snap.iteration.toLocaleString('en-US')} · cost ${cost}${score}`;
    return snap;
  }

  /** The run's facts (iteration, cost, weights…), for the page around it. */
  snapshot() {
    return this.playground?.snapshot() ?? null;
  }
}

if (!customElements.get('neuranim-playground')) customElements.define('neuranim-playground', NeuranimPlayground);
