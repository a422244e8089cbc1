// The raster client's queue without a browser: a pretend worker that records what it is
// sent and answers when the test says so.

import assert from 'node:assert/strict';
import { test } from 'node:test';

const sent = [];
class PretendWorker {
  constructor() {
    this.onmessage = null;
  }
  postMessage(message) {
    sent.push(message.kind);
    this.last = message;
  }
  answer(data) {
    this.onmessage({ data: { kind: this.last.kind, ...data } });
  }
  terminate() {}
}
globalThis.Worker = PretendWorker;
// A browser's OffscreenCanvas, as far as the client looks at it.
globalThis.OffscreenCanvas = class {
  getContext() {
    return {};
  }
};
const { RasterClient } = await import('../www/js/raster-client.js');

test('a kind asked for every frame does not starve one asked for now and then', () => {
  sent.length = 0;
  const client = new RasterClient();
  const answers = [];
  const ask = (kind) => client.request(kind, {}, (data) => answers.push([kind, data]));
  ask('boundary');
  ask('atlas');
  for (let frame = 0; frame < 3; frame++) {
    ask('boundary');
    client.worker.answer({ unchanged: true });
  }
  // The atlas waited since before the second boundary: it goes second, not never.
  assert.deepEqual(sent.slice(0, 2), ['boundary', 'atlas']);
  assert.ok(answers.some(([kind]) => kind === 'atlas'));
});

test('a request still waiting is replaced by a newer one, and only the newer is answered', () => {
  sent.length = 0;
  const client = new RasterClient();
  const answered = [];
  client.request('boundary', { n: 1 }, () => answered.push(1));
  client.request('boundary', { n: 2 }, () => answered.push(2));
  client.request('boundary', { n: 3 }, () => answered.push(3));
  client.worker.answer({ unchanged: true });
  client.worker.answer({ unchanged: true });
  assert.deepEqual(answered, [1, 3]);
  assert.equal(client.worker.last.n, 3);
});

