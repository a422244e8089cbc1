// What the network graph says about its parts: column headings, the names read aloud for
// each neuron, weight and bias, and the tooltips' two lines. No page here, so that every
// name can be checked without a browser.

import { FEATURE_NAMES } from './controls.js';

/** Each input feature in words, for names read aloud. */
const SPOKEN = {
  x1: 'x1', x2: 'x2', x1Squared: 'x1 squared', x2Squared: 'x2 squared', x1x2: 'x1 times x2', sinX1: 'sin x1', sinX2: 'sin x2',
};
/** What each input feature is, for its tooltip. */
const INPUT_DETAILS = {
  x1: 'input: the horizontal coordinate', x2: 'input: the vertical coordinate',
  x1Squared: 'input: x₁ squared', x2Squared: 'input: x₂ squared', x1x2: 'input: x₁ times x₂',
  sinX1: 'input: the sine of x₁', sinX2: 'input: the sine of x₂',
};
const OUTPUT_ACTIVATION = { binary: 'sigmoid', classes: 'softmax', regression: 'linear' };

/** A parameter for reading: four decimals, or four significant digits in scientific
 * notation when decimals would hide it or run long. */
export function formatValue(v) {
  const a = Math.abs(v);
  return a === 0 || (a >= 1e-3 && a < 1e4) ? v.toFixed(4) : v.toExponential(3);
}

/** "w[l][i][k]" or "b[l][i]" counted from 1, as the course numbers its layers (W[1], b[1])
 * and as the names count neurons: w[1][2][1] is hidden layer 1's weight from input 1 into
 * its neuron 2, the snapshot's `layers[0].weights[1][0]`. */
export const symbolOf = (item) => (item.kind === 'edge' ? `w[${item.l + 1}][${item.i + 1}][${item.k + 1}]` : `b[${item.l + 1}][${item.i + 1}]`);

/** The value of a weight or bias item in a snapshot's `layers`. */
export const valueOf = (layers, item) => (item.kind === 'edge' ? layers[item.l].weights[item.i][item.k] : layers[item.l].biases[item.i]);

const capitalised = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;

/** Names for one network: `sizes` [n_x, n_1, …, n_L], the input `features`, the hidden
 * `activation` and the task's `kind`. Items are as graph-hit.js describes them. */
export class GraphNames {
  constructor({ sizes, features, activation, taskKind }) {
    this.sizes = sizes;
    this.features = features;
    this.activation = activation;
    this.outputActivation = OUTPUT_ACTIVATION[taskKind];
  }

  get last() {
    return this.sizes.length - 1;
  }

  activationOf(c) {
    return c === this.last ? this.outputActivation : this.activation;
  }

  columnName(c) {
    if (c === 0) return 'Inputs';
    if (c === this.last) return `Output layer (${this.outputActivation})`;
    return `Hidden layer ${c}: ${this.sizes[c]} ${this.activation} neurons`;
  }

  /** A column's heading and the line under it. */
  heading(c) {
    if (c === 0) return ['Input', this.features.join(',') === 'x1,x2' ? 'coordinates' : 'features'];
    if (c === this.last) return ['Output', this.outputActivation];
    return [`Hidden ${c}`, `${this.sizes[c]} ${this.activation}`];
  }

  /** "x2", "neuron 3 of hidden layer 1", "the output", "output 2". */
  neuronName(c, i) {
    if (c === 0) return SPOKEN[this.features[i]] ?? `x${i + 1}`;
    if (c === this.last) return this.sizes[c] === 1 ? 'the output' : `output ${i + 1}`;
    return `neuron ${i + 1} of hidden layer ${c}`;
  }

  /** Input i as the page writes its feature: x₁, x₁², sin x₂… */
  inputName(i) {
    return FEATURE_NAMES[this.features[i]] ?? `x${i + 1}`;
  }

  /** The name read aloud: "Weight w[1][2][1] from x1 to neuron 2 of hidden layer 1". */
  nameOf(item) {
    const { kind, l, i, k } = item;
    if (kind === 'edge') return `Weight ${symbolOf(item)} from ${this.neuronName(l, k)} to ${this.neuronName(l + 1, i)}`;
    if (kind === 'bias') return `Bias ${symbolOf(item)} of ${this.neuronName(l + 1, i)}`;
    if (item.c === 0) return `Input ${this.neuronName(0, i)}`;
    return `${capitalised(this.neuronName(item.c, i))} (${this.activationOf(item.c)})`;
  }

  /** The tooltip's two lines for an item, with values from a snapshot's `layers`. */
  describe(item, layers) {
    const { kind, l, i, k } = item;
    if (kind === 'edge') return [`${symbolOf(item)} = ${formatValue(valueOf(layers, item))}`, `${this.neuronName(l, k)} → ${this.neuronName(l + 1, i)}`];
    if (kind === 'bias') return [`${symbolOf(item)} = ${formatValue(valueOf(layers, item))}`, `bias of ${this.neuronName(l + 1, i)}`];
    const { c } = item;
    if (c === 0) return [this.inputName(i), INPUT_DETAILS[this.features[i]]];
    const bias = `${symbolOf({ kind: 'bias', l: c - 1, i })} = ${formatValue(layers[c - 1].biases[i])}`;
    return [capitalised(this.neuronName(c, i)), `${this.activationOf(c)} · ${bias}`];
  }
}
