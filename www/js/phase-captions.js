// What the slow-motion step's caption says in each beat, in plain words with the course's
// numbering, and the formula of the beat with the core's numbers in it.

import { formatNumber } from './maths-panel.js';

export const PHASES = ['forward', 'cost', 'backward', 'update'];

export const PHASE_NAMES = { forward: '1. Forward', cost: '2. Cost', backward: '3. Backward', update: 'Update' };

const count = (n) => n.toLocaleString('en-US');

/** { text, formula } for `phase` at `p` (0 to 1) of the way, from the step's `phases`. */
export function describePhase(phase, { p, phases, gaps, rate, optimizer, scale, task, chosen }) {
  const m = phases.batch.length;
  const points = m === 1 ? 'the 1 point' : `the ${count(m)} points`;
  if (phase === 'forward') {
    const layer = Math.min(gaps, Math.floor(p * gaps) + 1);
    const what = chosen ? 'for the chosen point' : `averaged over ${points} of the batch`;
    const g = layer === gaps ? { binary: 'σ', classes: 'softmax', regression: 'identity' }[task.kind] : 'g';
    return {
      text: `1. Forward: the inputs flow through the network, layer by layer, to the output, whose prediction appears on the data. Each pulse is what an edge carries, |w·a|, ${what}.`,
      formula: `layer ${layer} of ${gaps}: Z[${layer}] = W[${layer}]·A[${layer - 1}] + b[${layer}], A[${layer}] = ${g}(Z[${layer}])`,
    };
  }
  if (phase === 'cost') {
    // The sum is assembled point by point as the beat goes; at its end, the core's cost.
    const summed = Math.max(1, Math.ceil(p * m));
    let sum = 0;
    for (let j = 0; j < summed; j++) sum += phases.losses[j];
    const loss = { binary: 'loss = −(y log a + (1 − y) log(1 − a))', classes: 'loss = −log a_y', regression: 'loss = ½(a − y)²' }[task.kind];
    const penalty = phases.penalty ? ` + ${formatNumber(phases.penalty)} (regularisation)` : '';
    const formula = p >= 1
      ? `J = (1/m)·Σ loss = ${formatNumber(sum)} / ${count(m)}${penalty} = ${phases.cost.toFixed(6)}`
      : `Σ loss over ${count(summed)} of ${count(m)} points = ${formatNumber(sum)}`;
    return {
      text: `2. Cost: each point's loss says how wrong its prediction is; the ring around it is as large as its loss, and the worst are named. The cost is their mean. ${loss}.`,
      formula,
    };
  }
  if (phase === 'backward') {
    return {
      text: `3. Backward: from the output back to the inputs, each weight's gradient dW, how fast the cost rises as that weight grows, drawn in the weights' colours and widths (×${formatNumber(scale)} to be seen); each neuron's frame is its error signal dZ.`,
      formula: 'dZ[L] = A[L] − Y; dW[l] = (1/m)·dZ[l]·A[l−1]ᵀ; db[l] = (1/m)·Σ dZ[l]; dZ[l−1] = W[l]ᵀ·dZ[l] ∗ g′(Z[l−1])',
    };
  }
  const by = optimizer === 'gd' ? '' : ` (${optimizer === 'adam' ? 'Adam' : 'momentum'} scales each step)`;
  return {
    text: `Update: every weight takes a step against its gradient${by}, and the decision boundary moves from the old network's to the new one's. The iteration goes up by one.`,
    formula: `W := W − α·dW, b := b − α·db, α = ${formatNumber(rate)}`,
  };
}
