// Every change of run: the settings from a control, a preset or a link; own points; Play,
// Step and Reset. Each field's `applies` (settings.js) says whether a change starts a new run,
// changes the next update or only the page.

import { Playground } from '../pkg/neuranim_wasm.js';
import { HEAVY_WEIGHTS, taskOfClasses, weightCount } from './data-view.js';
import { FIELDS, coreSettings, networkOf, SLOW_SPEED, toHash } from './settings.js';
import { guarded, notify, safely } from './messages.js';
import { run } from './page-run.js';
import { SPLIT_POINTS, state, ui } from './page-state.js';
import { applyAppearance, drawSecondary, render } from './view.js';
import { beginEdit, keepForUndo } from './data-edits.js';

/** Shows the settings in the controls, and gives the run controller the speed and stop
 * iteration to train by: every change of the settings goes through here. */
export function showSettings() {
  const trainCount = state.playground?.trainLabels().length;
  // A cleared plot is the reader's too: the data set menu says "your points".
  state.controls.show(state.settings, { own: ownPoints(), trainCount });
  document.getElementById('slow')?.setAttribute('aria-pressed', String(state.settings.speed === SLOW_SPEED));
  run.configure({ speed: state.settings.speed, stopAt: state.settings.iterations });
}

export function saveHash() {
  history.replaceState(null, '', toHash(state.settings) || location.pathname + location.search);
}

/** The run on show trains on with a rate of its own (a run from an undo, or a past iteration
 * continued from): the control and the link say which. */
export function adoptRunRate() {
  state.settings = { ...state.settings, learningRate: state.playground.learningRate() };
  showSettings();
  saveHash();
}

/** Whether the current settings' network is heavy: its runs start in more tasks. */
export const heavyNetwork = () => weightCount(networkOf(state.settings).sizes) > HEAVY_WEIGHTS;
/** Whether the run trains on so many of the reader's own points that one pass over them
 * takes a good part of a task's 50 ms. */
const manyPoints = () => (state.ownData?.labels.length ?? 0) > SPLIT_POINTS;

/** Starts a fresh run of the current settings, on the reader's own points (or a cleared
 * plot, which stays cleared) unless `generated`: the data set's points then replace them, as
 * an edit Undo takes back. Settings the core cannot start a run of (own points a test share
 * leaves none of to train on) are refused: the error is returned and nothing changes.
 * `secondary`, `later`: as for use() (a heavy network's picture comes later whatever is
 * asked). */
export function restart({ secondary = true, later = false, generated = false } = {}) {
  const own = generated ? null : state.ownData;
  let next;
  try {
    next = own
      ? Playground.withData(coreSettings(state.settings), own.points, own.labels, own.classes, own.bounds)
      : new Playground(coreSettings(state.settings));
  } catch (error) {
    return error;
  }
  if (generated && ownPoints()) {
    beginEdit();
    keepForUndo();
  }
  const cleared = !generated && state.noPoints;
  if (generated) state.ownData = null;
  // A heavy network's picture and graph come in a task after the one that builds its run.
  use(next, { secondary, later: later || heavyNetwork(), cleared });
  return null;
}

/** Whether the plot holds the reader's own points, or none since they cleared it. */
export const ownPoints = () => !!state.ownData || state.noPoints;

/** Every change of the settings: from a control, a preset or the link. Shows `next` and
 * applies it as each changed field's `applies` says: a new run, the next update, or the
 * page alone. A new run the core refuses keeps the settings and the run as they were, and
 * says which setting it was. `fresh` starts a new run whatever changed (a preset, Reset);
 * `tone` is the notices' (messages.js). */
export function changeSettings(next, notices = [], { fresh = false, tone = 'warning' } = {}) {
  const previous = state.settings;
  const changed = Object.keys(FIELDS).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(previous[key]));
  const applies = (kind) => changed.some((key) => FIELDS[key].applies === kind);
  state.settings = next;
  const restarting = changed.filter((key) => FIELDS[key].applies === 'restart');
  const mine = ownPoints();
  if (mine && !fresh && restarting.length > 0 && restarting.every((key) => key === 'noise')) {
    // Noise shapes generated points only: the reader's own train on undisturbed.
    notices = [...notices, 'Noise shapes the generated data sets: it applies when you pick one, and your points stay as they are.'];
    if (notices.filter(Boolean).length === 1) tone = 'info';
  } else if (fresh || restarting.length > 0) {
    // Generated points again for a new data set (or a preset); own points stay otherwise.
    const generated = fresh || changed.includes('dataset');
    run.setPlaying(false);
    const refused = restart({ generated });
    if (refused) {
      state.settings = previous;
      const names = restarting.map((key) => FIELDS[key].label);
      notices = [`${names.join(', ') || 'These settings'}: not changed, since ${refused?.message ?? refused}.`];
      tone = 'warning';
    } else if (generated && mine) {
      notices = [...notices, `Your points gave way to the ${next.dataset} data set: Undo (Ctrl+Z) brings them back.`];
      if (notices.filter(Boolean).length === 1) tone = 'info';
    } else if (state.noPoints && !notices.some(Boolean)) {
      notices = [NO_POINTS];
      tone = 'info';
    }
  } else if (applies('nextUpdate')) {
    // A new rate is the live run's, for its next updates: a past iteration on show gives way
    // to it, as it does to Step, and the picture follows.
    const left = leavePast('whose next updates take the new rate');
    if (left) {
      // News, as it is for Step, unless the rate itself was refused.
      if (!notices.some(Boolean)) tone = 'info';
      notices = [...notices, left];
    }
    state.settings = { ...next, learningRate: state.playground.setLearningRate(next.learningRate) };
    if (left) render();
  }
  showSettings();
  saveHash();
  applyAppearance();
  notify(notices, tone);
  if (changed.includes('contrast')) render();
}

