// The one table of a run's settings. It drives the controls, the URL hash and the object
// handed to the wasm core; every value read from outside goes through it and is clamped.

import { hashPairs } from './link.js';
import { fromPlayground, isPlaygroundLink } from './playground-link.js';
import { quote } from './quote.js';
import { CORE_FIELDS, DATASET_TASKS, DEFAULT_NOISE } from './settings-schema.js';

export { DEFAULT_NOISE };

const coreField = (key) => CORE_FIELDS.find((field) => field.key === key);

export const DATASETS = coreField('dataset').options;

/** The input features a network may read, in the order of its inputs (the core's names). */
export const FEATURES = coreField('features').options;

/** What a `hide=` flag can hide: a panel, a group of controls, or one setting's control. */
export const HIDEABLE = [
  'masthead', 'settings', 'presets', 'data', 'legend', 'toggles', 'graph', 'chart', 'transport', 'readouts', 'timeline', 'exports', 'data-tools', 'maths',
  ...CORE_FIELDS.map((field) => field.key).filter((key) => key !== 'features'), 'iterations', 'speed',
];

/** The layer sizes [inputs, …hidden, outputs] and the class count (0: regression) of the
 * network `settings` build on their data set: known before the wasm has come. */
export function networkOf(settings) {
  const { outputs, classes } = DATASET_TASKS[settings.dataset];
  return { sizes: [settings.features.length, ...settings.hidden, outputs], classes };
}

/** The "Slow" speed beside Play: three updates a second, the readouts changing visibly. */
export const SLOW_SPEED = 0.05;

/**
 * kind: 'choice' (options), 'number' (min, max), 'int' (min, max), 'layers' (a list of ints),
 * 'features' (a non-empty subset of options, in their order),
 * 'batch' (an int, or the field's `word`: 'full' for the batch size, 'max' for the speed),
 * 'flags' (a subset of options).
 * The core's fields (`core: true`) come from its schema, with when a change applies:
 * 'restart' (a new run) or 'nextUpdate' (the run goes on); the page's own fields apply to
 * the page only ('page'). `place` names where the page puts a control other than among the
 * settings; `ui: false` fields have none.
 */
export const FIELDS = {
  ...Object.fromEntries(CORE_FIELDS.map(({ key, ...field }) => [key, { ...field, core: true }])),
  iterations: { kind: 'int', min: 0, max: 10000000, default: 0, label: 'Stop after (0: never)', applies: 'page' },
  // Below 1, an update every few frames: 0.05 is three a second, slow enough to watch.
  speed: { kind: 'batch', word: 'max', min: 0.05, max: 100000, whole: false, default: 10, label: 'Updates per frame', place: 'transport', applies: 'page' },
  contrast: { kind: 'choice', options: ['normal', 'high'], default: 'normal', label: 'Contrast', applies: 'page' },
  hide: { kind: 'flags', options: HIDEABLE, default: [], label: 'Hidden parts', ui: false, applies: 'page' },
  autoplay: { kind: 'choice', options: ['off', 'on'], default: 'off', label: 'Autoplay', ui: false, applies: 'page' },
  presenter: { kind: 'choice', options: ['off', 'on'], default: 'off', label: 'Presenter mode', ui: false, applies: 'page' },
};

export function defaults() {
  return Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, structuredClone(f.default)]));
}

const equal = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads one field from text. Returns { value, notice }; a value outside the range is clamped
 * and anything unreadable falls back to the default, each with a notice saying so.
 */
export function parseField(key, text) {
  const field = FIELDS[key];
  const shown = quote(text);
  const fallback = (why) => ({ value: structuredClone(field.default), notice: `${field.label}: ${why}; using the default` });
  const clampNumber = (n, round) => {
    const v = round ? Math.round(n) : n;
    if (v < field.min) return { value: field.min, notice: `${field.label}: ${shown} is below ${field.min}; using ${field.min}` };
    if (v > field.max) return { value: field.max, notice: `${field.label}: ${shown} is above ${field.max}; using ${field.max}` };
    return { value: v, notice: round && v !== n ? `${field.label}: ${shown} is not a whole number; using ${v}` : null };
  };
  const number = (s) => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN);
  switch (field.kind) {
    case 'choice':
      return field.options.includes(text) ? { value: text, notice: null } : fallback(`'${shown}' is not one of ${field.options.join(', ')}`);
    case 'number':
    case 'int': {
      if (field.default === null && text === 'auto') return { value: null, notice: null };
      const n = number(text);
      // A numeral too large for a number (1e309) is a number past the maximum.
      return Number.isNaN(n) ? fallback(`'${shown}' is not a number`) : clampNumber(n, field.kind === 'int');
    }
    case 'batch': {
      if (text === field.word) return { value: field.word, notice: null };
      const n = number(text);
      return Number.isFinite(n) ? clampNumber(n, field.whole !== false) : fallback(`'${shown}' is neither '${field.word}' nor a number`);
    }
    case 'flags': {
      const names = text.split(',').filter(Boolean);
      const unknown = names.filter((n) => !field.options.includes(n));
      const known = field.options.filter((n) => names.includes(n));
      const notice = unknown.length ? `${field.label}: '${quote(unknown.join("', '"))}' cannot be hidden; ignored` : null;
      return { value: known, notice };
    }
    case 'features': {
      const names = text.split(',').filter(Boolean);
      const unknown = names.filter((n) => !field.options.includes(n));
      const known = field.options.filter((n) => names.includes(n));
      if (!known.length) return fallback(`'${shown}' names no input feature`);
      const notice = unknown.length ? `${field.label}: '${quote(unknown.join("', '"))}' is not a feature; ignored` : null;
      return { value: known, notice };
    }
    case 'layers': {
      if (text === '' || text === 'none') return { value: [], notice: null };
      const parts = text.split(',');
      const notices = [];
      if (parts.length > field.maxLayers) notices.push(`${field.label}: at most ${field.maxLayers} layers; keeping the first ${field.maxLayers}`);
      const sizes = [];
      for (const [layer, part] of parts.slice(0, field.maxLayers).entries()) {
        const n = number(part);
        if (!Number.isFinite(n)) return fallback(`'${shown}' is not a list of sizes`);
        const size = Math.min(field.max, Math.max(field.min, Math.round(n)));
        if (size !== n) notices.push(`${field.label}: layer ${layer + 1} of ${quote(part)} neurons; using ${size} (1 to ${field.max})`);
        sizes.push(size);
      }
      return { value: sizes, notice: notices.join('; ') || null };
    }
    default:
      return fallback('unknown field');
  }
}

