// The animation export's dialog: frames drawn (drawFrame) at chosen iterations of a range,
// encoded as a GIF (gif-encode.js) or recorded as a video where the browser can; with
// progress and Cancel. The iteration shown before the export is shown again after it.

import { drawFrame } from './frame.js';
import { costAt, encodeGif, frameIterations } from './gif-encode.js';
import { seekStep } from './time-machine.js';
import { extensionOf, recordVideo, videoType } from './video.js';

const $ = (id) => document.getElementById(id);

/** The frames an animation may have. */
const FRAMES = { min: 2, max: 600 };

/** Whether the figure is the boundary alone (the readouts are a strip below any figure). */
const boundaryAlone = (parts) => parts.filter((p) => p !== 'readouts').join() === 'data';

/** About how many bytes a GIF of `frames` frames of width × height takes (frames store only
 * what changed): per pixel a frame, the middle of what the course's run at 300 and 3,000
 * iterations and a deep spiral run measured at every size (0.061 to 0.083 for the boundary
 * alone, 0.043 to 0.084 with the network or the curve, whose still parts cost little). */
export function estimateBytes(width, height, frames, parts) {
  const perPixel = boundaryAlone(parts) ? 0.068 : 0.058;
  return Math.round(width * height * frames * perPixel);
}

export class GifExport {
  /** `session()` returns { playground, view (drawFrame's), palette, name }; `restore(wasLive,
   * iteration)` shows again what was shown; `save(blob, name)` offers the file. */
  constructor({ session, restore, save }) {
    this.dialog = $('gif-dialog');
    this.hooks = { session, restore, save };
    this.running = null;
    $('gif-start').addEventListener('click', () => this.start('gif'));
    for (const id of ['gif-size', 'gif-frames', 'gif-from', 'gif-to']) $(id).addEventListener('input', () => this.estimate());
    // The boundary alone is square, as the post's were; a part's change also re-estimates.
    // The reader's last size of each shape comes back with the shape.
    const chosen = { square: '400x400', wide: '640x320' };
    const shapeOf = (size) => (size.split('x')[0] === size.split('x')[1] ? 'square' : 'wide');
    $('gif-size').addEventListener('input', () => {
      chosen[shapeOf($('gif-size').value)] = $('gif-size').value;
    });
    $('gif-part-data').form.addEventListener('change', (event) => {
      if (!event.target.id.startsWith('gif-part-')) return;
      const shape = boundaryAlone(this.parts()) ? 'square' : 'wide';
      if (shapeOf($('gif-size').value) !== shape) $('gif-size').value = chosen[shape];
      this.estimate();
    });
    this.videoType = videoType();
    $('video-start').hidden = !this.videoType;
    $('video-start').addEventListener('click', () => this.start('video'));
    $('gif-cancel').addEventListener('click', () => this.cancel());
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.cancel();
    });
  }

  /** The parts chosen, in drawing order. */
  parts() {
    return ['data', 'network', 'cost', 'readouts'].filter((part) => $(`gif-part-${part}`).checked);
  }

  /** The estimate shown before any encoding. */
  estimate() {
    const [width, height] = $('gif-size').value.split('x').map(Number);
    const asked = Math.round(Number($('gif-frames').value));
    // No size for a frame count the export refuses: the refusal says why.
    if (!(asked >= FRAMES.min && asked <= FRAMES.max)) {
      $('gif-estimate').textContent = `Frames: ${FRAMES.min} to ${FRAMES.max}.`;
      return;
    }
    // As many frames as the range has iterations, at most.
    const span = Math.round(Number($('gif-to').value)) - Math.round(Number($('gif-from').value)) + 1;
    const frames = span >= 2 ? Math.min(asked, span) : asked;
    const mb = estimateBytes(width, height, frames, this.parts()) / 1e6;
    $('gif-estimate').textContent = `A GIF of about ${mb < 1 ? mb.toFixed(2) : mb.toFixed(1)} MB.`;
  }

  open() {
    const { playground } = this.hooks.session();
    const snap = playground.snapshot();
    $('gif-from').value = String(snap.firstIteration);
    $('gif-from').max = $('gif-to').max = String(snap.liveIteration);
    $('gif-to').value = String(snap.liveIteration);
    $('gif-progress').hidden = true;
    $('gif-status').textContent = '';
    this.estimate();
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
    // Each field is named when it is what is wrong.
    const last = Number($('gif-to').max);
    if ($('gif-from').value.trim() === '' || !Number.isFinite(from)) throw new Error('“from”: a whole number of iterations');
    if ($('gif-to').value.trim() === '' || !Number.isFinite(to)) throw new Error('“to”: a whole number of iterations');
    if (from < 0) throw new Error('“from”: at least 0');
    // Past the last iteration trained there is nothing to show: frames would repeat it.
    if (to > last) throw new Error(`“to”: at most ${last.toLocaleString('en-US')}, the last iteration trained`);
    if (to <= from) throw new Error('choose a range: “to” must come after “from”');
    if (!Number.isFinite(frames) || frames < FRAMES.min || frames > FRAMES.max) throw new Error(`frames: ${FRAMES.min} to ${FRAMES.max}`);
    if (!Number.isFinite(delay)) throw new Error('milliseconds per frame: a number');
    const parts = this.parts();
    if (!parts.some((p) => p !== 'readouts')) throw new Error('choose a part to show: the data, the network or the cost');
    // A range of fewer iterations than frames has a frame for each of them.
    return { width, height, from, to, frames: Math.min(frames, to - from + 1), delay: Math.min(2000, Math.max(20, delay)), parts, spacing: $('gif-spacing').value };
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
    try {
      const file = kind === 'gif'
        ? await this.encode(run, playground, view, palette, options)
        : await this.record(run, playground, view, options);
      if (file) {
        const each = options.frames === options.to - options.from + 1 ? ` (every iteration from ${options.from.toLocaleString('en-US')} to ${options.to.toLocaleString('en-US')})` : '';
        $('gif-status').textContent = `Done: ${options.frames} frames${each}, ${(file.size / 1024).toFixed(0)} KB.`;
        const extension = kind === 'gif' ? 'gif' : extensionOf(this.videoType);
        this.hooks.save(file, `${name}-${options.from}-${options.to}.${extension}`);
        this.dialog.close();
      }
    } catch (error) {
      $('gif-status').textContent = `The ${kind === 'gif' ? 'GIF' : 'video'} could not be made: ${error.message ?? error}`;
    } finally {
      this.running = null;
      this.enable(true);
      if (!run.abandoned) this.hooks.restore(wasLive, before.iteration);
    }
  }

  /** The video as a Blob, or null when cancelled. */
  record(run, playground, view, { width, height, from, to, frames, delay, parts, spacing }) {
    const iterations = frameIterations(from, to, frames, spacing, costAt(playground));
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
        drawFrame(ctx, playground, width, height, { ...view, parts, until: true });
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
  encode(run, playground, view, palette, { width, height, from, to, frames, delay, parts, spacing }) {
    return encodeGif({
      playground,
      view: { ...view, parts },
      palette,
      size: [width, height],
      iterations: frameIterations(from, to, frames, spacing, costAt(playground)),
      delay,
      progress: (encoded, count) => {
        $('gif-progress').value = encoded / count;
        $('gif-status').textContent = `Frame ${encoded} of ${count}`;
      },
      cancelled: () => run.cancelled,
    });
  }
}
