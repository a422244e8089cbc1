// The network graph's inline editor: a small form over a weight or bias where the reader
// types a new value. It parses and explains; setting the value in the model is its owner's.

import { formatValue } from './graph-names.js';

const html = (name, className, attributes = {}) => {
  const element = document.createElement(name);
  if (className) element.className = className;
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

/** A parameter for editing: six significant digits, without trailing zeros. */
const editText = (v) => String(Number(v.toPrecision(6)));

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number typed, or a message saying why it is not one. */
export function parseValue(text) {
  // A typographic minus, as a pasted value may carry.
  const cleaned = text.trim().replace(/^[\u2212\u2013]/, '-');
  if (!NUMBER.test(cleaned)) return { error: `“${text.trim()}” is not a number; type one like -0.5 or 1.2e-3.` };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { error: `${text.trim()} is too large.` };
  return { value };
}

export class WeightEditor {
  /**
   * `id` makes the form's ids unique on the page. `set(value)` applies a parsed value to
   * the item being edited and returns an error message, or null when it was set;
   * `closed(item, refocus, changed)` is called once the form is hidden (`refocus`: the
   * reader ended the edit from the form, by Enter or Esc, and expects focus back where the
   * edit started; `changed`: a value was set).
   */
  constructor(id, { set, closed }) {
    this.set = set;
    this.closed = closed;
    this.item = null;
    this.form = html('form', 'graph-editor');
    this.form.hidden = true;
    this.label = html('label', 'graph-editor-label', { for: `${id}-value` });
    this.input = html('input', '', {
      id: `${id}-value`,
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `${id}-message`,
    });
    this.message = html('p', 'graph-editor-message', { id: `${id}-message`, role: 'alert' });
    const help = html('p', 'graph-editor-help');
    help.textContent = 'Enter sets it, Esc cancels';
    this.form.append(this.label, this.input, this.message, help);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commit();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.close(true, false);
      }
    });
    // Leaving the field some other way abandons the edit.
    this.input.addEventListener('blur', () => this.close(false, false));
  }

  get open() {
    return this.item !== null;
  }

  /** Shows the form for `item` (named `symbol`, now `value`); `place(form)` puts it. */
  show(item, symbol, value, place) {
    this.item = item;
    this.initial = editText(value);
    this.label.textContent = `Set ${symbol} (now ${formatValue(value)})`;
    this.input.value = this.initial;
    this.input.removeAttribute('aria-invalid');
    this.message.textContent = '';
    this.form.hidden = false;
    place(this.form);
    this.input.focus();
    this.input.select();
  }

  /** Applies the typed value at once, or explains why it cannot. */
  commit() {
    if (!this.open) return;
    const text = this.input.value;
    // Unchanged text would round the value to six digits; leave it as it is.
    if (text.trim() === this.initial) {
      this.close(true, false);
      return;
    }
    const parsed = parseValue(text);
    const error = parsed.error ?? this.set(parsed.value);
    if (error) {
      this.message.textContent = error;
      this.input.setAttribute('aria-invalid', 'true');
      this.input.select();
      return;
    }
    this.close(true, true);
  }

  close(refocus, changed) {
    if (!this.open) return;
    const { item } = this;
    // Marked closed first: moving focus away blurs the field, which closes again.
    this.item = null;
    this.form.hidden = true;
    this.closed(item, refocus, changed);
  }
}
