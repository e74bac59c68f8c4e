// @ts-check
// The live checker's gathering: the raw facts a browser can see about a domain
// (DNS-over-HTTPS JSON answers and the policy fetch), handed unjudged to the
// core's `assess` (wasm/kit.mjs). No DOM, no i18n: it runs in a page, a worker
// or node (tests inject `fetch`).
//
// Every lookup and the policy fetch start at once; each has its own timeout; a
// resolver that fails (HTTP error, network error, timeout, or an answer the
// core's `dohAnswer` calls non-conclusive: SERVFAIL, REFUSED, malformed JSON)
// is replaced by the other one, and the first one's answer is kept for the UI.
// Whether a lookup found "no record" is never decided here (DOH-003): the core
// reads the raw answers.

/** @typedef {import('../../wasm/kit.d.ts').RawLookup} RawLookup */
/** @typedef {import('../../wasm/kit.d.ts').LookupName} LookupName */
/** @typedef {import('../../wasm/kit.d.ts').CheckFacts} CheckFacts */
/** @typedef {'cloudflare' | 'google' | 'custom'} ResolverChoice */
/** @typedef {'timeout' | 'network' | 'http' | 'inconclusive'} FailReason */
/**
 * What the first resolver said when another one had to answer.
 * @typedef {{ resolver: string, status: number, reason: FailReason, kind?: string, body: string, elapsedMs: number }} Fallback
 */
/**
 * A raw lookup as gathered: what `assess` reads (resolver, status, body) plus,
 * for the UI, whether the answer was conclusive, the time taken and, after a
 * fallback, what the first resolver said.
 * @typedef {RawLookup & { conclusive: boolean, elapsedMs: number, fallbackFrom?: Fallback, reason?: FailReason, kind?: string }} GatheredLookup
 */
/**
 * @typedef {{ outcome: import('../../wasm/kit.d.ts').FetchOutcome, status?: number, contentType?: string | null,
 *   cacheControl?: string | null, body?: Uint8Array, elapsedMs?: number, url: string }} PolicyFacts
 */
/**
 * `judge(body, status, qtype)`: the core's reading of one DoH exchange
 * (kit.dohAnswer); only `conclusive` is used here.
 * @typedef {(body: string, status: number, qtype: number) => ({ conclusive: boolean, kind?: string } | Promise<{ conclusive: boolean, kind?: string }>)} Judge
 */
/**
 * @typedef {{
 *   resolver?: ResolverChoice | string,
 *   customUrl?: string,
 *   timeoutMs?: number,
 *   signal?: AbortSignal,
 *   fetch?: typeof globalThis.fetch,
 *   judge?: Judge,
 *   onProgress?: (name: LookupName | 'policy' | 'mxHosts' | 'mxHost' | 'dmarcAuth' | 'dmarcAuthHost', value: any) => void,
 *   onFallback?: (name: LookupName, from: Fallback, to: string) => void,
 *   deferSecondRound?: boolean,
 *   reportDestinations?: (domain: string, dmarcRecord: string) => ReportDestination[] | Promise<ReportDestination[]>,
 * }} GatherOptions
 */
/**
 * An external DMARC report destination and the name where it must authorise
 * the reports (kit.dmarcExternalDestinations: the core decides which are external).
 * @typedef {{ host: string, name: string }} ReportDestination
 */

/** The two public resolvers (DoH JSON API, rules.md §11.1). */
export const resolverUrls = Object.freeze({
  cloudflare: 'https://cloudflare-dns.com/dns-query',
  google: 'https://dns.google/resolve',
});

/** Query types by mnemonic. */
export const qtypes = Object.freeze({ A: 1, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, TLSA: 52 });

/** Default per-request timeout. */
export const defaultTimeoutMs = 10_000;

/** RFC 8461 §3.3: a policy body over 64 KiB is invalid. One byte more is kept to prove it. */
export const maxPolicyBytes = 65_536;

/** A DoH answer larger than this is cut (a broken or hostile custom resolver). */
const maxDohBytes = 1024 * 1024;

/** At most this many external DMARC report destinations are asked about (DMARC-021). */
export const maxReportDestinations = 10;

/** At most this many MX hosts get their A/AAAA asked (CHK-009). */
export const maxMxHosts = 10;

