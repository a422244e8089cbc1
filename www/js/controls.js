// Builds the settings controls from the settings table, so that every field has exactly one
// control, label and range, and reports each change as (key, value).

import { datasetPicker, regenerateButton, slider } from './control-habits.js';
import { FIELDS, formatField, parseField, PRESETS } from './settings.js';
import { keepingFocus } from './keep-focus.js';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 1.2, 3, 5.2, 10];
const SPEEDS = [0.05, 0.2, 1, 10, 100, 1000, 10000, 'max'];
const NAMES = {
  gd: 'gradient descent', momentum: 'momentum', adam: 'Adam', none: 'none', l1: 'L1', l2: 'L2',
  course: 'course', xavier: 'Xavier', he: 'He', tanh: 'tanh', sigmoid: 'sigmoid',
  relu: 'ReLU', linear: 'linear', normal: 'normal', high: 'high',
};

/** How a feature reads on the page. */
export const FEATURE_NAMES = {
  x1: 'x₁', x2: 'x₂', x1Squared: 'x₁²', x2Squared: 'x₂²', x1x2: 'x₁x₂', sinX1: 'sin x₁', sinX2: 'sin x₂',
};

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** Fields whose choices read longer than half the panel: the whole row, so that none is cut. */
const WIDE = new Set(['optimizer']);

function field(key, control, extra = []) {
  return element('label', { class: WIDE.has(key) ? 'field field-wide' : 'field', for: `setting-${key}`, 'data-part': key }, [
    element('span', { class: 'field-label', text: FIELDS[key].label }),
    control,
    ...extra,
  ]);
}

export class Controls {
  /** `onChange(key, value)` for a field, `onPreset(name)` for a preset; `places` maps a
   * field's `place` to the element its control goes in. */
  constructor(container, { onChange, onPreset, places = {} }) {
    this.container = container;
    this.onChange = onChange;
    // Enter in a field commits it; the form itself never submits.
    container.addEventListener('submit', (event) => event.preventDefault());
    this.inputs = {};
    const presets = element('div', { class: 'presets', role: 'group', 'aria-label': 'Presets', 'data-part': 'presets' },
      Object.entries(PRESETS).map(([name, preset]) => {
        const button = element('button', { type: 'button', 'data-preset': name, text: preset.label });
        button.addEventListener('click', () => onPreset(name));
        return button;
      }));
    container.append(presets);
    // The Playground's habits beside the text fields: thumbnails, new data, sliders.
    this.shows = [];
    for (const [key, spec] of Object.entries(FIELDS)) {
      if (spec.ui === false) continue;
      const built = this.build(key);
      (places[spec.place] ?? container).append(built);
      if (key === 'dataset') this.shows.push(datasetPicker(built, onChange));
      if (key === 'seed') regenerateButton(built, onChange);
      if (['noise', 'testRatio', 'batchSize'].includes(key)) this.shows.push(slider(built, key, onChange));
    }
  }

  /** The data-set choice says "your points" while they are what trains; picking any data
   * set, the one named in the settings too, goes back to it. */
  showOwn(own) {
    const select = this.inputs.dataset;
    if (!select) return;
    this.ownOption ??= element('option', { value: '', text: 'your points', disabled: '' });
    if (own && !this.ownOption.isConnected) select.prepend(this.ownOption);
    if (!own) this.ownOption.remove();
    if (own) select.value = '';
  }

