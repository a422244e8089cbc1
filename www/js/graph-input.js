// The network graph's pointer and keyboard: hover and click find items by geometry
// (graph-hit.js), the arrows walk from neuron to neuron and along their weights
// (graph-keys.js), Enter opens the editor on a weight or bias.

import { isParameter, sameItem } from './graph-hit.js';
import { ownList, walk, WALK_KEYS } from './graph-keys.js';

/** Listens on `graph` (a NetworkGraph) for the pointer and the keyboard. */
export function listenToGraph(graph) {
  const at = (event) => {
    const box = graph.stage.getBoundingClientRect();
    return graph.hitTest(event.clientX - box.left, event.clientY - box.top);
  };
  graph.neurons.element.addEventListener('pointermove', (event) => graph.setHovered(at(event)));
  graph.neurons.element.addEventListener('pointerleave', () => graph.setHovered(null));
  graph.neurons.element.addEventListener('click', (event) => {
    const item = at(event);
    if (isParameter(item)) graph.openEditor({ item, list: ownList(item) });
  });
  graph.stage.addEventListener('focusin', (event) => {
    const item = graph.itemOf.get(event.target) ?? null;
    // A neuron focused by the pointer becomes the graph's tab stop.
    if (item?.kind === 'neuron' && !sameItem(item, graph.position.item)) graph.moveTo({ item, list: null }, false);
    graph.setFocused(item, event.target);
  });
  graph.stage.addEventListener('focusout', (event) => {
    if (!graph.stage.contains(event.relatedTarget)) graph.setFocused(null, null);
  });
  graph.stage.addEventListener('keydown', (event) => {
    const item = graph.itemOf.get(event.target);
    if (!item || graph.editor.open) return;
    if (event.key === 'Enter' && isParameter(item)) {
      event.preventDefault();
      graph.openEditor(graph.position);
      return;
    }
    if (!WALK_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = walk(graph.sizes, graph.position, event.key);
    if (!next && event.key === 'Escape') return;
    // Arrows stay in the graph even at its edges: the page's → would step the training.
    event.preventDefault();
    event.stopPropagation();
    if (next) graph.moveTo(next, true);
  });
}
