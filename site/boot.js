// @ts-check
// Starts the download and compilation of the WebAssembly core as early as
// possible. Loaded with `async`, it runs as soon as it arrives, while the page
// is still being parsed and its own modules loading; the browser compiles off
// the main thread as the bytes stream in. app.js hands the compiled module to
// the kit (and, should a huge text need it, to the worker). Should app.js have
// run first, the kit fetches the core itself and this does nothing.

const scope = /** @type {any} */ (globalThis);

if (!scope.mtastsBootTaken) {
  performance.mark('mtasts:boot'); // read by scripts/bench-site.mjs
  const core = new URL('./kit/mtasts-core.wasm', import.meta.url);
  scope.mtastsBoot = Object.freeze({
    // null when the browser cannot compile while streaming (e.g. a host that
    // does not serve .wasm as application/wasm): the kit then loads it its way.
    module: WebAssembly.compileStreaming(fetch(core, { credentials: 'same-origin' })).catch(() => null),
  });
}
