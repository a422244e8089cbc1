// The page's module graph as <link rel="modulepreload"> hints in index.html, so that the
// browser fetches every module at once instead of discovering them import by import (some
// eight round trips deep), and the wasm as a preload. Rewrites the block between the
// markers; tests/preloads.test.mjs fails while the block and the graph differ.
// Usage: node scripts/preloads.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
const BEGIN = '<!-- modulepreload: written by scripts/preloads.mjs -->';
const END = '<!-- end of modulepreload -->';

/** Every module `entry` imports, directly or not, statically (dynamic imports and workers
 * load later, on their own), as paths relative to www/. */
export function moduleGraph(entry = 'js/main.js') {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(resolve(WWW, path), 'utf8');
    for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
      visit(relative(WWW, resolve(WWW, dirname(path), spec)));
    }
    for (const [, spec] of source.matchAll(/^\s*import\s+'(\.[^']+)'/gm)) visit(relative(WWW, resolve(WWW, dirname(path), spec)));
  };
  visit(entry);
  seen.delete(entry);
  return [...seen].sort();
}

/** The hint for the SIMD module, which every engine but the oldest loads; fetched as the
 * page's fetch of it will be (same mode and credentials), so that it is used, not fetched
 * again. */
export const WASM_PRELOAD = '  <link rel="preload" href="pkg/neuranim_wasm_bg.wasm" as="fetch" type="application/wasm" crossorigin>';

/** The block of hints for index.html. */
export function preloadBlock() {
  const lines = moduleGraph().map((path) => `  <link rel="modulepreload" href="${path}">`);
  lines.push(WASM_PRELOAD);
  return `${BEGIN}\n${lines.join('\n')}\n  ${END}`;
}

export function currentBlock(html) {
  const start = html.indexOf(BEGIN);
  const end = html.indexOf(END);
  return start < 0 || end < 0 ? null : html.slice(start, end + END.length);
}

/** A page of www/ without what only its source form needs: trunk's links and the hints
 * for its separate modules (a build bundles them, and hints what it made instead). */
export function withoutSourceHints(html) {
  return html
    .replace(/\s*<!-- Read by trunk only[^]*?data-trunk rel="copy-dir"[^>]*>/, '')
    .replace(new RegExp(`\\s*${BEGIN}[^]*?${END}`), '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = resolve(WWW, 'index.html');
  const html = readFileSync(file, 'utf8');
  const current = currentBlock(html);
  const next = current ? html.replace(current, preloadBlock()) : html.replace('  <script type="module" src="js/main.js"></script>', `  ${preloadBlock()}\n  <script type="module" src="js/main.js"></script>`);
  writeFileSync(file, next);
  console.log(`${file}: ${moduleGraph().length} modules preloaded`);
}
