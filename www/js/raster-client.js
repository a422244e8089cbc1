// The page's side of the raster worker: each kind of picture (the boundary, the graph's
// thumbnails) has at most one request in flight and one waiting, the newest, so a slow
// picture never queues up stale work. Without a worker, `available` is false and callers
// paint on the main thread.

export class RasterClient {
  constructor() {
    this.slots = new Map();
    try {
      this.worker = new Worker(new URL('./raster-worker.js', import.meta.url), { type: 'module' });
      this.worker.onmessage = ({ data }) => this.received(data);
    } catch {
      this.worker = null;
    }
  }

  get available() {
    return this.worker !== null;
  }

  /** Asks for a picture of `kind`; `onDone(result, milliseconds)` receives it. A request
   * still waiting is replaced, never answered. */
  request(kind, message, onDone) {
    if (!this.slots.has(kind)) this.slots.set(kind, { waiting: null, busy: false, sentAt: 0, onDone: null });
    const slot = this.slots.get(kind);
    slot.waiting = { message, onDone };
    if (!slot.busy) this.send(kind, slot);
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
    if (data.error) {
      // Painting goes on without the worker: the next frame paints on the main thread.
      this.worker.terminate();
      this.worker = null;
      this.slots.clear();
      return;
    }
    const slot = this.slots.get(data.kind);
    if (!slot) return;
    slot.busy = false;
    slot.onDone(data, performance.now() - slot.sentAt);
    if (slot.waiting && this.worker) this.send(data.kind, slot);
  }
}
