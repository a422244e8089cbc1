// The lesson's figures: a link under each to the same run on the full page, the course's
// cost table filled in from the live run beside it, and the hidden-size multiples started
// together, each with its accuracy as the course prints it.

import { settingsOf } from './element.js';
import { toHash } from './settings.js';
import { percent } from './number-text.js';

const TABLE_DIGITS = 6;
/** Late in the course's run the cost swings and rounding differences grow (see the table's
 * text): within this, a cost is marked as close to the course's rather than apart. */
const CLOSE = 5e-4;
/** The full page: index.html beside the lesson, or the one-file page beside the one-file
 * lesson. */
const PAGE = document.body.dataset.page ?? 'index.html';

/** "Open this run on the full page", with the figure's settings in the link: under the
 * figure, or at the end of its caption in a grid of figures. */
function linkFigures() {
  for (const figure of document.querySelectorAll('neuranim-playground.figure')) {
    const { settings } = settingsOf(figure);
    const a = document.createElement('a');
    a.href = `${PAGE}${toHash(settings)}`;
    a.className = 'figure-link';
    const caption = figure.closest('figure')?.querySelector('figcaption');
    if (caption) {
      a.textContent = 'open';
      caption.append(' · ', a);
    } else {
      a.textContent = 'Open this run on the full page';
      const p = document.createElement('p');
      p.className = 'figure-link';
      p.append(a);
      (figure.closest('.side-by-side') ?? figure).after(p);
    }
  }
}

/** Each row's live cell shows this run's recorded cost at the row's iteration once trained
 * that far, marked as matching the course's printout or not. */
function followCostTable(figure, table) {
  const rows = [...table.querySelectorAll('tr[data-iteration]')].map((row) => ({
    iteration: Number(row.dataset.iteration),
    course: row.cells[1].textContent.trim(),
    cell: row.querySelector('.live'),
  }));
  let seen = -1;
  const tick = () => {
    const snap = figure.snapshot();
    const live = snap?.liveIteration ?? -1;
    if (live !== seen) {
      seen = live;
      for (const { iteration, course, cell } of rows) {
        const record = live >= iteration ? figure.historyAt(iteration) : null;
        const text = record && record.iteration === iteration ? record.trainCost.toFixed(TABLE_DIGITS) : '–';
        if (cell.textContent !== text) cell.textContent = text;
        cell.dataset.match = text === '–' ? '' : text === course ? 'exact' : Math.abs(Number(text) - Number(course)) < CLOSE ? 'close' : 'apart';
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The multiples' accuracies, as the course prints them, and Play all (Pause all while any
 * plays). */
function followMultiples(container, button) {
  const figures = [...container.querySelectorAll('neuranim-playground')];
  const labels = [...container.querySelectorAll('.accuracy')];
  const anyPlaying = () => figures.some((figure) => figure.playing);
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => {
    if (anyPlaying()) {
      for (const figure of figures) figure.setPlaying(false);
      return;
    }
    // The grid is brought on screen, as much of it as fits under the button, which stays in
    // view to pause them; the figures below it (a phone's last rows) train on out of view,
    // as the reader asked of all of them, and are done when scrolled to.
    const top = button.getBoundingClientRect().top - 8;
    const bottom = container.getBoundingClientRect().bottom + 8;
    const by = bottom - top > innerHeight ? top : Math.min(top, Math.max(0, bottom - innerHeight));
    window.scrollBy({ top: by, behavior: 'instant' });
    for (const figure of figures) {
      figure.playsOutOfView = true;
      figure.setPlaying(true);
    }
  });
  const tick = () => {
    const playing = anyPlaying();
    if (button.getAttribute('aria-pressed') !== String(playing)) {
      button.setAttribute('aria-pressed', String(playing));
      button.textContent = playing ? 'Pause all' : 'Play all';
    }
    figures.forEach((figure, i) => {
      const snap = figure.snapshot();
      if (!snap || snap.trainScore == null) return;
      const text = snap.iteration === 0 ? '–' : `${percent(snap.trainScore)} at ${snap.iteration.toLocaleString('en-US')}`;
      if (labels[i].textContent !== text) labels[i].textContent = text;
      labels[i].dataset.iteration = String(snap.iteration);
    });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

linkFigures();
followCostTable(document.getElementById('figure-training'), document.getElementById('cost-table'));
followMultiples(document.getElementById('multiples'), document.getElementById('play-all'));
document.documentElement.dataset.ready = 'true';
