// @ts-check
// The checker view (#checker): the form and settings, the live list of
// requests while the facts arrive (gather.js), then the report drawn from the
// core's judgement (kit.assess). The report is drawn again in
// the other language from the same facts (no new request), and again with a
// pasted policy body when the browser could not read the file.

import { Announcer, copyText, selectContents } from '../clipboard.js';
import { DomainError, curlCommand, gatherFacts, lookupPlan, normalizeDomain, resolverBase } from './gather.js';
import { historyFor, loadSettings, rememberReport, saveSettings } from './history.js';
import { ReportView, resolverName } from './report-view.js';
import { appendSafe } from './safe-text.js';

/** @typedef {import('../i18n.js').I18n} I18n */
/** @typedef {import('../validator-client.js').ValidatorClient} ValidatorClient */
/** @typedef {import('../../wasm/kit.d.ts').Assessment} Assessment */
/** @typedef {import('./gather.js').GatheredLookup} GatheredLookup */
/** @typedef {import('./gather.js').PolicyFacts} PolicyFacts */
/** @typedef {import('./history.js').HistoryEntry} HistoryEntry */
/**
 * @typedef {{ domain: string, lookups: Record<string, GatheredLookup>, policy: PolicyFacts, elapsedMs: number,
 *   mxHosts?: Record<string, { a?: GatheredLookup, aaaa?: GatheredLookup, tlsa?: GatheredLookup }>,
 *   dmarcAuth?: Record<string, GatheredLookup>,
 *   history?: { lastId: string, lastBodyHash: string } }} Facts
 */

export class CheckerView {
  /**
   * @param {Document} doc
   * @param {I18n} i18n
   */
  constructor(doc, i18n) {
    this.doc = doc;
    this.i18n = i18n;
    const $ = (/** @type {string} */ id) => {
      const found = doc.getElementById(id);
      if (!found) throw new Error(`missing #${id}`);
      return found;
    };
    this.section = $('checker');
    this.form = /** @type {HTMLFormElement} */ ($('check-form'));
    this.input = /** @type {HTMLInputElement} */ ($('check-domain'));
    this.runButton = /** @type {HTMLButtonElement} */ ($('check-run'));
    this.inputMsg = $('check-domain-msg');
    this.settingsBox = /** @type {HTMLDetailsElement} */ ($('check-settings'));
    this.resolverSelect = /** @type {HTMLSelectElement} */ ($('check-resolver'));
    this.urlField = $('check-resolver-url-field');
    this.urlInput = /** @type {HTMLInputElement} */ ($('check-resolver-url'));
    this.urlMsg = $('check-resolver-url-msg');
    this.timeoutInput = /** @type {HTMLInputElement} */ ($('check-timeout'));
    this.offlineNotice = $('check-offline');
    this.reportBox = $('check-report');
    this.idle = $('check-idle');
    this.announcer = new Announcer($('check-live'));
    this.reportView = new ReportView(i18n);

    /** @type {ValidatorClient | null} */
    this.client = null;
    /** @type {(client: ValidatorClient) => void} */
    this.resolveClient = () => {};
    /** @type {Promise<ValidatorClient>} */
    this.clientReady = new Promise((resolve) => (this.resolveClient = resolve));
    /** @type {string | null} */
    this.kitError = null;

    /** @type {AbortController | null} */
    this.controller = null;
    this.seq = 0;
    /** @type {Facts | null} the facts of the report on screen */
    this.facts = null;
    /** @type {Assessment | null} */
    this.report = null;
    /** @type {string | null} the policy body pasted by the user, if any */
    this.pasted = null;
    /** @type {HistoryEntry | null} the history entry the report was judged against */
    this.previous = null;
    this.checkedAt = new Date();
    /** @type {{ key: string, params: Record<string, string> } | null} the message under the domain field */
    this.inputMessage = null;
    /** @type {Map<string, { li: HTMLElement, status: HTMLElement, raw: any, retry: { from: any, to: string } | null }>} */
    this.lookupRows = new Map();
    /** @type {Map<string, { a?: any, aaaa?: any, tlsa?: any }>} the MX hosts' lookups, in order */
    this.mxHostRows = new Map();
    /** @type {Map<string, { name: string, lookup?: any }>} the DMARC report destinations' authorisations, in order */
    this.dmarcAuthRows = new Map();

    this.settings = loadSettings();
    /** Reads the settings from the controls and keeps them. */
    this.readSettings = () => {};
    this.lookupsSection = this.buildLookupsSection();
    this.pasteBlock = this.buildPasteBlock();
    this.fillSettings();
    this.bind();
    this.renderOnline();
  }

