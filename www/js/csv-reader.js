// The page's side of reading a CSV file of points: a worker reads and checks it (csv-worker.js)
// while the page shows how far it got, with a Cancel button; without workers, the page
// reads it itself.

import { readCsv } from '../pkg/neuranim_wasm.js';
import { startWorker } from './workers.js';

export class CsvReader {
  /** `progress` is the element showing the reading (it holds a <progress>, a text and a
   * Cancel button). */
  constructor(progress) {
    this.box = progress;
    this.bar = progress.querySelector('progress');
    this.text = progress.querySelector('.file-progress-text');
    this.worker = null;
    this.cancel = null;
    progress.querySelector('button').addEventListener('click', () => this.cancel?.());
  }

  /** The points of `file`, as readCsv returns them with typed arrays; rejects with the
   * reason the file is refused; resolves to null when the reader cancels. */
  read(file) {
    this.cancel?.();
    let worker;
    try {
      worker = startWorker(new URL('./csv-worker.js', import.meta.url));
    } catch {
      return file.text().then((text) => {
        const data = readCsv(text);
        return { ...data, points: Float64Array.from(data.points), labels: Float64Array.from(data.labels), bounds: Float64Array.from(data.bounds) };
      });
    }
    this.show(file.name, 0);
    return new Promise((resolve, reject) => {
      const finish = (then) => {
        worker.terminate();
        this.cancel = null;
        this.box.hidden = true;
        then();
      };
      this.cancel = () => finish(() => resolve(null));
      worker.onmessage = ({ data }) => {
        if (data.progress !== undefined) this.show(file.name, data.progress);
        else if (data.error) finish(() => reject(new Error(data.error)));
        else finish(() => resolve(data.data));
      };
      worker.onerror = (event) => finish(() => reject(new Error(event.message || 'the file reader failed to start')));
      worker.postMessage({ file });
    });
  }

  show(name, share) {
    this.box.hidden = false;
    this.bar.value = share;
    this.text.textContent = share < 1 ? `Reading ${name}…` : `Checking ${name}…`;
  }
}
