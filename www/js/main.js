// Wires the page: the settings table drives the controls, the URL hash and the wasm
// Playground; the run controller trains within each animation frame's budget, and the page
// repaints what it trained.

import init, { Playground, lastPanicMessage } from '../pkg/neuranim_wasm.js';
import { CsvReader } from './csv-reader.js';
import { quote } from './quote.js';
import { DataEditor } from './data-editor.js';
import { MathsPanel } from './maths-panel.js';
import { LayerSpace } from './layer-space.js';
import { CompareView } from './compare.js';
import { FEATURE_NAMES } from './controls.js';
import { CostChart } from './chart.js';
import { Controls } from './controls.js';
import { DataView, taskOf } from './data-view.js';
import { NetworkGraph } from './network-graph.js';
import { RasterClient } from './raster-client.js';
import { seekStep, TimeMachine } from './time-machine.js';
import { coloursFor } from './colour-tables.js';
import { download, fileName } from './files.js';
import { drawFrame } from './frame.js';
import { GifExport } from './gif-export.js';
import { gifPalette } from './palette.js';
import { applyPreset, coreSettings, FIELDS, fromCoreSettings, parseHash, toHash } from './settings.js';
import { describeRate, RunController } from './run-controller.js';

const $ = (id) => document.getElementById(id);
const ui = {
  canvas: $('boundary'),
  controls: $('controls'),
  play: $('play'),
  step: $('step'),
  stepEpoch: $('step-epoch'),
  reset: $('reset'),
  showTest: $('show-test'),
  discretize: $('discretize'),
  logScale: $('log-scale'),
  iteration: $('iteration'),
  epoch: $('epoch'),
  cost: $('cost'),
  accuracy: $('accuracy'),
  scoreName: $('score-name'),
  testCost: $('test-cost'),
  testAccuracy: $('test-accuracy'),
  testScoreName: $('test-score-name'),
  notice: $('notice'),
  error: $('error'),
};
/** Own data beyond this many points is drawn in a task after the one that builds its run. */
const SPLIT_POINTS = 20000;
/** How often the achieved rate is rewritten: often enough to follow, rarely enough to read. */
const RATE_EVERY_MS = 500;

const state = { seeking: null, space: null, spaceShape: null, layerSpace: null, selected: null, maths: null, ownData: null, noPoints: false, editor: null, wasm: null, settings: null, playground: null, task: null, view: null, controls: null, iteration: 0, frame: 0, rateShownAt: 0 };

const run = new RunController({
  playground: () => state.playground,
  onFrame: ({ trained, stopped }) => {
    if (trained || stopped || run.playing) render();
    else if (state.seeking !== null) continueSeek();
    else if (state.timeMachine?.replaying) state.timeMachine.tick();
    showRate();
  },
  onPlayingChange: (playing) => {
    // Training goes on from the live run: a seek under way is dropped.
    if (playing) state.seeking = null;
    ui.play.textContent = playing ? 'Pause' : 'Play';
    ui.play.setAttribute('aria-pressed', String(playing));
  },
  onError: (error) => showError(error),
});

function safely(f) {
  try {
    return f();
  } catch {
    return '';
  }
}

function showError(error) {
  run.setPlaying(false);
  const panic = safely(lastPanicMessage);
  const text = String(panic || error?.message || error);
  ui.error.textContent = `Something went wrong: ${text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS)}…` : text}`;
  ui.error.hidden = false;
}

/** No message, whatever it quotes, outgrows a few lines. */
const LINE_CHARS = 400;

function notify(lines) {
  const text = lines.filter(Boolean).map((line) => (line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)}…` : line)).join('\n');
  ui.notice.textContent = text;
  ui.notice.hidden = !text;
}

/** Shows the settings in the controls, and gives the run controller the speed and stop
 * iteration to train by: every change of the settings goes through here. */
function showSettings() {
  state.controls.show(state.settings);
  run.configure({ speed: state.settings.speed, stopAt: state.settings.iterations });
}

/** Shows iteration `iteration` of the recording: at once when its replay fits a frame's
 * budget, else over the following frames (the scrubber follows the replay). */
function showIteration(iteration) {
  state.seeking = iteration;
  continueSeek();
}

