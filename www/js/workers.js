// Starting the page's workers, also when the page's scripts come from another origin (a blog
// post using the element from the project's site): a browser refuses a module worker from
// another origin, so there the worker is a same-origin blob that imports the remote module,
// whose own imports (the wasm glue) then load from its origin with CORS.

import { wasmModule } from './wasm-module.js';

/** A module worker running `url` (a URL object), given the page's compiled wasm first when
 * there is one (worker-wasm.js takes it). */
export function startWorker(url) {
  const worker = start(url);
  const module = wasmModule();
  if (module) worker.postMessage({ wasmModule: module });
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