/**
 * The ten lookups of a check (contracts.md), in display order, then the two
 * comparison lookups asked of the other resolver (CHK-021; `other: true`).
 * @param {string} d the domain (A-label)
 * @returns {{ name: LookupName, qname: string, type: keyof typeof qtypes, qtype: number, other?: boolean }[]}
 */
export function lookupPlan(d) {
  return [
    ...mainPlan(d),
    { name: /** @type {LookupName} */ ('stsTxtOther'), qname: `_mta-sts.${d}`, type: /** @type {const} */ ('TXT'), qtype: qtypes.TXT, other: true },
    { name: /** @type {LookupName} */ ('mxOther'), qname: d, type: /** @type {const} */ ('MX'), qtype: qtypes.MX, other: true },
  ];
}

/**
 * The ten lookups asked of the chosen resolver (with fallback).
 * @param {string} d
 * @returns {{ name: LookupName, qname: string, type: keyof typeof qtypes, qtype: number }[]}
 */
function mainPlan(d) {
  /** @type {[LookupName, string, keyof typeof qtypes][]} */
  const plan = [
    ['stsTxt', `_mta-sts.${d}`, 'TXT'],
    ['mx', d, 'MX'],
    ['hostA', `mta-sts.${d}`, 'A'],
    ['hostAaaa', `mta-sts.${d}`, 'AAAA'],
    ['hostCname', `mta-sts.${d}`, 'CNAME'],
    ['tlsRpt', `_smtp._tls.${d}`, 'TXT'],
    ['dmarc', `_dmarc.${d}`, 'TXT'],
    ['apexTxt', d, 'TXT'],
    ['stsUnderscore', `_mta_sts.${d}`, 'TXT'],
    ['tlsRptWrong', `_smtp-tlsrpt.${d}`, 'TXT'],
  ];
  return plan.map(([name, qname, type]) => ({ name, qname, type, qtype: qtypes[type] }));
}

/** @param {string} d */
export function policyUrl(d) {
  return `https://mta-sts.${d}/.well-known/mta-sts.txt`;
}

/** The command that shows what a sender gets (status, headers and body). @param {string} d */
export function curlCommand(d) {
  return `curl -sSv ${policyUrl(d)}`;
}

/**
 * Commands for what a browser cannot see (BR-004).
 * @param {string} d
 * @param {string[]} mxHosts
 */
export function terminalCommands(d, mxHosts) {
  const host = `mta-sts.${d}`;
  return {
    policyCert: `openssl s_client -connect ${host}:443 -servername ${host} </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates -ext subjectAltName`,
    policyTls: `openssl s_client -connect ${host}:443 -servername ${host} -tls1_2 </dev/null`,
    curl: curlCommand(d),
    mx: mxHosts.map((mx) => ({
      host: mx,
      command: `openssl s_client -starttls smtp -connect ${mx}:25 -servername ${mx} </dev/null`,
    })),
  };
}

export class DomainError extends Error {
  /**
   * @param {string} code empty | spaces | ip | port | single_label | empty_label | label_length | too_long | characters | hyphen | invalid
   * @param {string} input
   */
  constructor(code, input) {
    super(`invalid domain (${code}): ${JSON.stringify(input)}`);
    this.name = 'DomainError';
    this.code = code;
    this.input = input;
  }
}

/**
 * Normalises what the user typed into the domain to check (an A-label, lower
 * case, no trailing dot). Accepts a URL or an e-mail address typed by mistake
 * (takes the host, or the part after @). Rejects clearly invalid names.
 * @param {string} input
 * @returns {{ ok: true, domain: string, from: 'url' | 'email' | 'owner' | 'policyHost' | null } | { ok: false, code: string }}
 */
