// A small static file server for the built page that serves as a static host does, so that
// what is measured here is what readers get: correct MIME types (wasm must be
// application/wasm for streaming compilation), validators (ETag, Last-Modified) answered
// with 304, text compressed with brotli or gzip as the browser accepts, loopback only, no
// directory listings. Files are revalidated on every use (`no-cache`) rather than kept for
// a while, so that a rebuild shows at once.
// Usage: node scripts/static-server.mjs DIR [PORT]   (PORT 0 picks a free one)

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

/** Types worth compressing: text and wasm (images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ts']);
/** Below this many bytes, compression saves less than its headers cost. */
const SMALL = 1024;

/** Each file's body, validators and compressed forms, kept while its mtime and size hold. */
const cache = new Map();

async function entryOf(file) {
  const info = await stat(file);
  const key = `${info.mtimeMs}:${info.size}`;
  const kept = cache.get(file);
  if (kept?.key === key) return kept;
  const body = await readFile(file);
  const entry = {
    key,
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    modified: new Date(Math.floor(info.mtimeMs / 1000) * 1000),
    encoded: {},
  };
  cache.set(file, entry);
  return entry;
}

/** The encoding to send, from the request's Accept-Encoding: brotli, then gzip, else none. */
function encodingFor(request, file, size) {
  if (!COMPRESSIBLE.has(extname(file)) || size < SMALL) return null;
  const accepted = (request.headers['accept-encoding'] ?? '').split(',').map((part) => part.trim().split(';')[0]);
  return ['br', 'gzip'].find((name) => accepted.includes(name)) ?? null;
}

/** Brotli at quality 9, as hosts compress on the fly: quality 11 (what a host that
 * compresses ahead of time sends) saves a tenth more of the wasm but takes some 0.85 s. */
const BROTLI_QUALITY = 9;

function encode(entry, encoding) {
  entry.encoded[encoding] ??= encoding === 'br'
    ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
    : gzipSync(entry.body, { level: 9 });
  return entry.encoded[encoding];
}

/** Whether the request's validators say its copy is current. */
function fresh(request, entry) {
  const match = request.headers['if-none-match'];
  if (match) return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag);
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && entry.modified.getTime() <= since;
}

/**
 * Starts serving `root`; resolves to { server, url }. `options.prefix` serves it under a
 * sub-path (e.g. '/course/neuranim/', as a project site is); `options.headers` are added to
 * every answer (e.g. a Content-Security-Policy), or, as a function, to the answer for a path
 * (from the root, '/pkg/…'); a header given as undefined is left out (a host that sends
 * Access-Control-Allow-Origin for some folders and not others).
 */
export function serve(root, port = 0, host = '127.0.0.1', { prefix = '/', headers = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const full = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      if (!full.startsWith(prefix)) throw Object.assign(new Error(), { code: 'ENOENT' });
      const path = '/' + full.slice(prefix.length);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const entry = await entryOf(file);
      const common = Object.fromEntries(Object.entries({
        'Cache-Control': 'no-cache',
        ETag: entry.etag,
        'Last-Modified': entry.modified.toUTCString(),
        Vary: 'Accept-Encoding',
        // The element, its module, glue, wasm, workers and CSS are for other sites' posts too.
        'Access-Control-Allow-Origin': '*',
        ...(typeof headers === 'function' ? headers(path) : headers),
      }).filter(([, value]) => value !== undefined));
      if (fresh(request, entry)) {
        response.writeHead(304, common);
        response.end();
        return;
      }
      const encoding = encodingFor(request, file, entry.body.length);
      const body = encoding ? encode(entry, encoding) : entry.body;
      response.writeHead(200, {
        ...common,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      const missing = error.code === 'ENOENT' || error.code === 'ENOTDIR';
      response.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain' });
      response.end(missing ? 'not found' : 'server error');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      done({ server, url: `http://${host}:${actual}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'www', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, Number(port));
  console.log(`neuranim is being served at ${url}  (Ctrl-C stops it)`);
}