function continueSeek() {
  if (seekStep(state.playground, state.seeking)) state.seeking = null;
  render();
}

function showRate() {
  const now = performance.now();
  if (now - state.rateShownAt < RATE_EVERY_MS && run.playing) return;
  state.rateShownAt = now;
  const rate = $('rate');
  if (rate) setText(rate, describeRate(run.rate));
}

/** Starts a fresh run of the current settings. Settings the core cannot start a run of
 * (own points a test share leaves none of to train on) are refused: the error is returned
 * and nothing changes. */
function restart() {
  const own = state.ownData;
  let next;
  try {
    next = own
      ? Playground.withData(coreSettings(state.settings), own.points, own.labels, own.classes, own.bounds)
      : new Playground(coreSettings(state.settings));
  } catch (error) {
    return error;
  }
  use(next);
  return null;
}

/** Every change of the settings: from a control, a preset or the link. Shows `next` and
 * applies it as each changed field's `applies` says: a new run, the next update, or the
 * page alone. A new run the core refuses keeps the settings and the run as they were, and
 * says which setting it was. `fresh` starts a new run whatever changed (a preset, Reset). */
function changeSettings(next, notices = [], { fresh = false } = {}) {
  const previous = state.settings;
  const changed = Object.keys(FIELDS).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(previous[key]));
  const applies = (kind) => changed.some((key) => FIELDS[key].applies === kind);
  state.settings = next;
  if (fresh || applies('restart')) {
    // Generated points again for a new data set or noise; own points stay otherwise.
    if (fresh || changed.includes('dataset') || changed.includes('noise')) state.ownData = null;
    run.setPlaying(false);
    const refused = restart();
    if (refused) {
      state.settings = previous;
      const names = changed.filter((key) => FIELDS[key].applies === 'restart').map((key) => FIELDS[key].label);
      notices = [`${names.join(', ') || 'These settings'}: not changed, since ${refused?.message ?? refused}.`];
    }
  } else if (applies('nextUpdate')) {
    state.settings = { ...next, learningRate: state.playground.setLearningRate(next.learningRate) };
  }
  showSettings();
  saveHash();
  applyAppearance();
  notify(notices);
  if (changed.includes('contrast')) render();
}

/** Makes `next` the run on show. */
function use(next) {
  // A new run leaves behind whatever went wrong in the old one, and an export of the old
  // one stops before the old one is freed.
  ui.error.hidden = true;
  state.seeking = null;
  state.gif?.abandon();
  // A run that broke mid-call (a trap leaves it borrowed) cannot be freed: it is let go.
  safely(() => state.playground?.free());
  state.playground = next;
  state.task = taskOf(next.snapshot(false));
  state.noPoints = false;
  // A neuron shown in the data panel belonged to the old network.
  state.view.focus(null);
  state.editor?.load(next.dataPoints(), next.dataLabels(), next.dataClasses(), next.bounds());
  // The point the maths follow stays chosen while the data still holds it.
  if (state.selected && !hasPoint(next.dataPoints(), state.selected)) state.selected = null;
  // Building a run on many points and measuring and drawing it each take a good part of a
  // task's 50 ms: the picture comes in a task of its own.
  if ((state.ownData?.labels.length ?? 0) > SPLIT_POINTS) setTimeout(guarded(render), 0);
  else render();
}

/** The view menu follows the network's hidden layers; a chosen layer space is drawn. */
function showSpace(snap) {
  const hidden = snap.sizes.slice(1, -1);
  const shape = hidden.join(',');
  if (shape !== state.spaceShape) {
    state.spaceShape = shape;
    const options = [['', 'input space'], ...hidden.flatMap((n, l) => (n >= 2 ? [[String(l), `hidden layer ${l + 1}`]] : []))];
    $('view-space').replaceChildren(...options.map(([value, text]) => Object.assign(document.createElement('option'), { value, textContent: text })));
    if (state.space && !(hidden[state.space.layer] >= 2)) state.space = null;
    $('view-space').value = state.space ? String(state.space.layer) : '';
    fillNeurons(hidden);
  }
  setHidden($('layer-space'), !state.space);
  setHidden($('space-axes'), !state.space);
  if (state.space) {
    state.layerSpace.draw(state.playground, state.space, { activation: state.playground.activation(), regression: state.task.kind === 'regression' });
  }
}

