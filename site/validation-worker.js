// @ts-check
// Runs the kit off the main thread for the validations of huge texts (see
// validator-client.js), so that typing never waits for them. The page starts
// it once it has drawn its first result; same origin, no other traffic.
//
// The page's first message hands over the core it compiled already:
//            { type: 'module', module: WebAssembly.Module | null }   (null: fetch it here)
// then requests, as in kit-requests.js, each with an id:
//            { id, type: 'validate', choice, text, bytes?, lang, spec } …
// Replies:   { type: 'ready', version } | { type: 'failed', error } once, then
//            { id, ...answer } | { id, error } per request.

import { answer } from './kit-requests.js';

/** @typedef {import('./validator-view.js').Kit} Kit */

const scope = /** @type {any} */ (globalThis);

/** @type {(module: WebAssembly.Module | null) => void} */
let receiveModule = () => {};
/** @type {Promise<WebAssembly.Module | null>} */
const compiled = new Promise((resolve) => {
  receiveModule = resolve;
});

/** @type {Promise<Kit>} */
const kitReady = import('./kit/kit.mjs').then(
  (/** @type {{ loadKit(options?: { module?: Promise<WebAssembly.Module | null> }): Promise<Kit> }} */ module) =>
    module.loadKit({ module: compiled }),
);

kitReady.then(
  (kit) => scope.postMessage({ type: 'ready', version: kit.version }),
  (error) => scope.postMessage({ type: 'failed', error: String(error?.message ?? error) }),
);

scope.addEventListener('message', async (/** @type {MessageEvent} */ event) => {
  const request = event.data;
  if (request?.type === 'module') {
    receiveModule(request.module instanceof WebAssembly.Module ? request.module : null);
    return;
  }
  try {
    const kit = await kitReady;
    scope.postMessage({ id: request.id, ...answer(kit, request) });
  } catch (error) {
    scope.postMessage({ id: request.id, error: String(/** @type {any} */ (error)?.message ?? error) });
  }
});
