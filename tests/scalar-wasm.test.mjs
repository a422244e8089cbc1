// The module built without wasm SIMD (for engines that lack it) trains, measures and paints
// exactly as the SIMD one: both loaded side by side in Node, the same runs compared bit for
// bit, weights, history and rasters.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { coreSettings, defaults } from '../www/js/settings.js';

const PKG = new URL('../www/pkg/', import.meta.url);
const GLUE = new URL('neuranim_wasm.js', PKG).href;

/** One instance of the glue and its module per build: the glue keeps its instance in the
 * module, so each build is imported under its own URL. */
async function load(file) {
  const glue = await import(`${GLUE}?${file}`);
  glue.initSync({ module: readFileSync(new URL(file, PKG)) });
  return glue;
}

const RUNS = [
  ['the course\'s run', {}],
  ['spiral, 6-3 Xavier, Adam, batch 7, L2', { dataset: 'spiral', hidden: [6, 3], init: 'xavier', optimizer: 'adam', learningRate: 0.01, batchSize: 7, regularization: 'l2', regularizationRate: 0.01 }],
  ['circle, ReLU He, momentum, all features', { dataset: 'circle', hidden: [8, 8], activation: 'relu', init: 'he', optimizer: 'momentum', learningRate: 0.03, batchSize: 10, features: ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'] }],
  ['three spirals, softmax', { dataset: 'spiral3', hidden: [8], learningRate: 0.3 }],
  ['plane, regression', { dataset: 'plane', hidden: [4], learningRate: 0.01, batchSize: 10 }],
];

/** What a run computes after `steps` updates: its parameters, its history's last record
 * and its rasters (the output and every neuron over 64 × 64), as bits. */
function outcome(glue, overrides, steps) {
  const playground = new glue.Playground(coreSettings({ ...defaults(), ...overrides }));
  playground.step(steps);
  const snap = playground.snapshot(true);
  const memory = glue.wasmMemory();
  const boundary = Array.from(new Uint32Array(memory.buffer, playground.boundaryPtr(), playground.computeBoundary(64, 64)));
  const count = playground.computeNeurons(64, 64);
  const neurons = Array.from(new Uint32Array(memory.buffer, playground.neuronsPtr(), count));
  const result = { params: Array.from(new Uint32Array(Float64Array.from(playground.params()).buffer)), cost: snap.trainCost, score: snap.trainScore, boundary, neurons };
  playground.free();
  return result;
}

test('the scalar module computes what the SIMD module computes, bit for bit', async (t) => {
  assert.ok(existsSync(new URL('neuranim_wasm_scalar_bg.wasm', PKG)), 'scripts/build-web.sh has built the scalar module');
  const simd = await load('neuranim_wasm_bg.wasm');
  const scalar = await load('neuranim_wasm_scalar_bg.wasm');
  for (const [name, overrides] of RUNS) {
    const a = outcome(simd, overrides, 1500);
    const b = outcome(scalar, overrides, 1500);
    // Compared field by field so that a failure names what differs.
    for (const key of Object.keys(a)) assert.deepEqual(b[key], a[key], `${name}: ${key}`);
    assert.ok(Number.isFinite(a.cost) && a.boundary.length > 0, name);
    t.diagnostic(`${name}: cost ${a.cost}`);
  }
});

test('where the engine lacks wasm SIMD, only the scalar module compiles, and the page\'s probe says so', () => {
  // V8 without SSE4.1 turns wasm SIMD off, as Chromium with --js-flags=--no-enable-sse4-1.
  const script = `
    import { readFileSync } from 'node:fs';
    import { chooseVariant } from ${JSON.stringify(new URL('../www/js/wasm-module.js', import.meta.url).href)};
    const valid = (file) => WebAssembly.validate(readFileSync(new URL(file, ${JSON.stringify(PKG.href)})));
    console.log(JSON.stringify([valid('neuranim_wasm_bg.wasm'), valid('neuranim_wasm_scalar_bg.wasm'), chooseVariant()]));`;
  const run = (flags) => JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.deepEqual(run(['--no-enable-sse4-1']), [false, true, 'scalar']);
  assert.deepEqual(run([]), [true, true, 'simd']);
});