function fillNeurons(hidden) {
  if (!state.space) return;
  const n = hidden[state.space.layer];
  for (const [id, axis] of [['space-x', 'i'], ['space-y', 'j']]) {
    const select = $(id);
    select.replaceChildren(...Array.from({ length: n }, (_, k) => Object.assign(document.createElement('option'), { value: String(k), textContent: `neuron ${k + 1}` })));
    select.value = String(state.space[axis]);
  }
}

function chooseSpace() {
  const layer = $('view-space').value;
  const hidden = state.playground.snapshot().sizes.slice(1, -1);
  if (layer === '') {
    state.space = null;
  } else {
    const same = state.space?.layer === Number(layer);
    state.space = { layer: Number(layer), i: same ? Number($('space-x').value) : 0, j: same ? Number($('space-y').value) : 1 };
    fillNeurons(hidden);
  }
  render();
}

function hasPoint(points, { x1, x2 }) {
  for (let i = 0; i < points.length; i += 2) if (points[i] === x1 && points[i + 1] === x2) return true;
  return false;
}

/** A run on the reader's own points, going on from the current weights when they fit. */
function trainOn(data, { keepWeights }) {
  if (data.labels.length === 0) {
    state.noPoints = true;
    run.setPlaying(false);
    notify(['No points left: click the plot to add some.']);
    render();
    return;
  }
  const params = keepWeights ? state.playground.params() : undefined;
  const next = Playground.withData(coreSettings(state.settings), data.points, data.labels, data.classes, data.bounds, params);
  if (!state.ownData) notify(['These are your own points: a link cannot hold them, but Save run keeps them.']);
  else if (state.noPoints) notify([]);
  state.ownData = data;
  use(next);
}

async function importCsv(file) {
  let data;
  try {
    data = await state.csvReader.read(file);
  } catch (error) {
    notify([`${quote(file.name)} was not imported: ${error?.message ?? error}`]);
    return;
  }
  if (!data) return;
  run.setPlaying(false);
  state.ownData = null;
  trainOn(data, { keepWeights: false });
  const kind = data.classes === 0 ? 'values' : `${data.classes} classes`;
  notify([`Imported ${data.labels.length.toLocaleString('en-US')} points (${kind}) from ${quote(file.name)}.`]);
}

function exportCsv() {
  const name = state.ownData ? 'own' : state.settings.dataset;
  const csv = state.playground.dataCsv();
  // Cleared points leave the header alone.
  const text = state.noPoints ? csv.slice(0, csv.indexOf('\n') + 1) : csv;
  save(fileName('neuranim', name) + '.csv', () => new Blob([text], { type: 'text/csv' }));
}

/** Replaces the run with one read from a run file; a bad file leaves everything as it was
 * and says what is wrong. */
async function openRun(file) {
  let text;
  try {
    text = await file.text();
  } catch (error) {
    notify([`${quote(file.name)} was not opened: it could not be read (${error?.message ?? error}).`]);
    return;
  }
  openRunText(text, file.name);
}

function openRunText(text, name) {
  let next;
  try {
    next = Playground.fromRunJson(text);
  } catch (error) {
    notify([`${quote(name)} was not opened: ${error?.message ?? error}`]);
    return;
  }
  run.setPlaying(false);
  const { settings, notices } = fromCoreSettings(next.coreSettings(), state.settings);
  // The control shows the rate the run goes on with, which a change during the run may have
  // set apart from the settings' first one.
  state.settings = { ...settings, learningRate: next.learningRate() };
  notices.unshift(...next.openNotices());
  showSettings();
  saveHash();
  applyAppearance();
  state.ownData = next.isOwnData()
    ? { points: Float64Array.from(next.dataPoints()), labels: Float64Array.from(next.dataLabels()), classes: next.dataClasses(), bounds: Float64Array.from(next.bounds()) }
    : null;
  use(next);
  notify([`Opened ${quote(name)} at iteration ${state.iteration.toLocaleString('en-US')}.`, ...notices]);
}

/** Offers what `make()` returns (a Blob) as a download. A failure (memory, storage, a
 * browser refusing) is said, and nothing else changes. */
