// @ts-check
// MTA-STS Kit — the JS module over the WebAssembly core. Works in browsers
// and in Node ≥ 20 with no arguments: `const kit = await loadKit();`.
// The C++ core judges; this file only moves strings and bytes in and JSON out.
import createMtastsCore from './mtasts-core.mjs';

/** @typedef {import('./kit').Kit} Kit */
/** @typedef {import('./kit').Result<any>} Result */

const LANGS = new Set(['en', 'fr']);
const SPECS = new Set(['rfc7489', 'rfc9989']);

/** @type {Promise<Kit> | undefined} */
let memo;

const isNode =
  typeof process === 'object' && process !== null && typeof process.versions?.node === 'string' &&
  typeof window === 'undefined';

/** @returns {Promise<Record<string, unknown>>} */
async function moduleArgs() {
  if (!isNode) return {};
  // Node's fetch cannot load file: URLs, so hand the bytes to the factory.
  const { readFile } = await import('node:fs/promises');
  const wasmBinary = await readFile(new URL('./mtasts-core.wasm', import.meta.url));
  return { wasmBinary };
}

/**
 * @param {unknown} lang
 * @returns {string}
 */
function checkLang(lang) {
  if (lang === undefined) return 'en';
  if (typeof lang !== 'string' || !LANGS.has(lang)) {
    throw new TypeError(`lang must be 'en' or 'fr', got ${JSON.stringify(lang)}`);
  }
  return lang;
}

/**
 * An RRset is an array of records, each an array of character-strings.
 * @param {unknown} input
 * @returns {input is string[][]}
 */
function isRrset(input) {
  return (
    Array.isArray(input) &&
    input.every((rr) => Array.isArray(rr) && rr.every((s) => typeof s === 'string'))
  );
}

/**
 * @param {string} what
 * @param {unknown} input
 */
function badInput(what, input) {
  const got = input === null ? 'null' : Array.isArray(input) ? 'a malformed array' : typeof input;
  return new TypeError(`${what}: expected a string or an array of records (string[][]), got ${got}`);
}

/**
 * @param {string} what
 * @param {unknown} input
 * @returns {Record<string, any>}
 */
function checkObject(what, input) {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(`${what}: expected an object of inputs`);
  }
  return /** @type {Record<string, any>} */ (input);
}

/**
 * A list of rows from a form: strings kept, anything else as an empty row.
 * @param {string} what the function and field, for the error message
 * @param {unknown} list
 * @returns {string[]}
 */
function stringList(what, list) {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    const got = typeof list === 'string' ? 'a string (wrap it in an array)' : typeof list;
    throw new TypeError(`${what}: expected an array of strings, got ${got}`);
  }
  return list.map((s) => (typeof s === 'string' ? s : s === undefined || s === null ? '' : String(s)));
}

/**
 * @template T
 * @param {T} o
 * @returns {T}
 */
