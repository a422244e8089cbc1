// Accuracies as the course prints them: a share of a few hundred points has at most two
// decimals, shown whole (90.75 %), and none padded (67.5 %, 90 %); so the page, the lesson,
// Compare and an exported frame all read as the assignment does.

/** `share` (0 to 1) as a percentage, or a dash for none. */
export const percent = (share) => (share == null ? '–' : `${Number((100 * share).toFixed(2))}\u00a0%`);
