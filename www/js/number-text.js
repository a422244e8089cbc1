// Numbers as the page prints them, the same on the page, the lesson, Compare, the chart's
// readout and an exported frame. Accuracies as the course prints them: a share of a few
// hundred points has at most two decimals, shown whole (90.75 %), and none padded (67.5 %,
// 90 %), so they read as the assignment does. Costs and RMSEs with the course's six decimals,
// in at most eight characters.

/** `share` (0 to 1) as a percentage, or a dash for none. */
export const percent = (share) => (share == null ? '–' : `${Number((100 * share).toFixed(2))}\u00a0%`);

/** A cost or an RMSE in at most eight characters, the course's six decimals while it is below
 * 10: a diverging run's 13.058812 would not fit its readout, nor its 2.097e+13 a frame. */
export const fixed = (v) => {
  if (v == null) return '–';
  const size = Math.abs(v);
  return size >= 1e4 ? v.toExponential(3) : size >= 10 ? v.toPrecision(7) : v.toFixed(6);
};

/** A count with its thousands marked, as every readout writes them (10,000). */
export const count = (n) => n.toLocaleString('en-US');

/** What a scrubber says of the iteration a snapshot shows: 'live', or "1,000 of 10,000". */
export const shownOf = ({ iteration, liveIteration }) => (iteration === liveIteration ? 'live' : `${count(iteration)} of ${count(liveIteration)}`);
