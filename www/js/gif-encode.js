// An animated GIF of a run: frames drawn here (drawFrame) at the iterations asked for, one a
// task so that the page stays responsive, and encoded by a worker (gif-worker.js) with a
// fixed palette, a few frames in flight at most.

import { drawFrame } from './frame.js';
import { seekStep } from './time-machine.js';
import { filesModule } from './files-wasm.js';
import { startWorker } from './workers.js';

/** Frames drawn but not yet encoded, at most: bounds the memory a slow encoder can take. */
const IN_FLIGHT = 3;

/**
 * The iterations of `count` frames from `from` to `to`: `spacing` 'even'; 'log', evenly in
 * log(1 + iteration − from), so that the early updates, where a network learns most, get
 * most frames; or 'change', evenly along the cost's path (`costAt(iteration)`), so that
 * frames fall where the cost moves. Increasing, without repeats, `from` and `to` included.
 */
export function frameIterations(from, to, count, spacing = 'even', costAt = null) {
  const n = Math.max(2, Math.min(count, to - from + 1));
  const even = Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
  let wanted = even;
  if (spacing === 'log') {
    wanted = even.map((_, i) => from + Math.expm1((Math.log1p(to - from) * i) / (n - 1)));
  } else if (spacing === 'change' && costAt) {
    // The cost's path sampled finely, then cut into n − 1 equal lengths of change.
    const samples = Math.min(4000, to - from + 1);
    const at = Array.from({ length: samples }, (_, k) => Math.round(from + ((to - from) * k) / (samples - 1)));
    const costs = at.map(costAt);
    const path = [0];
    for (let k = 1; k < samples; k++) path.push(path[k - 1] + (Number.isFinite(costs[k] - costs[k - 1]) ? Math.abs(costs[k] - costs[k - 1]) : 0));
    const total = path[samples - 1];
    if (total > 0) {
      let k = 0;
      wanted = even.map((_, i) => {
        const goal = (total * i) / (n - 1);
        while (k < samples - 1 && path[k + 1] < goal) k++;
        return at[k];
      });
    }
  }
  // The ends are the range's, whatever rounding did to the path's last steps.
  wanted[0] = from;
  wanted[n - 1] = to;
  // Whole iterations, each later than the one before.
  const out = [];
  for (const [i, w] of wanted.entries()) {
    const room = to - (n - 1 - i);
    out.push(Math.min(room, Math.max(out.length ? out[out.length - 1] + 1 : from, Math.round(w))));
  }
  return out;
}

/** The recorded cost at an iteration (the record at or before it), for frame spacing. */
export const costAt = (playground) => (iteration) => playground.historyAt(iteration)?.trainCost ?? NaN;

/**
 * The GIF of `playground` at `iterations` as a Blob, or null when `cancelled()` turns true:
 * each frame drawFrame's picture of `size` ([width, height]) with `view` (its parts among
 * them), `delay` ms apart, in `palette`; `progress(encoded, count)` after each frame.
 */
export async function encodeGif({ playground, view, palette, size: [width, height], iterations, delay, progress = () => {}, cancelled = () => false }) {
  const worker = startWorker(new URL('./gif-worker.js', import.meta.url), { module: await filesModule() });
  return new Promise((resolve, reject) => {
    let encoded = 0;
    let drawn = 0;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let scheduled = false;
    const next = () => {
      scheduled = false;
      if (cancelled()) return resolve(null);
      if (drawn < iterations.length && drawn - encoded < IN_FLIGHT) {
        if (!seekStep(playground, iterations[drawn])) {
          later();
          return;
        }
        drawFrame(ctx, playground, width, height, { ...view, until: true });
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
      progress(encoded, iterations.length);
      later();
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the encoder failed to start'));
    worker.postMessage({ start: { width, height, palette, delay } });
    next();
  }).finally(() => worker.terminate());
}
