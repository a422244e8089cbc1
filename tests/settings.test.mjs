// The settings table: URL round trips, clamping of every field, and no input that throws.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lookOf } from '../www/js/first-look.js';
import { initSync, Playground } from '../www/pkg/neuranim_wasm.js';
import {
  applyPreset, coreSettings, DATASETS, defaults, FIELDS, networkOf, parseField, parseHash, PRESETS, toHash,
} from '../www/js/settings.js';

function randomSettings(random) {
  const s = defaults();
  const pick = (list) => list[Math.floor(random() * list.length)];
  s.dataset = pick(DATASETS);
  s.noise = random() < 0.3 ? null : Math.round(random() * 200) / 100;
  s.testRatio = Math.round(random() * 90) / 100;
  s.seed = Math.floor(random() * 4294967295);
  s.features = FIELDS.features.options.filter(() => random() < 0.4);
  if (!s.features.length) s.features = ['x2'];
  s.hidden = Array.from({ length: Math.floor(random() * 9) }, () => 1 + Math.floor(random() * 64));
  s.activation = pick(FIELDS.activation.options);
  s.init = pick(FIELDS.init.options);
  s.learningRate = Number((random() * 10).toPrecision(3)) || 0.5;
  s.batchSize = random() < 0.5 ? 'full' : 1 + Math.floor(random() * 500);
  s.optimizer = pick(FIELDS.optimizer.options);
  s.regularization = pick(FIELDS.regularization.options);
  s.regularizationRate = Math.round(random() * 1000) / 1000;
  s.iterations = Math.floor(random() * 20000);
  s.speed = random() < 0.2 ? 'max' : 1 + Math.floor(random() * 100000);
  s.contrast = pick(FIELDS.contrast.options);
  s.hide = FIELDS.hide.options.filter(() => random() < 0.2);
  s.autoplay = pick(FIELDS.autoplay.options);
  return s;
}

