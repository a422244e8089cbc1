// Files in and out: CSV points, run files, PNG pictures; each failure said in a notice with
// nothing else changed.

import { Playground } from '../pkg/neuranim_wasm.js';
import { download, fileName } from './files.js';
import { filesWasm } from './files-wasm.js';
import { runOf } from './run-tape.js';
import { quote } from './quote.js';
import { fromCoreSettings } from './settings.js';
import { beginEdit, keepForUndo } from './data-edits.js';
import { notify } from './messages.js';
import { run } from './page-run.js';
import { OWN_POINTS, ownPoints, pointsCleared, saveHash, showSettings, trainOn, use } from './transitions.js';
import { applyAppearance } from './view.js';
import { $, state, ui } from './page-state.js';
import { CLASS_COLOURS } from './palette.js';
import { extent } from './data-view.js';

export async function importCsv(file) {
  let data;
  try {
    // The reader and its worker load on the first import.
    state.csvReader ??= new (await import('./on-first-use.js')).CsvReader($('file-progress'));
    data = await state.csvReader.read(file);
  } catch (error) {
    notify([`${quote(file.name)} was not imported: ${error?.message ?? error}`]);
    return;
  }
  if (!data) return;
  run.setPlaying(false);
  // An import is an edit of the data: Undo brings back the points and run before it.
  beginEdit();
  state.ownData = null;
  trainOn(data, { keepWeights: false });
  const kind = data.classes === 0 ? valuesRead(data.labels) : `${data.classes} classes`;
  const count = data.labels.length;
  notify([`Imported ${count.toLocaleString('en-US')} point${count === 1 ? '' : 's'} (${kind}) from ${quote(file.name)}.`, OWN_POINTS], 'info');
}

/** How a file's labels were read where they are not classes: their range, which the colours
 * then span, and why whole numbers are not classes (more than 8). */
function valuesRead(labels) {
  const [lo, hi] = extent(labels);
  const whole = labels.every((y) => Number.isInteger(y) && y >= 0);
  const number = (v) => v.toLocaleString('en-US', { maximumSignificantDigits: 6 });
  const parts = [`values from ${number(lo)} to ${number(hi)}, a regression`];
  // A colour for each class the core takes (its MAX_CLASSES).
  if (whole) parts.push(`as classes, labels run from 0 to ${CLASS_COLOURS.length - 1}`);
  return parts.join('; ');
}

/** The data a file is named after: the data set, or "own" for the reader's points. */
export const dataName = () => (ownPoints() ? 'own' : state.settings.dataset);

export function exportCsv() {
  const name = dataName();
  const { playground } = state;
  // Cleared points leave the header alone.
  const [points, labels] = state.noPoints ? [[], []] : [playground.dataPoints(), playground.dataLabels()];
  return save(fileName('neuranim', name) + '.csv', async () => new Blob([(await filesWasm()).writeCsv(points, labels)], { type: 'text/csv' }));
}

/** Replaces the run with one read from a run file; a bad file leaves everything as it was
 * and says what is wrong. */
export async function openRun(file) {
  let text;
  try {
    text = await file.text();
  } catch (error) {
    notify([`${quote(file.name)} was not opened: it could not be read (${error?.message ?? error}).`]);
    return;
  }
  return openRunText(text, file.name);
}

/** Replaces the run with the one of a run file's text; a bad file changes nothing and is
 * said, as is a files module that could not be loaded. */
export async function openRunText(text, name) {
  let file;
  try {
    file = (await filesWasm()).readRun(text);
  } catch (error) {
    notify([`${quote(name)} was not opened: ${error?.message ?? error}`]);
    return;
  }
  openRunValue(file, name);
}

/** Replaces the run with one restored from a run's `{ settings, tape }` (`readRun`'s, or a
 * compare worker's `runOf`, run-tape.js). */
export function openRunValue({ settings: opened, tape }, name) {
  let next;
  try {
    next = Playground.fromRun(opened, tape);
  } catch (error) {
    notify([`${quote(name)} was not opened: ${error?.message ?? error}`]);
    return;
  }
  run.setPlaying(false);
  // Undo brings back the run the file replaces, kept before anything of it changes.
  const replacedOwn = ownPoints();
  beginEdit();
  keepForUndo();
  const { settings, notices } = fromCoreSettings(next.coreSettings(), state.settings);
  // The control shows the rate the run goes on with, which a change during the run may have
  // set apart from the settings' first one.
  state.settings = { ...settings, learningRate: next.learningRate() };
  notices.unshift(...next.openNotices());
  state.ownData = next.isOwnData()
    ? { points: Float64Array.from(next.dataPoints()), labels: Float64Array.from(next.dataLabels()), classes: next.dataClasses(), bounds: Float64Array.from(next.bounds()) }
    : null;
  saveHash();
  applyAppearance();
  use(next);
  showSettings();
  if (replacedOwn) notices.push('Undo (Ctrl+Z) brings back your points.');
  notify([`Opened ${quote(name)} at iteration ${state.iteration.toLocaleString('en-US')}.`, ...notices], notices.length > (replacedOwn ? 1 : 0) ? 'warning' : 'info');
}

/** Offers what `make()` returns (a Blob, or a promise of one) as a download. A failure
 * (memory, storage, a browser refusing, the files module unreachable) is said, and nothing
 * else changes. */
export async function save(name, make) {
  try {
    download(name, await make());
  } catch (error) {
    notify([`${name} was not saved: ${error?.message ?? error}`]);
  }
}

export function failed(reason) {
  throw new Error(reason);
}

export function saveRun() {
  if (pointsCleared()) return;
  const { settings, tape } = runOf(state.playground, $('save-history').checked);
  return save(fileName('neuranim', dataName(), state.iteration) + '.json', async () => new Blob([(await filesWasm()).writeRun(settings, tape)], { type: 'application/json' }));
}

/** What an exported picture shows, as the page shows it now. */
export function exportView() {
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

export async function savePng() {
  if (pointsCleared()) return;
  let drawFrame;
  try {
    ({ drawFrame } = await import('./on-first-use.js'));
  } catch (error) {
    notify([`The picture was not saved: ${error?.message ?? error}`]);
    return;
  }
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [1200, 600];
  const snap = drawFrame(canvas.getContext('2d'), state.playground, canvas.width, canvas.height, exportView());
  const name = fileName('neuranim', dataName(), snap.iteration) + '.png';
  canvas.toBlob((blob) => save(name, () => blob ?? failed('the picture could not be encoded')), 'image/png');
}