function deepFreeze(o) {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * @param {any} core
 * @returns {Kit}
 */
function makeKit(core) {
  /** @param {string} json */
  const parse = (json) => /** @type {Result} */ (JSON.parse(json));

  /**
   * @param {string} what
   * @param {string} textFn
   * @param {string} rrsetFn
   */
  const txtValidator =
    (what, textFn, rrsetFn) =>
    /**
     * @param {unknown} input
     * @param {{lang?: string, spec?: string}} [opts]
     * @param {string[]} [extra]
     */
    (input, opts = {}, extra = []) => {
      const lang = checkLang(opts?.lang);
      if (typeof input === 'string') return parse(core[textFn](input, lang, ...extra));
      if (isRrset(input)) return parse(core[rrsetFn](JSON.stringify(input), lang, ...extra));
      throw badInput(what, input);
    };

  const sts = txtValidator('validateStsRecord', 'stsRecordText', 'stsRecordRrset');
  const tlsrpt = txtValidator('validateTlsRptRecord', 'tlsRptText', 'tlsRptRrset');
  const dmarc = txtValidator('validateDmarcRecord', 'dmarcText', 'dmarcRrset');

  /** @type {any} built on first read: a page that never offers the presets never pays for them */
  let presets;

  return Object.freeze({
    version: String(core.version()),
    validateStsRecord: (input, opts) => sts(input, opts),
    validateTlsRptRecord: (input, opts) => tlsrpt(input, opts),
    validateDmarcRecord(input, opts = {}) {
      const spec = opts?.spec ?? 'rfc7489';
      if (!SPECS.has(spec)) {
        throw new TypeError(`spec must be 'rfc7489' or 'rfc9989', got ${JSON.stringify(spec)}`);
      }
      return dmarc(input, opts, [spec]);
    },
    validatePolicy(input, opts = {}) {
      const lang = checkLang(opts?.lang);
      if (typeof input === 'string') return parse(core.policyBytes(input, lang));
      if (input instanceof Uint8Array) return parse(core.policyBytes(input, lang));
      if (input instanceof ArrayBuffer) return parse(core.policyBytes(new Uint8Array(input), lang));
      const got = input === null ? 'null' : typeof input;
      throw new TypeError(`validatePolicy: expected a string or a Uint8Array, got ${got}`);
    },
    mxPatternMatches(pattern, host) {
      if (typeof pattern !== 'string' || typeof host !== 'string') {
        throw new TypeError('mxPatternMatches: pattern and host must be strings');
      }
      return Boolean(core.mxPatternMatches(pattern, host));
    },
    generatePolicy(input, opts = {}) {
      const lang = checkLang(opts?.lang);
      const i = checkObject('generatePolicy', input);
      const maxAge = i.maxAge === undefined || i.maxAge === null ? '' : String(i.maxAge);
      return parse(core.generatePolicy(
        JSON.stringify({ mode: i.mode ?? '', mx: stringList('generatePolicy: mx', i.mx), maxAge, domain: i.domain ?? '' }), lang));
    },
    generateStsRecord(input, opts = {}) {
      const lang = checkLang(opts?.lang);
      const i = checkObject('generateStsRecord', input);
      return parse(core.generateStsRecord(JSON.stringify({ id: i.id ?? '', domain: i.domain ?? '' }), lang));
    },
    generateTlsRptRecord(input, opts = {}) {
      const lang = checkLang(opts?.lang);
      const i = checkObject('generateTlsRptRecord', input);
      const rua = typeof i.rua === 'string' ? [i.rua] : stringList('generateTlsRptRecord: rua', i.rua);
      return parse(core.generateTlsRptRecord(JSON.stringify({ rua, domain: i.domain ?? '' }), lang));
    },
    generateDmarcRecord(input, opts = {}) {
      const lang = checkLang(opts?.lang);
      const i = checkObject('generateDmarcRecord', input);
      /** @type {Record<string, unknown>} */
      const o = { legacy: Boolean(i.legacy) };
      for (const k of ['domain', 'p', 'sp', 'np', 'adkim', 'aspf', 'fo', 't', 'pct', 'rf', 'ri']) {
        o[k] = i[k] === undefined || i[k] === null ? '' : String(i[k]);
      }
      o.rua = typeof i.rua === 'string' ? [i.rua] : stringList('generateDmarcRecord: rua', i.rua);
      o.ruf = typeof i.ruf === 'string' ? [i.ruf] : stringList('generateDmarcRecord: ruf', i.ruf);
      return parse(core.generateDmarcRecord(JSON.stringify(o), lang));
    },
    generateHosting(input, opts = {}) {
      const lang = checkLang(opts?.lang);
      const i = checkObject('generateHosting', input);
      const o = { domain: i.domain ?? '', policy: i.policy ?? '', id: i.id ?? '', tlsrpt: i.tlsrpt ?? '' };
      return parse(core.generateHosting(JSON.stringify(o), lang));
    },
    deriveMicrosoftDanePattern(host, opts = {}) {
      if (typeof host !== 'string') throw new TypeError('deriveMicrosoftDanePattern: host must be a string');
      return parse(core.deriveMicrosoftDanePattern(host, checkLang(opts?.lang)));
    },
    policyIdFromDate(date = new Date()) {
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
        throw new TypeError('policyIdFromDate: expected a valid Date');
      }
      return String(core.policyIdFromUtc(Math.floor(date.getTime() / 1000)));
    },
    get presets() {
      presets ??= deepFreeze(JSON.parse(core.presets()));
      return presets;
    },
    dohAnswer(body, httpStatus, qtype, opts = {}) {
      const lang = checkLang(opts?.lang);
      if (typeof body !== 'string') throw new TypeError('dohAnswer: body must be a string');
      if (!Number.isInteger(httpStatus) || !Number.isInteger(qtype)) {
        throw new TypeError('dohAnswer: httpStatus and qtype must be integers');
      }
      return parse(core.dohAnswer(body, httpStatus, qtype, lang));
    },
    dmarcExternalDestinations(domain, record) {
      if (typeof domain !== 'string' || typeof record !== 'string') {
        throw new TypeError('dmarcExternalDestinations: domain and record must be strings');
      }
      return parse(core.dmarcDestinations(domain, record));
    },
    explainBounce(text, opts = {}) {
      const lang = checkLang(opts?.lang);
      if (typeof text !== 'string') throw new TypeError('explainBounce: text must be a string');
      return parse(core.explainBounce(text, lang));
    },
    assess(facts, opts = {}) {
      const lang = checkLang(opts?.lang);
      const f = checkObject('assess', facts);
      if (typeof f.domain !== 'string') throw new TypeError('assess: facts.domain must be a string');
      // The policy body travels as raw bytes beside the JSON (it need not be UTF-8).
      const policy = f.policy && typeof f.policy === 'object' ? { ...f.policy } : undefined;
      let body;
      if (policy) {
        body = policy.body;
        delete policy.body;
        if (body instanceof ArrayBuffer) body = new Uint8Array(body);
        if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
          throw new TypeError('assess: facts.policy.body must be a string or a Uint8Array');
        }
      }
      const json = JSON.stringify({
        domain: f.domain, lookups: f.lookups ?? {}, mxHosts: f.mxHosts ?? {}, dmarcAuth: f.dmarcAuth ?? {}, policy, history: f.history,
      });
      const hasBody = body !== undefined && body !== null;
      return parse(core.assess(json, hasBody ? body : '', hasBody, lang));
    },
    detectFormat(text) {
      if (typeof text !== 'string') throw new TypeError('detectFormat: text must be a string');
      return /** @type {any} */ (String(core.detectFormat(text)));
    },
  });
}

