// @ts-check
// What the kit is asked by the page, in one place for both places it runs: on
// the page's main thread (every request of ordinary size) and in
// validation-worker.js (a validation of a huge text, so that typing never
// waits for it). validator-client.js chooses; this only answers.
//
// Requests:  { type: 'validate', choice, text, bytes?, lang, spec }
//            { type: 'mx', patterns, host }
//            { type: 'generate', state, lang, renewIdFrom }
//            { type: 'newId' }
//            { type: 'doh', body, status, qtype, lang }      (the live checker: one DoH answer)
//            { type: 'assess', facts, lang }                (the live checker's report)
//            { type: 'dmarcDestinations', domain, record }  (the checker's DMARC-021 questions)
// Answers:   { format, result } | { match } | { generated } | { value } | { answer } | { report }
//            | { destinations }. A kit that throws (a TypeError for a malformed input) throws here.

import { generatorInputs } from './generator-model.js';

/** @typedef {import('./validator-view.js').Kit} Kit */
/** @typedef {import('./generator-model.js').GeneratorState} GeneratorState */

/**
 * @param {Kit} kit
 * @param {any} request
 * @returns {Record<string, unknown>}
 */
export function answer(kit, request) {
  if (request.type === 'mx') {
    const match = request.patterns.find((/** @type {string} */ p) => kit.mxPatternMatches(p, request.host));
    return { match: match ?? null };
  }
  if (request.type === 'generate') return { generated: generate(kit, request.state, request.lang, request.renewIdFrom) };
  if (request.type === 'newId') return { value: kit.policyIdFromDate() };
  const checker = /** @type {import('../wasm/kit.d.ts').Kit} */ (/** @type {unknown} */ (kit));
  if (request.type === 'doh') {
    return { answer: checker.dohAnswer(request.body, request.status, request.qtype, { lang: request.lang }) };
  }
  if (request.type === 'dmarcDestinations') {
    return { destinations: checker.dmarcExternalDestinations(request.domain, request.record) };
  }
  if (request.type === 'assess') return { report: checker.assess(request.facts, { lang: request.lang }) };
  if (request.type !== 'validate') throw new Error(`unknown request ${JSON.stringify(request.type)}`);
  const { choice, text, bytes, lang, spec } = request;
  const format = choice === 'auto' ? (text.trim() === '' ? 'unknown' : kit.detectFormat(text)) : choice;
  let result = null;
  if (format === 'policy') result = kit.validatePolicy(bytes ?? text, { lang });
  else if (format === 'sts-record') result = kit.validateStsRecord(text, { lang });
  else if (format === 'tls-rpt') result = kit.validateTlsRptRecord(text, { lang });
  else if (format === 'dmarc') result = kit.validateDmarcRecord(text, { lang, spec });
  return { format, result };
}

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
