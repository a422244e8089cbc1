// The page's side of reading a CSV file of points: a worker reads and checks it (csv-worker.js)
// while the page shows how far it got, with a Cancel button; without workers, the page
// reads it itself.

import { filesModule, filesWasm } from './files-wasm.js';
import { startWorker } from './workers.js';

export class CsvReader {
  /** `progress` is the element showing the reading (it holds a <progress>, a text and a
   * Cancel button); `module()` resolves to the compiled files module the worker is given. */
  constructor(progress, { module = filesModule } = {}) {
    this.box = progress;
    this.bar = progress.querySelector('progress');
    this.text = progress.querySelector('.file-progress-text');
    this.module = module;
    this.cancel = null;
    progress.querySelector('button').addEventListener('click', () => this.cancel?.());
  }

  /** The points of `file`, as readCsv returns them with typed arrays; rejects with the
   * reason the file is refused; resolves to null when the reader cancels, also while the
   * files module is still loading. */
  read(file) {
    this.cancel?.();
    return new Promise((resolve, reject) => {
      let worker = null;
      let settled = false;
      const finish = (then) => {
        if (settled) return;
        settled = true;
        worker?.terminate();
        if (this.cancel === cancel) {
          this.cancel = null;
          this.box.hidden = true;
        }
        then();
      };
      const cancel = () => finish(() => resolve(null));
      this.cancel = cancel;
      this.show(file.name, 0);
      const start = (module) => {
        if (settled) return;
        try {
          worker = startWorker(new URL('./csv-worker.js', import.meta.url), { module });
        } catch {
          readOnPage(file).then((data) => finish(() => resolve(data)), (error) => finish(() => reject(error)));
          return;
        }
        worker.onmessage = ({ data }) => {
          if (data.progress !== undefined) this.show(file.name, data.progress);
          else if (data.error) finish(() => reject(new Error(data.error)));
          else finish(() => resolve(data.data));
        };
        worker.onerror = (event) => finish(() => reject(new Error(event.message || 'the file reader failed to start')));
        worker.postMessage({ file });
      };
      this.module().then(start, (error) => finish(() => reject(error)));
    });
  }

  show(name, share) {
    this.box.hidden = false;
    this.bar.value = share;
    this.text.textContent = share < 1 ? `Reading ${name}…` : `Checking ${name}…`;
  }
}

/** Without workers: the file read and checked on the page's thread. */
async function readOnPage(file) {
  const [{ readCsv }, text] = await Promise.all([filesWasm(), file.text()]);
  const data = readCsv(text);
  return { ...data, points: Float64Array.from(data.points), labels: Float64Array.from(data.labels), bounds: Float64Array.from(data.bounds) };
}