  build(key) {
    const spec = FIELDS[key];
    const id = `setting-${key}`;
    if (spec.kind === 'choice') {
      const select = element('select', { id, name: key }, spec.options.map((o) => element('option', { value: o, text: NAMES[o] ?? o })));
      select.addEventListener('change', () => this.onChange(key, select.value));
      this.inputs[key] = select;
      return field(key, select);
    }
    if (spec.kind === 'layers') return this.buildLayers(key);
    if (spec.kind === 'features') return this.buildFeatures(key);
    const input = element('input', { id, name: key, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' });
    const commit = () => {
      // Enter commits, and leaving the field fires `change` again: a value the page itself
      // wrote back (clamped, say) is no new edit, and must not clear what Enter said of it.
      if (input.value === input.dataset.shown) return;
      const { value, notice } = parseField(key, input.value.trim());
      input.setCustomValidity('');
      input.title = notice ?? '';
      this.onChange(key, value, notice);
    };
    input.addEventListener('change', commit);
    input.addEventListener('keydown', (event) => event.key === 'Enter' && commit());
    this.inputs[key] = input;
    if (key === 'learningRate') {
      const list = element('datalist', { id: 'learning-rates' }, LEARNING_RATES.map((v) => element('option', { value: String(v) })));
      input.setAttribute('list', 'learning-rates');
      return field(key, input, [list]);
    }
    if (key === 'speed') {
      // What training achieves, beside what was asked: a heavy network or "max" is limited by
      // the time a frame may train.
      const list = element('datalist', { id: 'speeds' }, SPEEDS.map((v) => element('option', { value: String(v) })));
      input.setAttribute('list', 'speeds');
      const rate = element('output', { id: 'rate', class: 'rate', for: id, 'aria-live': 'off' });
      return field(key, input, [list, rate]);
    }
    return field(key, input);
  }

  /** A checkbox per feature; the last one ticked cannot be unticked. */
  buildFeatures(key) {
    const spec = FIELDS[key];
    const boxes = spec.options.map((name) => {
      const box = element('input', { type: 'checkbox', id: `feature-${name}`, value: name });
      box.addEventListener('change', () => {
        const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
        if (chosen.length) this.onChange(key, chosen);
        else box.checked = true;
      });
      return box;
    });
    this.features = boxes;
    const group = element('div', { class: 'features', id: `setting-${key}`, role: 'group', 'aria-label': spec.label },
      boxes.map((box) => element('label', { class: 'feature', for: box.id }, [box, element('span', { text: FEATURE_NAMES[box.value] })])));
    return element('div', { class: 'field field-wide', 'data-part': key }, [element('span', { class: 'field-label', text: spec.label }), group]);
  }

  buildLayers(key) {
    const group = element('div', { class: 'layers', id: `setting-${key}`, role: 'group', 'aria-label': FIELDS[key].label });
    this.layers = group;
    return element('div', { class: 'field', 'data-part': key }, [element('span', { class: 'field-label', text: FIELDS[key].label }), group]);
  }

  renderLayers(sizes) {
    const spec = FIELDS.hidden;
    const button = (text, label, disabled, action) => {
      const b = element('button', { type: 'button', class: 'small', 'aria-label': label, text });
      b.disabled = disabled;
      b.addEventListener('click', action);
      return b;
    };
    const change = (next) => this.onChange('hidden', next);
    const rows = sizes.map((size, i) => element('div', { class: 'layer' }, [
      element('span', { class: 'layer-name', text: `L${i + 1}`, title: `Layer ${i + 1}` }),
      button('−', `Fewer neurons in layer ${i + 1}`, size <= spec.min, () => change(sizes.map((s, j) => (j === i ? s - 1 : s)))),
      element('output', { class: 'layer-size', 'aria-label': `Neurons in layer ${i + 1}`, text: String(size) }),
      button('+', `More neurons in layer ${i + 1}`, size >= spec.max, () => change(sizes.map((s, j) => (j === i ? s + 1 : s)))),
    ]));
    const layerButtons = element('div', { class: 'layer-buttons' }, [
      button('− layer', 'Remove the last hidden layer', sizes.length === 0, () => change(sizes.slice(0, -1))),
      button('+ layer', 'Add a hidden layer', sizes.length >= spec.maxLayers, () => change([...sizes, sizes.at(-1) ?? 4])),
    ]);
    keepingFocus(this.layers, () => this.layers.replaceChildren(...rows, layerButtons));
  }

  /** Shows `settings` in every control; `own`: the run trains on the reader's own points (drawn or
   * imported), which no data set stands for; `trainCount`: the run's training points. */
  show(settings, { own = false, trainCount } = {}) {
    for (const [key, input] of Object.entries(this.inputs)) {
      input.value = formatField(key, settings[key]);
      input.dataset.shown = input.value;
    }
    this.showOwn(own);
    this.renderLayers(settings.hidden);
    for (const show of this.shows) show(settings, { own, trainCount });
    for (const box of this.features ?? []) box.checked = settings.features.includes(box.value);
  }
}
