// Reading the chart: under the pointer, the iteration's numbers (the record at or just before
// it); and one click away, the course's printout — the cost every 1,000 iterations (every
// 10,000 or more on long runs, at most 100 rows).

import { percent } from './percent.js';

const MOST_ROWS = 100;

/** "iteration 1,234 · cost 0.288083 · accuracy 89.25 %" for a history record. */
export function describeRecord(record, scoreName) {
  const score = (v) => (scoreName === 'accuracy' ? percent(v) : v.toFixed(6));
  const parts = [`iteration ${record.iteration.toLocaleString('en-US')}`, `cost ${record.trainCost.toFixed(6)}`, `${scoreName === 'accuracy' ? 'accuracy' : 'RMSE'} ${score(record.trainScore)}`];
  if (record.testCost != null) parts.push(`test cost ${record.testCost.toFixed(6)}`, `test ${scoreName === 'accuracy' ? 'accuracy' : 'RMSE'} ${score(record.testScore)}`);
  return parts.join(' · ');
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

  /** The numbers of the iteration under `x` (CSS pixels into the chart), or none. */
  point(x) {
    const iteration = x === null ? null : this.chart.iterationAt(x);
    const playground = this.playground();
    const record = iteration === null || !playground ? undefined : playground.historyAt(iteration);
    this.readout.textContent = record ? describeRecord(record, playground.historyScoreName()) : '';
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
