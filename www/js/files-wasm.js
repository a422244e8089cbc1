// The files module (crates/files): run files, weights files and CSV as text, and GIF
// encoding. Only a reader who opens or saves something needs it, so the page's start does
// not fetch it: it is fetched and compiled on first use, once, and the workers that need it
// (CSV reading, GIF encoding) are handed the compiled module. The one-file build carries it
// inlined, as it does the training module.

import { compileWasm } from './wasm-module.js';

let compiled = null;
let loaded = null;

const glue = () => import('../pkg/neuranim_files.js');

/** The files module, compiled once. */
export function filesModule() {
  compiled ??= glue().then((files) => files.inlinedModule?.() ?? compileWasm(new URL('../pkg/neuranim_files_bg.wasm', import.meta.url)));
  // A failed fetch (the network gone since the page loaded) is tried again next time.
  compiled.catch(() => {
    compiled = null;
  });
  return compiled;
}

/** The files module's exports, instantiated on the page once. */
export function filesWasm() {
  loaded ??= Promise.all([glue(), filesModule()]).then(async ([files, module]) => {
    await files.default({ module_or_path: module });
    return files;
  });
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}
