// Wires the page: the settings table drives the controls, the URL hash and the wasm
// Playground; the run controller (page-run.js) trains within each animation frame's budget,
// and the view (view.js) repaints what it trained.

import { CostChart } from './chart.js';
import { ChartReadout } from './chart-readout.js';
import { repaintWhenOutgrown } from './canvas.js';
import { coloursFor } from './colour-tables.js';
import { Controls } from './controls.js';
import { DataEditor } from './data-editor.js';
import { DataView, taskOfClasses } from './data-view.js';
import { fileName } from './files.js';
import { filesWasm } from './files-wasm.js';
import { LayerSpace } from './layer-space.js';
import { MathsPanel } from './maths-panel.js';
import { NetworkGraph } from './network-graph.js';
import { GraphShape } from './graph-shape.js';
import { fitGraphToScreen } from './graph-fit.js';
import { gifPalette } from './palette.js';
import { listenToPlotKeys } from './plot-keys.js';
import { RasterClient } from './raster-client.js';
import { applyPreset, coreSettings, FIELDS, networkOf, parseHash, SLOW_SPEED, toHash } from './settings.js';
import { TimeMachine } from './time-machine.js';
import { dataName, exportCsv, exportView, importCsv, openRun, openRunValue, save, savePng, saveRun } from './file-actions.js';
import { guarded, notify, showError } from './messages.js';
import { onDemand } from './on-demand.js';
import { run } from './page-run.js';
import { $, state, ui } from './page-state.js';
import { startWasm, wasmVariant } from './wasm-module.js';
import { chooseSpace } from './space-menu.js';
import { setUpSlowStep, slowStepKey } from './page-slow-step.js';
import { beginEdit, redoEdit, setEditing, setUpEdits, undoEdit } from './data-edits.js';
import { adoptRunRate, change, changeSettings, heavyNetwork, pause, pointsCleared, reset, restart, saveHash, showSettings, stepEpoch, stepOnce, togglePlay, trainOn } from './transitions.js';
import { applyAppearance, drawSecondary, markReadouts, render, showIteration, showNeuron } from './view.js';

/** Where the keyboard writes text, whose own undo Ctrl+Z is. */
const TEXT_ENTRY = 'textarea, input:not([type="radio"], [type="checkbox"], [type="range"], [type="button"], [type="file"])';

function onKey(event) {
  // A dialog (an export, the comparison) owns the keyboard while it is open.
  if (document.querySelector('dialog[open]')) return;
  // Ctrl+Z undoes an edit of the data; Ctrl+Shift+Z and Ctrl+Y redo it (⌘ on a Mac), also
  // with the focus on a class just picked or a checkbox, but not in a field of text.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && ['z', 'Z', 'y', 'Y'].includes(event.key)) {
    if (event.target.closest(TEXT_ENTRY)) return;
    event.preventDefault();
    if (event.key.toLowerCase() === 'y' || event.shiftKey) guarded(redoEdit)();
    else guarded(undoEdit)();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest('input, select, textarea')) return;
  if (slowStepKey(event)) return;
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

/** The view toggles a TensorFlow Playground link sets (its test points and discretized
 * output), where it sets them. */
function showView({ showTest, discretize }) {
  if (showTest !== undefined) ui.showTest.checked = showTest;
  if (discretize !== undefined) ui.discretize.checked = discretize;
}

/** What the settings alone decide, laid out while the wasm loads: the network's room and
 * shape buttons and the class choice, so that nothing moves when the run comes. Input there
 * waits for the run. */
function sketch(raster) {
  const { sizes, classes } = networkOf(state.settings);
  const ready = (act) => guarded((...args) => state.playground && act(...args));
  // The thumbnails read the module's memory, which is there before the graph first draws.
  const memory = { get memory() { return state.wasm.memory; } };
  state.graph = new NetworkGraph($('graph'), memory, { onHoverNeuron: ready(showNeuron), onEdit: ready(render), raster });
  state.graph.reserve(sizes);
  fitGraphToScreen(state.graph, $('panel-chart'));
  // Built while the wasm loads, in a task of its own.
  const { activation, features } = state.settings;
  setTimeout(guarded(() => state.graph.prepare({ sizes, activation, task: taskOfClasses(classes), features })));
  state.graphShape = new GraphShape($('graph-shape'), state.graph, ready(change));
  state.graphShape.show(state.settings);
  state.editor = new DataEditor(document.querySelector('.plot'), $('class-picker'), {
    onEdit: ready((data) => trainOn(data, { keepWeights: true })),
    onBegin: beginEdit,
    onPick: () => setEditing(true),
    onSelect: ready((point) => {
      state.selected = point;
      render();
    }),
  });
  state.editor.showClasses(classes);
  const { editor } = state;
  listenToPlotKeys(document.querySelector('.plot'), {
    data: () => ({ points: editor.points, labels: editor.labels, bounds: editor.bounds }),
    choose: ready((point) => {
      state.selected = point;
      render();
    }),
    chosen: () => state.selected,
  });
  markReadouts(state.settings);
  document.documentElement.dataset.sketched = 'true';
}