export function normalizeDomain(input) {
  let s = String(input ?? '').trim();
  /** @type {'url' | 'email' | 'owner' | 'policyHost' | null} */
  let from = null;
  if (s === '') return { ok: false, code: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    try {
      s = new URL(s).hostname;
      from = 'url';
    } catch {
      return { ok: false, code: 'invalid' };
    }
  } else {
    s = s.replace(/^mailto:/i, '');
    const at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.slice(at + 1);
      from = 'email';
    }
    const cut = s.search(/[/?#]/);
    if (cut >= 0) {
      s = s.slice(0, cut);
      from = from ?? 'url';
    }
  }
  s = s.trim();
  if (s === '') return { ok: false, code: 'empty' };
  if (/\s/.test(s)) return { ok: false, code: 'spaces' };
  // The name of one of the domain's records, or its policy host, typed for the domain.
  const owner = /^(?:_mta-sts|_smtp\._tls|_dmarc)\.(.+\..+)$/i.exec(s);
  const policyHost = /^mta-sts\.(.+\..+)$/i.exec(s);
  if (owner) {
    s = owner[1];
    from = 'owner';
  } else if (policyHost) {
    s = policyHost[1];
    from = 'policyHost';
  }
  if (s.startsWith('[') || /^[0-9.]+$/.test(s) || /^[0-9a-f:]+$/i.test(s) && s.includes(':')) {
    return { ok: false, code: 'ip' };
  }
  if (s.includes(':')) return { ok: false, code: 'port' };
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.startsWith('.') || s.includes('..')) return { ok: false, code: 'empty_label' };
  let host;
  try {
    host = new URL(`http://${s}`).hostname; // IDNA: Unicode → A-label, lower case
  } catch {
    return { ok: false, code: /[^\p{L}\p{N}.\-_]/u.test(s) ? 'characters' : 'invalid' };
  }
  if (/^[0-9.]+$/.test(host) || host.startsWith('[')) return { ok: false, code: 'ip' };
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length > 253 - 'mta-sts.'.length) return { ok: false, code: 'too_long' };
  const labels = host.split('.');
  if (labels.some((l) => l === '')) return { ok: false, code: 'empty_label' };
  if (labels.some((l) => l.length > 63)) return { ok: false, code: 'label_length' };
  if (labels.some((l) => !/^[a-z0-9-]+$/.test(l))) return { ok: false, code: 'characters' };
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) return { ok: false, code: 'hyphen' };
  if (labels.length < 2) return { ok: false, code: 'single_label' };
  return { ok: true, domain: host, from };
}

/**
 * The base URL of a resolver choice, or null when a custom URL is unusable
 * (not https).
 * @param {string} resolver
 * @param {string} [customUrl]
 * @returns {{ id: string, base: string } | null}
 */
export function resolverBase(resolver, customUrl = '') {
  if (resolver === 'cloudflare' || resolver === 'google') return { id: resolver, base: resolverUrls[resolver] };
  const url = (customUrl ?? '').trim();
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return null;
    return { id: url, base: url };
  } catch {
    return null;
  }
}

/**
 * The resolver asked the comparison questions (CHK-021): Google when the
 * chosen one is Cloudflare or a custom URL, Cloudflare when it is Google.
 * @param {string} id
 * @returns {'cloudflare' | 'google'}
 */
export function comparisonResolver(id) {
  return id === 'google' ? 'cloudflare' : 'google';
}

/**
 * The resolver that takes over when `id` fails: the other public one (a custom
 * resolver falls back to Cloudflare).
 * @param {string} id
 */
export function fallbackResolver(id) {
  return id === 'cloudflare' ? 'google' : 'cloudflare';
}

/**
 * The request URL for one DoH JSON query (DOH-014: A-label, no trailing dot).
 * @param {string} base
 * @param {string} name
 * @param {string} type
 */
export function dohUrl(base, name, type) {
  const u = new URL(base);
  u.searchParams.set('name', name);
  u.searchParams.set('type', type);
  return u.href;
}

/**
 * The fetch to use, callable on its own: the platform's fetch throws "Illegal
 * invocation" when called as a method of another object.
 * @param {typeof globalThis.fetch | undefined} f
 * @returns {typeof globalThis.fetch}
 */
function callableFetch(f) {
  const chosen = f ?? globalThis.fetch;
  return (input, init) => chosen.call(globalThis, input, init);
}

/** Milliseconds since an arbitrary origin. */
function now() {
  return globalThis.performance?.now?.() ?? Date.now();
}

/** @param {unknown} e */
function isAbort(e) {
  return typeof e === 'object' && e !== null && /** @type {any} */ (e).name === 'AbortError';
}

function abortError() {
  try {
    return new DOMException('The check was cancelled.', 'AbortError');
  } catch {
    const e = new Error('The check was cancelled.');
    e.name = 'AbortError';
    return e;
  }
}

