// Undo and redo of the reader's edits to the data: each entry is the whole run as it was
// (the wasm Playground itself, kept alive, so that its weights, history and time machine come
// back bit for bit) with the page's facts about its points. Kept runs hold memory, so the
// stack keeps at most BUDGET bytes of recordings and DEPTH entries, dropping the oldest.

const DEPTH = 30;
const BUDGET = 64 << 20;

export class UndoStack {
  /** `onChange({ canUndo, canRedo })` follows what can be undone and redone. */
  constructor({ onChange = () => {} } = {}) {
    this.undos = [];
    this.redos = [];
    this.onChange = onChange;
  }

  /** Keeps `entry` ({ playground, ...facts }) as the state before an edit; whatever could be
   * redone is dropped. `live` is the run on show, never freed here. */
  push(entry, live) {
    this.drop(this.redos.splice(0), live);
    this.undos.push(entry);
    this.trim(live);
    this.told();
  }

  /** The entry to show instead of `current`, which becomes redoable; null if none. */
  undo(current) {
    const entry = this.undos.pop();
    if (!entry) return null;
    this.redos.push(current);
    this.told();
    return entry;
  }

  /** The entry to show instead of `current`, which becomes undoable again; null if none. */
  redo(current) {
    const entry = this.redos.pop();
    if (!entry) return null;
    this.undos.push(current);
    this.told();
    return entry;
  }

  /** Whether an entry keeps `playground`, which must then not be freed. */
  holds(playground) {
    return [...this.undos, ...this.redos].some((entry) => entry.playground === playground);
  }

  get canUndo() {
    return this.undos.length > 0;
  }

  get canRedo() {
    return this.redos.length > 0;
  }

  trim(live) {
    const bytes = (entry) => entry.playground.recordingBytes?.() ?? 0;
    let total = this.undos.reduce((sum, entry) => sum + bytes(entry), 0);
    while (this.undos.length > 1 && (this.undos.length > DEPTH || total > BUDGET)) {
      const [oldest] = this.undos.splice(0, 1);
      total -= bytes(oldest);
      this.drop([oldest], live);
    }
  }

  /** Frees the runs of `entries` that neither the page nor another entry still shows. */
  drop(entries, live) {
    const kept = new Set([live, ...this.undos, ...this.redos].map((entry) => entry?.playground ?? entry));
    for (const { playground } of entries) {
      if (kept.has(playground)) continue;
      kept.add(playground);
      try {
        playground.free();
      } catch {
        // A run broken mid-call cannot be freed: it is let go.
      }
    }
  }

  told() {
    this.onChange({ canUndo: this.canUndo, canRedo: this.canRedo });
  }
}
