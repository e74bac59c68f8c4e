// @ts-check
// The generator's state: its defaults, how it is cleaned when it comes from
// storage or from a shared link (never trusted), how it travels in the URL
// fragment (#gen=<base64url JSON>), and how it becomes the inputs of the
// kit's generators. Pure functions: no DOM, no kit; the core does the judging.

/** @typedef {'testing' | 'enforce' | 'none'} Mode */
/** @typedef {'nginx' | 'apache' | 'caddy' | 'cloudflare-worker' | 'github-pages' | 'zone'} HostingId */
/**
 * @typedef {{
 *   p: string, sp: string, np: string, adkim: string, aspf: string, fo: string[],
 *   rua: string[], ruf: string[], t: string, legacy: boolean, pct: string, rf: string, ri: string,
 * }} DmarcState
 */
/**
 * @typedef {{
 *   domain: string,
 *   preset: string,
 *   daneHost: string,
 *   mx: string[],
 *   mode: Mode,
 *   maxAge: string,
 *   maxAgeCustom: string,
 *   id: string,
 *   rua: string[],
 *   dmarc: DmarcState,
 *   host: HostingId,
 * }} GeneratorState
 */

/** The max_age choices offered as presets (GEN-004): 1 day, 1 week, 1 year (the maximum). */
export const maxAgePresets = /** @type {const} */ (['86400', '604800', '31557600']);
/** @type {readonly Mode[]} */
export const modes = ['testing', 'enforce', 'none'];
/** @type {readonly HostingId[]} */
export const hostingIds = ['nginx', 'apache', 'caddy', 'cloudflare-worker', 'github-pages', 'zone'];
/** fo options in the order RFC 7489 §6.3 lists them. */
export const foOptions = /** @type {const} */ (['0', '1', 'd', 's']);
export const dmarcPolicies = /** @type {const} */ (['none', 'quarantine', 'reject']);

/**
 * The most characters each text field of the form holds (its maxlength). Each
 * is a little above the longest valid value, so that a value just too long
 * still reaches the core, which says what is wrong with it (GEN-0xx); only a
 * paste far beyond any valid value is cut, with a note under the field.
 * A domain name has at most 253 characters (RFC 1035 §2.3.4; 254 with the
 * final dot), an MX pattern two more ("*."), a policy id 32 (RFC 8461 §3.1),
 * max_age at most 8 digits (RFC 8461 §3.2), pct 3, ri 10; a report address is
 * a mailto: or https: URI, a few hundred characters at most.
 */
export const fieldLimits = /** @type {const} */ ({
  domain: 256,
  mx: 256,
  id: 64,
  maxAgeCustom: 32,
  pct: 32,
  rf: 64,
  ri: 32,
  rua: 1024,
});

/** Limits on what a stored or shared state may hold (never more than the form's fields). */
export const maxRows = 64;
const maxText = Math.max(...Object.values(fieldLimits));

/**
 * @param {string} [id]
 * @returns {GeneratorState}
 */
export function defaultState(id = '') {
  return {
    domain: '',
    preset: '',
    daneHost: '',
    mx: [''],
    mode: 'testing',
    maxAge: '86400',
    maxAgeCustom: '',
    id,
    rua: [''],
    dmarc: {
      p: 'none',
      sp: '',
      np: '',
      adkim: '',
      aspf: '',
      fo: [],
      rua: [''],
      ruf: [''],
      t: '',
      legacy: false,
      pct: '',
      rf: '',
      ri: '',
    },
    host: 'nginx',
  };
}

/**
 * @param {unknown} value
 * @param {string} [fallback]
 * @param {number} [max]
 */
function text(value, fallback = '', max = maxText) {
  return typeof value === 'string' ? value.slice(0, max) : fallback;
}

/**
 * @template {string} T
 * @param {unknown} value
 * @param {readonly T[]} allowed
 * @param {T} fallback
 * @returns {T}
 */
function oneOf(value, allowed, fallback) {
  return typeof value === 'string' && /** @type {readonly string[]} */ (allowed).includes(value)
    ? /** @type {T} */ (value)
    : fallback;
}

/**
 * A list of rows; always at least one row, so the editor shows a field.
 * @param {unknown} value
 * @param {string[]} fallback
 * @param {number} [max]
 */
function rows(value, fallback, max = maxText) {
  if (!Array.isArray(value)) return [...fallback];
  const list = value.slice(0, maxRows).map((v) => text(v, '', max));
  return list.length > 0 ? list : [''];
}

/**
 * Cleans a state read from storage or from a link: unknown keys are dropped,
 * wrong types and values fall back to the defaults.
 * @param {unknown} raw
 * @param {string} [fallbackId]
 * @returns {GeneratorState}
 */
