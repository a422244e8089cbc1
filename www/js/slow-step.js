// One update in slow motion, told in the course's four beats: 1. forward, 2. cost,
// 3. backward, then the update. Every number shown is the core's (`phases()`, the same bits
// as the `step(1)` made at the start of the update beat). While it plays, `<html>` carries
// `data-phase` (read by outside checks and by the maths panel's highlighting); Space pauses
// within a beat, → goes to the next, Esc ends the step at once.

import { GraphPhase } from './phase-graph.js';
import { PlotPhase } from './phase-plot.js';
import { describePhase, PHASES } from './phase-captions.js';

export { PHASES };

/** The share of a beat that moves; the rest holds the beat's end (the cost's formula whole,
 * every gradient drawn) to be read. */
const HOLD = 0.75;

export class SlowStep {
  /**
   * `host`: { playground(), graph() (a NetworkGraph or null), plot, boundary (the data
   * panel's element and canvas), task(), selected() (a point { x1, x2, y } or null),
   * prepare() (pauses training and shows the live run), render(), say(text) };
   * `caption`: { strip, steps, text, formula, pause } elements; `seconds()`: a beat's length;
   * `also`: elements that carry `data-phase` besides <html> (an element's figure, whose
   * shadow root's styles cannot see <html>).
   */
  constructor({ host, caption, seconds, also = [] }) {
    this.host = host;
    this.caption = caption;
    this.seconds = seconds;
    this.marked = [document.documentElement, ...also];
    this.running = null;
    this.tick = this.tick.bind(this);
  }

  get active() {
    return this.running !== null;
  }

  /** Pauses training and shows the live run and the caption strip in this task, works the
   * step out in the next frame and begins in the one after: together, they would cost a
   * large network's page a long task. */
  start() {
    if (this.running || this.starting) return;
    this.host.prepare();
    this.starting = true;
    this.caption.strip.hidden = false;
    const playground = this.host.playground();
    requestAnimationFrame(() => {
      const phases = playground === this.host.playground() ? playground.phases() : undefined;
      requestAnimationFrame(() => {
        this.starting = false;
        if (playground === this.host.playground()) this.begin(playground, phases);
        else this.caption.strip.hidden = true;
        // Finished before it began (Escape straight after the click): the step is made at once.
        if (this.finishOnBegin) {
          this.finishOnBegin = false;
          this.finish();
        }
      });
    });
  }

  begin(playground, phases) {
    const { host } = this;
    if (!phases) {
      this.caption.strip.hidden = true;
      host.say('This run has diverged: there is no next update to show. Lower the learning rate, or Reset.');
      return;
    }
    const snapshot = playground.snapshot(false);
    const weights = snapshot.layers.map((layer) => ({ weights: layer.weights, biases: layer.biases }));
    const graph = host.graph();
    const plot = new PlotPhase(host.plot, host.boundary);
    plot.setStep({ points: playground.trainPoints(), batch: phases.batch, bounds: playground.bounds(), task: host.task() });
    this.running = {
      playground,
      phases,
      weights,
      flows: this.flowsFor(playground, phases, weights),
      gradients: scaledGradients(weights, phases.update.layers),
      graphPhase: graph?.geometry ? new GraphPhase(graph) : null,
      graph,
      plot,
      beat: -1,
      elapsed: 0,
      last: performance.now(),
      paused: false,
      stepped: false,
    };
    this.caption.strip.hidden = false;
    this.enter(0);
    requestAnimationFrame(this.tick);
  }

  /** What each edge carries: for the chosen point if there is one, else the batch's mean. */
  flowsFor(playground, phases, weights) {
    const point = this.host.selected();
    if (!point) return phases.flows;
    const maths = playground.maths(point.x1, point.x2, point.y);
    return weights.map((layer, l) => {
      const input = l === 0 ? maths.x : maths.layers[l - 1].a;
      return { w: layer.weights.map((row) => row.map((w, k) => Math.abs(w * input[k]))), b: layer.biases.map(Math.abs) };
    });
  }

  /** Space: pauses or resumes the beat. */
  togglePause() {
    const r = this.running;
    if (!r) return;
    r.paused = !r.paused;
    r.last = performance.now();
    this.caption.pause.textContent = r.paused ? 'Resume' : 'Pause';
    this.caption.pause.setAttribute('aria-pressed', String(r.paused));
  }

  /** →: the next beat now. */
  next() {
    const r = this.running;
    if (!r) return;
    if (r.beat + 1 < PHASES.length) this.enter(r.beat + 1);
    else this.finish();
  }

  /** Ends the step at once, the update made. */
  finish() {
    if (this.starting) {
      this.finishOnBegin = true;
      return;
    }
    const r = this.running;
    if (!r) return;
    if (!r.stepped) this.enter(PHASES.length - 1, { renderNow: false });
    this.close();
    this.host.render();
  }

  /** Leaves without the update: the run was replaced under the step. */
  abort() {
    if (this.running) this.close();
  }