/**
 * A signal that aborts when the check is cancelled or after `ms`, whichever
 * comes first. `timedOut()` tells the two apart. Uses AbortSignal.any when the
 * platform has it, and an equivalent by hand otherwise.
 * @param {AbortSignal | undefined} parent
 * @param {number} ms
 */
export function requestSignal(parent, ms) {
  const timer = new AbortController();
  let fired = false;
  const handle = setTimeout(() => {
    fired = true;
    timer.abort(abortError());
  }, ms);
  /** @type {AbortSignal} */
  let signal = timer.signal;
  /** @type {() => void} */
  let detach = () => {};
  if (parent) {
    const any = /** @type {any} */ (AbortSignal).any;
    if (typeof any === 'function') {
      signal = any.call(AbortSignal, [parent, timer.signal]);
    } else {
      const both = new AbortController();
      const onParent = () => both.abort(parent.reason ?? abortError());
      const onTimer = () => both.abort(timer.signal.reason ?? abortError());
      if (parent.aborted) onParent();
      parent.addEventListener('abort', onParent);
      timer.signal.addEventListener('abort', onTimer);
      detach = () => {
        parent.removeEventListener('abort', onParent);
        timer.signal.removeEventListener('abort', onTimer);
      };
      signal = both.signal;
    }
  }
  return {
    signal,
    timedOut: () => fired && !parent?.aborted,
    done: () => {
      clearTimeout(handle);
      detach();
    },
  };
}

/**
 * Reads a response body as bytes, stopping after `limit + 1` bytes (stream
 * count; Content-Length is not trusted).
 * @param {Response} response
 * @param {number} limit
 * @returns {Promise<{ bytes: Uint8Array, over: boolean }>}
 */
export async function readCapped(response, limit) {
  const stream = response.body;
  if (!stream || typeof stream.getReader !== 'function') {
    const all = new Uint8Array(await response.arrayBuffer());
    return { bytes: all.subarray(0, limit + 1), over: all.length > limit };
  }
  const reader = stream.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let total = 0;
  let over = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = value instanceof Uint8Array ? value : new Uint8Array(value);
    const room = limit + 1 - total;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    total += Math.min(chunk.length, room);
    if (total > limit) {
      over = true;
      try {
        await reader.cancel();
      } catch {
        // the stream is gone already
      }
      break;
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, over };
}

/**
 * A judge for when the core is not at hand: HTTP 200 with a JSON object whose
 * Status is not SERVFAIL (2) or REFUSED (5). The page always passes the core's.
 * @type {Judge}
 */
export function basicJudge(body, status) {
  if (status !== 200) return { conclusive: false, kind: 'other' };
  try {
    const j = JSON.parse(body);
    if (typeof j !== 'object' || j === null || typeof j.Status !== 'number') return { conclusive: false, kind: 'other' };
    if (j.Status === 2) return { conclusive: false, kind: 'servfail' };
    if (j.Status === 5) return { conclusive: false, kind: 'refused' };
    return { conclusive: true };
  } catch {
    return { conclusive: false, kind: 'other' };
  }
}

/**
 * The judge's reading of each gathered exchange (kept out of the lookup
 * objects, which are handed to the kit as they are).
 * @type {WeakMap<object, any>}
 */
const answers = new WeakMap();

/**
 * One DoH exchange with one resolver. Never rejects except when the check is
 * cancelled (AbortError).
 * @param {{ id: string, base: string }} resolver
 * @param {string} qname
 * @param {string} type
 * @param {number} qtype
 * @param {Required<Pick<GatherOptions, 'timeoutMs' | 'fetch' | 'judge'>> & { signal?: AbortSignal }} o
 * @returns {Promise<GatheredLookup>}
 */
