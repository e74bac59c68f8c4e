// @ts-check
// The page's access to the kit (the validator, the generator and the checker).
// Requests are "latest wins" per kind: while one runs, newer ones replace each
// other and only the last is run; superseded calls resolve to null.

import { answer } from './kit-requests.js';

/** @typedef {import('./samples.js').Format} Format */
/** @typedef {import('./validator-view.js').Result} Result */
/**
 * @typedef {{ choice: Format | 'auto', text: string, bytes?: Uint8Array, lang: string,
 *   spec: 'rfc7489' | 'rfc9989' }} ValidateJob
 */
/** @typedef {{ format: Format | 'unknown', result: Result | null }} ValidateReply */
/** @typedef {import('./generator-model.js').GeneratorState} GeneratorState */
/**
 * @typedef {{ id: string, policy: any, sts: any, tlsrpt: any, dmarc: any, hosting: any, dane: any,
 *   checks: Record<'policy' | 'sts' | 'tlsrpt' | 'dmarc7489' | 'dmarc9989', Result | null> }} Generated
 */
/**
 * @typedef {{ id: string, name: string, source: string, dane: boolean,
 *   explanation: { en: string, fr: string },
 *   patterns: { pattern: string, optional: boolean, note: { en: string, fr: string } }[] }} Preset
 */

/**
 * @template T
 * @typedef {{ message: any, resolve: (value: T | null) => void, reject: (error: Error) => void }} Pending
 */

/**
 * A validation of a text longer than this (characters, or bytes of a file)
 * runs in the worker: about 5 ms of the core on a slow machine, and the
 * drawing of its result, is what a keystroke may cost the main thread.
 */
export const workerThreshold = 16 * 1024;

/** A worker not ready after this long is given up (its work then runs on the page). */
const workerStartLimitMs = 15_000;

/**
 * @typedef {{ loadKit(options?: { module?: PromiseLike<WebAssembly.Module | null> | null }): Promise<any> }} KitModule
 */

export class ValidatorClient {
  /**
   * The kit runs on the page's main thread: its answers for ordinary texts
   * take well under a millisecond, and the page shows its first result without
   * waiting for a worker to start. A validation of a huge text goes to
   * validation-worker.js, handed the compiled core and started once the page
   * is built (warmUp) or on first need.
   * @param {{ kitUrl: URL, workerUrl: URL, module?: PromiseLike<WebAssembly.Module | null> | null,
   *   threshold?: number }} options
   *   module: the core compiled already (boot.js); threshold: see workerThreshold
   */
  constructor({ kitUrl, workerUrl, module = null, threshold = workerThreshold }) {
    this.workerUrl = workerUrl;
    this.threshold = threshold;
    /** @type {Promise<WebAssembly.Module | null>} */
    this.module = Promise.resolve(module).catch(() => null);
    /** @type {Promise<import('./validator-view.js').Kit>} */
    this.kit = import(kitUrl.href).then((/** @type {KitModule} */ kitModule) => kitModule.loadKit({ module: this.module }));
    /** @type {Worker | null} started by warmUp or on first need */
    this.worker = null;
    /** @type {Error | null} once the worker failed, its work runs here */
    this.workerFailure = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.workerTimer = undefined;
    /** @type {() => void} */
    this.workerSettled = () => {};
    /** @type {Promise<void>} settles when the worker has its kit, or has failed */
    this.workerReady = new Promise((resolve) => {
      this.workerSettled = resolve;
    });
    this.nextId = 1;
    /** @type {Map<number, Pending<any> & { inWorker: boolean }>} */
    this.inFlight = new Map();
    /** @type {Record<string, Pending<any> | undefined>} queued request per kind, latest wins */
    this.queued = {};
    /** @type {Record<string, boolean>} */
    this.busy = {};
    /** @type {import('./validator-view.js').Kit | null} the kit, once ready */
    this.loaded = null;
    /** @type {Promise<string>} resolves to the kit version */
    this.ready = this.kit.then((kit) => {
      this.loaded = kit;
      return String(kit.version);
    });
  }

  /**
   * The provider presets of the core (GEN-005), once ready; read when the
   * generator first needs them, not at start-up.
   * @returns {readonly Preset[]}
   */
  get presets() {
    const presets = this.loaded?.presets;
    return Array.isArray(presets) ? presets : [];
  }

  /**
   * @param {ValidateJob} job
   * @returns {Promise<ValidateReply | null>} null when a newer job superseded this one
   */
  validate(job) {
    return this.request('validate', { type: 'validate', ...job });
  }

  /**
   * @param {string[]} patterns
   * @param {string} host
   * @returns {Promise<{ match: string | null } | null>}
   */
  matchMx(patterns, host) {
    return this.request('mx', { type: 'mx', patterns, host });
  }

  /**
   * Every generator output for a state (see validation-worker.js).
   * @param {{ state: GeneratorState, lang: string, renewIdFrom: string | null }} job
   * @returns {Promise<{ generated: Generated } | null>}
   */
  generate(job) {
    return this.request('generate', { type: 'generate', ...job });
  }

  /**
   * A new policy id: the UTC time as YYYYMMDDhhmmss (GEN-001).
   * @returns {Promise<{ value: string } | null>}
   */
  newId() {
    return this.request('newId', { type: 'newId' });
  }

