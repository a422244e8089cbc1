// The course's figure, live: the same data trained side by side with one hidden layer of
// each of several sizes (1, 2, 3, 4, 5, 20 and 50 by default), as small multiples with their
// accuracy. The networks train in a worker (compare-worker.js), so the page keeps its
// frames; a click on one opens it, trained as far as it got, in the main view.

import { startWorker } from './workers.js';
import { OFFSCREEN_2D } from './bitmaps.js';
import { fixed, percent } from './number-text.js';

const $ = (id) => document.getElementById(id);
const SIDE = 120;
export const DEFAULT_SIZES = [1, 2, 3, 4, 5, 20, 50];

/** The most networks trained side by side. */
export const MOST_SIZES = 12;

/** Sizes typed as "1, 2, 20": whole numbers from 1 to 64, each once; null if any is not.
 * Past MOST_SIZES, the rest are `left` out. */
export function parseSizes(text) {
  const sizes = String(text).split(/[\s,]+/).filter(Boolean).map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 64)) return null;
  const distinct = [...new Set(sizes)];
  return { sizes: distinct.slice(0, MOST_SIZES), left: distinct.slice(MOST_SIZES) };
}

export class CompareView {
  /** `session()` → { settings (the core's), data (own points or null), iterations, style };
   * `open(run, size)` shows a run (`{ settings, tape }`, run-tape.js) in the main view. */
  constructor({ session, open }) {
    this.dialog = $('compare-dialog');
    this.grid = $('compare-grid');
    this.hooks = { session, open };
    this.worker = null;
    $('compare-close').addEventListener('click', () => this.close());
    $('compare-restart').addEventListener('click', () => this.start());
    // Enter in the sizes trains them, as Train again does.
    $('compare-sizes').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.start();
    });
    this.dialog.addEventListener('close', () => this.stop());
  }

  /** Opens the comparison; returns false, and opens nothing, where the engine cannot draw
   * in a worker (its small multiples are painted there). */
  openDialog() {
    if (!OFFSCREEN_2D) return false;
    this.dialog.showModal();
    this.start();
    return true;
  }

  close() {
    this.dialog.close();
  }

  stop() {
    this.worker?.terminate();
    this.worker = null;
  }

  start() {
    this.stop();
    const parsed = parseSizes($('compare-sizes').value);
    const status = $('compare-status');
    if (!parsed) {
      // The networks of before stopped with their worker: their tiles go too.
      this.grid.replaceChildren();
      status.textContent = 'Hidden sizes: whole numbers from 1 to 64, separated by commas.';
      return;
    }
    const { sizes, left } = parsed;
    const { settings, data, iterations, style } = this.hooks.session();
    const leftOut = left.length ? ` (${left.join(', ')} left out: at most ${MOST_SIZES} at once)` : '';
    status.textContent = `Training ${sizes.length} networks for ${iterations.toLocaleString('en-US')} iterations each${leftOut}…`;
    this.tiles = sizes.map((size, index) => this.tile(size, index));
    this.grid.replaceChildren(...this.tiles.map((t) => t.button));
    try {
      this.worker = startWorker(new URL('./compare-worker.js', import.meta.url));
    } catch (error) {
      status.textContent = `The comparison could not start: ${error?.message ?? error}`;
      return;
    }
    this.worker.onmessage = ({ data: message }) => this.received(message);
    // A worker that fails to load or crashes says so, as one that reports an error does.
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.received({ error: event.message || 'the comparison worker failed' });
      this.stop();
    };
    this.worker.postMessage({ start: { settings, data, sizes, iterations, side: SIDE * (window.devicePixelRatio || 1), style } });
  }

  tile(size, index) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'compare-tile';
    button.setAttribute('aria-label', `Open the network with ${size} hidden neurons in the main view`);
    const canvas = document.createElement('canvas');
    const name = document.createElement('strong');
    name.className = 'compare-name';
    name.textContent = `${size} hidden`;
    const caption = document.createElement('span');
    caption.className = 'compare-caption';
    button.append(canvas, name, caption);
    button.addEventListener('click', () => this.worker?.postMessage({ open: index }));
    return { button, canvas, context: canvas.getContext('bitmaprenderer'), caption, size };
  }

  received(message) {
    if (message.error) {
      $('compare-status').textContent = `The comparison stopped: ${message.error}`;
      return;
    }
    if (message.run) {
      this.close();
      this.hooks.open(message.run, message.size);
      return;
    }
    message.models.forEach((model, i) => {
      const tile = this.tiles[i];
      tile.context.transferFromImageBitmap(model.bitmap);
      // A regression's score is its RMSE, as the page's readout says it.
      const score = model.regression ? `RMSE ${fixed(model.score)}` : percent(model.score);
      tile.caption.textContent = `${score} · ${model.iteration.toLocaleString('en-US')} it.${model.diverged ? ' · diverged' : ''}`;
      tile.button.dataset.score = String(model.score ?? '');
      tile.button.dataset.iteration = String(model.iteration);
    });
    if (message.done) {
      const diverged = message.models.filter((model) => model.diverged).map((model) => model.size);
      const said = diverged.length ? ` ${diverged.join(', ')} hidden diverged, and stopped where they did.` : '';
      $('compare-status').textContent = `Done.${said} Click a network to open it in the main view.`;
    }
  }
}
