// What the page says to the reader: notices in a box that never outgrows a few lines, and an
// error shown until the next run, with whatever went wrong in the core.

import { lastPanicMessage } from '../pkg/neuranim_wasm.js';
import { run } from './page-run.js';
import { ui } from './page-state.js';

export function safely(f) {
  try {
    return f();
  } catch {
    return '';
  }
}

/** No message, whatever it quotes, outgrows a few lines. */
export const LINE_CHARS = 400;

const clipped = (line) => (line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)}…` : line);

export function showError(error) {
  run.setPlaying(false);
  const panic = safely(lastPanicMessage);
  const text = String(panic || error?.message || error);
  ui.error.textContent = `Something went wrong: ${clipped(text)}`;
  ui.error.hidden = false;
}

/** Shows `lines` in the notice box: `tone` 'warning' for what was refused or changed from
 * what the reader asked, 'info' for news (a file opened, a run stopped where it was told). */
export function notify(lines, tone = 'warning') {
  const text = lines.filter(Boolean).map(clipped).join('\n');
  ui.notice.textContent = text;
  ui.notice.hidden = !text;
  ui.notice.classList.toggle('info', tone === 'info');
  announce(text);
}

/** Says `text` to a screen reader through the page's live region (#announcer), which is
 * there from the start: #notice appears with its text, and would often go unannounced. */
function announce(text) {
  const announcer = document.getElementById('announcer');
  if (announcer && announcer.textContent !== text) announcer.textContent = text;
}

export function guarded(action) {
  return (...args) => {
    try {
      action(...args);
    } catch (error) {
      showError(error);
    }
  };
}