async function main() {
  // The picture worker loads its scripts while the wasm compiles.
  const paintedHere = (reason) => `Pictures are now painted on the page's own thread, which may slow training: ${reason}.`;
  const raster = new RasterClient({
    early: true,
    onFailure: guarded((reason) => {
      notify([paintedHere(reason)]);
      // A picture asked of the worker is painted again, here.
      if (state.playground) render();
    }),
  });
  const wasmReady = startWasm();
  const { settings, notices, view, tone } = parseHash(location.hash);
  state.settings = settings;
  showView(view);
  sketch(raster);
  const wasm = await wasmReady;
  state.wasm = wasm;
  document.documentElement.dataset.wasm = wasmVariant();
  state.view = new DataView({ canvas: ui.canvas, overlay: $('plot-overlay'), legend: $('legend') }, wasm, raster);
  state.controls = new Controls(ui.controls, {
    places: { transport: $('speed-slot') },
    onChange: guarded(change),
    onPreset: guarded((name) => {
      changeSettings({ ...applyPreset(name), hide: state.settings.hide, contrast: state.settings.contrast }, [], { fresh: true });
    }),
  });
  applyAppearance();
  state.maths = new MathsPanel(document.querySelector('.maths-panel'), $('maths'), {
    onClose: guarded(() => {
      state.selected = null;
      render();
    }),
  });
  state.chart = new CostChart($('chart'), { memory: wasm.memory });
  state.chartReadout = new ChartReadout({ chart: state.chart, playground: () => state.playground, readout: $('chart-readout'), table: $('cost-table'), toggle: $('cost-table-toggle') });
  state.timeMachine = new TimeMachine({
    show: guarded(showIteration),
    live: guarded(() => {
      state.seeking = null;
      state.playground.goLive();
      render();
    }),
    fork: guarded(() => {
      state.seeking = null;
      const rate = state.settings.learningRate;
      state.playground.continueFromHere();
      // The run goes on with the rate in force back there, which the reader is told of where
      // it is not the one the control showed.
      adoptRunRate();
      const { iteration } = state.playground.snapshot(false);
      const then = state.settings.learningRate;
      notify(then === rate ? [] : [`Training goes on from iteration ${iteration.toLocaleString('en-US')} at the learning rate it had there, ${then}, not ${rate}.`], 'info');
      render();
    }),
    pauseTraining: () => run.setPlaying(false),
  });
  // The run is built in this task, and Play works at its end; the first boundary, the graph,
  // the cost's measure (a pass over the data) and the chart with the readouts each come in a
  // task of their own: with the module's code still cold, the first picture alone takes
  // 25 to 35 ms, and for a deep network each part tens of milliseconds. Nothing moves, since
  // the sketch kept their room. (A task between the controls and the run would only let the
  // browser lay the page out first, and Play would work some 60 ms later.)
  let refused = restart({ secondary: false, later: true });
  let startTone = tone;
  if (refused) {
    // A link may ask for what the core refuses together (a regression's 1,200 points
    // through eight layers of 64): the page starts on the link's network with the usual
    // data set, and says why, rather than not at all.
    const asked = state.settings.dataset;
    state.settings = { ...state.settings, dataset: FIELDS.dataset.default };
    notices.push(`Data set: ${asked} was not used, since ${refused.message ?? refused}; showing ${state.settings.dataset}.`);
    startTone = 'warning';
    refused = restart({ secondary: false, later: true });
    if (!refused) saveHash();
  }
  // The controls once the run is built: the batch size's slider ends at its training set.
  showSettings();
  if (refused) throw refused;
  // A heavy network's graph is drawn in a task of its own, not in the frame that first lays
  // the page out, which takes tens of milliseconds itself.
  const nextTurn = heavyNetwork() ? (act) => setTimeout(act) : (act) => requestAnimationFrame(act);
  const secondary = new Promise((drawn) => nextTurn(guarded(() => {
    drawSecondary(state.playground.snapshot(false), { graph: true, chart: false });
    setTimeout(guarded(() => {
      const measured = state.playground.snapshot(!run.playing);
      requestAnimationFrame(guarded(() => {
        drawSecondary(measured, { graph: false, chart: true });
        drawn();
      }));
    }));
  })));
  // The link's notices, with the picture worker's failure if it came before them.
  notify([...notices, raster.failure && paintedHere(raster.failure)], raster.failure ? 'warning' : startTone);
  $('slow').addEventListener('click', guarded(() => {
    if (pointsCleared()) return;
    // Slow, and playing; again, back to the speed before.
    const slow = state.settings.speed !== SLOW_SPEED;
    if (slow) state.speedBeforeSlow = state.settings.speed;
    change('speed', slow ? SLOW_SPEED : state.speedBeforeSlow ?? FIELDS.speed.default);
    if (slow && !run.playing) togglePlay();
  }));
  $('present').addEventListener('click', guarded(() => {
    const on = state.settings.presenter !== 'on';
    // In a post's frame that may not go full screen, projector-sized type would crowd a small
    // frame: the full page opens in presenter mode instead, with these settings.
    if (on && window.self !== window.top && !document.fullscreenEnabled) {
      const full = new URL('index.html', location.href);
      full.hash = toHash({ ...state.settings, presenter: 'on', hide: [] });
      const opened = window.open(full, '_blank');
      if (opened) opened.opener = null;
      else notify([`Presenter mode needs the whole screen: open ${full.href}`]);
      return;
    }
    change('presenter', on ? 'on' : 'off');
    // Full screen where the browser allows it; the mode works without.
    if (on) document.documentElement.requestFullscreen?.().catch(() => {});
    else if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  }));
  // Leaving full screen (Esc) leaves presenter mode too.
  document.addEventListener('fullscreenchange', guarded(() => {
    if (!document.fullscreenElement && state.settings.presenter === 'on') change('presenter', 'off');
  }));
  setUpSlowStep();
  $('save-run').addEventListener('click', guarded(saveRun));
  $('save-png').addEventListener('click', () => savePng().catch(showError));
  state.layerSpace = new LayerSpace($('layer-space'));
  const compare = onDemand('The comparison', async () => {
    const { CompareView } = await import('./on-first-use.js');
    return new CompareView({
      session: () => ({
        settings: coreSettings(state.settings),
        data: state.ownData,
        // The course's figure trains 5000 iterations; a stop iteration, if set, rules.
        iterations: state.settings.iterations > 0 ? state.settings.iterations : 5000,
        style: exportView().style,
      }),
      open: guarded((run, size) => openRunValue(run, `the network with ${size} hidden neurons`)),
    });
  });
  $('compare').addEventListener('click', guarded(() => {
    if (pointsCleared()) return;
    compare((view) => {
      pause();
      if (!view.openDialog()) notify(['Compare trains and draws its networks in a worker, which this browser cannot draw in (it needs OffscreenCanvas: Safari 16.4, Firefox 105, Chrome 69 or later). Everything else works here.']);
    });
  }));
  for (const id of ['view-space', 'space-x', 'space-y']) $(id).addEventListener('change', guarded(chooseSpace));
  for (const button of document.querySelectorAll('[data-skip]')) {
    button.addEventListener('click', () => {
      const panel = $(button.dataset.skip);
      panel.scrollIntoView({ block: 'nearest' });
      panel.focus();
    });
  }
  $('clear-data').addEventListener('click', () => state.editor.clear());
  $('edit-data').addEventListener('click', () => setEditing(!state.editing));
  $('undo').addEventListener('click', guarded(undoEdit));
  $('redo').addEventListener('click', guarded(redoEdit));
  setUpEdits();
  $('export-csv').addEventListener('click', guarded(exportCsv));
  $('import-csv').addEventListener('click', () => $('csv-file').click());
  $('csv-file').addEventListener('change', (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) importCsv(file).catch(showError);
  });
  const gif = onDemand('The animation export', async () => {
    const { GifExport } = await import('./on-first-use.js');
    return (state.gif = new GifExport({
      session: () => {
        const view = exportView();
        return { playground: state.playground, view, palette: gifPalette(coloursFor(view.style)), name: fileName('neuranim', dataName()) };
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
  });
  $('save-gif').addEventListener('click', guarded(() => {
    if (pointsCleared()) return;
    gif((dialog) => {
      pause();
      dialog.open();
    });
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
    showView(parsed.view);
    changeSettings(parsed.settings, parsed.notices, { tone: parsed.tone });
  }));
  // The plot and the chart are watched once the start has drawn them at their sizes: the
  // observer's first notice then finds them so, as a change of layout that leaves their
  // sizes alone does, and neither repaints (a heavy network's plot is painted after the first
  // layout). The chart is watched since a panel beside it that opens or closes (a slow step,
  // the cost table) changes its height, and its pixels would be stretched until the next
  // update.
  const observer = repaintWhenOutgrown(guarded(render), (canvas) => (canvas === ui.canvas ? undefined : state.chart.pixelRatio));
  secondary.then(() => {
    observer.observe(ui.canvas);
    observer.observe(state.chart.canvas);
  });
  // A small scripting handle for embedding pages and tests: views of the run, and which
  // map the data panel shows.
  window.neuranim = Object.freeze({
    showNeuron: guarded(showNeuron),
    settings: () => structuredClone(state.settings),
    snapshot: () => state.playground.snapshot(),
    /** The weights file's text: a promise, since the files module loads on first use. */
    weightsJson: async () => (await filesWasm()).writeWeights(state.playground.weightsFile()),
    bounds: () => Array.from(state.playground.bounds()),
    dataPoints: () => Array.from(state.playground.dataPoints()),
    dataLabels: () => Array.from(state.playground.dataLabels()),
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
  run.attach();
  // Play works from here (a benchmark reads this); the page is ready for a reader of it (a
  // test, an embedding page) once every part is drawn.
  document.documentElement.dataset.playable = 'true';
  await secondary;
  document.documentElement.dataset.ready = 'true';
}

main().catch(showError);
