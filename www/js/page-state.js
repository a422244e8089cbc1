// The page's shared state: its elements by role, and what the page holds of the run on show
// (the run itself, its settings, own points, what is selected). One object, read and
// written by the modules that wire the page (main.js and those it names).

export const $ = (id) => document.getElementById(id);
export const ui = {
  canvas: $('boundary'),
  controls: $('controls'),
  play: $('play'),
  step: $('step'),
  stepEpoch: $('step-epoch'),
  reset: $('reset'),
  showTest: $('show-test'),
  discretize: $('discretize'),
  logScale: $('log-scale'),
  iteration: $('iteration'),
  epoch: $('epoch'),
  cost: $('cost'),
  accuracy: $('accuracy'),
  scoreName: $('score-name'),
  chartTitle: $('chart-title'),
  readouts: document.querySelector('.readouts'),
  testCost: $('test-cost'),
  testAccuracy: $('test-accuracy'),
  testScoreName: $('test-score-name'),
  notice: $('notice'),
  error: $('error'),
};

/** Own data beyond this many points is drawn in a task after the one that builds its run. */
export const SPLIT_POINTS = 20000;

/** How often the achieved rate is rewritten: often enough to follow, rarely enough to read. */
export const RATE_EVERY_MS = 500;

export const state = { seeking: null, space: null, spaceShape: null, layerSpace: null, selected: null, maths: null, ownData: null, noPoints: false, editor: null, wasm: null, settings: null, playground: null, task: null, view: null, controls: null, iteration: 0, frame: 0, rateShownAt: 0 };
