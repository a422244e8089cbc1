// The data panel's view menu: input space, or the space of a hidden layer of two or more
// neurons, with the two neurons for its axes.

import { render, setHidden } from './view.js';
import { $, state } from './page-state.js';

/** The view menu follows the network's hidden layers; a chosen layer space is drawn. */
export function showSpace(snap) {
  const hidden = snap.sizes.slice(1, -1);
  const shape = hidden.join(',');
  if (shape !== state.spaceShape) {
    state.spaceShape = shape;
    const options = [['', 'input space'], ...hidden.flatMap((n, l) => (n >= 2 ? [[String(l), `hidden layer ${l + 1}`]] : []))];
    $('view-space').replaceChildren(...options.map(([value, text]) => Object.assign(document.createElement('option'), { value, textContent: text })));
    if (state.space && !(hidden[state.space.layer] >= 2)) state.space = null;
    $('view-space').value = state.space ? String(state.space.layer) : '';
    fillNeurons(hidden);
  }
  setHidden($('layer-space'), !state.space);
  setHidden($('space-axes'), !state.space);
  if (state.space) {
    state.layerSpace.draw(state.playground, state.space, { activation: state.playground.activation(), regression: state.task.kind === 'regression' && state.task.range });
  }
}

export function fillNeurons(hidden) {
  if (!state.space) return;
  const n = hidden[state.space.layer];
  for (const [id, axis] of [['space-x', 'i'], ['space-y', 'j']]) {
    const select = $(id);
    select.replaceChildren(...Array.from({ length: n }, (_, k) => Object.assign(document.createElement('option'), { value: String(k), textContent: `neuron ${k + 1}` })));
    select.value = String(state.space[axis]);
  }
}

export function chooseSpace() {
  const layer = $('view-space').value;
  const hidden = state.playground.snapshot().sizes.slice(1, -1);
  if (layer === '') {
    state.space = null;
  } else {
    const same = state.space?.layer === Number(layer);
    state.space = { layer: Number(layer), i: same ? Number($('space-x').value) : 0, j: same ? Number($('space-y').value) : 1 };
    fillNeurons(hidden);
  }
  render();
}
