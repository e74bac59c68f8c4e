// @ts-check
// Starts the validation worker and the download and compilation of the
// WebAssembly core as early as possible. Loaded with `async`, it runs as soon
// as it arrives, while the page is still being parsed and its own modules
// loading. Messages that arrive before the page takes the worker over are kept
// and handed to it (validator-client.js). Should app.js have run first, it
// started its own worker and this does nothing.

const scope = /** @type {any} */ (globalThis);

if (!scope.mtastsBootTaken) {
  performance.mark('mtasts:boot');
  const worker = new Worker(new URL('./validation-worker.js', import.meta.url), { type: 'module' });
  // A worker takes tens of milliseconds to start: meanwhile the page fetches
  // and compiles the core (off the main thread) and hands the module over.
  // Should that fail (say, a host serving .wasm with another type), the worker
  // fetches the core itself.
  const core = new URL('./kit/mtasts-core.wasm', import.meta.url);
  const compiled =
    typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(core, { credentials: 'same-origin' }))
      : Promise.reject(new Error('no streaming compilation'));
  compiled
    .then((module) => {
      performance.mark('mtasts:core-compiled'); // read by scripts/bench-site.mjs
      worker.postMessage({ type: 'core', module });
    })
    .catch(() => worker.postMessage({ type: 'core', module: null }));
  /** @type {Event[]} */
  const early = [];
  const keep = (/** @type {Event} */ event) => void early.push(event);
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);

  scope.mtastsBoot = Object.freeze({
    worker,
    /** Stops keeping messages and returns those kept so far, in order. */
    take() {
      worker.removeEventListener('message', keep);
      worker.removeEventListener('error', keep);
      return early.splice(0);
    },
  });
}
