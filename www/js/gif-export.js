// The animation export: frames drawn here (drawFrame) at evenly spaced iterations of a
// chosen range, encoded as a GIF by a worker (gif-worker.js) with a fixed palette, or
// recorded as a video where the browser can; with progress and Cancel. The iteration shown
// before the export is shown again after it.

import { drawFrame } from './frame.js';
import { seekStep } from './time-machine.js';
import { extensionOf, recordVideo, videoType } from './video.js';
import { startWorker } from './workers.js';

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
    $('gif-start').addEventListener('click', () => this.start('gif'));
    this.videoType = videoType();
    $('video-start').hidden = !this.videoType;
    $('video-start').addEventListener('click', () => this.start('video'));
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
    this.enable(true);
    this.dialog.showModal();
  }

  enable(on) {
    $('gif-start').disabled = !on;
    $('video-start').disabled = !on;
  }

  cancel() {
    if (this.running) {
      this.running.cancelled = true;
      $('gif-status').textContent = 'Cancelled.';
    }
    this.dialog.close();
  }

  /** Cancels an export whose run is about to be replaced: nothing of it is touched again,
   * and what it showed is not restored. */
  abandon() {
    if (this.running) this.running.abandoned = true;
    this.cancel();
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

  async start(kind) {
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
    this.enable(false);
    const progress = $('gif-progress');
    progress.hidden = false;
    progress.value = 0;
    const worker = kind === 'gif' ? startWorker(new URL('./gif-worker.js', import.meta.url)) : null;
    try {
      const file = kind === 'gif'
        ? await this.encode(worker, run, playground, view, palette, options)
        : await this.record(run, playground, view, options);
      if (file) {
        $('gif-status').textContent = `Done: ${options.frames} frames, ${(file.size / 1024).toFixed(0)} KB.`;
        const extension = kind === 'gif' ? 'gif' : extensionOf(this.videoType);
        this.hooks.save(file, `${name}-${options.from}-${options.to}.${extension}`);
        this.dialog.close();
      }
    } catch (error) {
      $('gif-status').textContent = `The ${kind === 'gif' ? 'GIF' : 'video'} could not be made: ${error.message ?? error}`;
    } finally {
      worker?.terminate();
      this.running = null;
      this.enable(true);
      if (!run.abandoned) this.hooks.restore(wasLive, before.iteration);
    }
  }

  /** The video as a Blob, or null when cancelled. */
  record(run, playground, view, { width, height, from, to, frames, delay }) {
    const iterations = frameIterations(from, to, frames);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    return recordVideo({
      canvas,
      count: iterations.length,
      delay,
      type: this.videoType,
      draw: (i) => {
        if (!seekStep(playground, iterations[i])) return false;
        drawFrame(ctx, playground, width, height, view);
        return true;
      },
      progress: (done) => {
        $('gif-progress').value = done / iterations.length;
        $('gif-status').textContent = `Frame ${done} of ${iterations.length}`;
      },
      cancelled: () => run.cancelled,
    });
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
      // One frame per task, so that the page stays responsive while frames are drawn.
      let scheduled = false;
      const next = () => {
        scheduled = false;
        if (run.cancelled) return resolve(null);
        if (drawn < iterations.length && drawn - encoded < IN_FLIGHT) {
          if (!seekStep(playground, iterations[drawn])) {
            later();
            return;
          }
          drawFrame(ctx, playground, width, height, view);
          const { buffer } = ctx.getImageData(0, 0, width, height).data;
          worker.postMessage({ frame: buffer }, [buffer]);
          drawn++;
          if (drawn - encoded < IN_FLIGHT) later();
        }
        if (drawn === iterations.length && encoded === drawn) worker.postMessage({ finish: true });
      };
      const later = () => {
        if (scheduled) return;
        scheduled = true;
        setTimeout(next, 0);
      };
      worker.onmessage = ({ data }) => {
        if (data.error) return reject(new Error(data.error));
        if (data.gif) return resolve(new Blob([data.gif], { type: 'image/gif' }));
        encoded = data.encoded;
        $('gif-progress').value = encoded / iterations.length;
        status.textContent = `Frame ${encoded} of ${iterations.length}`;
        later();
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the encoder failed to start'));
      worker.postMessage({ start: { width, height, palette, delay } });
      next();
    });
  }
}