function seeded(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

test('every setting survives a round trip through the URL hash', () => {
  const random = seeded(42);
  for (let i = 0; i < 500; i++) {
    const settings = randomSettings(random);
    const { settings: back, notices } = parseHash(toHash(settings));
    assert.deepEqual(back, settings);
    assert.deepEqual(notices, []);
  }
  assert.equal(toHash(defaults()), '');
});

test('each field clamps what is out of range and says so', () => {
  const cases = {
    noise: ['-1', 0], testRatio: ['0.95', 0.9], seed: ['99999999999', 4294967295], learningRate: ['500', 100],
    batchSize: ['0', 1], regularizationRate: ['11', 10], iterations: ['-5', 0], speed: ['500000', 100000],
  };
  for (const [key, [text, expected]] of Object.entries(cases)) {
    const { value, notice } = parseField(key, text);
    assert.equal(value, expected, key);
    assert.ok(notice.includes(FIELDS[key].label), `${key}: ${notice}`);
  }
  assert.deepEqual(parseField('hidden', '0,100,3').value, [1, 64, 3]);
  assert.match(parseField('hidden', '0,100,3').notice, /1 to 64/);
  assert.deepEqual(parseField('hidden', '2,2,2,2,2,2,2,2,2,2').value, [2, 2, 2, 2, 2, 2, 2, 2]);
  assert.equal(parseField('seed', '2.5').value, 3);
  const features = parseField('features', 'sinX2,bogus,x1');
  assert.deepEqual(features.value, ['x1', 'sinX2']);
  assert.match(features.notice, /'bogus' is not a feature/);
  assert.deepEqual(parseField('features', 'bogus').value, ['x1', 'x2']);
  assert.match(parseField('features', '').notice, /names no input feature/);
  const hide = parseField('hide', 'graph,bogus,chart');
  assert.deepEqual(hide.value, ['graph', 'chart']);
  assert.match(hide.notice, /'bogus' cannot be hidden/);
  for (const key of ['dataset', 'activation', 'init', 'optimizer', 'regularization', 'contrast']) {
    const { value, notice } = parseField(key, 'nonsense');
    assert.equal(value, FIELDS[key].default, key);
    assert.match(notice, /not one of/, key);
  }
});

test('garbage in a link falls back to defaults with notices and never throws', () => {
  const inputs = ['#%E0%A4%A', '#learningRate=abc', '#hidden=a,b', '#=&&=', '#unknown=1', '#noise=1e999',
    '#batchSize=Infinity', '#seed=0x10', '#speed=<script>', undefined, null, '#dataset=__proto__'];
  for (const input of inputs) {
    const { settings, notices } = parseHash(input);
    for (const [key, field] of Object.entries(FIELDS)) {
      assert.ok(key in settings, `${input}: ${key}`);
      if (field.kind === 'number' && settings[key] !== null) assert.ok(Number.isFinite(settings[key]));
    }
    if (input && input !== '#=&&=') assert.ok(notices.length > 0, `${input} gave no notice`);
  }
});

test('a number too large for a number is past the maximum, and a key given twice says which value is used', () => {
  assert.deepEqual(parseHash('#learningRate=1e309'), { settings: { ...parseHash('').settings, learningRate: 100 }, notices: ['Learning rate: 1e309 is above 100; using 100'], view: {}, tone: 'warning' });
  assert.equal(parseHash('#noise=-1e999').settings.noise, 0);
  const twice = parseHash('#dataset=flower&dataset=xor');
  assert.equal(twice.settings.dataset, 'xor');
  assert.deepEqual(twice.notices, ["Data set: given more than once in the link; the last, 'xor', is used"]);
});

// The Playground's own link for its defaults, as its page writes it (src/state.ts, serialize).
const PLAYGROUND_DEFAULT_LINK = '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.94893&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';

test("a TensorFlow Playground link opens as the Playground's settings, saying what it cannot carry over", () => {
  const defaultLink = parseHash(PLAYGROUND_DEFAULT_LINK);
  assert.deepEqual(defaultLink.settings, { ...applyPreset('playground'), seed: 94893 });
  assert.deepEqual(defaultLink.view, { showTest: false, discretize: false });
  assert.deepEqual(defaultLink.notices, ['A TensorFlow Playground link: its settings, with points and first weights drawn here (seed 94,893)']);
  // Every key changed from its default: its noise slider runs to 50 and its share is of
  // training points; a regression takes regDataset; L2 is written in capitals.
  const changed = parseHash('#activation=relu&batchSize=3&dataset=spiral&regDataset=reg-gauss&learningRate=0.1&regularizationRate=0.001&noise=35'
    + '&networkShape=8,8,5&seed=0.12345&showTestData=true&discretize=true&percTrainData=70&x=false&y=true&xTimesY=true&xSquared=true'
    + '&ySquared=false&cosX=true&sinX=false&cosY=false&sinY=true&collectStats=true&problem=regression&initZero=true&hideText=false&regularization=L2'
    + '&dataset_hide=true&noise_hide=false&presenter=on');
  assert.deepEqual(changed.settings, {
    ...defaults(), dataset: 'multi-gaussian', noise: 0.35, testRatio: 0.3, seed: 12345, features: ['x2', 'x1Squared', 'x1x2', 'sinX2'],
    hidden: [8, 8, 5], activation: 'relu', init: 'xavier', learningRate: 0.1, batchSize: 3, optimizer: 'gd', regularization: 'l2',
    regularizationRate: 0.001, presenter: 'on',
  });
  assert.deepEqual(changed.view, { showTest: true, discretize: true });
  assert.equal(changed.notices[1], 'Not carried over from the Playground: the input cos x₁; weights starting at zero; hidden controls (dataset)');
  // What it leaves out is at the Playground's defaults; no hidden layer, no input, an unknown
  // data set and a seed of its own words are said or carried.
  assert.deepEqual(parseHash('#networkShape=8').settings, { ...applyPreset('playground'), hidden: [8] });
  const odd = parseHash('#networkShape=&x=false&y=false&dataset=moons&seed=my%20lesson');
  assert.deepEqual(odd.settings.hidden, []);
  assert.deepEqual(odd.settings.features, ['x1', 'x2']);
  assert.equal(odd.settings.dataset, 'circle');
  assert.equal(odd.settings.seed, parseHash('#networkShape=&seed=my%20lesson').settings.seed);
  assert.equal(odd.notices[1], "Not carried over from the Playground: the data set 'moons' (circle instead); a network without inputs (x₁ and x₂ instead)");
  // Text from the link is quoted short and escaped, as every message quotes what comes from outside.
  assert.match(parseHash(`#networkShape=4&tutorial=${'a'.repeat(500)}%0A`).notices[1], /^Not carried over from the Playground: the tutorial 'a{50,60}…'$/);
  // Out of range is refused by this page's own checks, naming the setting.
  assert.ok(parseHash('#networkShape=4&noise=500').notices.includes('Noise: 5 is above 2; using 2'), parseHash('#networkShape=4&noise=500').notices.join(' | '));
});

test('keys a link holds that are no settings are named on one line', () => {
  const keys = Array.from({ length: 40 }, (_, i) => `unknown${i}`);
  const { notices } = parseHash(`#${keys.map((key) => `${key}=1`).join('&')}&unknown0=2&hidden=3`);
  assert.deepEqual(notices, [`40 keys are not settings; ignored: ${keys.map((key) => `'${key}'`).join(', ')}`]);
  assert.deepEqual(parseHash('#other=1').notices, ["'other' is not a setting; ignored"]);
});

test('core settings drop the page-only fields and spell the full batch as null', () => {
  const core = coreSettings({ ...defaults(), batchSize: 'full', speed: 100, iterations: 50 });
  assert.equal(core.batchSize, null);
  assert.ok(!('speed' in core) && !('iterations' in core) && !('noise' in core));
  assert.equal(coreSettings({ ...defaults(), noise: 0.1 }).noise, 0.1);
});

test('presets are valid settings', () => {
  for (const name of Object.keys(PRESETS)) {
    const s = applyPreset(name);
    assert.deepEqual(parseHash(toHash(s)).settings, s);
  }
  assert.equal(applyPreset('seed').learningRate, 5.2);
});

test('the network the page lays out before the wasm comes is the one the core builds', () => {
  initSync({ module: readFileSync(new URL('../www/pkg/neuranim_wasm_bg.wasm', import.meta.url)) });
  const random = seeded(7);
  const cases = [...DATASETS.map((dataset) => ({ ...defaults(), dataset })), ...Array.from({ length: 60 }, () => randomSettings(random))];
  for (const settings of cases) {
    const playground = new Playground(coreSettings(settings));
    const expected = { sizes: playground.snapshot(false).sizes, classes: playground.dataClasses() };
    playground.free();
    assert.deepEqual(networkOf(settings), expected, JSON.stringify(settings));
  }
});

test('the look read before the first paint is the one the settings table reads', () => {
  const random = seeded(11);
  const hashes = [
    ...Array.from({ length: 300 }, () => `#${toHash(randomSettings(random))}`),
    '', '#presenter=on', '#presenter=ON', '#presenter=on&presenter=bogus', '#contrast=high&contrast=', '#hide=graph,,nonsense,legend',
    '#%E0%A4%A&presenter=on', '#hide', '#presenter', '#contrast=high%20', '#hide=graph&hide=chart', '#=&&=',
  ];
  for (const hash of hashes) {
    const { settings } = parseHash(hash);
    const look = lookOf(hash);
    const hidden = look.hide.filter((name) => FIELDS.hide.options.includes(name));
    assert.deepEqual(
      { hide: [...new Set(hidden)].sort(), contrast: look.contrast, presenter: look.presenter },
      { hide: [...settings.hide].sort(), contrast: settings.contrast, presenter: settings.presenter },
      hash,
    );
  }
});
