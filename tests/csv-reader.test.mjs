// The page's CSV reader without a browser: a pretend worker that tells progress and answers
// when the test says, so that Cancel and refusals are exact, not timed.

import assert from 'node:assert/strict';
import { test } from 'node:test';

const workers = [];
class PretendWorker {
  constructor() {
    this.terminated = false;
    workers.push(this);
  }
  postMessage(message) {
    this.sent = message;
  }
  answer(data) {
    this.onmessage({ data });
  }
  terminate() {
    this.terminated = true;
  }
}
globalThis.Worker = PretendWorker;
const { CsvReader } = await import('../www/js/csv-reader.js');
/** The files module, as the page's loader gives it once compiled. */
const module = async () => 'the compiled files module';
/** Until the reader has been given the module and started its worker. */
const started = () => new Promise((resolve) => setImmediate(resolve));

/** The progress box: a bar, a text and a Cancel button, as the page has them. */
function pretendBox() {
  const parts = {
    progress: { value: 0 },
    '.file-progress-text': { textContent: '' },
    button: { listeners: [], addEventListener(_, f) { this.listeners.push(f); }, click() { this.listeners.forEach((f) => f()); } },
  };
  return { hidden: true, parts, querySelector: (selector) => parts[selector] };
}

test('reading shows progress, and Cancel stops the worker and gives nothing', async () => {
  const box = pretendBox();
  const reader = new CsvReader(box, { module });
  const count = workers.length;
  const read = reader.read({ name: 'big.csv' });
  await started();
  assert.equal(workers.length, count + 1);
  const worker = workers.at(-1);
  assert.equal(worker.sent.file.name, 'big.csv');
  worker.answer({ progress: 0.25 });
  assert.equal(box.hidden, false);
  assert.equal(box.parts.progress.value, 0.25);
  assert.match(box.parts['.file-progress-text'].textContent, /Reading big\.csv/);
  box.parts.button.click();
  assert.equal(await read, null);
  assert.equal(worker.terminated, true);
  assert.equal(box.hidden, true);
});

test('a refusal from the worker rejects with its reason; points come back as they were read', async () => {
  const box = pretendBox();
  const reader = new CsvReader(box, { module });
  const refused = reader.read({ name: 'huge.csv' });
  await started();
  workers.at(-1).answer({ error: 'more than 100,000 rows' });
  await assert.rejects(refused, /more than 100,000 rows/);
  assert.equal(box.hidden, true);
  const read = reader.read({ name: 'small.csv' });
  await started();
  const data = { points: new Float64Array([1, 2]), labels: new Float64Array([0]), classes: 2, bounds: new Float64Array([0, 1, 0, 1]) };
  workers.at(-1).answer({ data });
  assert.equal(await read, data);
  assert.equal(workers.at(-1).terminated, true);
});

test('a second file read cancels the first', async () => {
  const reader = new CsvReader(pretendBox(), { module });
  const first = reader.read({ name: 'a.csv' });
  await started();
  const firstWorker = workers.at(-1);
  const second = reader.read({ name: 'b.csv' });
  assert.equal(await first, null);
  assert.equal(firstWorker.terminated, true);
  await started();
  assert.notEqual(workers.at(-1), firstWorker);
  workers.at(-1).answer({ error: 'bad' });
  await assert.rejects(second, /bad/);
});

test('a read cancelled while the files module loads starts no worker', async () => {
  let loaded;
  const reader = new CsvReader(pretendBox(), { module: () => new Promise((resolve) => (loaded = resolve)) });
  const count = workers.length;
  const first = reader.read({ name: 'a.csv' });
  reader.cancel();
  assert.equal(await first, null);
  loaded('the compiled files module');
  await started();
  assert.equal(workers.length, count);
});

test('a files module that cannot be loaded rejects the read with its reason', async () => {
  const box = pretendBox();
  const reader = new CsvReader(box, { module: async () => Promise.reject(new Error('the network is gone')) });
  await assert.rejects(reader.read({ name: 'a.csv' }), /the network is gone/);
  assert.equal(box.hidden, true);
});
