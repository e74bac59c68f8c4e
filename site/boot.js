// @ts-check
// Starts the validation worker (and so the download and compilation of the
// WebAssembly core) as soon as the HTML is parsed, while the page's own
// modules are still loading. Messages that arrive before the page takes the
// worker over are kept and handed to it (validator-client.js).

const worker = new Worker(new URL('./validation-worker.js', import.meta.url), { type: 'module' });
/** @type {Event[]} */
const early = [];
const keep = (/** @type {Event} */ event) => void early.push(event);
worker.addEventListener('message', keep);
worker.addEventListener('error', keep);

/** @type {any} */ (globalThis).mtastsBoot = Object.freeze({
  worker,
  /** Stops keeping messages and returns those kept so far, in order. */
  take() {
    worker.removeEventListener('message', keep);
    worker.removeEventListener('error', keep);
    return early.splice(0);
  },
});
