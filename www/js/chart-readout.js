// Reading the chart: under the pointer, the iteration's numbers (the record at or just before
// it); and one click away, the course's printout — the cost every 1,000 iterations (every
// 10,000 or more on long runs, at most 100 rows).

import { fixed, percent } from './number-text.js';

const MOST_ROWS = 100;
/** CSS pixels between the pointer and its readout. */
const POINTER_GAP = 8;

/** "iteration 1,234", "cost 0.288083", "accuracy 89.25 %", … for a history record, a line
 * each. */
export function describeRecord(record, scoreName) {
  const score = scoreName === 'accuracy' ? percent : fixed;
  const parts = [`iteration ${record.iteration.toLocaleString('en-US')}`, `cost ${fixed(record.trainCost)}`, `${scoreName === 'accuracy' ? 'accuracy' : 'RMSE'} ${score(record.trainScore)}`];
  if (record.testCost != null) parts.push(`test cost ${fixed(record.testCost)}`, `test ${scoreName === 'accuracy' ? 'accuracy' : 'RMSE'} ${score(record.testScore)}`);
  return parts.join('\n');
}

/** Iterations 0, step, 2·step, … up to `last`, with step 1,000 × a power of ten so that
 * there are at most MOST_ROWS. */
export function tableIterations(last) {
  let step = 1000;
  while (last / step >= MOST_ROWS) step *= 10;
  return { step, iterations: Array.from({ length: Math.floor(last / step) + 1 }, (_, k) => k * step) };
}

export class ChartReadout {
  /** `chart` is the CostChart; `playground()` the run on show; `readout` the element under
   * the chart that shows the numbers; `table` the course-style printout, shown by `toggle`. */
  constructor({ chart, playground, readout, table, toggle }) {
    this.chart = chart;
    this.playground = playground;
    this.readout = readout;
    this.table = table;
    this.toggle = toggle;
    const canvas = chart.canvas;
    canvas.addEventListener('pointermove', (event) => this.point(event.clientX - canvas.getBoundingClientRect().left));
    canvas.addEventListener('pointerleave', () => this.point(null));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      table.hidden = !open;
      if (open) this.fillTable();
    });
  }

  /** The numbers of the iteration under `x` (CSS pixels into the chart), or none: beside the
   * pointer, on the side with more room, below the key, so that it hides neither the key
   * nor the curves where the pointer is. */
  point(x) {
    const iteration = x === null ? null : this.chart.iterationAt(x);
    const playground = this.playground();
    const record = iteration === null || !playground ? undefined : playground.historyAt(iteration);
    const { readout } = this;
    readout.textContent = record ? describeRecord(record, playground.historyScoreName()) : '';
    if (!record) return;
    const { left, width, top } = this.chart.geometry;
    const { clientWidth: frameWidth, clientHeight: frameHeight } = this.chart.canvas;
    const { offsetWidth: boxWidth, offsetHeight: boxHeight } = readout;
    // It keeps within the plot, clear of the axes' labels, where it fits there; else within
    // the chart (a narrow one, as presenter mode's on a 1024-wide projector).
    const start = x > left + width / 2 ? x - POINTER_GAP - boxWidth : x + POINTER_GAP;
    const [from, to] = boxWidth <= width ? [left, left + width] : [0, frameWidth];
    readout.style.left = `${Math.max(from, Math.min(to - boxWidth, start))}px`;
    readout.style.top = `${Math.max(0, Math.min(frameHeight - boxHeight, top))}px`;
  }

  /** Refills the printout, if it is open: after training, for the iterations now recorded. */
  refresh() {
    if (!this.table.hidden) this.fillTable();
  }

  fillTable() {
    const playground = this.playground();
    const last = playground.snapshot(false).liveIteration;
    const { iterations } = tableIterations(last);
    const rows = iterations.map((iteration) => {
      const record = playground.historyAt(iteration);
      const exact = record && record.iteration === iteration;
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = `Cost after iteration ${iteration.toLocaleString('en-US')}`;
      const td = document.createElement('td');
      td.textContent = exact ? record.trainCost.toFixed(6) : '–';
      tr.append(th, td);
      return tr;
    });
    // A printout scrolled to its end stays there as lines come, as a console's would.
    const { table } = this;
    const atEnd = table.scrollTop + table.clientHeight >= table.scrollHeight - 2;
    table.querySelector('tbody').replaceChildren(...rows);
    if (atEnd) table.scrollTop = table.scrollHeight;
  }
}
