// @ts-check
/// <reference lib="webworker" />
// The service worker of the installed app. Registered only by pwa.js (the
// widgets never register one). It keeps one complete copy of the app per
// version, so the validator and the generators work offline:
//
// - install: precaches every file of the build (BUILD.files, written at
//   staging time by scripts/build-sw.mjs with each file's SHA-256) under a
//   cache named after the build's content hash. Each response is checked
//   against its hash (fetch `integrity`), so a half-deployed server or a stale
//   HTTP cache can never mix two versions: the install fails and is retried.
// - activate: deletes the older caches of this app (same scope) only; then the
//   page asks before switching (pwa.js shows "update available — reload").
// - fetch: same-origin GETs inside the scope come from this version's cache
//   (a navigation, with any query such as ?domain=, gets index.html); anything
//   not precached goes to the network and is not stored. Cross-origin requests
//   (DNS-over-HTTPS resolvers, policy hosts) are never touched nor cached.

const scope = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (globalThis));

/** @type {{ version: string, files: Record<string, string> }} path (relative to the scope) → base64 SHA-256 */
const BUILD = { version: 'dev', files: {} }; // build-sw: replaced by scripts/build-sw.mjs at staging time

/** Caches of this app at this scope (another copy under another path keeps its own). */
const prefix = `mtasts-kit ${scope.registration.scope} `;
const cacheName = prefix + BUILD.version;

/** @param {string} path */
const absolute = (path) => new URL(path, scope.registration.scope).href;

/** @param {string} path @param {string} hash */
async function fetchChecked(path, hash) {
  const url = absolute(path);
  const integrity = `sha256-${hash}`;
  // Whatever the page just loaded is reused from the HTTP cache (no second
  // download on the first visit) — but only if its bytes are this build's.
  // The page itself is cached under the address it was opened at, most often
  // the scope's own ("…/" rather than "…/index.html").
  const loaded = path === 'index.html' ? [absolute('./'), url] : [url];
  for (const candidate of loaded) {
    try {
      const response = await fetch(candidate, { cache: 'only-if-cached', mode: 'same-origin', integrity });
      if (response.ok) return { url, response };
    } catch {
      // not in the HTTP cache, or not this build's bytes
    }
  }
  const response = await fetch(url, { cache: 'reload', integrity });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  // Hosts with "pretty URLs" (Cloudflare Pages, Netlify) redirect …/index.html
  // to …/ and embed.html to embed. A response that went through a redirect
  // cannot answer a navigation (the browser refuses it), so keep its bytes
  // and headers only.
  if (response.redirected) {
    const { status, statusText, headers } = response;
    return { url, response: new Response(await response.arrayBuffer(), { status, statusText, headers }) };
  }
  return { url, response };
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      try {
        const fetched = await Promise.all(
          Object.entries(BUILD.files).map(([path, hash]) => fetchChecked(path, hash)),
        );
        await Promise.all(fetched.map(({ url, response }) => cache.put(url, response)));
      } catch (error) {
        await caches.delete(cacheName);
        throw error;
      }
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(prefix) && key !== cacheName) await caches.delete(key);
      }
      // First install: take the open page at once (it was loaded from the
      // network, from the same files). An update only activates when the page
      // asked for it, and pwa.js then reloads every page of the old version.
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type === 'skipWaiting') void scope.skipWaiting();
  else if (data?.type === 'version') event.ports[0]?.postMessage({ version: BUILD.version });
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // DNS-over-HTTPS resolvers and policy hosts: straight to the network, never cached.
  if (url.origin !== scope.location.origin) return;
  if (!url.href.startsWith(scope.registration.scope)) return;
  event.respondWith(respond(request, url));
});

/** @type {Promise<Cache> | undefined} this version's cache, opened once per worker start */
let cacheOpened;

/**
 * @param {Request} request
 * @param {URL} url
 */
async function respond(request, url) {
  cacheOpened ??= caches.open(cacheName);
  const cache = await cacheOpened;
  let key = url.origin + url.pathname;
  if (key.endsWith('/')) key += 'index.html';
  // …/embed is how pretty-URL hosts address embed.html.
  const cached = (await cache.match(key)) ?? (/\/[^/.]+$/.test(key) ? await cache.match(`${key}.html`) : undefined);
  if (cached) return cached;
  return fetch(request);
}
