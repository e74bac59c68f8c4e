// @ts-check
// Runs the kit off the main thread, so that even a huge paste never freezes
// typing. Loaded once with the page (same origin, no other traffic). It serves
// the validator and the generator.
//
// Requests:  { id, type: 'validate', choice, text, bytes?, lang, spec }
//            { id, type: 'mx', patterns, host }
//            { id, type: 'generate', state, lang, renewIdFrom }
//            { id, type: 'newId' }
//            { id, type: 'doh', body, status, qtype, lang }      (the live checker: one DoH answer)
//            { id, type: 'assess', facts, lang }                (the live checker's report)
//            { id, type: 'dmarcDestinations', domain, record }  (the checker's DMARC-021 questions)
// Replies:   { type: 'ready', version, presets } | { type: 'failed', error } once, then
//            { id, format, result } | { id, match } | { id, generated } | { id, value }
//            | { id, answer } | { id, report } | { id, destinations } | { id, error } per request.

import { generatorInputs } from './generator-model.js';

/** @typedef {import('./validator-view.js').Kit} Kit */
/** @typedef {import('./generator-model.js').GeneratorState} GeneratorState */

const scope = /** @type {any} */ (globalThis);
/** @type {Promise<Kit>} */
const kitReady = import('./kit/kit.mjs').then(
  (/** @type {{ loadKit(): Promise<Kit> }} */ module) => module.loadKit(),
);

kitReady.then(
  (kit) => scope.postMessage({ type: 'ready', version: kit.version, presets: kit.presets }),
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
    if (request.type === 'generate') {
      scope.postMessage({ id: request.id, generated: generate(kit, request.state, request.lang, request.renewIdFrom) });
      return;
    }
    const checker = /** @type {import('../wasm/kit.d.ts').Kit} */ (/** @type {unknown} */ (kit));
    if (request.type === 'doh') {
      scope.postMessage({ id: request.id, answer: checker.dohAnswer(request.body, request.status, request.qtype, { lang: request.lang }) });
      return;
    }
    if (request.type === 'dmarcDestinations') {
      scope.postMessage({ id: request.id, destinations: checker.dmarcExternalDestinations(request.domain, request.record) });
      return;
    }
    if (request.type === 'assess') {
      scope.postMessage({ id: request.id, report: checker.assess(request.facts, { lang: request.lang }) });
      return;
    }
    if (request.type === 'newId') {
      scope.postMessage({ id: request.id, value: kit.policyIdFromDate() });
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

/**
 * Every artefact of the generator for one state, each output checked again by
 * the validator. When renewIdFrom is a string (the last valid policy) and the
 * policy now differs from it, a new id is made (GEN-001: a new id for every
 * change of the policy) and returned as `id`.
 * @param {Kit} kit
 * @param {GeneratorState} state
 * @param {'en' | 'fr'} lang
 * @param {string | null} renewIdFrom
 */
function generate(kit, state, lang, renewIdFrom) {
  const opts = { lang };
  const inputs = generatorInputs(state);
  const policy = kit.generatePolicy(inputs.policy, opts);
  let id = inputs.sts.id;
  if (renewIdFrom !== null && policy.ok && policy.text !== renewIdFrom) id = kit.policyIdFromDate();
  const sts = kit.generateStsRecord({ ...inputs.sts, id }, opts);
  const tlsrpt = kit.generateTlsRptRecord(inputs.tlsrpt, opts);
  const dmarc = kit.generateDmarcRecord(inputs.dmarc, opts);
  const hosting = kit.generateHosting(
    {
      domain: state.domain,
      policy: policy.ok ? policy.text : '',
      id: sts.ok ? id : '',
      tlsrpt: tlsrpt.ok ? tlsrpt.text : '',
    },
    opts,
  );
  const dane =
    state.preset === 'microsoft365' && state.daneHost.trim() !== ''
      ? kit.deriveMicrosoftDanePattern(state.daneHost, opts)
      : null;
  return {
    id,
    policy,
    sts,
    tlsrpt,
    dmarc,
    hosting,
    dane,
    checks: {
      policy: policy.ok ? kit.validatePolicy(policy.text, opts) : null,
      sts: sts.ok ? kit.validateStsRecord(sts.text, opts) : null,
      tlsrpt: tlsrpt.ok ? kit.validateTlsRptRecord(tlsrpt.text, opts) : null,
      dmarc7489: dmarc.ok ? kit.validateDmarcRecord(dmarc.text, { lang, spec: 'rfc7489' }) : null,
      dmarc9989: dmarc.ok ? kit.validateDmarcRecord(dmarc.text, { lang, spec: 'rfc9989' }) : null,
    },
  };
}
