// The GIF export: frames drawn here (drawFrame) at evenly spaced iterations of a chosen
// range, encoded by a worker (gif-worker.js) with a fixed palette, with progress and
// Cancel. The iteration shown before the export is shown again after it.

import { drawFrame } from './frame.js';

const $ = (id) => document.getElementById(id);
/** Frames drawn but not yet encoded, at most: bounds the memory a slow encoder can take. */
const IN_FLIGHT = 3;

/** `count` iterations from `from` to `to`, evenly spaced, both ends included. */
export function frameIterations(from, to, count) {
  const n = Math.max(2, count);
  return Array.from({ length: n }, (_, i) => Math.round(from + ((to - from) * i) / (n - 1)));
}

export class GifExport {
  /** `session()` returns { playground, view (drawFrame's), palette, name }; `restore(wasLive,
   * iteration)` shows again what was shown; `save(blob, name)` offers the file. */
  constructor({ session, restore, save }) {
    this.dialog = $('gif-dialog');
    this.hooks = { session, restore, save };
    this.running = null;
    $('gif-start').addEventListener('click', () => this.start());
    $('gif-cancel').addEventListener('click', () => this.cancel());
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.cancel();
    });
  }

  open() {
    const { playground } = this.hooks.session();
    const snap = playground.snapshot();
    $('gif-from').value = String(snap.firstIteration);
    $('gif-from').max = $('gif-to').max = String(snap.liveIteration);
    $('gif-to').value = String(snap.liveIteration);
    $('gif-progress').hidden = true;
    $('gif-status').textContent = '';
    $('gif-start').disabled = false;
    this.dialog.showModal();
  }

  cancel() {
    if (this.running) {
      this.running.cancelled = true;
      $('gif-status').textContent = 'Cancelled.';
    }
    this.dialog.close();
  }

  options() {
    const number = (id) => Math.round(Number($(id).value));
    const [width, height] = $('gif-size').value.split('x').map(Number);
    const from = number('gif-from');
    const to = number('gif-to');
    const frames = number('gif-frames');
    const delay = number('gif-delay');
    if (![from, to, frames, delay].every(Number.isFinite) || from < 0 || to <= from) {
      throw new Error('choose a range: “to” must come after “from”');
    }
    if (frames < 2 || frames > 600) throw new Error('frames: 2 to 600');
    return { width, height, from, to, frames, delay: Math.min(2000, Math.max(20, delay)) };
  }

  async start() {
    let options;
    try {
      options = this.options();
    } catch (error) {
      $('gif-status').textContent = error.message;
      return;
    }
    const { playground, view, palette, name } = this.hooks.session();
    const before = playground.snapshot();
    const wasLive = before.iteration === before.liveIteration;
    const run = { cancelled: false };
    this.running = run;
    $('gif-start').disabled = true;
    const progress = $('gif-progress');
    progress.hidden = false;
    progress.value = 0;
    const worker = new Worker(new URL('./gif-worker.js', import.meta.url), { type: 'module' });
    try {
      const gif = await this.encode(worker, run, playground, view, palette, options);
      if (gif) {
        $('gif-status').textContent = `Done: ${options.frames} frames, ${(gif.size / 1024).toFixed(0)} KB.`;
        this.hooks.save(gif, `${name}-${options.from}-${options.to}.gif`);
        this.dialog.close();
      }
    } catch (error) {
      $('gif-status').textContent = `The GIF could not be made: ${error.message ?? error}`;
    } finally {
      worker.terminate();
      this.running = null;
      $('gif-start').disabled = false;
      this.hooks.restore(wasLive, before.iteration);
    }
  }

  /** The GIF as a Blob, or null when cancelled. */
  encode(worker, run, playground, view, palette, { width, height, from, to, frames, delay }) {
    return new Promise((resolve, reject) => {
      let encoded = 0;
      let drawn = 0;
      const iterations = frameIterations(from, to, frames);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      const status = $('gif-status');
      const next = () => {
        if (run.cancelled) return resolve(null);
        while (drawn < iterations.length && drawn - encoded < IN_FLIGHT) {
          playground.seek(iterations[drawn]);
          drawFrame(ctx, playground, width, height, view);
          const { buffer } = ctx.getImageData(0, 0, width, height).data;
          worker.postMessage({ frame: buffer }, [buffer]);
          drawn++;
        }
        if (drawn === iterations.length && encoded === drawn) worker.postMessage({ finish: true });
      };
      worker.onmessage = ({ data }) => {
        if (data.error) return reject(new Error(data.error));
        if (data.gif) return resolve(new Blob([data.gif], { type: 'image/gif' }));
        encoded = data.encoded;
        $('gif-progress').value = encoded / iterations.length;
        status.textContent = `Frame ${encoded} of ${iterations.length}`;
        // Yield between batches so the dialog repaints and Cancel can be pressed.
        setTimeout(next, 0);
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the encoder failed to start'));
      worker.postMessage({ start: { width, height, palette, delay } });
      next();
    });
  }
}
