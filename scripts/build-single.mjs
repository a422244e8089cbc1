// Builds one self-contained HTML file of the page, and one of the lesson, for file:// (an
// LMS upload, an e-mail attachment, a class without network): the modules bundled, the wasm
// inlined once, gzipped and as base64, unzipped and compiled once and instantiated with
// initSync, the workers carried
// as bundled sources started from blob URLs and given the compiled module, the CSS inlined
// (the element's stylesheets as data: URLs). The lesson's links to the page go to the page's
// one file beside it.
// Usage: node scripts/build-single.mjs [OUT=dist/neuranim.html]   (after scripts/build-web.sh)
// The lesson is written beside OUT, as lesson.html.

import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { withoutSourceHints } from './preloads.mjs';
import { basename, dirname, resolve } from 'node:path';

const root = new URL('../www/', import.meta.url).pathname;
const out = resolve(process.argv[2] ?? new URL('../dist/neuranim.html', import.meta.url).pathname);
const lessonOut = resolve(dirname(out), 'lesson.html');
const WORKERS = ['raster', 'gif', 'compare', 'csv'];

// Each wasm gzipped, then base64: 0.3 MB of wasm is 0.4 MB as base64 but 0.17 MB gzipped
// first. Every engine with the wasm SIMD the training module needs (Chrome 91, Firefox 89,
// Safari 16.4) but Firefox 89 to 112 has DecompressionStream; Firefox ESR 115 has both.
// The training module (neuranim_wasm) and the files module (neuranim_files, files-wasm.js).
const MODULES = ['neuranim_wasm', 'neuranim_files'];
const gzipped = {};
for (const name of MODULES) gzipped[name] = gzipSync(await readFile(resolve(root, `pkg/${name}_bg.wasm`)), { level: 9 }).toString('base64');

/** Imports of a wasm glue get an `init` that instantiates its inlined bytes. */
const inlineWasm = {
  name: 'inline-wasm',
  setup(b) {
    b.onResolve({ filter: /pkg\/neuranim_(wasm|files)\.js$/ }, (args) => {
      const path = resolve(root, 'pkg', basename(args.path));
      return args.namespace === 'inline-wasm' ? { path } : { path, namespace: 'inline-wasm' };
    });
    b.onLoad({ filter: /.*/, namespace: 'inline-wasm' }, (args) => ({
      resolveDir: dirname(args.path),
      contents: `import { initSync } from './${basename(args.path)}';
export * from './${basename(args.path)}';
const GZIPPED = "${gzipped[basename(args.path, '.js')]}";
let module = null;
let instance = null;
/** The inlined bytes unzipped and compiled, once: the page hands this module to its workers. */
export function inlinedModule() {
  module ??= (async () => {
    const zipped = new Blob([Uint8Array.from(atob(GZIPPED), (c) => c.charCodeAt(0))]);
    const bytes = await new Response(zipped.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    return WebAssembly.compile(bytes);
  })();
  return module;
}
export default async function init() {
  if (!instance) instance = initSync({ module: await inlinedModule() });
  return instance;
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
      const pattern = /startWorker\(new URL\('\.\/(\w+)-worker\.js', import\.meta\.url\)/g;
      const stylesheet = /new URL\('\.\.\/(\w+)\.css', import\.meta\.url\)\.href/g;
      if (!text.match(pattern) && !text.match(stylesheet)) return undefined;
      // Still through startWorker, which hands the worker the page's compiled module.
      let replaced = text.replace(pattern, (_, name) => `startWorker(new URL(__workerUrl('${name}'))`);
      // The element's stylesheets, for its shadow root: data: URLs of their text.
      const sheets = await Promise.all([...text.matchAll(stylesheet)].map(async ([, name]) => [name, (await readFile(resolve(root, `${name}.css`))).toString('base64')]));
      for (const [name, base64] of sheets) replaced = replaced.replaceAll(`new URL('../${name}.css', import.meta.url).href`, JSON.stringify(`data:text/css;base64,${base64}`));
      return { contents: `import { workerUrl as __workerUrl } from 'single:workers';\n${replaced}`, loader: 'js' };
    });
  },
};

/** `page` (an HTML file of www/) with its stylesheets and its module scripts inlined. */
async function single(pageName, scripts) {
  let html = await readFile(resolve(root, pageName), 'utf8');
  // The served page's hints for its separate files: here everything is inside.
  html = withoutSourceHints(html);
  for (const [, name] of html.matchAll(/<link rel="stylesheet" href="(\w+)\.css">/g)) {
    const css = await readFile(resolve(root, `${name}.css`), 'utf8');
    html = html.replace(`<link rel="stylesheet" href="${name}.css">`, () => `<style>\n${css}</style>`);
  }
  for (const script of scripts) {
    const code = await bundle(script, [inlineWasm, blobWorkers], 'esm');
    const tag = new RegExp(`<script type="module" src="${script.replaceAll('.', '\\.')}"([^>]*)></script>`);
    html = html.replace(tag, (_, attributes) => `<script type="module"${attributes}>${code.replaceAll('</script', '<\\/script')}</script>`);
  }
  // A page's other scripts are bundled into the first.
  html = html.replace(/\s*<script type="module" src="js\/[\w-]+\.js"[^>]*><\/script>/g, '');
  if (html.includes('src="js/') || /href="\w+\.css"|href="(js|pkg)\//.test(html)) throw new Error(`${pageName}: a reference to a separate file is left`);
  return html;
}

const html = await single('index.html', ['js/first-look.js', 'js/main.js']);
// The lesson's own script imports the element; links to the page go to its one file, and
// what only a served site has (the demo post) is left out.
const lesson = (await single('lesson.html', ['js/lesson.js']))
  .replaceAll('href="index.html', 'href="neuranim.html')
  .replace('<body>', '<body data-page="neuranim.html">')
  .replace(/<span data-online>[^]*?<\/span>/g, '');
if (lesson.includes('"blog.html"')) throw new Error('lesson.html: a link to the served site is left');
await mkdir(dirname(out), { recursive: true });
await writeFile(out, html);
await writeFile(lessonOut, lesson);
const copies = (text) => MODULES.map((name) => `${name} ${text.split(gzipped[name]).length - 1}×`).join(', ');
const sizes = MODULES.map((name) => `${name} ${gzipped[name].length.toLocaleString('en-US')} B`).join(', ');
console.log(`${out}: ${html.length.toLocaleString('en-US')} B (the wasm gzipped as base64: ${sizes}; ${copies(html)})`);
console.log(`${lessonOut}: ${lesson.length.toLocaleString('en-US')} B (${copies(lesson)})`);
