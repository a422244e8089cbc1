// The parts of the page that only some readers use, in one module that the page imports on the
// first use of any of them (on-demand.js): one request then, and one shared chunk in the built
// site rather than one per part.

export { CompareView } from './compare.js';
export { CsvReader } from './csv-reader.js';
export { drawFrame } from './frame.js';
export { GifExport } from './gif-export.js';
export { SlowStep } from './slow-step.js';
