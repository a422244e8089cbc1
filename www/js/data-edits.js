// Editing the data as a mode the reader turns on ("Edit data", or choosing a class of new
// points), so that a stray click or swipe over the plot never replaces the run; and undo and
// redo of every edit (a stroke, Clear, a CSV imported, a run file opened, a data set that
// replaced the reader's points), each restoring the points, the run and its settings as
// they were, bit for bit.

import { notify } from './messages.js';
import { run } from './page-run.js';
import { $, state } from './page-state.js';
import { fromCoreSettings } from './settings.js';
import { adoptRunRate, use } from './transitions.js';
import { UndoStack } from './undo.js';

export function setUpEdits() {
  state.undo = new UndoStack({
    onChange: ({ canUndo, canRedo }) => {
      $('undo').disabled = !canUndo;
      $('redo').disabled = !canRedo;
    },
  });
  state.undo.told();
}

/** Turns the edit mode on or off. */
export function setEditing(on) {
  state.editing = on;
  state.editor.setEditing(on);
  const button = $('edit-data');
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? 'Done editing' : 'Edit data';
  document.querySelector('.data-tools').classList.toggle('editing', on);
}

/** The next change of the points is an edit the reader can undo: the run as it is now is kept. */
export function beginEdit() {
  state.editBegun = true;
}

/** Called before a run on changed points replaces the one on show. */
export function keepForUndo() {
  if (!state.editBegun) return;
  state.editBegun = false;
  state.undo.push(shown(), shown());
}

/** What is on show, as an undo entry. */
function shown() {
  return { playground: state.playground, ownData: state.ownData, noPoints: state.noPoints };
}

function show({ playground, ownData, noPoints }) {
  run.setPlaying(false);
  state.ownData = ownData;
  // The run comes back with the settings it was made with (settings changed since may have
  // started other runs); the page's own, such as the speed and the look, stay.
  state.settings = fromCoreSettings(playground.coreSettings(), state.settings).settings;
  use(playground, { cleared: noPoints });
  // The learning rate may have changed since that run was kept.
  adoptRunRate();
  notify([]);
}

export function undoEdit() {
  const entry = state.undo.undo(shown());
  if (entry) show(entry);
}

export function redoEdit() {
  const entry = state.undo.redo(shown());
  if (entry) show(entry);
}
