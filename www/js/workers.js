// Starting the page's workers, also when the page's scripts come from another origin (a blog
// post using the element from the project's site): a browser refuses a module worker from
// another origin, so there the worker is a same-origin blob that imports the remote module,
// whose own imports (the wasm glue, the wasm) then load from its origin with CORS.

/** A module worker running `url` (a URL object). */
export function startWorker(url) {
  const here = globalThis.location?.origin;
  if (!here || url.origin === here || url.protocol === 'blob:' || url.protocol === 'data:') {
    return new Worker(url, { type: 'module' });
  }
  const source = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(source), { type: 'module' });
}