async function askOnce(resolver, qname, type, qtype, o) {
  const started = now();
  const req = requestSignal(o.signal, o.timeoutMs);
  /** @type {GatheredLookup} */
  let out;
  try {
    const response = await o.fetch(dohUrl(resolver.base, qname, type), {
      method: 'GET',
      headers: { accept: 'application/dns-json' },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: req.signal,
    });
    const { bytes } = await readCapped(response, maxDohBytes);
    const body = new TextDecoder().decode(bytes);
    out = { resolver: resolver.id, status: response.status, body, conclusive: false, elapsedMs: 0 };
  } catch (e) {
    req.done();
    if (o.signal?.aborted) throw abortError();
    const reason = req.timedOut() ? 'timeout' : 'network';
    return { resolver: resolver.id, status: 0, body: '', conclusive: false, reason, elapsedMs: Math.round(now() - started) };
  }
  req.done();
  out.elapsedMs = Math.round(now() - started);
  let verdict;
  try {
    verdict = await o.judge(out.body, out.status, qtype);
  } catch {
    verdict = basicJudge(out.body, out.status, qtype);
  }
  if (o.signal?.aborted) throw abortError();
  answers.set(out, verdict);
  out.conclusive = Boolean(verdict && /** @type {any} */ (verdict).conclusive);
  if (!out.conclusive) {
    out.reason = out.status === 200 ? 'inconclusive' : 'http';
    const kind = /** @type {any} */ (verdict)?.kind;
    if (typeof kind === 'string') out.kind = kind;
  }
  return out;
}

/**
 * One lookup: the chosen resolver, then the other one if the first failed.
 * @param {string} qname
 * @param {keyof typeof qtypes | string} type
 * @param {GatherOptions & { name?: LookupName }} [options]
 * @returns {Promise<GatheredLookup>}
 */
export async function lookup(qname, type, options = {}) {
  const first = resolverBase(options.resolver ?? 'cloudflare', options.customUrl);
  if (!first) throw new TypeError('the custom resolver URL must be an https:// URL');
  const qtype = /** @type {Record<string, number>} */ (qtypes)[type] ?? Number(type);
  const o = {
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    fetch: callableFetch(options.fetch),
    judge: options.judge ?? basicJudge,
    signal: options.signal,
  };
  const a = await askOnce(first, qname, String(type), qtype, o);
  if (a.conclusive) return a;
  const otherId = fallbackResolver(first.id);
  /** @type {Fallback} */
  const from = {
    resolver: a.resolver,
    status: a.status,
    reason: a.reason ?? 'network',
    body: a.body,
    elapsedMs: a.elapsedMs,
  };
  if (a.kind) from.kind = a.kind;
  if (options.name) options.onFallback?.(options.name, from, otherId);
  const b = await askOnce(
    { id: otherId, base: resolverUrls[/** @type {'cloudflare' | 'google'} */ (otherId)] },
    qname,
    String(type),
    qtype,
    o,
  );
  const out = { ...b, fallbackFrom: from };
  answers.set(out, answers.get(b));
  return out;
}

/**
 * One comparison lookup (CHK-021): asked once of the other resolver, never
 * retried elsewhere; a failure only means there is nothing to compare.
 * @param {string} qname
 * @param {keyof typeof qtypes} type
 * @param {GatherOptions} options
 * @returns {Promise<GatheredLookup>}
 */
async function compareLookup(qname, type, options) {
  const first = resolverBase(options.resolver ?? 'cloudflare', options.customUrl);
  const id = comparisonResolver(first?.id ?? 'cloudflare');
  return askOnce({ id, base: resolverUrls[id] }, qname, type, qtypes[type], {
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    fetch: callableFetch(options.fetch),
    judge: options.judge ?? basicJudge,
    signal: options.signal,
  });
}

/**
 * The MX host names to ask A/AAAA of, from the core's parsed MX answer (the
 * judge's `records[].text`): in preference order, without Null MX or IP
 * literals, at most `maxMxHosts`. Empty when the answer is not at hand.
 * @param {any} answer a DohAnswer
 * @returns {string[]}
 */
export function mxHostNames(answer) {
  if (!answer?.conclusive || !Array.isArray(answer.records)) return [];
  const rows = answer.records
    .filter((/** @type {any} */ r) => r && r.type === qtypes.MX && !r.nullMx)
    .map((/** @type {any} */ r) => ({
      pref: Number(r.preference ?? 0),
      host: String(r.text ?? '').trim().replace(/\.$/, '').toLowerCase(),
    }))
    .filter((r) => r.host !== '' && !/\s/.test(r.host) && !isIpLiteral(r.host))
    .sort((a, b) => a.pref - b.pref);
  return [...new Set(rows.map((r) => r.host))].slice(0, maxMxHosts);
}

