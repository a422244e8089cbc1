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
  const reader = new CsvReader(box);
  const read = reader.read({ name: 'big.csv' });
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
  const reader = new CsvReader(box);
  const refused = reader.read({ name: 'huge.csv' });
  workers.at(-1).answer({ error: 'more than 100,000 rows' });
  await assert.rejects(refused, /more than 100,000 rows/);
  assert.equal(box.hidden, true);
  const read = reader.read({ name: 'small.csv' });
  const data = { points: new Float64Array([1, 2]), labels: new Float64Array([0]), classes: 2, bounds: new Float64Array([0, 1, 0, 1]) };
  workers.at(-1).answer({ data });
  assert.equal(await read, data);
  assert.equal(workers.at(-1).terminated, true);
});

test('a second file read cancels the first', async () => {
  const reader = new CsvReader(pretendBox());
  const first = reader.read({ name: 'a.csv' });
  const firstWorker = workers.at(-1);
  const second = reader.read({ name: 'b.csv' });
  assert.equal(await first, null);
  assert.equal(firstWorker.terminated, true);
  workers.at(-1).answer({ error: 'bad' });
  await assert.rejects(second, /bad/);
});
