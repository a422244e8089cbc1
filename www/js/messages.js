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
  // The same news again (a run that diverges again at the same rate) would change nothing
  // on screen, and Play would seem dead: the box flashes, and the news is read again.
  const again = !!text && !ui.notice.hidden && ui.notice.textContent === text;
  ui.notice.textContent = text;
  ui.notice.hidden = !text;
  ui.notice.classList.toggle('info', tone === 'info');
  if (again) {
    ui.notice.classList.remove('again');
    void ui.notice.offsetWidth;
    ui.notice.classList.add('again');
  }
  announce(text, again);
  if (text) keepInView(ui.notice);
}

/** Scrolls the box that scrolls `element` (the controls' column on a short screen), never the
 * page, so that the element's foot is in view. */
function keepInView(element) {
  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
    if (box.scrollHeight <= box.clientHeight || !/auto|scroll/.test(getComputedStyle(box).overflowY)) continue;
    const over = element.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom;
    if (over > 0) box.scrollTop += Math.ceil(over);
    return;
  }
}

/** Says `text` to a screen reader through the page's live region (#announcer), which is
 * there from the start: #notice appears with its text, and would often go unannounced. */
function announce(text, again = false) {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  // A live region reads a change only: the same text again differs by a trailing space.
  if (again && announcer.textContent.startsWith(text)) announcer.textContent = announcer.textContent === text ? `${text}\u00a0` : text;
  else if (announcer.textContent !== text) announcer.textContent = text;
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
