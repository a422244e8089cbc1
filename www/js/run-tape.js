// A run as it crosses between the page, its workers and the files module: its settings (a
// plain object) and its tape (a Float64Array of every other number: the trainer's exact
// state, own data, history and time machine; the core's `RunFile::tape`).

/** A playground's run as `{ settings, tape }`: what `writeRun` of the files module writes a
 * run file of and `Playground.fromRun(settings, tape)` restores. */
export function runOf(playground, withHistory) {
  return { settings: playground.coreSettings(), tape: playground.runTape(withHistory) };
}
