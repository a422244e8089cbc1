// The line under the network graph: what its colours and widths mean, and its keys.

/** Keys of the graph, as its hint line says them. */
export const HINT = 'Click a weight or bias to set it. In the graph: ↑ ↓ move along, ← → follow the weights in and out, Enter sets, Esc goes back.';

/** The key of the graph numbered `id`; its hint line is `${id}-keys`, which the graph's
 * stage names as its description. */
export function graphKey(id) {
  const span = (className, text, line) => {
    const item = document.createElement('span');
    item.className = className;
    if (line) {
      const sample = document.createElement('span');
      sample.className = `graph-key-line ${line}`;
      item.append(sample);
    }
    item.append(text);
    return item;
  };
  const key = document.createElement('p');
  key.className = 'graph-key';
  const hint = span('graph-key-hint', HINT);
  hint.id = `${id}-keys`;
  key.append(
    span('graph-key-item', 'negative', 'neg'),
    span('graph-key-item', 'positive', 'pos'),
    span('graph-key-item', 'the bolder the line or mark, the larger the weight or bias'),
    hint,
  );
  return key;
}
