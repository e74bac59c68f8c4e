// @ts-check
// The page's side of validation-worker.js (the kit, for the validator and the
// generator). Requests are "latest wins" per kind: while one runs, newer ones
// replace each other and only the last is sent; superseded calls resolve to null.

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

export class ValidatorClient {
  /**
   * @param {URL | string} workerUrl
   * @param {{ worker: Worker, take(): Event[] }} [boot] a worker already started by boot.js
   */
  constructor(workerUrl, boot) {
    this.worker = boot ? boot.worker : new Worker(workerUrl, { type: 'module' });
    this.nextId = 1;
    /** @type {Map<number, Pending<any>>} */
    this.inFlight = new Map();
    /** @type {Record<string, Pending<any> | undefined>} queued request per kind, latest wins */
    this.queued = {};
    /** @type {Record<string, boolean>} */
    this.busy = {};
    /** @type {readonly Preset[]} the provider presets of the core (GEN-005), once ready */
    this.presets = [];
    /** @type {Promise<string>} resolves to the kit version */
    this.ready = new Promise((resolve, reject) => {
      const onError = (/** @type {any} */ event) => reject(new Error(event.message || 'worker error'));
      const onMessage = (/** @type {any} */ event) => {
        const data = event.data;
        if (data.type === 'ready') {
          this.presets = Array.isArray(data.presets) ? data.presets : [];
          return resolve(String(data.version));
        }
        if (data.type === 'failed') return reject(new Error(data.error));
        this.settle(data);
      };
      this.worker.addEventListener('error', onError);
      this.worker.addEventListener('message', onMessage);
      // What the worker said before this page took it over, in order.
      for (const event of boot ? boot.take() : []) (event.type === 'error' ? onError : onMessage)(event);
    });
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
      const id = this.nextId++;
      this.inFlight.set(id, { message, resolve, reject });
      this.worker.postMessage({ ...message, id });
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
    const id = this.nextId++;
    this.inFlight.set(id, {
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
    this.worker.postMessage({ ...next.message, id });
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
