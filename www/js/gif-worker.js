// Encodes an animated GIF off the main thread, with its own instance of the files module. Messages in:
// { start: {width, height, palette, delay} }, then { frame: ArrayBuffer (RGBA) } per frame,
// then { finish: true }. Out: { encoded: n } after each frame, { gif: ArrayBuffer } at the
// end, or { error }.

import init, { GifWriter } from '../pkg/neuranim_files.js';
import { workerWasm } from './worker-wasm.js';

const ready = workerWasm(init);
let writer = null;

self.onmessage = async ({ data }) => {
  try {
    await ready;
    if (data.start) {
      const { width, height, palette, delay } = data.start;
      writer = new GifWriter(width, height, palette, delay);
    } else if (data.frame) {
      writer.addFrame(new Uint8Array(data.frame));
      self.postMessage({ encoded: writer.frames() });
    } else if (data.finish) {
      const bytes = writer.finish();
      writer = null;
      self.postMessage({ gif: bytes.buffer }, [bytes.buffer]);
    }
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
