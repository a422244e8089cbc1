// Starting the page's workers, also when the page's scripts come from another origin (a blog
// post using the element from the project's site): a browser refuses a module worker from
// another origin, so there the worker is a same-origin blob that imports the remote module,
// whose own imports (the wasm glue) then load from its origin with CORS.

import { wasmModule, wasmModuleReady } from './wasm-module.js';

/** A module worker running `url` (a URL object), given a compiled wasm first (worker-wasm.js
 * takes it): `module` when given (the files module, files-wasm.js), else the page's training
 * module, at once when there is one, else as soon as the page has compiled it, so that a
 * worker started early loads its scripts while the wasm compiles. Messages posted meanwhile
 * wait in the worker until it has its wasm. */
export function startWorker(url, { early = false, module = wasmModule() } = {}) {
  const worker = start(url);
  if (module) worker.postMessage({ wasmModule: module });
  else if (early) wasmModuleReady().then((compiled) => worker.postMessage({ wasmModule: compiled }));
  return worker;
}

function start(url) {
  // The one-file build's workers are bundled classic scripts in blobs.
  if (url.protocol === 'blob:') return new Worker(url);
  const here = globalThis.location?.origin;
  if (!here || url.origin === here || url.protocol === 'data:') return new Worker(url, { type: 'module' });
  const source = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(source), { type: 'module' });
}