export function sanitizeState(raw, fallbackId = '') {
  const d = defaultState(fallbackId);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return d;
  const r = /** @type {Record<string, unknown>} */ (raw);
  const rd =
    typeof r.dmarc === 'object' && r.dmarc !== null && !Array.isArray(r.dmarc)
      ? /** @type {Record<string, unknown>} */ (r.dmarc)
      : {};
  const maxAge = text(r.maxAge, d.maxAge);
  return {
    domain: text(r.domain, '', fieldLimits.domain),
    preset: text(r.preset),
    daneHost: text(r.daneHost),
    mx: rows(r.mx, d.mx),
    mode: oneOf(r.mode, modes, d.mode),
    maxAge: maxAge === 'custom' || /** @type {readonly string[]} */ (maxAgePresets).includes(maxAge) ? maxAge : d.maxAge,
    maxAgeCustom: text(r.maxAgeCustom, '', fieldLimits.maxAgeCustom),
    id: text(r.id, fallbackId, fieldLimits.id) || fallbackId,
    rua: rows(r.rua, d.rua, fieldLimits.rua),
    dmarc: {
      p: oneOf(rd.p, dmarcPolicies, 'none'),
      sp: oneOf(rd.sp, ['', ...dmarcPolicies], ''),
      np: oneOf(rd.np, ['', ...dmarcPolicies], ''),
      adkim: oneOf(rd.adkim, ['', 'r', 's'], ''),
      aspf: oneOf(rd.aspf, ['', 'r', 's'], ''),
      fo: Array.isArray(rd.fo) ? foOptions.filter((o) => /** @type {unknown[]} */ (rd.fo).includes(o)) : [],
      rua: rows(rd.rua, d.dmarc.rua, fieldLimits.rua),
      ruf: rows(rd.ruf, d.dmarc.ruf, fieldLimits.rua),
      t: oneOf(rd.t, ['', 'y', 'n'], ''),
      legacy: rd.legacy === true,
      pct: text(rd.pct, '', fieldLimits.pct),
      rf: text(rd.rf, '', fieldLimits.rf),
      ri: text(rd.ri, '', fieldLimits.ri),
    },
    host: oneOf(r.host, hostingIds, d.host),
  };
}

/**
 * @param {GeneratorState} a
 * @param {GeneratorState} b
 */
export function sameState(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** @param {GeneratorState} state */
export function cloneState(state) {
  return /** @type {GeneratorState} */ (JSON.parse(JSON.stringify(state)));
}

/**
 * Whether the form holds anything the user typed or chose (beyond the id,
 * which the page makes up).
 * @param {GeneratorState} state
 */
export function hasUserInput(state) {
  const blank = defaultState(state.id);
  return !sameState({ ...state, host: blank.host }, blank);
}

/**
 * UTF-8 bytes → base64url without padding (RFC 4648 §5).
 * @param {string} value
 */
export function toBase64Url(value) {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * @param {string} value
 * @returns {string | null} null when value is not base64url of UTF-8 text
 */
export function fromBase64Url(value) {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return null;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The fragment prefix of a shared generator state. */
export const fragmentPrefix = 'gen=';

/**
 * Fragments that show the generator: #generator and a shared state (known
 * before the view is built).
 * @param {string} fragment without '#'
 */
export function claimsFragment(fragment) {
  return fragment === 'generator' || fragment.startsWith(fragmentPrefix);
}

/**
 * @param {GeneratorState} state
 * @returns {string} the URL fragment, without '#'
 */
export function encodeFragment(state) {
  return fragmentPrefix + toBase64Url(JSON.stringify(state));
}

/**
 * @param {string} fragment location.hash, with or without '#'
 * @returns {unknown | null} the raw state (to be sanitised), null when the fragment holds none
 */
export function decodeFragment(fragment) {
  const hash = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!hash.startsWith(fragmentPrefix)) return null;
  const json = fromBase64Url(hash.slice(fragmentPrefix.length));
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * The max_age the form asks for, as typed (the core checks it).
 * @param {GeneratorState} state
 */
export function maxAgeOf(state) {
  return state.maxAge === 'custom' ? state.maxAgeCustom.trim() : state.maxAge;
}

/**
 * The inputs of kit.generatePolicy, generateStsRecord, generateTlsRptRecord
 * and generateDmarcRecord for a state. Rows are passed as typed, empty ones
 * included, so the core's `mx[i]` / `rua[i]` fields name the editor's rows.
 * @param {GeneratorState} state
 */
export function generatorInputs(state) {
  const d = state.dmarc;
  return {
    policy: { mode: state.mode, mx: state.mx, maxAge: maxAgeOf(state), domain: state.domain },
    sts: { id: state.id.trim(), domain: state.domain },
    tlsrpt: { rua: state.rua, domain: state.domain },
    dmarc: {
      domain: state.domain,
      p: d.p,
      sp: d.sp,
      np: d.np,
      adkim: d.adkim,
      aspf: d.aspf,
      fo: foOptions.filter((o) => d.fo.includes(o)).join(':'),
      rua: d.rua,
      ruf: d.ruf,
      t: d.t,
      legacy: d.legacy,
      pct: d.legacy ? d.pct : '',
      rf: d.legacy ? d.rf : '',
      ri: d.legacy ? d.ri : '',
    },
  };
}

/**
 * The form field a core diagnostic's `field` names: "mx[2]" → { list: "mx", index: 2 }.
 * @param {string} field
 * @returns {{ name: string, index: number | null }}
 */
export function parseField(field) {
  const m = /^([A-Za-z]+)\[(\d+)\]$/.exec(field);
  if (m) return { name: m[1], index: Number(m[2]) };
  return { name: field, index: null };
}
