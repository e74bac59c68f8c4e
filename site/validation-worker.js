// @ts-check
// Runs the validation kit off the main thread, so that even a huge paste never
// freezes typing. Loaded once with the page (same origin, no other traffic).
//
// Requests:  { id, type: 'validate', choice, text, bytes?, lang, spec }
//            { id, type: 'mx', patterns, host }
// Replies:   { type: 'ready', version } | { type: 'failed', error } once, then
//            { id, format, result } | { id, match } | { id, error } per request.

/** @typedef {import('./validator-view.js').Kit} Kit */

const scope = /** @type {any} */ (globalThis);
const kitModule = './kit/kit.mjs';

/** @type {Promise<Kit>} */
const kitReady = import(kitModule).then(
  (/** @type {{ loadKit(): Promise<Kit> }} */ module) => module.loadKit(),
);

kitReady.then(
  (kit) => scope.postMessage({ type: 'ready', version: kit.version }),
  (error) => scope.postMessage({ type: 'failed', error: String(error?.message ?? error) }),
);

scope.addEventListener('message', async (/** @type {MessageEvent} */ event) => {
  const request = event.data;
  try {
    const kit = await kitReady;
    if (request.type === 'mx') {
      const match = request.patterns.find((/** @type {string} */ p) => kit.mxPatternMatches(p, request.host));
      scope.postMessage({ id: request.id, match: match ?? null });
      return;
    }
    const { choice, text, bytes, lang, spec } = request;
    const format = choice === 'auto' ? (text.trim() === '' ? 'unknown' : kit.detectFormat(text)) : choice;
    let result = null;
    if (format === 'policy') result = kit.validatePolicy(bytes ?? text, { lang });
    else if (format === 'sts-record') result = kit.validateStsRecord(text, { lang });
    else if (format === 'tls-rpt') result = kit.validateTlsRptRecord(text, { lang });
    else if (format === 'dmarc') result = kit.validateDmarcRecord(text, { lang, spec });
    scope.postMessage({ id: request.id, format, result });
  } catch (error) {
    scope.postMessage({ id: request.id, error: String(/** @type {any} */ (error)?.message ?? error) });
  }
});
