// @ts-check
// <mtasts-checker>: checks a domain's live MTA-STS deployment — the TXT
// record, the MX hosts and the policy file — over DNS-over-HTTPS, from the
// visitor's browser, and shows a compact verdict, the findings and the MX
// table. The facts are gathered by the site's checker (../../checker/gather.js,
// loaded on the first check) and judged by the core (kit.assess).
//
// Attributes (each reflected by a property):
//   domain    the domain to check
//   resolver  cloudflare | google | an https:// DoH JSON URL   (default cloudflare)
//   autorun   (boolean) check `domain` as soon as the widget is ready
//   lang      en | fr
// Event: mtasts-report (see ../common/events.js); mtasts-error when a check cannot run.
//
// Network: only the resolvers and https://mta-sts.<domain>/ are contacted; the
// host page's CSP needs them in connect-src.

import { MtastsElement, h, siteUrl } from '../common/base.js';
import { diagnosticsList } from '../common/diagnostics.js';
import { MtastsErrorEvent, MtastsReportEvent } from '../common/events.js';

/** The site's gatherer, loaded once on the first check. @type {Promise<any> | undefined} */
let gatherModule;
const gatherUrl = new URL('../../checker/gather.js', import.meta.url).href;

/** @param {string} v */
function resolverName(v) {
  if (v === 'google' || v === 'cloudflare') return v;
  try {
    const url = new URL(v);
    if (url.protocol === 'https:') return url.href;
  } catch {
    // not a URL: the default
  }
  return 'cloudflare';
}

/**
 * A domain as shown in a message: a pasted novel is cut (the status line is read aloud).
 * @param {string} domain
 */
function shown(domain) {
  return domain.length > 80 ? `${domain.slice(0, 80)}… (${domain.length})` : domain;
}

export class MtastsCheckerElement extends MtastsElement {
  static tagName = 'mtasts-checker';
  static observedAttributes = ['domain', 'resolver', 'autorun', 'lang'];

  constructor() {
    super();
    /** increments with each check; only the latest one draws */
    this.seq = 0;
    this.autoran = false;
    /** @type {AbortController | null} */
    this.abort = null;
    /** @type {any} */
    this.lastDetail = null;
    /** @type {any} the facts of the last check, judged again on a language change */
    this.lastFacts = null;
    /** @type {'idle' | 'running' | 'done' | 'failed' | 'unavailable'} */
    this.state = 'idle';
    /** @type {{ text: (t: import('../common/strings.js').Translate) => string, state: string } | null} the status line, redrawn in a new language */
    this.statusMessage = null;
    /** a check was running when the element left the document: it runs again when the element is back */
    this.interrupted = false;
  }

  get domain() {
    return this.input ? this.input.value.trim() : (this.getAttribute('domain') ?? '');
  }
  set domain(v) {
    this.setAttribute('domain', String(v));
  }
  get resolver() {
    const value = this.getAttribute('resolver') ?? 'cloudflare';
    const name = resolverName(value);
    if (name === 'cloudflare' && value !== 'cloudflare') this.badValue('resolver', value, ['cloudflare', 'google', 'an https:// URL'], 'cloudflare');
    return name;
  }
  set resolver(v) {
    this.setAttribute('resolver', String(v));
  }
  get autorun() {
    return this.hasAttribute('autorun');
  }
  set autorun(v) {
    this.toggleAttribute('autorun', Boolean(v));
  }
  /** The last report: the detail of the last mtasts-report event (null before). */
  get result() {
    return this.lastDetail;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.interrupted) {
      this.interrupted = false;
      this.check();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    // Moved or removed: the lookups stop; a move runs the check again.
    if (this.state === 'running') this.interrupted = true;
    this.abort?.abort();
  }

