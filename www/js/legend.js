// The data panel's colour key: what each colour of the heatmap means for the picture shown
// (two classes, several, a regression value, or one neuron's activation), built from the
// same colour tables that paint it. Built with DOM calls only; no markup strings.

import { coloursFor } from './colour-tables.js';
import { CLASS_COLOURS } from './palette.js';

const css = (packed) => `rgb(${packed & 255}, ${(packed >> 8) & 255}, ${(packed >> 16) & 255})`;

/** A CSS gradient through a 256-colour table, with hard edges where the table steps. */
function gradientOf(lut) {
  const stops = [];
  for (let i = 0; i < 256; i++) {
    if (i === 0 || i === 255 || i % 16 === 0 || lut[i] !== lut[i - 1]) stops.push(`${css(lut[i])} ${((100 * i) / 255).toFixed(1)}%`);
  }
  return `linear-gradient(90deg, ${stops.join(', ')})`;
}

function element(name, className, text) {
  const e = document.createElement(name);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

function swatch(colour) {
  const s = element('span', 'swatch');
  s.style.background = colour;
  return s;
}

/** A scale bar with its end and middle values under it. */
function scale(lut, [lo, mid, hi]) {
  const box = element('span', 'legend-scale');
  const bar = element('span', 'legend-bar');
  bar.style.background = gradientOf(lut);
  const ticks = element('span', 'legend-ticks');
  ticks.append(element('span', '', lo), element('span', '', mid), element('span', '', hi));
  box.append(bar, ticks);
  return box;
}

const item = (...children) => {
  const e = element('span', 'legend-item');
  e.append(...children);
  return e;
};

/**
 * Fills `container` with the key for `view`: { task: {kind, classes}, neuron: {lo, hi} |
 * null, style (a colour-table name) }.
 */
export function showLegend(container, { task, neuron, style }) {
  const { scalar, classes } = coloursFor(style);
  const parts = [];
  if (neuron) {
    const mid = (neuron.lo + neuron.hi) / 2;
    parts.push(element('span', 'legend-title', 'Neuron activation'), scale(scalar, [neuron.lo, mid, neuron.hi].map(String)));
  } else if (task.kind === 'regression') {
    const [lo, hi] = task.range;
    const number = (v) => v.toLocaleString('en-US', { maximumSignificantDigits: 4 }).replace('-', '−');
    parts.push(element('span', 'legend-title', 'Predicted value'), scale(scalar, [lo, (lo + hi) / 2, hi].map(number)));
  } else if (task.kind === 'classes') {
    for (let c = 0; c < task.classes; c++) parts.push(item(swatch(CLASS_COLOURS[c]), `class ${c}`));
    const tints = element('span', 'legend-tints');
    tints.style.background = `linear-gradient(90deg, ${css(classes[0][0])}, ${css(classes[0][63])})`;
    parts.push(item(tints, 'paler: less sure'));
  } else {
    parts.push(item(swatch(CLASS_COLOURS[0]), 'class 0'), scale(scalar, ['0', 'P(class 1)', '1']), item('class 1', swatch(CLASS_COLOURS[1])));
  }
  container.replaceChildren(...parts);
}
