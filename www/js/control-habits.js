// What readers of TensorFlow Playground look for among the settings: the data sets as
// thumbnails to click, a button for new data of the same kind, and sliders for the noise,
// the test share and the batch size. Each writes through the same settings table as the
// text fields beside it, with our wider ranges.

import { datasetPreview } from '../pkg/neuranim_wasm.js';
import { CLASS_RGB, valueRgb } from './palette.js';
import { DEFAULT_NOISE, FIELDS } from './settings.js';

const THUMB = 44;
/** Slider positions for the batch size: 1 to 10,000 on a log scale, and the last for "full". */
const BATCH_STEPS = 100;

/** A thumbnail of data set `name`: its points over its own plane, as squares written into
 * one image (a fill per point, twelve thumbnails of hundreds of points each, cost the
 * page's start some 40 ms). */
function drawPreview(canvas, name) {
  const { points, labels, classes, bounds } = datasetPreview(name, 1);
  const ratio = window.devicePixelRatio || 1;
  const size = Math.round(THUMB * ratio);
  canvas.width = canvas.height = size;
  const [x1Min, x1Max, x2Min, x2Max] = bounds;
  const side = Math.max(1, Math.round(1.5 * ratio));
  const rgb = (label) => (classes === 0 ? valueRgb(label) : CLASS_RGB[label] ?? [0, 0, 0]);
  const image = new ImageData(size, size);
  for (let i = 0; i < labels.length; i++) {
    const [r, g, b] = rgb(labels[i]);
    const left = Math.round(((points[2 * i] - x1Min) / (x1Max - x1Min)) * size - side / 2);
    const top = Math.round(((x2Max - points[2 * i + 1]) / (x2Max - x2Min)) * size - side / 2);
    for (let y = Math.max(0, top); y < Math.min(size, top + side); y++) {
      for (let x = Math.max(0, left); x < Math.min(size, left + side); x++) {
        image.data.set([r, g, b, 255], 4 * (y * size + x));
      }
    }
  }
  canvas.getContext('2d').putImageData(image, 0, 0);
}

/** The data sets as buttons, the chosen one pressed. Returns `show(settings)`. */
export function datasetPicker(field, onChange) {
  const group = document.createElement('div');
  group.className = 'dataset-thumbs';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Data sets');
  const buttons = FIELDS.dataset.options.map((name) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'dataset-thumb';
    button.dataset.dataset = name;
    button.title = name;
    button.setAttribute('aria-label', `Data set ${name}`);
    const canvas = document.createElement('canvas');
    button.append(canvas);
    button.addEventListener('click', () => onChange('dataset', name));
    return { name, button, canvas };
  });
  group.append(...buttons.map((b) => b.button));
  field.before(group);
  // Drawn once the wasm can make them, after the page's first frame (the run comes first),
  // one a task, so that none holds up a click.
  let drawn = false;
  const drawFrom = (index) => setTimeout(() => {
    if (index >= buttons.length) return;
    drawPreview(buttons[index].canvas, buttons[index].name);
    drawFrom(index + 1);
  });
  return (settings, { own = false } = {}) => {
    if (!drawn) {
      drawn = true;
      requestAnimationFrame(() => drawFrom(0));
    }
    for (const { name, button } of buttons) button.setAttribute('aria-pressed', String(!own && settings.dataset === name));
  };
}

/** "New data": the same data set from another seed. */
export function regenerateButton(field, onChange) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'regenerate';
  button.className = 'small';
  button.textContent = 'New data';
  button.title = 'The same kind of data from a new seed';
  button.addEventListener('click', () => onChange('seed', Math.floor(Math.random() * 2 ** 32)));
  field.append(button);
}

/** Slider position ↔ value, per field. */
const SCALES = {
  noise: { min: 0, max: 40, to: (p) => p / 20, from: (v) => Math.round(v * 20) },
  testRatio: { min: 0, max: 18, to: (p) => p / 20, from: (v) => Math.round(v * 20) },
  batchSize: {
    min: 0,
    max: BATCH_STEPS + 1,
    // The last stop is "full": the one after the largest batch smaller than the training set,
    // since any larger batch is the whole set too (one ← from "full" changes something).
    top: (count) => (count > 1 ? Math.min(BATCH_STEPS, Math.ceil((Math.log10(count) * BATCH_STEPS) / 4) - 1) + 1 : BATCH_STEPS + 1),
    to: (p, top) => (p >= top ? 'full' : Math.round(10 ** ((4 * p) / BATCH_STEPS))),
    from: (v, top) => (v === 'full' ? top : Math.min(top, Math.round((Math.log10(v) * BATCH_STEPS) / 4))),
  },
};

/** A slider under the text field of `key`; moving it writes the field as it goes, letting
 * go commits. Returns `show(settings, { trainCount })`: the batch size's slider ends where
 * batches stop being smaller than the training set. */
export function slider(field, key, onChange) {
  const scale = SCALES[key];
  const input = document.createElement('input');
  input.type = 'range';
  input.className = 'slider';
  input.id = `slider-${key}`;
  input.min = String(scale.min);
  input.max = String(scale.max);
  input.step = '1';
  input.setAttribute('aria-label', FIELDS[key].label);
  const text = field.querySelector('input[type="text"]');
  let top = scale.max;
  // A screen reader says the value the field shows ("full", "auto", 0.5), not the
  // slider's position on its scale.
  const tell = () => input.setAttribute('aria-valuetext', text.value);
  input.addEventListener('input', () => {
    text.value = String(scale.to(Number(input.value), top));
    tell();
  });
  input.addEventListener('change', () => onChange(key, scale.to(Number(input.value), top)));
  field.append(input);
  return (settings, { trainCount } = {}) => {
    if (scale.top) {
      top = scale.top(trainCount);
      input.max = String(top);
    }
    // "auto" noise sits where the data set's own noise is.
    const value = settings[key] ?? DEFAULT_NOISE[settings.dataset];
    input.value = String(scale.from(value, top));
    tell();
  };
}
