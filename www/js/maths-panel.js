// The live maths: the course's walkthrough for one data point — X → Z → A through every
// layer, the loss, then dZ, dW, db back from the output — with the numbers the core computes
// for the weights shown, redrawn as training steps. Built with DOM calls only.

const MAX_SHOWN = 8;

const ACTIVATIONS = { tanh: 'tanh', sigmoid: 'σ', relu: 'ReLU', linear: 'identity' };
const DERIVATIVES = { tanh: '(1 − A[l]²)', sigmoid: 'A[l](1 − A[l])', relu: '1{Z[l] > 0}', linear: '1' };

/** A number for reading: four significant digits, scientific when tiny or huge. */
export function formatNumber(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
}

function vector(values) {
  const shown = values.slice(0, MAX_SHOWN).map(formatNumber).join(', ');
  return values.length > MAX_SHOWN ? `[${shown}, … ${values.length} in all]` : `[${shown}]`;
}

function matrix(rows) {
  const shown = rows.slice(0, MAX_SHOWN).map((r) => vector(r)).join('; ');
  return rows.length > MAX_SHOWN ? `[${shown}; … ${rows.length} rows]` : `[${shown}]`;
}

export class MathsPanel {
  /** `container` receives the rows; `panel` is shown only while a point is chosen. */
  constructor(panel, container, { onClose }) {
    this.panel = panel;
    this.container = container;
    panel.querySelector('.maths-close')?.addEventListener('click', onClose);
  }

  hide() {
    // Every frame asks; only a change touches the page.
    if (!this.panel.hidden) this.panel.hidden = true;
  }

  /**
   * The walkthrough of `point` ({ x1, x2, y }) on `playground`'s weights shown; `activation`
   * is the hidden one and `task` { kind } says the output's and the loss's form.
   */
  show(playground, point, { activation, task, featureNames }) {
    const m = playground.maths(point.x1, point.x2, point.y);
    const L = m.layers.length;
    const rows = [];
    const row = (name, formula, value) => rows.push([name, formula, value]);
    const target = task.kind === 'classes' ? `class ${point.y}` : formatNumber(point.y);
    row('X', `= (${featureNames.join(', ')})`, vector(m.x));
    row('Y', '', target);
    m.layers.forEach((layer, i) => {
      const l = i + 1;
      const previous = l === 1 ? 'X' : `A[${l - 1}]`;
      row(`Z[${l}]`, `= W[${l}]·${previous} + b[${l}]`, vector(layer.z));
      const g = l < L ? ACTIVATIONS[activation] : { binary: 'σ', classes: 'softmax', regression: 'identity' }[task.kind];
      row(`A[${l}]`, `= ${g}(Z[${l}])`, vector(layer.a));
    });
    const loss = {
      binary: `= −(Y log A[${L}] + (1 − Y) log(1 − A[${L}]))`,
      classes: `= −log A[${L}]_Y`,
      regression: `= ½(A[${L}] − Y)²`,
    }[task.kind];
    row('loss', loss, formatNumber(m.loss));
    for (let l = L; l >= 1; l--) {
      const layer = m.layers[l - 1];
      const input = l === 1 ? 'X' : `A[${l - 1}]`;
      const dz = l === L
        ? `= A[${L}] − Y`
        : `= W[${l + 1}]ᵀ·dZ[${l + 1}] ∗ ${DERIVATIVES[activation].replaceAll('[l]', `[${l}]`)}`;
      row(`dZ[${l}]`, dz, vector(layer.dz));
      row(`dW[${l}]`, `= dZ[${l}]·${input}ᵀ`, matrix(layer.dw));
      row(`db[${l}]`, `= dZ[${l}]`, vector(layer.db));
    }
    this.container.replaceChildren(...rows.map(([name, formula, value]) => {
      const r = document.createElement('div');
      r.className = 'maths-row';
      r.dataset.name = name;
      for (const [className, text] of [['maths-name', name], ['maths-formula', formula], ['maths-value', value]]) {
        const cell = document.createElement('span');
        cell.className = className;
        cell.textContent = text;
        r.append(cell);
      }
      return r;
    }));
    this.panel.hidden = false;
    return m;
  }
}