export function formatField(key, value) {
  const field = FIELDS[key];
  if (field.kind === 'layers') return value.length ? value.join(',') : 'none';
  if (field.kind === 'flags' || field.kind === 'features') return value.join(',');
  if (value === null) return 'auto';
  return String(value);
}

/** Settings from a URL hash such as `#dataset=xor&hidden=4,2`, or a TensorFlow Playground
 * link's; never throws. `view` holds the view toggles a Playground link sets; `tone` is
 * 'info' where the notices only tell what was read, else 'warning'. */
export function parseHash(hash) {
  const settings = defaults();
  let pairs = hashPairs(hash);
  let view = {};
  const notices = [];
  // What only tells the reader (a Playground link read as such) is news, not a warning.
  let news = 0;
  if (isPlaygroundLink(pairs)) {
    const playground = fromPlayground(pairs);
    ({ pairs, view } = playground);
    notices.push(...playground.notices);
    news = playground.news;
  }
  const unknown = [];
  for (const [index, { key, value, unreadable }] of pairs.entries()) {
    if (unreadable) {
      notices.push(`'${quote(unreadable)}' in the link is not readable; ignored`);
      continue;
    }
    if (!Object.hasOwn(FIELDS, key)) {
      unknown.push(key);
      continue;
    }
    // A key given twice (a link edited by hand) takes its last value, and says so.
    if (pairs.slice(index + 1).some((later) => later.key === key)) {
      notices.push(`${FIELDS[key].label}: given more than once in the link; the last, '${quote(pairs.findLast((p) => p.key === key).value)}', is used`);
      continue;
    }
    const parsed = parseField(key, value);
    settings[key] = parsed.value;
    if (parsed.notice) notices.push(parsed.notice);
  }
  // One line for them all: a link from elsewhere may hold dozens.
  const names = [...new Set(unknown)].map((key) => `'${quote(key)}'`);
  if (names.length === 1) notices.push(`${names[0]} is not a setting; ignored`);
  if (names.length > 1) notices.push(`${names.length} keys are not settings; ignored: ${names.join(', ')}`);
  return { settings, notices, view, tone: notices.length > news ? 'warning' : 'info' };
}

/** The hash for `settings`, listing only what differs from the defaults. */
export function toHash(settings) {
  const parts = [];
  for (const [key, field] of Object.entries(FIELDS)) {
    if (!equal(settings[key], field.default)) {
      parts.push(`${key}=${encodeURIComponent(formatField(key, settings[key]))}`);
    }
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

/** The object the wasm `Playground` takes (the core's `Settings`). */
export function coreSettings(settings) {
  const core = {};
  for (const [key, field] of Object.entries(FIELDS)) {
    if (!field.core) continue;
    if (key === 'noise' && settings.noise === null) continue;
    core[key] = key === 'batchSize' ? (settings.batchSize === 'full' ? null : settings.batchSize) : settings[key];
  }
  return core;
}

/** Page settings for a run the core describes (a run file's `settings`): the core's fields
 * through the same checks as a link's, the page's own kept from `base`. */
export function fromCoreSettings(core, base) {
  const settings = { ...base };
  const notices = [];
  for (const [key, field] of Object.entries(FIELDS)) {
    if (!field.core) continue;
    const raw = key === 'batchSize' && core.batchSize == null ? 'full' : core[key] ?? null;
    const { value, notice } = parseField(key, formatField(key, raw));
    settings[key] = value;
    if (notice) notices.push(notice);
  }
  return { settings, notices };
}

/** Presets: the blog post's run, the course's, and TensorFlow Playground's defaults. */
export const PRESETS = {
  seed: { label: "The post's run", values: { dataset: 'flower', hidden: [4], learningRate: 5.2, iterations: 1000 } },
  course: { label: "The course's run", values: { dataset: 'flower', hidden: [4], learningRate: 1.2, iterations: 10000 } },
  playground: {
    label: 'Playground defaults',
    values: {
      dataset: 'circle', noise: 0, testRatio: 0.5, hidden: [4, 2], activation: 'tanh', init: 'xavier',
      learningRate: 0.03, batchSize: 10, optimizer: 'gd', regularization: 'none', regularizationRate: 0,
    },
  },
};

export function applyPreset(name) {
  return { ...defaults(), ...structuredClone(PRESETS[name].values) };
}
