// Builds the site as it is published (site/): the page's modules bundled and minified by
// esbuild into a few files (each page's entry, each worker, and the chunks one visit shares),
// so that a first visit loads a handful of files rather than some seventy, and each page hints
// the chunks its entry imports; the styles minified, and the wasm and the HTML copied beside
// them. The URLs inside stay the same (js/main.js, js/element.js, pkg/…), so the snippets,
// links and the element work as from www/. `www/` stays the source, served as is while
// developing.
// Usage: node scripts/build-site.mjs [OUT=site]   (after scripts/build-web.sh)

import { build, transform } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { currentBlock, WASM_PRELOAD, withoutSourceHints } from './preloads.mjs';

const root = new URL('../www/', import.meta.url).pathname;
const out = resolve(process.argv[2] ?? new URL('../site', import.meta.url).pathname);
const PAGES = ['index.html', 'embed.html', 'lesson.html', 'blog.html', 'bench.html'];
const WORKERS = ['raster-worker', 'gif-worker', 'compare-worker', 'csv-worker'];
const CSS_TARGETS = ['chrome100', 'firefox115', 'safari15.4'];

await rm(out, { recursive: true, force: true });
await mkdir(resolve(out, 'js'), { recursive: true });

/** A page's module script tags: [tag, its www/ path (js/x.js)]. */
const scriptTags = (html) => [...html.matchAll(/<script type="module" src="(js\/[\w-]+\.js)"[^>]*><\/script>/g)];
/** The module scripts each page loads, by their www/ path. */
const scriptsOf = (html) => scriptTags(html).map(([, src]) => src);
const pages = await Promise.all(PAGES.map(async (name) => ({ name, html: await readFile(resolve(root, name), 'utf8') })));
const pageScripts = (name) => scriptsOf(pages.find((page) => page.name === name).html);

// Three kinds of build, so that chunks are split only where they are shared in one visit: the
// full page's scripts together (its entry, and what it loads on first use); the other pages'
// scripts together (the lesson and the post share the element); and each worker on its own,
// whole. Built all at once, every set of entries a module is shared by would make a chunk of
// its own, and a first visit of the page would load thirteen scripts rather than five: on
// HTTP/1.1 and a slow line, a round trip more.
const fullPage = pageScripts('index.html');
const otherPages = [...new Set(pages.flatMap(({ html }) => scriptsOf(html)))].filter((src) => !fullPage.includes(src));
const groups = [
  { entries: fullPage, splitting: true },
  { entries: otherPages, splitting: true },
  ...WORKERS.map((worker) => ({ entries: [`js/${worker}.js`], splitting: false })),
];
const entries = groups.flatMap((group) => group.entries);

/** The wasm's glue, `pkg/neuranim_wasm.js`, stays a file of its own that the page's scripts and
 * its workers all import, rather than a copy bundled into each: a first visit fetched it twice,
 * in the page's scripts and in the raster worker's, 5 KB gzipped each time. Its imports are
 * written `../pkg/neuranim_wasm.js` from `js/`, as they stay in the bundles' `js/`. */
const GLUE = 'pkg/neuranim_wasm.js';
const sharedGlue = {
  name: 'shared-glue',
  setup(build) {
    build.onResolve({ filter: /\/pkg\/neuranim_wasm\.js$/ }, () => ({ path: `../${GLUE}`, external: true }));
  },
};

const results = [];
for (const { entries: group, splitting } of groups) {
  results.push(await build({
    entryPoints: group.map((entry) => resolve(root, entry)),
    outdir: resolve(out, 'js'),
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting,
    format: 'esm',
    minify: true,
    legalComments: 'none',
    metafile: true,
    plugins: [sharedGlue],
    // The workers and the wasm are found at run time by `new URL(…, import.meta.url)`, which
    // stays as written: the workers are entries of their own, the wasm is copied below. The
    // one-file build's inlined module does not exist here, as wasm-module.js expects.
    logOverride: { 'empty-import-meta': 'silent', 'import-is-undefined': 'silent' },
  }));
}
const outputs = Object.assign({}, ...results.map((result) => result.metafile.outputs));

/** The chunks an entry imports, directly or not, as paths relative to site/. */
function chunksOf(entry) {
  const key = Object.keys(outputs).find((path) => outputs[path].entryPoint && resolve(outputs[path].entryPoint) === resolve(root, entry));
  const seen = new Set();
  const visit = (path) => {
    for (const { path: imported, kind, external } of outputs[path].imports) {
      if (kind !== 'import-statement' || seen.has(imported)) continue;
      seen.add(imported);
      if (!external) visit(imported);
    }
  };
  visit(key);
  return [...seen].map((path) => (path === `../${GLUE}` ? GLUE : `js/${basename(path)}`)).sort();
}

for (const { name, html } of pages) {
  // Each script's chunks are hinted just before it, each chunk once: a script that blocks the
  // first paint (first-look.js) has its own requested first.
  // A page that hints the wasm in its source form (the page and the embed) hints it here too,
  // first of all: on a slow line Play waits for it more than for anything else.
  const wasm = currentBlock(html) ? [WASM_PRELOAD] : [];
  let page = withoutSourceHints(html);
  const hinted = new Set();
  const tags = scriptTags(page);
  for (const [index, [tag, src]] of tags.entries()) {
    const chunks = chunksOf(src).filter((path) => !hinted.has(path));
    for (const path of chunks) hinted.add(path);
    const hints = [...(index === 0 ? wasm : []), ...chunks.map((path) => `  <link rel="modulepreload" href="${path}">`)];
    if (hints.length) page = page.replace(tag, `${hints.join('\n').trimStart()}\n  ${tag}`);
  }
  await writeFile(resolve(out, name), page);
}

// The styles minified (their comments are a third of their gzipped bytes), for the engines
// the page supports, so nothing newer than they read is written in.
for (const file of await readdir(root)) {
  if (!file.endsWith('.css')) continue;
  const { code } = await transform(await readFile(resolve(root, file), 'utf8'), { loader: 'css', minify: true, target: CSS_TARGETS });
  await writeFile(resolve(out, file), code);
}
await mkdir(resolve(out, 'pkg'), { recursive: true });
for (const file of ['neuranim_wasm_bg.wasm', 'neuranim_wasm_scalar_bg.wasm', 'neuranim_files_bg.wasm']) await cp(resolve(root, 'pkg', file), resolve(out, 'pkg', file));
const glue = await transform(await readFile(resolve(root, GLUE), 'utf8'), { loader: 'js', format: 'esm', minify: true, legalComments: 'none' });
await writeFile(resolve(out, GLUE), glue.code);

const files = await readdir(resolve(out, 'js'));
const bytes = Object.values(outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`${out}: ${files.length} scripts (${entries.length} entries, ${files.length - entries.length} shared chunks), ${bytes.toLocaleString('en-US')} B of JavaScript`);
