// index.html hints every module the page imports (and the wasm), so that the browser
// fetches them at once: the hints must be the page's module graph, no more and no fewer.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { currentBlock, moduleGraph, preloadBlock } from '../scripts/preloads.mjs';

test('index.html preloads exactly the modules main.js imports, and the wasm', () => {
  const html = readFileSync(new URL('../www/index.html', import.meta.url), 'utf8');
  const graph = moduleGraph();
  assert.ok(graph.includes('js/wasm-module.js') && graph.includes('pkg/neuranim_wasm.js') && graph.length > 40, graph.join(' '));
  assert.equal(currentBlock(html), preloadBlock(), 'run node scripts/preloads.mjs');
});
