// Wires the page: one Playground from wasm, trained a few updates per animation frame, and
// the boundary repainted at the canvas's full device resolution.

import init, { Playground, lastPanicMessage } from '../pkg/neuranim_wasm.js';
import { Heatmap } from './heatmap.js';
import { probabilityLut } from './palette.js';
import { drawPoints } from './points.js';

const $ = (id) => document.getElementById(id);
const ui = {
  canvas: $('boundary'),
  play: $('play'),
  step: $('step'),
  reset: $('reset'),
  speed: $('speed'),
  iteration: $('iteration'),
  cost: $('cost'),
  accuracy: $('accuracy'),
  notice: $('notice'),
  error: $('error'),
};

let wasm;
let playground;
let playing = false;
let heatmap;

function showError(error) {
  playing = false;
  const panic = safely(lastPanicMessage);
  ui.error.textContent = `Something went wrong: ${panic || error?.message || error}`;
  ui.error.hidden = false;
  ui.play.textContent = 'Play';
}

function safely(f) {
  try {
    return f();
  } catch {
    return '';
  }
}

function start() {
  playground?.free();
  playground = new Playground({});
  ui.notice.hidden = true;
  render();
}

/** Sizes the canvas backing store to its CSS box times the device pixel ratio. */
function fitCanvas() {
  const ratio = window.devicePixelRatio || 1;
  const rect = ui.canvas.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width * ratio));
  const height = Math.max(1, Math.round(rect.height * ratio));
  if (ui.canvas.width !== width || ui.canvas.height !== height) {
    ui.canvas.width = width;
    ui.canvas.height = height;
  }
  return ratio;
}

function render() {
  const ratio = fitCanvas();
  const { width, height } = ui.canvas;
  const length = playground.computeBoundary(width, height);
  // A fresh view every frame: the call above may have grown (and detached) wasm memory.
  const values = new Float32Array(wasm.memory.buffer, playground.boundaryPtr(), length);
  heatmap.paint(values, width, height);
  drawPoints(heatmap.ctx, playground.trainPoints(), playground.trainLabels(), playground.bounds(), ratio);
  const snap = playground.snapshot();
  ui.iteration.textContent = snap.iteration.toLocaleString('en-US');
  ui.cost.textContent = snap.trainCost == null ? '–' : snap.trainCost.toFixed(6);
  ui.accuracy.textContent = snap.trainScore == null ? '–' : `${(100 * snap.trainScore).toFixed(1)} %`;
  if (snap.diverged) {
    playing = false;
    ui.play.textContent = 'Play';
    ui.notice.textContent = snap.diverged;
    ui.notice.hidden = false;
  }
}

function frame() {
  try {
    if (playing) {
      playground.step(Number(ui.speed.value));
      render();
    }
  } catch (error) {
    showError(error);
    return;
  }
  requestAnimationFrame(frame);
}

function togglePlay() {
  playing = !playing;
  ui.play.textContent = playing ? 'Pause' : 'Play';
}

function guarded(action) {
  return () => {
    try {
      action();
    } catch (error) {
      showError(error);
    }
  };
}

const stepOnce = guarded(() => {
  playground.step(1);
  render();
});
const reset = guarded(() => {
  playing = false;
  ui.play.textContent = 'Play';
  start();
});

async function main() {
  wasm = await init();
  heatmap = new Heatmap(ui.canvas, probabilityLut());
  start();
  ui.play.addEventListener('click', togglePlay);
  ui.step.addEventListener('click', stepOnce);
  ui.reset.addEventListener('click', reset);
  document.addEventListener('keydown', (event) => {
    if (event.target.closest('select, input, textarea')) return;
    if (event.key === ' ') {
      event.preventDefault();
      togglePlay();
    } else if (event.key === 'ArrowRight') {
      stepOnce();
    } else if (event.key === 'r' || event.key === 'R') {
      reset();
    }
  });
  new ResizeObserver(guarded(render)).observe(ui.canvas);
  document.documentElement.dataset.ready = 'true';
  requestAnimationFrame(frame);
}

main().catch(showError);