  render() {
    const t = this.t;
    const value = this.domain;
    const input = /** @type {HTMLInputElement} */ (
      h('input', {
        type: 'text',
        id: this.sid('domain'),
        part: 'input domain',
        placeholder: 'example.com',
        spellcheck: 'false',
        autocapitalize: 'off',
        autocomplete: 'off',
        inputmode: 'url',
        maxlength: '1024',
        'aria-describedby': this.sid('help'),
      })
    );
    input.value = value;
    this.input = input;
    const run = h('button', { type: 'submit', part: 'button run', 'data-t': 'checker.run' });
    const form = h(
      'form',
      { class: 'row', novalidate: true },
      h('div', { class: 'field grow' }, h('label', { for: this.sid('domain'), part: 'label', 'data-t': 'checker.domain' }), input),
      run,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
    this.help = h('p', { class: 'help', id: this.sid('help'), part: 'help' });
    this.status = h('p', { class: 'summary', part: 'status', role: 'status', 'data-state': 'neutral' });
    this.report = h('div', { class: 'stack', part: 'report' });
    const root = h(
      'div',
      { class: 'root stack', part: 'root', lang: this.uiLang, role: 'group', 'data-t-aria': 'checker.label' },
      form,
      this.help,
      this.status,
      this.report,
    );
    this.shadow.replaceChildren(root);
  }

  /** A new language: the last report is judged again in it (same facts, no new lookups). */
  localized() {
    if (this.statusMessage) {
      const { text, state } = this.statusMessage;
      this.setStatus(text, state);
    }
    if (this.state !== 'done' || !this.lastFacts || !this.kit?.assess) return;
    const lang = this.uiLang;
    const report = this.kit.assess(this.lastFacts, { lang });
    this.lastDetail = { domain: this.lastDetail?.domain ?? '', lang, report };
    this.drawReport(report, this.lastDetail.domain);
    this.emit(new MtastsReportEvent(this.lastDetail));
  }

  /**
   * @param {string} name
   * @param {string | null} value
   */
  attributeChanged(name, value) {
    if (name === 'domain' && this.input) this.input.value = value ?? '';
    this.update();
    if (name === 'autorun' || name === 'domain') this.maybeAutorun();
  }

  kitReady() {
    this.update();
    this.maybeAutorun();
  }

  maybeAutorun() {
    if (this.autorun && !this.autoran && this.kit && this.domain) {
      this.autoran = true;
      this.check();
    }
  }

  /** Is the live check part of this build? (the core's assess and the gatherer) */
  get available() {
    return Boolean(this.kit && typeof this.kit.assess === 'function');
  }

  update() {
    if (!this.help || !this.status) return;
    const t = this.t;
    const r = this.resolver;
    this.help.textContent = t('checker.help', { resolver: r === 'cloudflare' ? 'Cloudflare' : r === 'google' ? 'Google' : new URL(r).host });
    const status = this.kitStatus();
    if (status !== null) {
      this.statusMessage = null;
      this.status.hidden = false;
      this.status.textContent = status;
      this.status.dataset.state = this.kitError ? 'error' : 'neutral';
    } else if (!this.available) {
      this.state = 'unavailable';
      this.setStatus((t) => t('checker.unavailable'), 'warning');
    } else if (this.state === 'idle' || this.state === 'unavailable') {
      this.state = 'idle';
      this.hideStatus();
    }
    this.dataset.state = this.state;
  }

  /**
   * Shows a message in the status line (kept, so that a new language redraws it).
   * @param {(t: import('../common/strings.js').Translate) => string} text
   * @param {string} state
   */
  setStatus(text, state) {
    if (!this.status) return;
    this.statusMessage = { text, state };
    this.status.hidden = false;
    this.status.textContent = text(this.t);
    this.status.dataset.state = state;
  }

  hideStatus() {
    this.statusMessage = null;
    if (this.status) this.status.hidden = true;
  }

  /** Runs a check of the domain in the box (a newer check supersedes an older one). */
  async check() {
    const t = this.t;
    const domain = this.domain.replace(/\.$/, '');
    if (!this.kit) return;
    if (!this.available) {
      this.update();
      return;
    }
    if (!domain) {
      this.setStatus((t) => t('checker.needDomain'), 'warning');
      this.input?.focus();
      return;
    }
    const seq = ++this.seq;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.state = 'running';
    this.dataset.state = 'running';
    this.report?.replaceChildren();
    this.setStatus((t) => t('checker.running', { domain: shown(domain) }), 'neutral');
    const lang = this.uiLang;
    try {
      gatherModule ??= import(gatherUrl).catch((err) => {
        gatherModule = undefined;
        throw err;
      });
      /** @type {any} */
      let gather;
      try {
        gather = await gatherModule;
      } catch {
        // This build of the site has no live checker (../../checker/gather.js).
        if (seq !== this.seq) return;
        this.state = 'unavailable';
        this.dataset.state = 'unavailable';
        this.setStatus((t) => t('checker.unavailable'), 'warning');
        return;
      }
      const { gatherFacts } = gather;
      const r = this.resolver;
      const k = this.kit;
      const facts = await gatherFacts(domain, {
        resolver: r === 'cloudflare' || r === 'google' ? r : 'custom',
        customUrl: r === 'cloudflare' || r === 'google' ? '' : r,
        signal: abort.signal,
        // The core reads each DoH answer (a non-conclusive one makes the other resolver answer).
        judge: (body, status, qtype) => k.dohAnswer(body, status, qtype),
        // DMARC-021: the core names the external report destinations to ask about.
        reportDestinations: (d, record) => k.dmarcExternalDestinations?.(d, record) ?? [],
      });
      if (seq !== this.seq || !this.kit?.assess) return;
      const report = this.kit.assess(facts, { lang });
      this.lastFacts = facts;
      if (seq !== this.seq) return;
      this.state = 'done';
      this.dataset.state = 'done';
      this.hideStatus();
      this.lastDetail = { domain: facts.domain ?? domain, lang, report };
      this.drawReport(report, this.lastDetail.domain);
      this.emit(new MtastsReportEvent(this.lastDetail));
    } catch (err) {
      if (seq !== this.seq) return;
      if (abort.signal.aborted) {
        // Stopped because the element left the document: not a failure.
        this.state = 'idle';
        this.dataset.state = 'idle';
        this.hideStatus();
        return;
      }
      const e = /** @type {any} */ (err);
      const badDomain = e?.name === 'DomainError' || e?.constructor?.name === 'DomainError';
      const error = badDomain
        ? (/** @type {import('../common/strings.js').Translate} */ tr) => tr('checker.badDomain', { domain: shown(domain) })
        : () => String(e?.message ?? e);
      const message = error(t);
      this.state = 'failed';
      this.dataset.state = 'failed';
      this.setStatus((tr) => tr('checker.failed', { error: error(tr) }), 'error');
      this.emit(new MtastsErrorEvent({ message }));
    }
  }

  /**
   * @param {any} report kit.assess's report
   * @param {string} domain
   */
  drawReport(report, domain) {
    if (!this.report) return;
    const t = this.t;
    const nodes = [
      h('p', { class: 'verdict', part: 'verdict', 'data-verdict': report.verdict }, t(`checker.verdict.${report.verdict}`)),
    ];
    if (report.checks?.length) {
      nodes.push(h('p', { class: 'label' }, t('checker.checks')));
      nodes.push(...diagnosticsList(t, report.checks, { max: 30, label: t('checker.checks') }));
    }
    if (report.nullMx) nodes.push(h('p', {}, t('checker.mx.nullMx')));
    else if (report.mx?.length) {
      const table = h(
        'table',
        { part: 'mx-table' },
        h('caption', { class: 'label' }, t('checker.mx')),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, t('checker.mx.preference')), h('th', { scope: 'col' }, t('checker.mx.host')), h('th', { scope: 'col' }, t('checker.mx.pattern'))),
        ),
      );
      const body = h('tbody');
      for (const row of report.mx) {
        body.append(
          h(
            'tr',
            { 'data-host': row.host, 'data-pattern': row.pattern ?? '' },
            h('td', {}, String(row.preference)),
            h('td', { class: 'mono' }, row.host, row.implicit ? ` ${t('checker.mx.implicit')}` : ''),
            h('td', { class: row.pattern ? 'mono' : '' }, row.pattern ?? t('checker.mx.noPattern')),
          ),
        );
      }
      table.append(body);
      nodes.push(table);
    }
    const full = new URL(siteUrl);
    full.searchParams.set('domain', domain);
    full.hash = 'checker';
    nodes.push(
      h('p', {}, h('a', { href: full.href, target: '_blank', rel: 'noopener noreferrer' }, t('checker.fullReport'), h('span', { class: 'visually-hidden' }, ` ${t('diag.newTab')}`))),
    );
    this.report.replaceChildren(...nodes);
  }
}