function save(name, make) {
  try {
    download(name, make());
  } catch (error) {
    notify([`${name} was not saved: ${error?.message ?? error}`]);
  }
}

function failed(reason) {
  throw new Error(reason);
}

function saveRun() {
  if (pointsCleared()) return;
  save(fileName('neuranim', state.settings.dataset, state.iteration) + '.json', () => new Blob([state.playground.runJson($('save-history').checked)], { type: 'application/json' }));
}

/** What an exported picture shows, as the page shows it now. */
function exportView() {
  const high = state.settings.contrast === 'high';
  return {
    task: state.task,
    style: (ui.discretize.checked ? 'discrete' : 'smooth') + (high ? 'High' : ''),
    highContrast: high,
    showTest: ui.showTest.checked,
    logScale: ui.logScale.checked,
    memory: state.wasm.memory,
  };
}

function savePng() {
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [1200, 600];
  const snap = drawFrame(canvas.getContext('2d'), state.playground, canvas.width, canvas.height, exportView());
  const name = fileName('neuranim', state.settings.dataset, snap.iteration) + '.png';
  canvas.toBlob((blob) => save(name, () => blob ?? failed('the picture could not be encoded')), 'image/png');
}

/** Hide flags and contrast: the page's look, which never touches the run. */
function applyAppearance() {
  const { hide, contrast } = state.settings;
  for (const part of document.querySelectorAll('[data-part]')) part.hidden = hide.includes(part.dataset.part);
  document.documentElement.classList.toggle('high-contrast', contrast === 'high');
  const presenting = state.settings.presenter === 'on';
  document.documentElement.classList.toggle('presenter', presenting);
  $('present').setAttribute('aria-pressed', String(presenting));
  $('present').textContent = presenting ? 'Leave' : 'Present';
}

function saveHash() {
  history.replaceState(null, '', toHash(state.settings) || location.pathname + location.search);
}

function change(key, value, notice) {
  changeSettings({ ...state.settings, [key]: value }, [notice]);
}

/** Shows a neuron's own map in the data panel (`layer` counts weight layers from 0, the
 * first hidden layer), or the output again for null. */
function showNeuron(layer, index) {
  if (layer == null) {
    state.view.focus(null);
  } else {
    const sizes = state.playground.snapshot().sizes;
    const plane = sizes.slice(1, layer + 1).reduce((a, b) => a + b, 0) + index;
    const isOutput = layer === sizes.length - 2;
    const { activation } = state.settings;
    const unit = isOutput ? state.task.kind !== 'regression' : activation === 'sigmoid';
    state.view.focus({ plane, lo: unit ? 0 : -1, hi: 1 });
  }
  if (!run.playing) render();
}

const percent = (v) => (v == null ? '–' : `${(100 * v).toFixed(1)} %`);
const fixed = (v) => (v == null ? '–' : Math.abs(v) >= 1e4 ? v.toExponential(3) : v.toFixed(6));