/**
 * The core from a module compiled elsewhere (say, by the page while its worker
 * starts). Rejects, rather than waiting forever, when the module is not this
 * core.
 * @param {WebAssembly.Module} module
 * @returns {Promise<unknown>}
 */
function instantiateFrom(module) {
  /** @type {(error: unknown) => void} */
  let fail = () => {};
  const failed = new Promise((_, reject) => {
    fail = reject;
  });
  const core = createMtastsCore({
    /**
     * @param {WebAssembly.Imports} imports
     * @param {(instance: WebAssembly.Instance, module: WebAssembly.Module) => void} receive
     */
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(module, imports).then(
        (instance) => {
          try {
            receive(instance, module);
          } catch (error) {
            fail(error);
          }
        },
        fail,
      );
      return {};
    },
  });
  return Promise.race([core, failed]).catch((error) => {
    throw new Error(`the WebAssembly module given to loadKit is not this kit's core (${error instanceof Error ? error.message : String(error)})`);
  });
}

/**
 * A failed load as a readable error: Emscripten's "Aborted(…). Build with
 * -s ASSERTIONS=1 for more info." wrapper taken off, and a page whose
 * Content-Security-Policy forbids WebAssembly told what to add (its error is
 * named ContentSecurityPolicyError).
 * @param {unknown} err
 * @returns {Error}
 */
function loadError(err) {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.replace(/^Aborted\((.*)\)(?:\. Build with -s ASSERTIONS=1 for more info\.)?$/s, '$1');
  if (/Content[- ]Security[- ]Policy|unsafe-eval/i.test(message)) {
    const error = new Error(
      `the page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src (${message})`,
      { cause: err },
    );
    error.name = 'ContentSecurityPolicyError';
    return error;
  }
  if (message === raw && err instanceof Error) return err;
  return new Error(message, { cause: err });
}

/**
 * Loads the WebAssembly core once and returns the kit (memoized).
 * @param {{ module?: WebAssembly.Module | PromiseLike<WebAssembly.Module | null> | null }} [options]
 *   module: mtasts-core.wasm compiled already (e.g. by the page, handed to a worker); when it
 *   is null or its promise fails, the core is fetched as usual. Only the first call's options count.
 * @returns {Promise<Kit>}
 */
export function loadKit(options = {}) {
  memo ??= Promise.resolve(options.module ?? null)
    .catch(() => null)
    .then((module) => (module instanceof WebAssembly.Module ? instantiateFrom(module) : moduleArgs().then((args) => createMtastsCore(args))))
    .then(makeKit)
    .catch((err) => {
      memo = undefined; // a failed load (e.g. offline) may be retried
      throw loadError(err);
    });
  return memo;
}

export default loadKit;
