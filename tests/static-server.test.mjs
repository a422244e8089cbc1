// The static server serves as a host does: validators answered with 304, text and wasm
// compressed as the browser accepts, a changed file served anew, nothing outside its root.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '../scripts/static-server.mjs';

const root = mkdtempSync(join(tmpdir(), 'neuranim-serve-'));
const script = `// a module\n${'export const answer = 42;\n'.repeat(200)}`;
writeFileSync(join(root, 'app.js'), script);
writeFileSync(join(root, 'tiny.css'), 'p{}');
writeFileSync(join(root, 'picture.png'), Buffer.alloc(4096, 7));
let server;
let url;
before(async () => {
  ({ server, url } = await serve(root, 0));
});
after(() => server?.close());

const get = (path, headers = {}, method = 'GET') => fetch(url + path, { method, headers });

test('an ETag or a Last-Modified the browser holds is answered with 304 and no body', async () => {
  const first = await get('app.js');
  assert.equal(first.status, 200);
  assert.equal(await first.text(), script);
  const etag = first.headers.get('etag');
  assert.match(etag, /^"[\w-]+"$/);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await get('app.js', { 'if-none-match': etag });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const since = await get('app.js', { 'if-modified-since': first.headers.get('last-modified') });
  assert.equal(since.status, 304);
  assert.equal((await get('app.js', { 'if-none-match': '"other"' })).status, 200);
});

test('a changed file gets a new ETag and is sent whole', async () => {
  const before = (await get('tiny.css')).headers.get('etag');
  writeFileSync(join(root, 'tiny.css'), 'p{color:red}');
  utimesSync(join(root, 'tiny.css'), new Date(), new Date(Date.now() + 5000));
  const changed = await get('tiny.css', { 'if-none-match': before });
  assert.equal(changed.status, 200);
  assert.equal(await changed.text(), 'p{color:red}');
  assert.notEqual(changed.headers.get('etag'), before);
});

test('text is sent with brotli or gzip as accepted, and decodes to the file; images and small files as they are', async () => {
  const raw = (path, encoding) => new Promise((done, fail) => {
    // fetch would decode the body itself; the raw bytes show what crossed the wire.
    import('node:http').then(({ get: httpGet }) => httpGet(url + path, { headers: { 'accept-encoding': encoding } }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail));
  });
  const br = await raw('app.js', 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(br.body.length < script.length / 10, `${br.body.length} bytes`);
  assert.equal(brotliDecompressSync(br.body).toString(), script);
  const gz = await raw('app.js', 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.body).toString(), script);
  const plain = await raw('app.js', 'identity');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), script);
  const png = await raw('picture.png', 'br');
  assert.equal(png.headers['content-encoding'], undefined);
  assert.deepEqual(png.body, readFileSync(join(root, 'picture.png')));
  assert.equal((await raw('tiny.css', 'br')).headers['content-encoding'], undefined);
});

test('HEAD answers without a body; paths outside the root are not found', async () => {
  const head = await get('app.js', { 'accept-encoding': 'identity' }, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(Number(head.headers.get('content-length')), script.length);
  assert.equal(await head.text(), '');
  assert.equal((await get('../etc/passwd')).status, 404);
  assert.equal((await get('%2e%2e/%2e%2e/etc/passwd')).status, 404);
  assert.equal((await get('missing.js')).status, 404);
});
