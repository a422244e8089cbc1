// The page's wasm, compiled once: streamed where the server allows, instantiated for the
// page, and the compiled module kept to hand to every worker the page starts (workers.js),
// which then neither fetch nor compile it again. The one-file build carries the bytes once
// and compiles them here the same way.

import init, * as glue from '../pkg/neuranim_wasm.js';

let compiled = null;

/** Compiles and instantiates the page's wasm; resolves to its exports. */
export async function startWasm() {
  compiled = glue.inlinedModule ? glue.inlinedModule() : await compile(new URL('../pkg/neuranim_wasm_bg.wasm', import.meta.url));
  return init({ module_or_path: compiled });
}

async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A server that sends the wasm without its MIME type: compiled from the bytes instead.
    return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
  }
}

/** The compiled module, once `startWasm` has made it; null before, or in a page that did not. */
export const wasmModule = () => compiled;