  // ---- set-up ---------------------------------------------------------------

  fillSettings() {
    this.resolverSelect.value = this.settings.resolver;
    this.urlInput.value = this.settings.customUrl;
    this.timeoutInput.value = String(this.settings.timeoutSeconds);
    this.urlField.hidden = this.settings.resolver !== 'custom';
  }

  bind() {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run(this.input.value, true);
    });
    this.input.addEventListener('input', () => {
      if (this.inputMessage?.key.startsWith('check.input.') && !this.inputMessage.key.startsWith('check.input.from')) {
        this.setInputMessage(null);
      }
    });
    const saveLater = () => this.readSettings();
    this.readSettings = () => {
      const t = Number(this.timeoutInput.value);
      this.settings = {
        resolver: /** @type {any} */ (this.resolverSelect.value),
        customUrl: this.urlInput.value.trim(),
        timeoutSeconds: Number.isFinite(t) && t >= 1 && t <= 60 ? Math.round(t) : this.settings.timeoutSeconds,
      };
      this.urlField.hidden = this.settings.resolver !== 'custom';
      if (this.settings.resolver !== 'custom' || resolverBase('custom', this.settings.customUrl)) this.setUrlMessage(false);
      saveSettings(this.settings);
    };
    this.resolverSelect.addEventListener('change', saveLater);
    this.urlInput.addEventListener('input', saveLater);
    this.timeoutInput.addEventListener('input', saveLater);
    this.timeoutInput.addEventListener('change', () => {
      saveLater();
      this.timeoutInput.value = String(this.settings.timeoutSeconds);
    });
    globalThis.addEventListener('online', () => this.renderOnline());
    globalThis.addEventListener('offline', () => this.renderOnline());
    this.i18n.onChange(() => void this.relocalize());
  }

  /** @returns {boolean} */
  offline() {
    return globalThis.navigator?.onLine === false;
  }

  renderOnline() {
    this.offlineNotice.hidden = !this.offline();
  }

  /** @param {ValidatorClient} client */
  setClient(client) {
    this.client = client;
    this.resolveClient(client);
  }

  /** @param {unknown} error */
  setKitError(error) {
    this.kitError = String(/** @type {any} */ (error)?.message ?? error);
    if (this.reportBox.dataset.state === 'running') this.fail(this.kitError);
  }

  /**
   * Runs the check named in the page address (`?domain=`), if any.
   * @returns {boolean} whether there was one
   */
  runFromAddress() {
    const domain = new URL(globalThis.location.href).searchParams.get('domain');
    if (!domain) return false;
    this.input.value = domain;
    void this.run(domain, false);
    return true;
  }

  // ---- the check ------------------------------------------------------------

  /**
   * @param {string} typed
   * @param {boolean} fromUser focus moves to the verdict only when the user started the check
   */
  async run(typed, fromUser) {
    this.readSettings();
    const norm = normalizeDomain(typed);
    if (!norm.ok) {
      this.setInputMessage({ key: `check.input.${norm.code}`, params: {} }, true);
      if (fromUser) this.input.focus();
      return;
    }
    const domain = norm.domain;
    if (this.settings.resolver === 'custom' && !resolverBase('custom', this.settings.customUrl)) {
      this.settingsBox.open = true;
      this.setUrlMessage(true);
      if (fromUser) this.urlInput.focus();
      return;
    }
    this.setUrlMessage(false);
    const typedClean = typed.trim().toLowerCase().replace(/\.$/, '');
    if (norm.from === 'url') this.setInputMessage({ key: 'check.input.fromUrl', params: { domain } });
    else if (norm.from === 'email') this.setInputMessage({ key: 'check.input.fromEmail', params: { domain } });
    else if (norm.from === 'owner') this.setInputMessage({ key: 'check.input.fromOwner', params: { domain } });
    else if (norm.from === 'policyHost') this.setInputMessage({ key: 'check.input.fromPolicyHost', params: { domain } });
    else if (typedClean !== domain) this.setInputMessage({ key: 'check.input.converted', params: { domain } });
    else this.setInputMessage(null);
    // The box shows what is checked (a Unicode name typed stays as typed, the message gives its A-label).
    if (this.input.value.trim() !== domain && (norm.from !== null || typedClean === domain)) this.input.value = domain;

    this.renderOnline();
    if (this.offline()) {
      this.announcer.say(this.i18n.t('check.offline'));
      if (fromUser) this.offlineNotice.scrollIntoView({ block: 'nearest' });
      return;
    }

    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const seq = ++this.seq;
    this.updateAddress(domain);
    if (this.reportBox.dataset.domain !== domain) {
      // A pasted body belongs to its domain.
      const textarea = this.pasteBlock.querySelector('textarea');
      if (textarea) textarea.value = '';
    }
    this.facts = null;
    this.report = null;
    this.pasted = null;
    this.startProgress(domain);
    this.announcer.say(this.i18n.t('check.live.start', { domain }));

    try {
      const client = this.client ?? (this.kitError ? null : await this.clientReady);
      if (!client) throw new Error(this.kitError ?? 'no kit');
      if (seq !== this.seq) return;
      const gathered = await gatherFacts(domain, {
        resolver: this.settings.resolver,
        customUrl: this.settings.customUrl,
        timeoutMs: this.settings.timeoutSeconds * 1000,
        signal: controller.signal,
        judge: (body, status, qtype) => client.dohAnswer({ body, status, qtype }),
        reportDestinations: (d, record) => client.dmarcDestinations({ domain: d, record }),
        onProgress: (name, raw) => {
          if (seq !== this.seq) return;
          if (name === 'mxHosts') this.startMxHosts(raw.hosts);
          else if (name === 'mxHost') this.mxHostProgress(raw.host, raw.family, raw.lookup);
          else if (name === 'dmarcAuth') this.startDmarcAuth(raw.destinations);
          else if (name === 'dmarcAuthHost') this.dmarcAuthProgress(raw.host, raw.lookup);
          else this.progress(name, raw);
        },
        onFallback: (name, from, to) => {
          if (seq === this.seq) this.retrying(name, from, to);
        },
        deferSecondRound: true,
      });
      if (seq !== this.seq) return;
      const { secondRoundDone, ...firstRound } = gathered;
      const previous = historyFor(domain);
      /** @type {Facts} */
      const facts = /** @type {any} */ (firstRound);
      if (previous) facts.history = { lastId: previous.lastId, lastBodyHash: previous.lastBodyHash };
      const report = await this.assess(facts, null);
      if (!report || seq !== this.seq) return;
      this.facts = facts;
      this.previous = previous;
      this.report = report;
      this.checkedAt = new Date();
      rememberReport(domain, report.sts?.value?.id, report.policyHash, this.checkedAt);
      // The report is drawn as soon as the first round is in; the second round
      // (the MX hosts' A/AAAA/TLSA, CHK-009 and CHK-015, and the DMARC report
      // destinations' authorisations, DMARC-021) refines it one round trip later.
      this.reportBox.dataset.mxHosts = secondRoundDone ? 'pending' : 'done';
      this.show(fromUser, 'check.live.done');
      if (secondRoundDone) void this.refineWithSecondRound(seq, facts, secondRoundDone);
    } catch (error) {
      if (seq !== this.seq || /** @type {any} */ (error)?.name === 'AbortError') return;
      if (error instanceof DomainError) {
        this.setInputMessage({ key: `check.input.${error.code}`, params: {} }, true);
        this.reportBox.dataset.state = 'idle';
        return;
      }
      this.fail(String(/** @type {any} */ (error)?.message ?? error));
    }
  }

  /**
   * Judges again once the second round is in (same facts otherwise), unless a
   * newer check started meanwhile.
   * @param {number} seq
   * @param {Facts} facts
   * @param {Promise<Pick<Facts, 'mxHosts' | 'dmarcAuth'> | undefined>} secondRoundDone
   */
  async refineWithSecondRound(seq, facts, secondRoundDone) {
    let round;
    try {
      round = await secondRoundDone;
    } catch {
      round = undefined; // aborted or failed: the report stands as drawn
    }
    if (seq !== this.seq) return;
    if (round && this.facts === facts) {
      Object.assign(facts, round);
      const report = await this.assess(facts, this.pasted);
      if (seq !== this.seq || this.facts !== facts) return;
      if (report) {
        // Redrawn in place: whatever had the focus in the report keeps it.
        const active = this.doc.activeElement;
        const activeId = active && this.reportBox.contains(active) ? active.id : '';
        this.report = report;
        this.show(false, null);
        if (activeId) this.doc.getElementById(activeId)?.focus({ preventScroll: true });
      }
    }
    this.reportBox.dataset.mxHosts = 'done';
  }

  /**
   * The core's report for facts (and a pasted body instead of the fetch).
   * @param {Facts} facts
   * @param {string | null} pasted
   * @returns {Promise<Assessment | null>}
   */
  async assess(facts, pasted) {
    const client = this.client;
    if (!client) return null;
    const forKit = {
      domain: facts.domain,
      lookups: facts.lookups,
      mxHosts: facts.mxHosts,
      dmarcAuth: facts.dmarcAuth,
      policy: pasted === null ? facts.policy : { outcome: 'pasted', body: pasted },
      // A pasted body is seldom byte-exact (a final line break lost in a
      // terminal): only fetched bytes are compared with the history (CHK-018…020).
      history: pasted === null ? facts.history : undefined,
    };
    const reply = await client.assess({ facts: forKit, lang: this.i18n.lang });
    return reply ? reply.report : null;
  }

  /** @param {string} message */
  fail(message) {
    this.reportBox.dataset.state = 'done';
    this.reportBox.dataset.mxHosts = 'done';
    const p = document.createElement('p');
    p.className = 'notice check-error';
    p.id = 'check-error';
    appendSafe(p, this.i18n.t('check.live.failed', { error: message }));
    this.reportBox.replaceChildren(p, this.lookupsSection);
    this.announcer.say(p.textContent);
  }

  /**
   * Draws the report on screen (after a check, a paste or a language change).
   * @param {boolean} focus
   * @param {string | null} announceKey
   */
  show(focus, announceKey) {
    const report = this.report;
    const facts = this.facts;
    if (!report || !facts) return;
    this.updatePasteBlock(facts.domain);
    const nodes = this.reportView.render({
      report,
      facts,
      pasted: this.pasted,
      previous: this.previous,
      checkedAt: this.checkedAt,
      pasteBlock: this.pasteBlock,
      onCopy: (text, source, button) => void this.copy(text, source, button),
      onShare: (button) => void this.share(button),
    });
    this.reportBox.replaceChildren(...nodes, this.lookupsSection);
    this.reportBox.dataset.state = 'done';
    this.reportBox.dataset.domain = facts.domain;
    if (announceKey) {
      this.announcer.say(
        this.i18n.t(announceKey, { domain: facts.domain, verdict: this.i18n.t(`check.verdict.${report.verdict}`) }),
      );
    }
    if (focus) this.doc.getElementById('check-verdict')?.focus();
  }

  /** The language changed: the same facts, judged again in the new language. */
  async relocalize() {
    this.renderInputMessage();
    this.setUrlMessage(!this.urlMsg.hidden);
    this.i18n.apply(this.pasteBlock);
    this.i18n.apply(this.lookupsSection);
    for (const [name] of this.lookupRows) this.renderLookup(name);
    if (!this.facts || !this.report) return;
    const seq = this.seq;
    const report = await this.assess(this.facts, this.pasted);
    if (!report || seq !== this.seq) return;
    this.report = report;
    this.show(false, null);
  }

  /** Runs the policy rules on the pasted body, with the same DNS facts. */
  async runPasted() {
    const textarea = /** @type {HTMLTextAreaElement} */ (this.pasteBlock.querySelector('#check-paste'));
    const msg = /** @type {HTMLElement} */ (this.pasteBlock.querySelector('#check-paste-msg'));
    const body = textarea.value;
    if (body.trim() === '') {
      msg.hidden = false;
      msg.textContent = this.i18n.t('check.paste.empty');
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
      return;
    }
    msg.hidden = true;
    textarea.removeAttribute('aria-invalid');
    if (!this.facts) return;
    const seq = this.seq;
    const report = await this.assess(this.facts, body);
    if (!report || seq !== this.seq) return;
    this.pasted = body;
    this.report = report;
    this.show(true, 'check.live.pasted');
  }

  // ---- progress -------------------------------------------------------------

  buildLookupsSection() {
    const section = document.createElement('section');
    section.className = 'check-lookups';
    section.id = 'check-lookups';
    section.setAttribute('aria-labelledby', 'check-lookups-heading');
    const h = document.createElement('h3');
    h.id = 'check-lookups-heading';
    h.dataset.i18n = 'check.lookups.heading';
    h.textContent = this.i18n.t('check.lookups.heading');
    const list = document.createElement('ul');
    list.className = 'check-lookup-list';
    list.dataset.i18nAttr = 'aria-label=check.lookups.label';
    list.setAttribute('aria-label', this.i18n.t('check.lookups.label'));
    section.append(h, list);
    return section;
  }

  /** @param {string} domain */
  startProgress(domain) {
    this.reportBox.dataset.state = 'running';
    this.reportBox.dataset.mxHosts = 'pending';
    delete this.reportBox.dataset.domain;
    const list = /** @type {HTMLElement} */ (this.lookupsSection.querySelector('ul'));
    this.lookupRows.clear();
    this.mxHostRows.clear();
    this.dmarcAuthRows.clear();
    /** @type {{ name: string, qname: string, type: string, other?: boolean }[]} */
    const plan = [...lookupPlan(domain), { name: 'policy', qname: curlCommand(domain).split(' ').pop() ?? '', type: 'GET' }];
    list.replaceChildren(
      ...plan.map(({ name, qname, type }) => {
        const li = document.createElement('li');
        li.className = 'check-lookup';
        li.dataset.lookup = name;
        if (plan.find((p) => p.name === name)?.other) li.dataset.comparison = '';
        li.dataset.state = 'pending';
        const label = document.createElement('span');
        label.className = 'check-lookup-name';
        label.dataset.i18n = `check.lookup.${name}`;
        label.textContent = this.i18n.t(`check.lookup.${name}`);
        const query = document.createElement('code');
        query.className = 'check-lookup-query';
        query.textContent = `${type} ${qname}`;
        const status = document.createElement('span');
        status.className = 'check-lookup-status';
        li.append(label, ' ', query, ' ', status);
        this.lookupRows.set(name, { li, status, raw: null, retry: null });
        this.renderLookup(name);
        return li;
      }),
    );
    this.reportBox.replaceChildren(this.lookupsSection);
  }

  /**
   * @param {string} name
   * @param {any} raw
   */
  progress(name, raw) {
    const row = this.lookupRows.get(name);
    if (!row) return;
    row.raw = raw;
    this.renderLookup(name);
  }

  /**
   * @param {string} name
   * @param {any} from
   * @param {string} to
   */
  retrying(name, from, to) {
    const row = this.lookupRows.get(name);
    if (!row) return;
    row.retry = { from, to };
    this.renderLookup(name);
  }

  /**
   * A row for a group of second-round lookups (`[data-lookup=name]`), before
   * the policy file's row; its status is drawn by the group's render method.
   * @param {'mxHosts' | 'dmarcAuth'} name
   */
  startGroupRow(name) {
    const list = /** @type {HTMLElement} */ (this.lookupsSection.querySelector('ul'));
    const li = document.createElement('li');
    li.className = 'check-lookup';
    li.dataset.lookup = name;
    li.dataset.state = 'pending';
    const label = document.createElement('span');
    label.className = 'check-lookup-name';
    label.dataset.i18n = `check.lookup.${name}`;
    label.textContent = this.i18n.t(`check.lookup.${name}`);
    const status = document.createElement('span');
    status.className = 'check-lookup-status';
    li.append(label, ' ', status);
    const policyRow = this.lookupRows.get('policy')?.li;
    list.insertBefore(li, policyRow && policyRow.parentNode === list ? policyRow : null);
    this.lookupRows.set(name, { li, status, raw: null, retry: null });
  }

  /**
   * The MX host round has started: one compact row lists each host's A, AAAA
   * and TLSA lookups (`[data-lookup="mxHosts"]`, a `[data-mx-host]` per host).
   * @param {string[]} hosts
   */
  startMxHosts(hosts) {
    this.mxHostRows.clear();
    for (const h of hosts) this.mxHostRows.set(h, {});
    this.startGroupRow('mxHosts');
    this.renderMxHosts();
  }

  /**
   * The authorisations of the DMARC report destinations outside the domain
   * are being asked (DMARC-021): one row, a `[data-report-host]` per host.
   * @param {{ host: string, name: string }[]} destinations
   */
  startDmarcAuth(destinations) {
    this.dmarcAuthRows.clear();
    for (const { host, name } of destinations) this.dmarcAuthRows.set(host, { name });
    this.startGroupRow('dmarcAuth');
    this.renderDmarcAuth();
  }

  /**
   * @param {string} host
   * @param {any} lookup
   */
  dmarcAuthProgress(host, lookup) {
    const row = this.dmarcAuthRows.get(host);
    if (!row) return;
    row.lookup = lookup;
    this.renderDmarcAuth();
  }

  /**
   * The state of one lookup of a group row, in words.
   * @param {any} raw the lookup, undefined while it runs
   */
  groupEntryState(raw) {
    const t = this.i18n.t.bind(this.i18n);
    if (!raw) return t('check.mxHost.pending');
    return raw.conclusive ? t('check.mxHost.done', { resolver: resolverName(raw.resolver) }) : t('check.mxHost.failed');
  }

  renderDmarcAuth() {
    const row = this.lookupRows.get('dmarcAuth');
    if (!row) return;
    const parts = [];
    let pending = false;
    let failed = false;
    for (const [host, { name, lookup }] of this.dmarcAuthRows) {
      const span = document.createElement('span');
      span.className = 'check-report-host';
      span.dataset.reportHost = host;
      span.dataset.state = lookup ? 'done' : 'pending';
      if (!lookup) pending = true;
      else if (!lookup.conclusive) failed = true;
      else span.dataset.resolver = lookup.resolver;
      const code = document.createElement('code');
      appendSafe(code, `TXT ${name}`);
      span.append(code, ` (${this.groupEntryState(lookup)})`);
      if (parts.length) parts.push(', ');
      parts.push(span);
    }
    row.status.replaceChildren(...parts);
    row.li.dataset.state = pending ? 'pending' : failed ? 'failed' : 'done';
  }

  /**
   * @param {string} host
   * @param {'a' | 'aaaa' | 'tlsa'} family
   * @param {any} raw
   */
  mxHostProgress(host, family, raw) {
    const row = this.mxHostRows.get(host);
    if (!row) return;
    row[family] = raw;
    this.renderMxHosts();
  }

  renderMxHosts() {
    const row = this.lookupRows.get('mxHosts');
    if (!row) return;
    const t = this.i18n.t.bind(this.i18n);
    const parts = [];
    let pending = false;
    let failed = false;
    for (const [host, got] of this.mxHostRows) {
      const span = document.createElement('span');
      span.className = 'check-mx-host';
      span.dataset.mxHost = host;
      const code = document.createElement('code');
      appendSafe(code, host);
      span.append(code);
      /** @type {string[]} */
      const states = [];
      let waiting = false;
      for (const family of /** @type {const} */ (['a', 'aaaa', 'tlsa'])) {
        const raw = got[family];
        if (!raw) waiting = true;
        else if (!raw.conclusive) failed = true;
        else span.dataset.resolver = raw.resolver;
        states.push(t('check.mxHost.entry', { family: t(`check.mxHost.${family}`), state: this.groupEntryState(raw) }));
      }
      if (waiting) pending = true;
      span.dataset.state = waiting ? 'pending' : 'done';
      span.append(` (${states.join('; ')})`);
      if (parts.length) parts.push(', ');
      parts.push(span);
    }
    row.status.replaceChildren(...parts);
    row.li.dataset.state = pending ? 'pending' : failed ? 'failed' : 'done';
  }

  /** @param {any} f a failed exchange: { reason, status, kind } */
  reasonText(f) {
    const t = this.i18n.t.bind(this.i18n);
    if (!f) return t('check.reason.other');
    if (f.reason === 'timeout') return t('check.reason.timeout');
    if (f.reason === 'network') return t('check.reason.network');
    if (f.reason === 'http') return t('check.reason.http', { status: f.status });
    if (f.kind === 'servfail' || f.kind === 'refused') return t(`check.reason.${f.kind}`);
    return t('check.reason.other');
  }

  /** @param {string} name */
  renderLookup(name) {
    const row = this.lookupRows.get(name);
    if (!row) return;
    const t = this.i18n.t.bind(this.i18n);
    const { li, status, raw, retry } = row;
    if (name === 'policy') {
      if (!raw) {
        li.dataset.state = 'pending';
        status.textContent = t('check.state.pending');
        return;
      }
      li.dataset.state = raw.outcome === 'ok' ? 'done' : 'failed';
      li.dataset.outcome = raw.outcome;
      status.textContent = t(`check.fetch.${raw.outcome}`, {
        status: raw.status ?? 0,
        bytes: this.i18n.number(raw.body?.length ?? 0),
        ms: this.i18n.number(raw.elapsedMs ?? 0),
        s: this.i18n.number(Math.round((raw.elapsedMs ?? 0) / 1000)),
      });
      return;
    }
    if (name === 'mxHosts') {
      this.renderMxHosts();
      return;
    }
    if (name === 'dmarcAuth') {
      this.renderDmarcAuth();
      return;
    }
    if (!raw) {
      li.dataset.state = 'pending';
      status.textContent = retry
        ? t('check.state.retrying', { first: resolverName(retry.from.resolver), reason: this.reasonText(retry.from), resolver: resolverName(retry.to) })
        : t('check.state.pending');
      return;
    }
    li.dataset.resolver = raw.resolver;
    li.dataset.state = raw.conclusive ? 'done' : 'failed';
    if (raw.fallbackFrom) li.dataset.fallbackFrom = raw.fallbackFrom.resolver;
    else delete li.dataset.fallbackFrom;
    const ms = this.i18n.number(raw.elapsedMs ?? 0);
    const first = raw.fallbackFrom;
    if (li.dataset.comparison !== undefined) {
      status.textContent = raw.conclusive
        ? t('check.state.compared', { resolver: resolverName(raw.resolver), ms })
        : t('check.state.notCompared', { resolver: resolverName(raw.resolver), reason: this.reasonText(raw) });
      return;
    }
    if (raw.conclusive && !first) status.textContent = t('check.state.answered', { resolver: resolverName(raw.resolver), ms });
    else if (raw.conclusive) {
      status.textContent = t('check.state.fallback', {
        first: resolverName(first.resolver),
        reason: this.reasonText(first),
        resolver: resolverName(raw.resolver),
        ms,
      });
    } else if (first) {
      status.textContent = t('check.state.failedBoth', {
        first: resolverName(first.resolver),
        firstReason: this.reasonText(first),
        resolver: resolverName(raw.resolver),
        reason: this.reasonText(raw),
      });
    } else status.textContent = t('check.state.failed', { reason: this.reasonText(raw) });
  }

  // ---- paste ----------------------------------------------------------------

  buildPasteBlock() {
    const doc = this.doc;
    const section = doc.createElement('section');
    section.className = 'check-paste';
    section.setAttribute('aria-labelledby', 'check-paste-heading');
    const h = doc.createElement('h4');
    h.id = 'check-paste-heading';
    h.dataset.i18n = 'check.paste.heading';
    const intro = doc.createElement('p');
    intro.dataset.i18n = 'check.paste.intro';
    const command = doc.createElement('div');
    command.className = 'check-command';
    const code = doc.createElement('code');
    code.id = 'check-curl';
    code.className = 'check-command-text';
    const copy = doc.createElement('button');
    copy.type = 'button';
    copy.className = 'check-copy';
    copy.id = 'check-curl-copy';
    copy.dataset.i18n = 'check.copy';
    const done = doc.createElement('span');
    done.className = 'copy-done';
    done.hidden = true;
    done.setAttribute('aria-hidden', 'true');
    copy.addEventListener('click', () => void this.copy(code.textContent ?? '', code, copy));
    command.append(code, copy, done);
    const label = doc.createElement('label');
    label.htmlFor = 'check-paste';
    label.dataset.i18n = 'check.paste.label';
    const help = doc.createElement('p');
    help.className = 'help';
    help.id = 'check-paste-help';
    help.dataset.i18n = 'check.paste.help';
    const textarea = doc.createElement('textarea');
    textarea.id = 'check-paste';
    textarea.rows = 7;
    textarea.spellcheck = false;
    textarea.setAttribute('autocapitalize', 'off');
    textarea.setAttribute('autocomplete', 'off');
    textarea.setAttribute('aria-describedby', 'check-paste-help check-paste-msg');
    textarea.placeholder = 'version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800';
    const msg = doc.createElement('p');
    msg.className = 'check-field-msg';
    msg.id = 'check-paste-msg';
    msg.hidden = true;
    const run = doc.createElement('button');
    run.type = 'button';
    run.id = 'check-paste-run';
    run.className = 'primary';
    run.dataset.i18n = 'check.paste.run';
    run.addEventListener('click', () => void this.runPasted());
    const field = doc.createElement('div');
    field.className = 'field check-paste-field';
    field.append(label, help, textarea, msg);
    section.append(h, intro, command, field, run);
    this.i18n.apply(section);
    return section;
  }

  /** @param {string} domain */
  updatePasteBlock(domain) {
    const code = this.pasteBlock.querySelector('#check-curl');
    if (code) code.textContent = curlCommand(domain);
    const copy = this.pasteBlock.querySelector('#check-curl-copy');
    copy?.setAttribute('aria-label', this.i18n.t('check.copy.label', { command: curlCommand(domain) }));
  }

  // ---- messages, address, copy ----------------------------------------------

  /**
   * @param {{ key: string, params: Record<string, string> } | null} message
   * @param {boolean} [invalid]
   */
  setInputMessage(message, invalid = false) {
    this.inputMessage = message;
    if (invalid) this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
    this.inputMsg.classList.toggle('is-error', invalid);
    this.renderInputMessage();
  }

  renderInputMessage() {
    const m = this.inputMessage;
    this.inputMsg.hidden = m === null;
    this.inputMsg.textContent = m ? this.i18n.t(m.key, m.params) : '';
  }

  /** @param {boolean} show */
  setUrlMessage(show) {
    this.urlMsg.hidden = !show;
    this.urlMsg.classList.toggle('is-error', show);
    this.urlMsg.textContent = show ? this.i18n.t('check.resolverUrl.invalid') : '';
    if (show) this.urlInput.setAttribute('aria-invalid', 'true');
    else this.urlInput.removeAttribute('aria-invalid');
  }

  /**
   * Puts `?domain=<d>` in the address (the hash routing is kept), so the page
   * can be shared or reloaded to run the same check.
   * @param {string} domain
   */
  updateAddress(domain) {
    try {
      const url = new URL(globalThis.location.href);
      url.searchParams.set('domain', domain);
      url.hash = '#checker';
      globalThis.history.replaceState(globalThis.history.state, '', url.href);
    } catch {
      // a sandboxed page may refuse; the check runs anyway
    }
  }

  /** @param {string} domain */
  shareUrl(domain) {
    const url = new URL(globalThis.location.href);
    url.search = '';
    url.searchParams.set('domain', domain);
    url.hash = '#checker';
    return url.href;
  }

  /**
   * @param {string} text
   * @param {HTMLElement} source
   * @param {HTMLElement} button
   */
  async copy(text, source, button) {
    if (await copyText(text)) {
      this.announcer.say(this.i18n.t('check.announce.copied'));
      flash(button, this.i18n.t('check.copied'));
    } else {
      selectContents(source);
      this.announcer.say(this.i18n.t('check.announce.copyFailed'));
    }
  }

  /** @param {HTMLElement} button */
  async share(button) {
    if (!this.facts) return;
    const url = this.shareUrl(this.facts.domain);
    if (await copyText(url)) {
      this.announcer.say(this.i18n.t('check.announce.linkCopied'));
      flash(button, this.i18n.t('check.copied'));
    } else {
      this.announcer.say(this.i18n.t('check.announce.copyFailed'));
    }
  }
}

/**
 * Shows "Copied" beside a button for a moment (the announcement is separate).
 * @param {HTMLElement} button
 * @param {string} text
 */
function flash(button, text) {
  const done = button.nextElementSibling;
  if (!(done instanceof HTMLElement) || !done.classList.contains('copy-done')) return;
  done.textContent = text;
  done.hidden = false;
  setTimeout(() => {
    done.hidden = true;
  }, 2000);
}
