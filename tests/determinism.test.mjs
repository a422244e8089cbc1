// Native and wasm32 builds of the core compute the same bits: the CLI's weights after N
// updates equal, number for number, what the browser's wasm module computes.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { initSync, Playground } from '../www/pkg/neuranim_wasm.js';

const root = new URL('../', import.meta.url).pathname;
const cli = process.env.NEURANIM_CLI ?? join(root, 'target/debug/neuranim');
initSync({ module: readFileSync(join(root, 'www/pkg/neuranim_wasm_bg.wasm')) });

function nativeWeights(args) {
  const out = join(mkdtempSync(join(tmpdir(), 'neuranim-')), 'weights.json');
  execFileSync(cli, ['train', ...args, '--weights-out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(out, 'utf8'));
}

function wasmWeights(settings, iterations) {
  const playground = new Playground(settings);
  assert.equal(playground.step(iterations), iterations);
  const weights = playground.weightsFile();
  playground.free();
  return weights;
}

function assertSameBits(native, wasm) {
  const a = native.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  const b = wasm.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  assert.equal(a.length, b.length);
  const view = new DataView(new ArrayBuffer(16));
  a.forEach((x, i) => {
    view.setFloat64(0, x);
    view.setFloat64(8, b[i]);
    assert.equal(view.getBigUint64(0), view.getBigUint64(8), `parameter ${i}: ${x} vs ${b[i]}`);
  });
}

test('the course run: 2-4-1 full batch, 2000 updates', () => {
  assertSameBits(nativeWeights(['--iterations', '2000']), wasmWeights({}, 2000));
});

test('a deep Adam run: 2-8x6-1 on the spiral, batches of 10, L2', () => {
  const args = ['--dataset', 'spiral', '--noise', '0.2', '--hidden', '8,8,8,8,8,8', '--init', 'xavier',
    '--batch', '10', '--optimizer', 'adam', '--lr', '0.01', '--l2', '0.001', '--test-ratio', '0.5',
    '--seed', '7', '--iterations', '1500'];
  const settings = {
    dataset: 'spiral', noise: 0.2, hidden: [8, 8, 8, 8, 8, 8], init: 'xavier', batchSize: 10,
    optimizer: 'adam', learningRate: 0.01, regularization: 'l2', regularizationRate: 0.001,
    testRatio: 0.5, seed: 7,
  };
  assertSameBits(nativeWeights(args), wasmWeights(settings, 1500));
});

test('softmax and ReLU: the three-class spiral', () => {
  const args = ['--dataset', 'spiral3', '--hidden', '16', '--activation', 'relu', '--init', 'he',
    '--lr', '0.5', '--iterations', '800'];
  const settings = { dataset: 'spiral3', hidden: [16], activation: 'relu', init: 'he', learningRate: 0.5 };
  assertSameBits(nativeWeights(args), wasmWeights(settings, 800));
});
