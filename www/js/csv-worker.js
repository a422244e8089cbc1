// Reads a CSV file of points off the page's thread: the bytes as they arrive (with
// progress), the rows counted against the most a run trains on before anything is parsed,
// then the core's reader. Messages out: { progress: 0…1 }, then { data } or { error }.

import init, { maxPoints, readCsv } from '../pkg/neuranim_files.js';
import { workerWasm } from './worker-wasm.js';

const ready = workerWasm(init);
/** How often progress is told, at most, in bytes read. */
const TELL_EVERY = 1 << 20;

self.onmessage = async ({ data: { file } }) => {
  try {
    await ready;
    const decoder = new TextDecoder();
    const parts = [];
    let read = 0;
    let told = 0;
    let rows = 0;
    // Blank lines are no rows, as the core's reader skips them: only a line with something
    // on it counts.
    let lineHasText = false;
    const most = maxPoints();
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.length;
      const text = decoder.decode(value, { stream: true });
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10) {
          if (lineHasText) rows++;
          lineHasText = false;
        } else if (code !== 13 && code !== 32 && code !== 9) {
          lineHasText = true;
        }
      }
      // The header is one of the lines; a last line without a newline is not yet counted.
      if (rows - 1 > most) {
        reader.cancel();
        throw new Error(`more than ${most.toLocaleString('en-US')} rows; a run trains on at most ${most.toLocaleString('en-US')} points`);
      }
      parts.push(text);
      if (read - told >= TELL_EVERY) {
        told = read;
        self.postMessage({ progress: read / Math.max(1, file.size) });
      }
    }
    parts.push(decoder.decode());
    self.postMessage({ progress: 1 });
    const points = readCsv(parts.join(''));
    self.postMessage({ data: { ...points, points: Float64Array.from(points.points), labels: Float64Array.from(points.labels), bounds: Float64Array.from(points.bounds) } });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
