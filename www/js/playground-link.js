// A TensorFlow Playground link (playground.tensorflow.org/#activation=tanh&networkShape=4,2&…)
// read as the same run here, for readers who compare the two: its keys and values in this
// page's words, what it leaves out at the Playground's defaults (not this page's), and one
// line saying what could not be carried over. Its points and first weights cannot be the
// Playground's own (another generator draws them), so its seed picks this page's seed.

import { quote } from './quote.js';

/** Keys only a Playground link has: any of them makes a link one. */
const PLAYGROUND_KEYS = [
  'networkShape', 'percTrainData', 'problem', 'regDataset', 'showTestData', 'discretize', 'collectStats',
  'tutorial', 'initZero', 'hideText', 'x', 'y', 'xTimesY', 'xSquared', 'ySquared', 'cosX', 'cosY', 'sinX', 'sinY',
];
/** The keys the Playground shares with this page, whose values it writes its own way. */
const SHARED_KEYS = ['activation', 'regularization', 'batchSize', 'dataset', 'learningRate', 'regularizationRate', 'noise', 'seed'];
const onlyPlayground = (key) => PLAYGROUND_KEYS.includes(key) || key.endsWith('_hide');

/** The Playground's input features, in this page's order, by the names here. */
const FEATURES = [['x', 'x1'], ['y', 'x2'], ['xSquared', 'x1Squared'], ['ySquared', 'x2Squared'], ['xTimesY', 'x1x2'], ['sinX', 'sinX1'], ['sinY', 'sinX2']];
const DATASETS = { circle: 'circle', xor: 'xor', gauss: 'gauss', spiral: 'spiral' };
const REGRESSION_DATASETS = { 'reg-plane': 'plane', 'reg-gauss': 'multi-gaussian' };
const REGULARIZATIONS = { none: 'none', L1: 'l1', L2: 'l2' };

/** What the Playground does with a setting a link leaves out, in this page's settings: its
 * defaults, with the initialiser and optimizer nearest its own (its weights start uniform in
 * ±0.5, and it trains by plain gradient descent). */
const PLAYGROUND_DEFAULTS = {
  dataset: 'circle', noise: '0', testRatio: '0.5', hidden: '4,2', activation: 'tanh', init: 'xavier',
  learningRate: '0.03', batchSize: '10', optimizer: 'gd', regularization: 'none', regularizationRate: '0', features: 'x1,x2',
};

export const isPlaygroundLink = (pairs) => pairs.some(({ key }) => key !== undefined && onlyPlayground(key));

/** A seed here for the Playground's seed text: its digits where it is one of the numbers
 * the Playground writes (0.94893: 94893), else a hash of it (FNV-1a). The same link, the
 * same run. */
function seedOf(text) {
  const digits = text.replace(/^0\./, '');
  if (/^\d{1,9}$/.test(digits)) return Number(digits);
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  return hash;
}

/**
 * The link's `pairs` ({ key, value }, decoded) as this page's pairs; `view` the Playground's
 * two view toggles (test points, discretized output); `notices` what the reader is told, of
 * which the first `news` are news rather than warnings.
 * Values pass through as written where the keys agree, so that this page's checks name
 * what is out of range.
 */
export function fromPlayground(pairs) {
  // As the Playground reads a link: the last value of a key, and a blank one left out.
  const link = new Map(pairs.filter((pair) => pair.key !== undefined).map(({ key, value }) => [key, value]));
  const given = (key) => (link.get(key) ?? '').trim() !== '';
  const on = (key, byDefault) => (given(key) ? link.get(key) !== 'false' : byDefault);
  const settings = { ...PLAYGROUND_DEFAULTS };
  const lost = [];
  for (const key of ['activation', 'learningRate', 'batchSize', 'regularizationRate']) if (given(key)) settings[key] = link.get(key);

  const regression = link.get('problem') === 'regression';
  const [key, names, fallback] = regression ? ['regDataset', REGRESSION_DATASETS, 'plane'] : ['dataset', DATASETS, 'circle'];
  settings.dataset = names[link.get(key)] ?? fallback;
  if (given(key) && !Object.hasOwn(names, link.get(key))) lost.push(`the data set '${quote(link.get(key))}' (${fallback} instead)`);

  if (given('regularization')) settings.regularization = REGULARIZATIONS[link.get('regularization')] ?? link.get('regularization');
  // The Playground's noise slider runs from 0 to 50, its generators taking a hundredth.
  if (given('noise')) settings.noise = Number.isFinite(Number(link.get('noise'))) ? String(Number(link.get('noise')) / 100) : link.get('noise');
  if (given('percTrainData')) {
    const train = Number(link.get('percTrainData'));
    settings.testRatio = Number.isFinite(train) ? String((100 - train) / 100) : link.get('percTrainData');
  }
  if (link.has('networkShape')) settings.hidden = link.get('networkShape').trim() || 'none';
  const features = FEATURES.filter(([name, here]) => on(name, here === 'x1' || here === 'x2')).map(([, here]) => here);
  if (features.length) settings.features = features.join(',');
  else lost.push('a network without inputs (x₁ and x₂ instead)');
  if (on('cosX', false)) lost.push('the input cos x₁');
  if (on('cosY', false)) lost.push('the input cos x₂');
  if (on('initZero', false)) lost.push('weights starting at zero');
  const hidden = [...link.keys()].filter((name) => name.endsWith('_hide') && on(name, false));
  if (hidden.length) lost.push(`hidden controls (${quote(hidden.map((name) => name.slice(0, -'_hide'.length)).join(', '))})`);
  if (on('hideText', false)) lost.push('hidden text');
  if (given('tutorial')) lost.push(`the tutorial '${quote(link.get('tutorial'))}'`);

  const seed = given('seed') ? seedOf(link.get('seed').trim()) : null;
  if (seed !== null) settings.seed = String(seed);
  const notices = [
    `A TensorFlow Playground link: its settings, with points and first weights drawn here${seed === null ? '' : ` (seed ${seed.toLocaleString('en-US')})`}`,
    ...(lost.length ? [`Not carried over from the Playground: ${lost.join('; ')}`] : []),
  ];
  // What else the link holds goes on to be read as this page's (presenter=on beside the
  // Playground's settings), or refused by name; as does a pair that cannot be decoded.
  const own = pairs.filter(({ key }) => key === undefined || !(onlyPlayground(key) || SHARED_KEYS.includes(key)));
  return {
    // The first notice is news; what was not carried over is a warning.
    news: 1,
    pairs: [...Object.entries(settings).map(([name, value]) => ({ key: name, value })), ...own],
    view: { showTest: on('showTestData', false), discretize: on('discretize', false) },
    notices,
  };
}
