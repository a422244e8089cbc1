// The page's side of the raster worker: each kind of picture (the boundary, the graph's
// thumbnails) has at most one request in flight and one waiting, the newest, so a slow
// picture never queues up stale work. Without a worker, `available` is false and callers
// paint on the main thread.
//
// The worker earns its core: it answers "unchanged" (and the caller keeps its picture) when
// the network moved too little to change a colour, and after an expensive picture it rests a
// while before the next, so that it never takes more than about DUTY of a core.

import { OFFSCREEN_2D } from './bitmaps.js';
import { startWorker } from './workers.js';

/** The share of a core the worker may keep busy with pictures that take long. */
const DUTY = 0.6;
/** Pictures quicker than this are sent on at once: at 60 frames/s they stay under DUTY. */
const QUICK_MS = 6;

export class RasterClient {
  /** `onFailure(reason)` hears why the worker could not start or stopped; pictures are then
   * painted on the page's thread. `early`: made before the page's wasm is compiled, the
   * worker loads its scripts meanwhile and is handed the module when it is ready. */
  constructor({ onFailure = (reason) => console.warn(`Pictures are painted on the page's thread: ${reason}`), early = false } = {}) {
    this.slots = new Map();
    this.restUntil = 0;
    this.timer = null;
    this.onFailure = onFailure;
    /** Why the worker could not start or stopped, once it has; null while it works. */
    this.failure = null;
    // An engine that cannot draw off screen paints on the page's thread, as it always has.
    if (!OFFSCREEN_2D) {
      this.worker = null;
      return;
    }
    try {
      this.worker = startWorker(new URL('./raster-worker.js', import.meta.url), { early });
      this.worker.onmessage = ({ data }) => this.received(data);
      // A worker that fails to load, or throws outside a request, says so here.
      this.worker.onerror = (event) => {
        event.preventDefault?.();
        this.fail(event.message || 'the picture worker failed');
      };
    } catch (error) {
      this.worker = null;
      this.failure = `the picture worker could not start (${error?.message ?? error})`;
      queueMicrotask(() => this.onFailure(this.failure));
    }
  }

  /** Goes on without the worker: requests waiting or in flight are answered by nobody, and
   * their callers paint on the main thread from the next frame on. */
  fail(reason) {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = null;
    this.slots.clear();
    this.failure = `the picture worker stopped (${reason})`;
    this.onFailure(this.failure);
  }

  get available() {
    return this.worker !== null;
  }

  /** Whether the worker has answered yet: until then (its scripts and wasm still loading)
   * a picture wanted now is better painted on the page's thread as well. */
  get warm() {
    return this.answered === true;
  }

  /** Asks for a picture of `kind`; `onDone(result, milliseconds)` receives it, or
   * `{ unchanged: true }` when it would look the same as the last one delivered. A request
   * still waiting is replaced, never answered. */
  request(kind, message, onDone) {
    if (!this.slots.has(kind)) this.slots.set(kind, { waiting: null, since: 0, busy: false, sentAt: 0, onDone: null });
    const slot = this.slots.get(kind);
    // A replaced request keeps its place in the queue: a kind asked for every frame must
    // not starve one asked for less often.
    if (!slot.waiting) slot.since = performance.now();
    slot.waiting = { message, onDone };
    this.pump();
  }

  /** Sends what waits, unless the worker is busy or resting. */
  pump() {
    if (!this.worker) return;
    const now = performance.now();
    if (now < this.restUntil) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.pump();
      }, this.restUntil - now);
      return;
    }
    if ([...this.slots.values()].some((slot) => slot.busy)) return;
    let first = null;
    for (const entry of this.slots) if (entry[1].waiting && (!first || entry[1].since < first[1].since)) first = entry;
    if (first) this.send(...first);
  }

  send(kind, slot) {
    const { message, onDone } = slot.waiting;
    slot.waiting = null;
    slot.busy = true;
    slot.onDone = onDone;
    slot.sentAt = performance.now();
    this.worker.postMessage({ ...message, kind });
  }

  received(data) {
    this.answered = true;
    if (data.error) {
      this.fail(data.error);
      return;
    }
    const slot = this.slots.get(data.kind);
    if (!slot) return;
    slot.busy = false;
    const ms = performance.now() - slot.sentAt;
    if (ms > QUICK_MS) this.restUntil = performance.now() + (ms * (1 - DUTY)) / DUTY;
    slot.onDone(data, ms);
    this.pump();
  }
}