/** @param {string} h */
function isIpLiteral(h) {
  return /^[0-9.]+$/.test(h) || h.includes(':') || h.startsWith('[');
}

/**
 * Fetches the policy the way a browser can (RFC 8461 §3.3, BR-001…006): no
 * redirects followed, no cache, no credentials, 64 KiB cap, a timeout. When
 * CORS hides the answer, a second opaque (no-cors) probe tells "the host
 * answers over HTTPS" from "unreachable". Never rejects except on cancel.
 * @param {string} domain A-label
 * @param {GatherOptions} [options]
 * @returns {Promise<PolicyFacts>}
 */
export async function fetchPolicy(domain, options = {}) {
  const url = policyUrl(domain);
  const doFetch = callableFetch(options.fetch);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const started = now();
  const elapsed = () => Math.round(now() - started);
  const req = requestSignal(options.signal, timeoutMs);
  try {
    const response = await doFetch(url, {
      method: 'GET',
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
      mode: 'cors',
      referrerPolicy: 'no-referrer',
      signal: req.signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      req.done();
      return { url, outcome: 'opaque_redirect', status: response.status, elapsedMs: elapsed() };
    }
    const contentType = response.headers.get('content-type');
    const cacheControl = response.headers.get('cache-control');
    const { bytes, over } = await readCapped(response, maxPolicyBytes);
    req.done();
    return {
      url,
      outcome: over ? 'too_large' : 'ok',
      status: response.status,
      contentType,
      cacheControl,
      body: bytes,
      elapsedMs: elapsed(),
    };
  } catch (e) {
    req.done();
    if (options.signal?.aborted) throw abortError();
    if (req.timedOut()) return { url, outcome: 'timeout', elapsedMs: elapsed() };
    if (isAbort(e)) return { url, outcome: 'network_error', elapsedMs: elapsed() };
  }
  // A TypeError: CORS refusal, DNS, connection or TLS failure (indistinguishable).
  // An opaque no-cors response proves the host resolved, completed TLS and answered.
  const probe = requestSignal(options.signal, Math.max(1, timeoutMs - elapsed()));
  try {
    const response = await doFetch(url, {
      method: 'GET',
      mode: 'no-cors',
      redirect: 'follow',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: probe.signal,
    });
    probe.done();
    void response.body?.cancel?.().catch(() => {});
    return { url, outcome: 'cors_blocked_but_host_answers', elapsedMs: elapsed() };
  } catch {
    probe.done();
    if (options.signal?.aborted) throw abortError();
    if (probe.timedOut()) return { url, outcome: 'timeout', elapsedMs: elapsed() };
    return { url, outcome: 'network_error', elapsedMs: elapsed() };
  }
}

/**
 * @typedef {{
 *   mxHosts?: Record<string, { a?: GatheredLookup, aaaa?: GatheredLookup, tlsa?: GatheredLookup }>,
 *   dmarcAuth?: Record<string, GatheredLookup>,
 * }} SecondRound
 */

/**
 * Gathers every fact about a domain: the ten DoH lookups, the two comparison
 * lookups of the other resolver (stsTxtOther, mxOther: no fallback) and the
 * policy fetch, all started at once; then the second round, while the fetch
 * runs: as soon as the MX answer is in, A, AAAA and TLSA of each MX host
 * (`mxHosts`, CHK-009, CHK-015), and as soon as the DMARC answer is in, the
 * authorisation TXT record of each external report destination (`dmarcAuth`,
 * keyed by host, DMARC-021; only with `reportDestinations`).
 * onProgress(name, lookup) is called as each lookup arrives,
 * onProgress('policy', policy) for the fetch, onProgress('mxHosts', {hosts})
 * when the host round starts and onProgress('mxHost', {host, family, lookup})
 * for each of its answers; likewise onProgress('dmarcAuth', {destinations})
 * ({host, name}[], the TXT names asked) and onProgress('dmarcAuthHost',
 * {host, lookup}) for the report destinations.
 * With `deferSecondRound`, the promise resolves as soon as the first round is
 * in, with `secondRoundDone`, a promise of the second round's lookups
 * (undefined when there was nothing to ask): the report need not wait for it.
 * @param {string} domain what the user typed (normalised here; DomainError if invalid)
 * @param {GatherOptions} [options]
 * @returns {Promise<{ domain: string, lookups: Partial<Record<LookupName, GatheredLookup>>, policy: PolicyFacts, elapsedMs: number }
 *   & SecondRound & { secondRoundDone?: Promise<SecondRound | undefined> }>}
 */
export async function gatherFacts(domain, options = {}) {
  const norm = normalizeDomain(domain);
  if (!norm.ok) throw new DomainError(norm.code, domain);
  const d = norm.domain;
  if (!resolverBase(options.resolver ?? 'cloudflare', options.customUrl)) {
    throw new TypeError('the custom resolver URL must be an https:// URL');
  }
  if (options.signal?.aborted) throw abortError();
  const started = now();
  /** @type {Partial<Record<LookupName, GatheredLookup>>} */
  const lookups = {};
  const progress = options.onProgress ?? (() => {});
  const safe = (/** @type {LookupName | 'policy' | 'mxHosts' | 'mxHost' | 'dmarcAuth' | 'dmarcAuthHost'} */ name, /** @type {any} */ value) => {
    try {
      progress(name, value);
    } catch {
      // a broken listener never stops the check
    }
  };
  /** @type {Record<string, { a?: GatheredLookup, aaaa?: GatheredLookup, tlsa?: GatheredLookup }>} */
  const mxHosts = {};
  /** @type {Record<string, GatheredLookup>} */
  const dmarcAuth = {};
  /** @type {Promise<unknown>[]} */
  const hostRound = [];
  // The second round, as soon as the MX answer is in, while the policy fetch
  // may still be running: A and AAAA of each MX host (CHK-009) and its DANE
  // TLSA record at _25._tcp.<host> (CHK-015).
  const askMxHosts = (/** @type {GatheredLookup} */ raw) => {
    if (!raw.conclusive) return;
    const hosts = mxHostNames(answers.get(raw));
    if (hosts.length === 0) return;
    safe('mxHosts', { hosts });
    // When the chosen resolver failed the MX question, start where the answer came from
    // (a hanging resolver would otherwise cost a second full timeout).
    const hostOptions = raw.fallbackFrom && (raw.resolver === 'cloudflare' || raw.resolver === 'google')
      ? { ...options, resolver: raw.resolver }
      : options;
    for (const host of hosts) {
      mxHosts[host] = {};
      for (const [family, type, qname] of /** @type {const} */ ([['a', 'A', host], ['aaaa', 'AAAA', host], ['tlsa', 'TLSA', `_25._tcp.${host}`]])) {
        hostRound.push(
          lookup(qname, type, hostOptions).then((r) => {
            mxHosts[host][family] = r;
            safe('mxHost', { host, family, lookup: r });
          }),
        );
      }
    }
  };
  // DMARC-021: the core names the external report destinations of the record
  // found; each must publish <domain>._report._dmarc.<host> TXT "v=DMARC1".
  const askReportDestinations = async (/** @type {GatheredLookup} */ raw) => {
    if (!raw.conclusive || !options.reportDestinations) return;
    const records = (answers.get(raw)?.records ?? [])
      .map((/** @type {any} */ r) => String(r?.text ?? ''))
      .filter((/** @type {string} */ text) => /^v=DMARC1\b/i.test(text.trim()));
    if (records.length !== 1) return; // none, or several (DMARC-001): no destination to ask about
    let destinations;
    try {
      destinations = await options.reportDestinations(d, records[0]);
    } catch {
      return; // the check goes on without this question
    }
    if (options.signal?.aborted || !Array.isArray(destinations)) return;
    const asked = destinations
      .slice(0, maxReportDestinations)
      .filter((x) => typeof x?.host === 'string' && typeof x?.name === 'string')
      .map(({ host, name }) => ({ host, name }));
    if (asked.length === 0) return;
    safe('dmarcAuth', { destinations: asked });
    for (const { host, name } of asked) {
      hostRound.push(
        lookup(name, 'TXT', options).then((r) => {
          dmarcAuth[host] = r;
          safe('dmarcAuthHost', { host, lookup: r });
        }),
      );
    }
  };
  // Every first-round request is issued before any answer is awaited.
  const pending = lookupPlan(d).map(({ name, qname, type, other }) =>
    (other ? compareLookup(qname, type, options) : lookup(qname, type, { ...options, name })).then((raw) => {
      lookups[name] = raw;
      safe(name, raw);
      if (name === 'mx' && !options.signal?.aborted) askMxHosts(raw);
      // Its questions are issued before the first round counts as done.
      if (name === 'dmarc' && !options.signal?.aborted) return askReportDestinations(raw);
      return undefined;
    }),
  );
  const policyPromise = fetchPolicy(d, options).then((p) => {
    safe('policy', p);
    return p;
  });
  const settled = await Promise.allSettled([...pending, policyPromise]);
  if (options.signal?.aborted) throw abortError();
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw /** @type {PromiseRejectedResult} */ (failure).reason;
  // Every second-round lookup was pushed when its first-round answer arrived,
  // before this point.
  const secondRoundDone = Promise.allSettled(hostRound).then((hostSettled) => {
    if (options.signal?.aborted) throw abortError();
    const hostFailure = hostSettled.find((s) => s.status === 'rejected');
    if (hostFailure) throw /** @type {PromiseRejectedResult} */ (hostFailure).reason;
    /** @type {SecondRound} */
    const round = {};
    if (Object.keys(mxHosts).length) round.mxHosts = mxHosts;
    if (Object.keys(dmarcAuth).length) round.dmarcAuth = dmarcAuth;
    return Object.keys(round).length ? round : undefined;
  });
  const policy = await policyPromise;
  /** @type {{ domain: string, lookups: Partial<Record<LookupName, GatheredLookup>>, policy: PolicyFacts, elapsedMs: number } & SecondRound & { secondRoundDone?: Promise<SecondRound | undefined> }} */
  const out = { domain: d, lookups, policy, elapsedMs: Math.round(now() - started) };
  if (options.deferSecondRound) {
    secondRoundDone.catch(() => {}); // the caller may drop it (a newer check)
    out.secondRoundDone = secondRoundDone;
    return out;
  }
  Object.assign(out, await secondRoundDone);
  out.elapsedMs = Math.round(now() - started);
  return out;
}

/**
 * The MX records of a domain through the same lookup code (the generator's
 * "import from DNS"): the exchanges in preference order, or why there are none.
 * @param {string} domain
 * @param {GatherOptions & { dohAnswer: (body: string, status: number, qtype: number) => any }} options
 * @returns {Promise<{ state: 'ok', domain: string, hosts: string[], resolver: string }
 *   | { state: 'null_mx' | 'no_mx' | 'nxdomain' | 'failed', domain: string, resolver: string }>}
 */
export async function lookupMx(domain, options) {
  const norm = normalizeDomain(domain);
  if (!norm.ok) throw new DomainError(norm.code, domain);
  const judge = options.judge ?? options.dohAnswer;
  const raw = await lookup(norm.domain, 'MX', { ...options, judge });
  const base = { domain: norm.domain, resolver: raw.resolver };
  if (!raw.conclusive) return { state: 'failed', ...base };
  const answer = await options.dohAnswer(raw.body, raw.status, qtypes.MX);
  if (!answer?.conclusive) return { state: 'failed', ...base };
  if (answer.kind === 'nxdomain') return { state: 'nxdomain', ...base };
  /** @type {{ preference?: number, text?: string, data?: string, nullMx?: boolean, type: number }[]} */
  const records = (answer.records ?? []).filter((/** @type {any} */ r) => r.type === qtypes.MX);
  if (records.some((r) => r.nullMx)) return { state: 'null_mx', ...base };
  const hosts = records
    .map((r) => ({
      pref: r.preference ?? 0,
      host: String(r.text ?? r.data ?? '')
        .trim()
        .split(/\s+/)
        .pop()
        ?.replace(/\.$/, '')
        .toLowerCase() ?? '',
    }))
    .filter((r) => r.host !== '')
    .sort((a, b) => a.pref - b.pref || a.host.localeCompare(b.host))
    .map((r) => r.host);
  const unique = [...new Set(hosts)];
  if (unique.length === 0) return { state: 'no_mx', ...base };
  return { state: 'ok', hosts: unique, ...base };
}