  /**
   * The core's reading of one DoH JSON exchange (kit.dohAnswer). Not "latest
   * wins": the checker asks many at once and needs every answer.
   * @param {{ body: string, status: number, qtype: number, lang?: string }} job
   * @returns {Promise<any>} the DohAnswer
   */
  async dohAnswer(job) {
    const reply = await this.call({ type: 'doh', lang: 'en', ...job });
    return reply.answer;
  }

  /**
   * The external DMARC report destinations to ask about (kit.dmarcExternalDestinations).
   * @param {{ domain: string, record: string }} job
   * @returns {Promise<{ host: string, name: string }[]>}
   */
  async dmarcDestinations(job) {
    const reply = await this.call({ type: 'dmarcDestinations', ...job });
    return reply.destinations;
  }

  /**
   * The live checker's report for gathered facts (kit.assess). Every call is
   * answered (the checker drops stale reports itself).
   * @param {{ facts: object, lang: string }} job
   * @returns {Promise<{ report: any }>}
   */
  assess(job) {
    return this.call({ type: 'assess', ...job });
  }

  /**
   * Sends one request outside the "latest wins" queues.
   * @param {Record<string, unknown>} message
   * @returns {Promise<any>}
   */
  call(message) {
    return new Promise((resolve, reject) => {
      this.send(this.nextId++, { message, resolve, reject });
    });
  }

  /**
   * @param {string} kind
   * @param {Record<string, unknown>} message
   * @returns {Promise<any>}
   */
  request(kind, message) {
    return new Promise((resolve, reject) => {
      this.queued[kind]?.resolve(null);
      this.queued[kind] = { message, resolve, reject };
      this.pump(kind);
    });
  }

  /** @param {string} kind */
  pump(kind) {
    const next = this.queued[kind];
    if (this.busy[kind] || !next) return;
    this.queued[kind] = undefined;
    this.busy[kind] = true;
    this.send(this.nextId++, {
      ...next,
      resolve: (value) => {
        this.busy[kind] = false;
        next.resolve(value);
        this.pump(kind);
      },
      reject: (error) => {
        this.busy[kind] = false;
        next.reject(error);
        this.pump(kind);
      },
    });
  }

  /**
   * Runs one request here or in the worker (a validation of a huge text).
   * @param {number} id
   * @param {Pending<any>} pending
   */
  send(id, pending) {
    const { message } = pending;
    const size = message.type === 'validate' ? Math.max(message.text?.length ?? 0, message.bytes?.length ?? 0) : 0;
    const worker = size > this.threshold ? this.startWorker() : null;
    this.inFlight.set(id, { ...pending, inWorker: worker !== null });
    if (worker) {
      worker.postMessage({ ...message, id });
      return;
    }
    this.kit.then((kit) => answer(kit, message)).then(
      (reply) => this.settle({ ...reply, id }),
      (error) => this.settle({ id, error: String(error?.message ?? error) }),
    );
  }

  /**
   * Starts the worker before a huge text needs it (its files then load now,
   * not when the user pastes).
   * @returns {Promise<void>} settled when it is ready, or has failed
   */
  warmUp() {
    this.startWorker();
    return this.workerReady;
  }

  /**
   * The worker, started on first need; null once it has failed (its work then
   * runs on the main thread: slower, but the user gets the result).
   * @returns {Worker | null}
   */
  startWorker() {
    if (this.workerFailure) return null;
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.workerUrl, { type: 'module' });
      // Once it has failed (and been replaced by the page), a late message is not its answer.
      const current = () => this.worker === worker;
      worker.addEventListener('message', (event) => {
        const data = event.data;
        if (!current()) return;
        if (data?.type === 'failed') this.workerFailed(new Error(data.error));
        else if (data?.type === 'ready') this.workerStarted();
        else this.settle(data);
      });
      worker.addEventListener('error', (event) => {
        if (current()) this.workerFailed(new Error(event.message || 'worker error'));
      });
      void this.module.then((module) => {
        try {
          worker.postMessage({ type: 'module', module });
        } catch {
          worker.postMessage({ type: 'module', module: null }); // a module that cannot be sent: it fetches its own
        }
      });
      // A worker that never says it is ready (a script that hangs) is treated as failed.
      this.workerTimer = setTimeout(() => {
        if (current()) this.workerFailed(new Error('the worker did not start'));
      }, workerStartLimitMs);
      this.worker = worker;
      return worker;
    } catch (error) {
      this.workerFailed(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
  }

  workerStarted() {
    clearTimeout(this.workerTimer);
    this.workerSettled();
  }

  /**
   * The worker could not start or load the kit: what it was asked runs here.
   * @param {Error} error
   */
  workerFailed(error) {
    if (this.workerFailure) return;
    this.workerFailure = error;
    clearTimeout(this.workerTimer);
    this.workerSettled();
    this.worker?.terminate();
    this.worker = null;
    for (const [id, pending] of this.inFlight) {
      if (!pending.inWorker) continue;
      this.inFlight.delete(id);
      this.send(id, pending);
    }
  }

  /** @param {any} data */
  settle(data) {
    const pending = this.inFlight.get(data.id);
    if (!pending) return;
    this.inFlight.delete(data.id);
    if (data.error !== undefined) pending.reject(new Error(data.error));
    else pending.resolve(data);
  }
}
