// Paints the page from the run on show: the data panel, the graph, the chart and readouts
// (taking turns while training plays), the maths and the time machine; and the page's look
// (hidden parts, contrast, presenter mode).

import { neuronFocus } from './data-view.js';
import { FEATURE_NAMES } from './controls.js';
import { describeRate } from './run-controller.js';
import { seekStep } from './time-machine.js';
import { notify } from './messages.js';
import { run } from './page-run.js';
import { showAppearance } from './link.js';
import { showSpace } from './space-menu.js';
import { $, RATE_EVERY_MS, state, ui } from './page-state.js';
import { fixed, percent } from './number-text.js';
import { setFittedText } from './fit-text.js';

/** Shows iteration `iteration` of the recording: at once when its replay fits a frame's
 * budget, else over the following frames (the scrubber follows the replay). */
export function showIteration(iteration) {
  state.seeking = iteration;
  continueSeek();
}

export function continueSeek() {
  if (seekStep(state.playground, state.seeking)) state.seeking = null;
  render();
}

export function showRate() {
  const now = performance.now();
  if (now - state.rateShownAt < RATE_EVERY_MS && run.playing) return;
  state.rateShownAt = now;
  const rate = $('rate');
  if (rate) setText(rate, describeRate(run.rate));
}

/** Shows a neuron's own map in the data panel (`layer` counts weight layers from 0, the
 * first hidden layer), or the output again for null. */
export function showNeuron(layer, index) {
  const { sizes } = layer == null ? {} : state.playground.snapshot();
  state.view.focus(layer == null ? null : neuronFocus(sizes, layer, index, { activation: state.settings.activation, task: state.task }));
  if (!run.playing) render();
}


/** Like setText: only a change is written. */
export function setHidden(element, hidden) {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/** Writing the same text again would still cost a layout; only changes are written. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** Paints the run as it is now; `secondary: false` leaves the graph and the chart (see
 * use()). */
export function render({ secondary = true } = {}) {
  const { playground, task, settings } = state;
  // The cost and accuracy are measured (a pass over the data) only for the readouts.
  const snap = playground.snapshot(secondary && !run.playing);
  state.iteration = snap.liveIteration;
  state.view.render(playground, task, snap.sizes, {
    showTest: ui.showTest.checked,
    showPoints: !state.noPoints,
    selected: state.selected,
    discrete: ui.discretize.checked,
    highContrast: settings.contrast === 'high',
    playing: run.playing,
  });
  // While training plays, the boundary moves every frame; the graph, the chart and the
  // readouts take turns, 30 times a second each, which looks as smooth (numbers change
  // faster than anyone reads them) and halves their cost.
  const turn = run.playing ? state.frame++ % 2 : -1;
  if (secondary) drawSecondary(snap, { graph: turn !== 0, chart: turn !== 1 });
  showSpace(snap);
  if (state.maths) {
    if (state.selected) {
      const featureNames = Array.from(playground.features(), (f) => FEATURE_NAMES[f] ?? f);
      state.maths.show(playground, state.selected, { activation: playground.activation(), task, featureNames });
    } else {
      state.maths.hide();
    }
  }
  const wasPlaying = run.playing;
  if (snap.diverged && snap.iteration === snap.liveIteration) {
    run.setPlaying(false);
    notify([snap.diverged]);
  }
  // Stopped here: what took turns shows this last frame too.
  if (wasPlaying && !run.playing) drawSecondary(snap, { graph: true, chart: true });
  state.timeMachine?.update(snap, { playing: run.playing, cleared: state.noPoints, seeking: state.seeking });
  return snap;
}

/** The network graph, and the chart with the readouts. */
export function drawSecondary(snap, { graph, chart }) {
  const { playground, task } = state;
  if (graph) {
    state.graph?.draw(playground, snap, { playing: run.playing, task: state.task });
    state.graphShape?.show(state.settings);
  }
  if (!chart) return;
  // A cleared plot has no run to tell of until the reader adds points: the chart keeps its
  // axes, the readouts their dashes.
  const cleared = state.noPoints;
  state.chart?.draw(playground, {
    cursorIteration: snap.iteration,
    logScale: ui.logScale.checked,
    showTest: snap.testCost != null,
    empty: cleared,
  });
  if (!run.playing) state.chartReadout?.refresh();
  const regression = task.kind === 'regression';
  const score = (value) => (cleared ? '–' : regression ? fixed(value) : percent(value));
  const count = (value) => (cleared ? '–' : value.toLocaleString('en-US'));
  setFittedText(ui.iteration, count(snap.iteration));
  setFittedText(ui.epoch, count(snap.epoch));
  setFittedText(ui.cost, cleared ? '–' : fixed(snap.trainCost));
  setFittedText(ui.accuracy, score(snap.trainScore));
  setText(ui.scoreName, regression ? 'RMSE' : 'Accuracy');
  // A regression's chart draws its cost alone: its RMSE is no accuracy to plot on 0–100 %.
  setText(ui.chartTitle, regression ? 'Cost' : 'Cost and accuracy');
  setText(ui.testScoreName, regression ? 'Test RMSE' : 'Test accuracy');
  // Without a test set, the readouts say so rather than show a dash that might be a delay.
  const noTest = markReadouts(state.settings);
  setFittedText(ui.testCost, noTest ? 'no test set' : cleared ? '–' : fixed(snap.testCost));
  setFittedText(ui.testAccuracy, noTest ? 'no test set' : score(snap.testScore));
}

/** Whether the run has no test set, said on the readouts too: presenter mode leaves the test
 * readouts out then, since a projector has no room for a sentence in a number's place. It
 * leaves the epoch out too where each update is an epoch (full batch), the iteration's number
 * again: on a 1024 × 768 projector that row is what a test set's readouts and a notice need. */
export function markReadouts(settings) {
  const noTest = settings.testRatio === 0;
  ui.readouts.classList.toggle('no-test', noTest);
  ui.readouts.classList.toggle('full-batch', settings.batchSize === 'full');
  return noTest;
}

/** Hide flags, contrast and presenter mode: the page's look, which never touches the run. */
export function applyAppearance() {
  showAppearance(state.settings);
}
