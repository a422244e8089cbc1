// A small static file server for the built page: correct MIME types (wasm must be
// application/wasm for streaming compilation), loopback only, no directory listings.
// Usage: node scripts/static-server.mjs DIR [PORT]   (PORT 0 picks a free one)

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Starts serving `root`; resolves to { server, url }. `options.prefix` serves it under a
 * sub-path (e.g. '/course/neuranim/', as a project site is); `options.headers` are added to
 * every answer (e.g. a Content-Security-Policy).
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
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        // The element, its module, glue, wasm, workers and CSS are for other sites' posts too.
        'Access-Control-Allow-Origin': '*',
        ...headers,
      });
      response.end(body);
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