  close() {
    const r = this.running;
    this.running = null;
    r.graphPhase?.remove();
    r.plot.remove();
    r.graph?.showLayers(null);
    for (const element of this.marked) delete element.dataset.phase;
    this.caption.strip.hidden = true;
    for (const line of [this.caption.text, this.caption.formula]) line.style.minHeight = '';
    this.caption.pause.textContent = 'Pause';
    this.caption.pause.setAttribute('aria-pressed', 'false');
  }

  /** Begins beat `beat`; the update's beat makes the step, and the page shows it in the
   * next frame (unless `renderNow` is false: the caller renders). */
  enter(beat, { renderNow = true } = {}) {
    const r = this.running;
    r.beat = beat;
    r.elapsed = 0;
    r.last = performance.now();
    const phase = PHASES[beat];
    for (const element of this.marked) element.dataset.phase = phase;
    for (const item of this.caption.steps.children) item.classList.toggle('current', item.dataset.phase === phase);
    if (phase === 'update' && !r.stepped) {
      r.plot.keepOld();
      r.playground.step(1);
      r.stepped = true;
      if (renderNow) {
        requestAnimationFrame(() => {
          if (this.running === r) this.host.render();
        });
      }
    }
    this.draw(1e-9);
  }

  tick(now) {
    const r = this.running;
    if (!r) return;
    if (this.host.playground() !== r.playground) {
      this.abort();
      return;
    }
    if (!r.paused) r.elapsed += now - r.last;
    r.last = now;
    const length = 1000 * this.seconds();
    if (r.elapsed >= length) {
      if (r.beat + 1 < PHASES.length) this.enter(r.beat + 1);
      else {
        this.finish();
        return;
      }
    }
    // Each beat moves in its first three quarters and holds its end for the last.
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.draw(reduced ? 1 : Math.min(1, r.elapsed / (HOLD * length)));
    requestAnimationFrame(this.tick);
  }

  /** Writes `text` in a line of the caption, which keeps the tallest height it has had in
   * this step: a shorter beat's words would pull the plot or graph below up, and the next
   * beat's push it down again, under the reader's eyes (65 px on a phone). */
  say(element, text) {
    if (element.textContent === text) return;
    element.textContent = text;
    const height = element.getBoundingClientRect().height;
    if (height > (parseFloat(element.style.minHeight) || 0)) element.style.minHeight = `${height}px`;
  }

  /** Paints the beat `p` (0 to 1) of the way through. */
  draw(p) {
    const r = this.running;
    const { phases, weights, graph, graphPhase, plot } = r;
    const phase = PHASES[r.beat];
    const gaps = weights.length;
    const told = describePhase(phase, { p, phases, gaps, rate: phases.update.learningRate, optimizer: phases.update.optimizer, scale: r.gradients.scale, task: this.host.task(), chosen: !!this.host.selected() });
    this.say(this.caption.text, told.text);
    this.say(this.caption.formula, told.formula);
    if (phase === 'forward') {
      const x = p * gaps;
      const reached = Math.min(gaps - 1, Math.floor(x));
      const across = p >= 1 ? 1 : x - reached;
      const veil = Math.min(1, Math.max(0, gaps - x));
      graphPhase?.forward({ reached, across, flows: r.flows, weights: weights.map((layer) => layer.weights) });
      plot.forward({ veil, outputs: phases.outputs, shown: 1 - veil });
    } else if (phase === 'cost') {
      graphPhase?.clear();
      plot.cost({ losses: phases.losses, grown: p });
    } else if (phase === 'backward') {
      plot.clear();
      const swept = p * gaps;
      const reached = p >= 1 ? 1 : Math.min(gaps + 1, Math.floor(gaps - swept) + 1);
      graphPhase?.backward({ reached, signals: phases.signals });
      // Redrawn as the sweep reaches each gap, not every frame.
      if (r.swept !== reached) {
        r.swept = reached;
        graph?.showLayers(weights.map((layer, g) => (g + 1 >= reached ? r.gradients.layers[g] : layer)));
      }
    } else {
      graphPhase?.clear();
      plot.update({ done: p });
      const to = phases.update.layers;
      graph?.showLayers(weights.map((layer, g) => ({
        weights: layer.weights.map((row, i) => row.map((w, k) => w + p * (to[g].w[i][k] - w))),
        biases: layer.biases.map((b, i) => b + p * (to[g].b[i] - b)),
      })));
    }
  }
}

/** The gradients drawn as weights are: scaled so that the largest is as large as the
 * largest weight, since one step's gradient is far too thin to see at the weights' scale. */
function scaledGradients(weights, update) {
  const largest = (values) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const big = largest(weights.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]));
  const steep = largest(update.flatMap((layer) => [...layer.dw.flat(), ...layer.db]));
  const scale = steep > 0 && big > 0 ? big / steep : 1;
  return { scale, layers: update.map((layer) => ({ weights: layer.dw.map((row) => row.map((g) => g * scale)), biases: layer.db.map((g) => g * scale) })) };
}
