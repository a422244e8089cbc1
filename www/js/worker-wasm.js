// A worker's wasm: the module the page compiled, when the page posts it as the worker's
// first message (workers.js does), else the worker fetches and compiles it itself.

/** Resolves to the wasm's exports, instantiated by `init` (the default export of the
 * module's glue). Call before setting `onmessage`: the module's message is taken here and
 * never reaches the worker's own handler. */
export function workerWasm(init) {
  return new Promise((resolve, reject) => {
    const first = (event) => {
      self.removeEventListener('message', first);
      const module = event.data?.wasmModule;
      if (module) event.stopImmediatePropagation();
      init(module ? { module_or_path: module } : undefined).then(resolve, reject);
    };
    self.addEventListener('message', first);
  });
}
