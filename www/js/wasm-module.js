// The page's wasm, compiled once: streamed where the server allows, instantiated for the
// page, and the compiled module kept to hand to every worker the page starts (workers.js),
// which then neither fetch nor compile it again. The one-file build carries the bytes once
// (gzipped) and compiles them here the same way. An engine without wasm SIMD (Safari before 16.4)
// gets the same crate built without it (scripts/build-web.sh): slower, the same bits.

import init, * as glue from '../pkg/neuranim_wasm.js';

let compiled = null;
let variant = null;
let announce = () => {};
/** Resolves to the compiled module once `startWasm` has made it: a worker started before
 * then is handed it when it is ready. */
const ready = new Promise((resolve) => {
  announce = resolve;
});

/** (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt): valid only where the engine
 * has wasm SIMD. */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** 'simd', or 'scalar' where the engine lacks wasm SIMD. */
export function chooseVariant() {
  return WebAssembly.validate(SIMD_PROBE) ? 'simd' : 'scalar';
}

/** Compiles and instantiates the page's wasm; resolves to its exports. */
export async function startWasm() {
  if (glue.inlinedModule) {
    variant = 'simd';
    compiled = await glue.inlinedModule();
  } else {
    variant = chooseVariant();
    const file = variant === 'simd' ? 'neuranim_wasm_bg.wasm' : 'neuranim_wasm_scalar_bg.wasm';
    compiled = await compileWasm(new URL(`../pkg/${file}`, import.meta.url));
  }
  announce(compiled);
  return init({ module_or_path: compiled });
}

/** Which build the page runs, once `startWasm` has chosen: 'simd' or 'scalar'. */
export const wasmVariant = () => variant;

/** The module at `url`, compiled while it streams in where the server allows. A failure
 * names the file, and from another site what its host must send: "Failed to fetch" alone
 * tells a post's writer nothing. */
export async function compileWasm(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A server that sends the wasm without its MIME type: compiled from the bytes instead.
    let response;
    try {
      response = await fetch(url);
    } catch (error) {
      const elsewhere = globalThis.location && url.origin !== location.origin;
      throw new Error(`${url.href} could not be fetched (${error.message})${elsewhere ? `: its host must send Access-Control-Allow-Origin for it, as for the scripts, to let ${location.origin} use it` : ''}`);
    }
    if (!response.ok) throw new Error(`${url.href}: ${response.status} ${response.statusText}`.trim());
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** The compiled module, once `startWasm` has made it; null before, or in a page that did not. */
export const wasmModule = () => compiled;

/** The compiled module when `startWasm` has made it (never, in a page that does not). */
export const wasmModuleReady = () => ready;
