// Builds one self-contained HTML file of the page, for file:// (an LMS upload, an e-mail
// attachment): the modules bundled, the wasm inlined once as base64, compiled once and
// instantiated with initSync, the workers carried as bundled sources started from blob URLs
// and given the compiled module, the CSS inlined.
// Usage: node scripts/build-single.mjs [OUT=dist/neuranim.html]   (after scripts/build-web.sh)

import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const root = new URL('../www/', import.meta.url).pathname;
const out = resolve(process.argv[2] ?? new URL('../dist/neuranim.html', import.meta.url).pathname);
const glue = resolve(root, 'pkg/neuranim_wasm.js');
const WORKERS = ['raster', 'gif', 'compare', 'csv'];

const wasm = (await readFile(resolve(root, 'pkg/neuranim_wasm_bg.wasm'))).toString('base64');

/** Imports of the wasm glue get an `init` that instantiates the inlined bytes at once. */
const inlineWasm = {
  name: 'inline-wasm',
  setup(b) {
    b.onResolve({ filter: /pkg\/neuranim_wasm\.js$/ }, (args) => (args.namespace === 'inline-wasm' ? { path: glue } : { path: glue, namespace: 'inline-wasm' }));
    b.onLoad({ filter: /.*/, namespace: 'inline-wasm' }, () => ({
      resolveDir: dirname(glue),
      contents: `import { initSync } from './neuranim_wasm.js';
export * from './neuranim_wasm.js';
const BYTES = "${wasm}";
let module = null;
let instance = null;
/** The inlined bytes compiled, once: the page hands this module to its workers. */
export function inlinedModule() {
  module ??= new WebAssembly.Module(Uint8Array.from(atob(BYTES), (c) => c.charCodeAt(0)));
  return module;
}
export default function init() {
  if (!instance) instance = initSync({ module: inlinedModule() });
  return Promise.resolve(instance);
}`,
    }));
  },
};

async function bundle(entry, plugins, format) {
  const result = await build({
    entryPoints: [resolve(root, entry)], bundle: true, write: false, format, minify: true, plugins, legalComments: 'none',
    // The glue's own loader (which fetches the .wasm by URL) is never called here.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return result.outputFiles[0].text;
}

const sources = {};
// The workers get the page's compiled module as their first message: no bytes of their own.
for (const name of WORKERS) sources[name] = await bundle(`js/${name}-worker.js`, [], 'iife');

/** `startWorker(new URL('./x-worker.js', import.meta.url))` becomes a worker started
 * from a blob of the bundled source of x-worker.js. */
const blobWorkers = {
  name: 'blob-workers',
  setup(b) {
    b.onResolve({ filter: /^single:workers$/ }, () => ({ path: 'workers', namespace: 'single' }));
    b.onLoad({ filter: /.*/, namespace: 'single' }, () => ({
      contents: `const SOURCES = ${JSON.stringify(sources)};
const urls = {};
export function workerUrl(name) {
  urls[name] ??= URL.createObjectURL(new Blob([SOURCES[name]], { type: 'text/javascript' }));
  return urls[name];
}`,
    }));
    b.onLoad({ filter: /www\/js\/.*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const pattern = /startWorker\(new URL\('\.\/(\w+)-worker\.js', import\.meta\.url\)\)/g;
      if (!pattern.test(text)) return undefined;
      // Still through startWorker, which hands the worker the page's compiled module.
      const replaced = text.replace(pattern, (_, name) => `startWorker(new URL(__workerUrl('${name}')))`);
      return { contents: `import { workerUrl as __workerUrl } from 'single:workers';\n${replaced}`, loader: 'js' };
    });
  },
};

const page = await bundle('js/main.js', [inlineWasm, blobWorkers], 'esm');
const css = await readFile(resolve(root, 'style.css'), 'utf8');
let html = await readFile(resolve(root, 'index.html'), 'utf8');
html = html
  .replace(/\s*<!-- Read by trunk only[^]*?data-trunk rel="copy-dir"[^>]*>/, '')
  .replace('<link rel="stylesheet" href="style.css">', () => `<style>\n${css}</style>`)
  .replace('<script type="module" src="js/main.js"></script>', () => `<script type="module">${page.replaceAll('</script', '<\\/script')}</script>`);
if (html.includes('src="js/') || html.includes('href="style.css"')) throw new Error('a reference to a separate file is left');
await mkdir(dirname(out), { recursive: true });
await writeFile(out, html);
console.log(`${out}: ${(html.length / 1024 / 1024).toFixed(2)} MB (wasm ${(wasm.length / 1024).toFixed(0)} KB as base64, once)`);