export function change(key, value, notice) {
  // A data set picked while the reader's own points train (or a cleared plot shows)
  // replaces them, whichever it is.
  changeSettings({ ...state.settings, [key]: value }, [notice], { fresh: key === 'dataset' && ownPoints() });
}

/** Makes `next` the run on show. `secondary: false` paints only the data panel, for a
 * caller that draws the graph and the chart in a task of its own; `later`: the data panel
 * too is painted in a task of its own; `cleared`: the plot shows no points, and nothing
 * trains until the reader adds some. */
export function use(next, { secondary = true, later = false, cleared = false } = {}) {
  // A new run leaves behind whatever went wrong in the old one, and an export of the old
  // one stops before the old one is freed.
  ui.error.hidden = true;
  state.seeking = null;
  state.gif?.abandon();
  // The old run is freed unless an edit can come back to it; one that broke mid-call (a trap
  // leaves it borrowed) cannot be freed and is let go.
  const old = state.playground;
  if (old && old !== next && !state.undo?.holds(old)) safely(() => old.free());
  state.playground = next;
  const classes = next.dataClasses();
  state.task = taskOfClasses(classes, next.dataLabels());
  state.noPoints = cleared;
  // A neuron shown in the data panel belonged to the old network.
  state.view.focus(null);
  const points = cleared ? new Float64Array(0) : next.dataPoints();
  state.editor?.load(points, cleared ? new Float64Array(0) : next.dataLabels(), classes, next.bounds());
  // The point the maths follow stays chosen while the data still holds it.
  if (state.selected && !hasPoint(points, state.selected)) state.selected = null;
  // Building a run on many points and measuring and drawing it each take a good part of a
  // task's 50 ms: the picture comes in a task of its own.
  if (later || manyPoints()) setTimeout(guarded(() => render({ secondary })), 0);
  else render({ secondary });
}

export function hasPoint(points, { x1, x2 }) {
  for (let i = 0; i < points.length; i += 2) if (points[i] === x1 && points[i + 1] === x2) return true;
  return false;
}

/** A run on the reader's own points, going on from the current weights when they fit. */
export function trainOn(data, { keepWeights }) {
  keepForUndo();
  if (data.labels.length === 0) {
    state.noPoints = true;
    run.setPlaying(false);
    notify([NO_POINTS], 'info');
    showSettings();
    render();
    return;
  }
  const params = keepWeights ? state.playground.params() : undefined;
  const next = Playground.withData(coreSettings(state.settings), data.points, data.labels, data.classes, data.bounds, params);
  if (!state.ownData) notify([OWN_POINTS], 'info');
  else if (state.noPoints) notify([]);
  state.ownData = data;
  use(next);
  showSettings();
}

export const OWN_POINTS = 'These are your own points: a link cannot hold them, but Save run keeps them.';
const NO_POINTS = 'No points left: click the plot to add some, or pick a data set.';

/** With every point cleared, nothing trains, steps or is saved: the old run's points are
 * gone from the reader's view, so they are gone from what the page does too. */
export function pointsCleared() {
  if (state.noPoints) notify(['No points to train on: click the plot to add some, or pick a data set.']);
  return state.noPoints;
}

/** Training moves the live run: with a past iteration on show, the live one comes back
 * first, and the reader is told, since the picture jumps ahead (the time machine's
 * "Continue from here" trains on from the past instead). */
export function backToLive() {
  const message = leavePast('to train');
  if (message) notify([message], 'info');
  return !!message;
}

/** Shows the live run again if a past iteration is on show; returns what to tell the reader
 * (the live run's iteration, and why: `why`), or null. */
function leavePast(why) {
  const { iteration, liveIteration } = state.playground.snapshot(false);
  if (iteration === liveIteration) return null;
  state.seeking = null;
  state.playground.goLive();
  const at = (n) => n.toLocaleString('en-US');
  return `Back to the live run, at iteration ${at(liveIteration)}, ${why}: "Continue from here" trains on from iteration ${at(iteration)} instead.`;
}

/** Pauses training as Pause does: what took turns while it played (the graph, the chart, the
 * readouts, the time machine's range) shows the frame it stopped at. */
export function pause() {
  if (!run.playing) return;
  run.setPlaying(false);
  render();
}

export const togglePlay = guarded(() => {
  if (!run.playing && pointsCleared()) return;
  if (!run.playing) backToLive();
  // A run that reached its stop starts again from 0: the notice that it stopped goes.
  run.toggle(() => {
    restart();
    notify([]);
  });
  // Paused, the boundary returns to full resolution.
  if (!run.playing) render();
});

export const stepOnce = guarded(() => {
  if (pointsCleared()) return;
  backToLive();
  state.seeking = null;
  state.playground.step(1);
  showUpdate();
});

export const stepEpoch = guarded(() => {
  if (pointsCleared()) return;
  backToLive();
  state.seeking = null;
  state.playground.stepEpoch();
  showUpdate();
});

/** Shows an update just made. A heavy run's update, on code the engine has not yet
 * optimised, takes some 40 ms by itself: its picture comes in the next task, and its graph,
 * chart and readouts, with their measuring pass over the data, in the one after. */
function showUpdate() {
  if (!heavyNetwork() && !manyPoints()) return render();
  setTimeout(guarded(() => {
    render({ secondary: false });
    setTimeout(guarded(() => drawSecondary(state.playground.snapshot(!run.playing), { graph: true, chart: true })), 0);
  }), 0);
}

export const reset = guarded(() => {
  run.setPlaying(false);
  notify([]);
  const refused = restart();
  if (refused) throw refused;
});
