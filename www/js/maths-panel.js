// The live maths: the course's walkthrough for one data point — X → Z → A through every
// layer, the loss, then dZ, dW, db back from the output, this point's 1/m share of the
// batch's gradient — and then the update itself, W := W − α·dW over the whole batch, with
// the numbers the core computes for the weights shown, redrawn as training steps. Built with
// DOM calls only.

const MAX_SHOWN = 8;

const ACTIVATIONS = { tanh: 'tanh', sigmoid: 'σ', relu: 'ReLU', linear: 'identity' };
/** The course's penalties (never on the biases): what each adds to the cost, and to dW. */
const PENALTIES = {
  l2: { cost: '(λ/2m)·Σ W²', gradient: '(λ/m)·W[l]' },
  l1: { cost: '(λ/m)·Σ |W|', gradient: '(λ/m)·sign(W[l])' },
};
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

/** The beat of the course's story a row belongs to, by its key: a slow-motion step
 * highlights the rows of the beat it plays. */
export function phaseOf(key) {
  if (key === 'Y' || key === 'loss' || key === 'penalty') return 'cost';
  if (key.startsWith('new ')) return 'update';
  if (/^(dZ|dW|db|batch)/.test(key)) return 'backward';
  return 'forward';
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
    // The batch's size, for the 1/m of the course's gradients, and the update it makes.
    const update = playground.nextUpdate();
    const size = update?.examples ?? 1;
    const share = (v) => v / size;
    const L = m.layers.length;
    const rows = [];
    const row = (name, formula, value, key = name) => rows.push([name, formula, value, key, phaseOf(key)]);
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
    // The penalty is the whole batch's (the cost shown is the mean loss plus it), and its
    // gradient is in the batch's dW below, not in one point's share.
    const penalty = PENALTIES[update?.regularization];
    if (penalty) {
      const lambda = `λ = ${formatNumber(update.regularizationRate)}`;
      row('penalty', `= ${penalty.cost} over the batch's weights, ${lambda}, m = ${size.toLocaleString('en-US')} (the cost adds it to the mean loss)`, formatNumber(update.penalty));
    }
    for (let l = L; l >= 1; l--) {
      const layer = m.layers[l - 1];
      const input = l === 1 ? 'X' : `A[${l - 1}]`;
      const dz = l === L
        ? `= A[${L}] − Y`
        : `= W[${l + 1}]ᵀ·dZ[${l + 1}] ∗ ${DERIVATIVES[activation].replaceAll('[l]', `[${l}]`)}`;
      row(`dZ[${l}]`, dz, vector(layer.dz));
      row(`dW[${l}]`, `+= (1/m)·dZ[${l}]·${input}ᵀ, this point's share (m = ${size.toLocaleString('en-US')})`, matrix(layer.dw.map((r) => r.map(share))));
      row(`db[${l}]`, `+= (1/m)·dZ[${l}]`, vector(layer.db.map(share)));
    }
    if (update) {
      // The update, over every point of the batch: what the next Step makes.
      const rate = formatNumber(update.learningRate);
      const step = update.optimizer === 'gd' ? '' : ` (${update.optimizer === 'adam' ? 'Adam' : 'momentum'} scales the step)`;
      update.layers.forEach((layer, i) => {
        const l = i + 1;
        const regularized = penalty ? ` + ${penalty.gradient.replaceAll('[l]', `[${l}]`)}` : '';
        row(`dW[${l}]`, `= (1/m)·Σ dZ[${l}]·${l === 1 ? 'X' : `A[${l - 1}]`}ᵀ${regularized} over the ${size.toLocaleString('en-US')} points`, matrix(layer.dw), `batch dW[${l}]`);
        row(`W[${l}]`, `:= W[${l}] − α·dW[${l}], α = ${rate}${step}`, matrix(layer.w), `new W[${l}]`);
        row(`b[${l}]`, `:= b[${l}] − α·db[${l}]`, vector(layer.b), `new b[${l}]`);
      });
    }
    this.container.replaceChildren(...rows.map(([name, formula, value, key, phase]) => {
      const r = document.createElement('div');
      r.className = 'maths-row';
      r.dataset.name = key;
      r.dataset.phase = phase;
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