/** Like setText: only a change is written. */
function setHidden(element, hidden) {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/** Writing the same text again would still cost a layout; only changes are written. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function render() {
  const { playground, task, settings } = state;
  const snap = playground.snapshot(!run.playing);
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
  drawSecondary(snap, { graph: turn !== 0, chart: turn !== 1 });
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
  state.timeMachine?.update(snap, { playing: run.playing });
  return snap;
}

/** The network graph, and the chart with the readouts. */
function drawSecondary(snap, { graph, chart }) {
  const { playground, task } = state;
  if (graph) state.graph?.draw(playground, snap, { playing: run.playing });
  if (!chart) return;
  state.chart?.draw(playground, {
    cursorIteration: snap.iteration,
    logScale: ui.logScale.checked,
    showTest: snap.testCost != null,
  });
  const regression = task.kind === 'regression';
  const score = regression ? fixed : percent;
  setText(ui.iteration, snap.iteration.toLocaleString('en-US'));
  setText(ui.epoch, snap.epoch.toLocaleString('en-US'));
  setText(ui.cost, fixed(snap.trainCost));
  setText(ui.accuracy, score(snap.trainScore));
  setText(ui.scoreName, regression ? 'RMSE' : 'Accuracy');
  setText(ui.testScoreName, regression ? 'Test RMSE' : 'Test accuracy');
  setText(ui.testCost, fixed(snap.testCost));
  setText(ui.testAccuracy, score(snap.testScore));
}

function guarded(action) {
  return (...args) => {
    try {
      action(...args);
    } catch (error) {
      showError(error);
    }
  };
}

/** With every point cleared, nothing trains, steps or is saved: the old run's points are
 * gone from the reader's view, so they are gone from what the page does too. */
function pointsCleared() {
  if (state.noPoints) notify(['No points to train on: click the plot to add some, or pick a data set.']);
  return state.noPoints;
}

const togglePlay = guarded(() => {
  if (!run.playing && pointsCleared()) return;
  run.toggle(restart);
  // Paused, the boundary returns to full resolution.
  if (!run.playing) render();
});
const stepOnce = guarded(() => {
  if (pointsCleared()) return;
  state.seeking = null;
  state.playground.step(1);
  render();
});
const stepEpoch = guarded(() => {
  if (pointsCleared()) return;
  state.seeking = null;
  state.playground.stepEpoch();
  render();
});
const reset = guarded(() => {
  run.setPlaying(false);
  notify([]);
  const refused = restart();
  if (refused) throw refused;
});

function onKey(event) {
  if (event.target.closest('input, select, textarea') || event.ctrlKey || event.metaKey || event.altKey) return;
  // A dialog (an export, the comparison) owns the keyboard while it is open.
  if (document.querySelector('dialog[open]')) return;
  if (event.key === ' ' && !event.target.closest('button')) {
    event.preventDefault();
    togglePlay();
  } else if (event.key === 'ArrowRight') {
    event.preventDefault();
    if (event.shiftKey) stepEpoch();
    else stepOnce();
  } else if (event.key === 'r' || event.key === 'R') {
    reset();
  }
}

async function main() {
  const wasm = await init();
  state.wasm = wasm;
  const raster = new RasterClient({
    onFailure: guarded((reason) => {
      notify([`Pictures are now painted on the page's own thread, which may slow training: ${reason}.`]);
      // A picture asked of the worker is painted again, here.
      if (state.playground) render();
    }),
  });
  state.csvReader = new CsvReader($('file-progress'));
  state.view = new DataView({ canvas: ui.canvas, overlay: $('plot-overlay'), legend: $('legend') }, wasm, raster);
  const { settings, notices } = parseHash(location.hash);
  state.settings = settings;
  state.controls = new Controls(ui.controls, {
    places: { transport: $('speed-slot') },
    onChange: guarded(change),
    onPreset: guarded((name) => {
      changeSettings({ ...applyPreset(name), hide: state.settings.hide, contrast: state.settings.contrast }, [], { fresh: true });
    }),
  });
  showSettings();
  applyAppearance();
  state.editor = new DataEditor(document.querySelector('.plot'), $('class-picker'), {
    onEdit: guarded((data) => trainOn(data, { keepWeights: true })),
    onSelect: guarded((point) => {
      state.selected = point;
      render();
    }),
  });
  state.maths = new MathsPanel(document.querySelector('.maths-panel'), $('maths'), {
    onClose: guarded(() => {
      state.selected = null;
      render();
    }),
  });
  const refused = restart();
  if (refused) throw refused;
  state.chart = new CostChart($('chart'), { memory: wasm.memory });
  state.graph = new NetworkGraph($('graph'), wasm, { onHoverNeuron: guarded(showNeuron), onEdit: guarded(render), raster });
  state.timeMachine = new TimeMachine({
    show: guarded(showIteration),
    live: guarded(() => {
      state.seeking = null;
      state.playground.goLive();
      render();
    }),
    fork: guarded(() => {
      state.seeking = null;
      state.playground.continueFromHere();
      // The run goes on with the rate in force back there: the control says which.
      state.settings = { ...state.settings, learningRate: state.playground.learningRate() };
      showSettings();
      saveHash();
      notify([]);
      render();
    }),
    pauseTraining: () => run.setPlaying(false),
  });
  notify(notices);
  $('present').addEventListener('click', guarded(() => {
    const on = state.settings.presenter !== 'on';
    change('presenter', on ? 'on' : 'off');
    // Full screen where the browser allows it; the mode works without.
    if (on) document.documentElement.requestFullscreen?.().catch(() => {});
    else if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  }));
  // Leaving full screen (Esc) leaves presenter mode too.
  document.addEventListener('fullscreenchange', guarded(() => {
    if (!document.fullscreenElement && state.settings.presenter === 'on') change('presenter', 'off');
  }));
  $('save-run').addEventListener('click', guarded(saveRun));
  $('save-png').addEventListener('click', guarded(savePng));
  state.layerSpace = new LayerSpace($('layer-space'));
  const compare = new CompareView({
    session: () => ({
      settings: coreSettings(state.settings),
      data: state.ownData,
      // The course's figure trains 5000 iterations; a stop iteration, if set, rules.
      iterations: state.settings.iterations > 0 ? state.settings.iterations : 5000,
      style: exportView().style,
    }),
    open: guarded((json, size) => openRunText(json, `the network with ${size} hidden neurons`)),
  });
  $('compare').addEventListener('click', guarded(() => {
    run.setPlaying(false);
    compare.openDialog();
  }));
  for (const id of ['view-space', 'space-x', 'space-y']) $(id).addEventListener('change', guarded(chooseSpace));
  $('clear-data').addEventListener('click', () => state.editor.clear());
  $('export-csv').addEventListener('click', guarded(exportCsv));
  $('import-csv').addEventListener('click', () => $('csv-file').click());
  $('csv-file').addEventListener('change', (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) importCsv(file).catch(showError);
  });
  const gif = (state.gif = new GifExport({
    session: () => {
      const view = exportView();
      return { playground: state.playground, view, palette: gifPalette(coloursFor(view.style)), name: fileName('neuranim', state.settings.dataset) };
    },
    restore: guarded((wasLive, iteration) => {
      if (wasLive) {
        state.playground.goLive();
        render();
      } else {
        showIteration(iteration);
      }
    }),
    save: (blob, name) => save(name, () => blob),
  }));
  $('save-gif').addEventListener('click', guarded(() => {
    run.setPlaying(false);
    gif.open();
  }));
  $('open-run').addEventListener('click', () => $('run-file').click());
  $('run-file').addEventListener('change', (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) openRun(file).catch(showError);
  });
  ui.play.addEventListener('click', togglePlay);
  ui.step.addEventListener('click', stepOnce);
  ui.stepEpoch.addEventListener('click', stepEpoch);
  ui.reset.addEventListener('click', reset);
  ui.showTest.addEventListener('change', guarded(render));
  ui.discretize.addEventListener('change', guarded(render));
  ui.logScale.addEventListener('change', guarded(render));
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', guarded(() => {
    const parsed = parseHash(location.hash);
    changeSettings(parsed.settings, parsed.notices);
  }));
  new ResizeObserver(guarded(render)).observe(ui.canvas);
  // A small scripting handle for embedding pages and tests: views of the run, and which
  // map the data panel shows.
  window.neuranim = Object.freeze({
    showNeuron: guarded(showNeuron),
    settings: () => structuredClone(state.settings),
    snapshot: () => state.playground.snapshot(),
    weightsJson: () => state.playground.weightsJson(),
    bounds: () => Array.from(state.playground.bounds()),
    dataPoints: () => Array.from(state.playground.dataPoints()),
    layerSpace: (points, layer) => Array.from(state.playground.layerSpace(Float64Array.from(points), layer)),
    maths: () => (state.selected ? state.playground.maths(state.selected.x1, state.selected.x2, state.selected.y) : null),
    dataSize: () => (state.noPoints ? 0 : state.playground.dataLabels().length),
    memoryBytes: () => state.wasm.memory.buffer.byteLength,
    rate: () => run.rate,
    seek: guarded((iteration) => {
      state.playground.seek(iteration);
      render();
    }),
  });
  // Autoplay only for readers who have not asked their system for reduced motion.
  if (settings.autoplay === 'on' && !matchMedia('(prefers-reduced-motion: reduce)').matches) run.setPlaying(true);
  document.documentElement.dataset.ready = 'true';
  run.attach();
}

main().catch(showError);
