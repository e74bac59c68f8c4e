// @ts-check
// Starts the validation worker (and so the download and compilation of the
// WebAssembly core) as early as possible. Loaded with `async`, it runs as soon
// as it arrives, while the page is still being parsed and its own modules
// loading. Messages that arrive before the page takes the worker over are kept
// and handed to it (validator-client.js). Should app.js have run first, it
// started its own worker and this does nothing.

const scope = /** @type {any} */ (globalThis);

if (!scope.mtastsBootTaken) {
  performance.mark('mtasts:boot'); // read by scripts/bench-site.mjs
  const worker = new Worker(new URL('./validation-worker.js', import.meta.url), { type: 'module' });
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
