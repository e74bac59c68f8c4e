// @ts-check
// Draws the checker's report from the core's assessment (kit.assess) and the
// gathered facts: the verdict, one section per area with its facts and its
// check rows, the MX table, and the commands for what a browser cannot see.
// Every text that came from the network or the user goes in with textContent.

import { renderRich } from '../i18n.js';
import { severityIcon } from '../icons.js';
import { refLinks } from '../rfc-link.js';
import { countsText } from '../summary-panel.js';
import { policyUrl, terminalCommands } from './gather.js';
import { revealHidden, safeEl } from './safe-text.js';


/** Rows shown per area, and MX hosts in the table; the rest is counted. */
const maxShown = 100;
/** @typedef {import('../i18n.js').I18n} I18n */
/** @typedef {import('../../wasm/kit.d.ts').Assessment} Assessment */
/** @typedef {import('./history.js').HistoryEntry} HistoryEntry */
/** @typedef {Assessment['checks'][number]} Check */
/** @typedef {'txt' | 'policy_host' | 'policy' | 'mx' | 'tlsrpt' | 'dmarc' | 'browser'} Area */
/** @typedef {{ code: string, severity: 'error' | 'warning' | 'info', message: string, hint: string, ref: string, line?: number, column?: number, area: Area, source?: string }} Row */

/** @type {readonly Area[]} */
export const areas = ['txt', 'policy_host', 'policy', 'mx', 'tlsrpt', 'dmarc', 'browser'];
const severityRank = { error: 0, warning: 1, info: 2 };

/**
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Text with `code` runs from the catalogue (never network text). @param {string} tag @param {string} text @param {string} [className] */
function rich(tag, text, className) {
  const e = el(tag, className);
  renderRich(e, text);
  return e;
}

/** A display name for a resolver id (a custom resolver shows its host). @param {string} id */
export function resolverName(id) {
  if (id === 'cloudflare') return 'Cloudflare';
  if (id === 'google') return 'Google';
  try {
    return new URL(id).host;
  } catch {
    return id;
  }
}

/**
 * @typedef {{
 *   report: Assessment,
 *   facts: { domain: string, lookups: Record<string, any>, policy: any, elapsedMs?: number },
 *   pasted: string | null,
 *   previous: HistoryEntry | null,
 *   checkedAt: Date,
 *   pasteBlock: HTMLElement,
 *   onCopy: (text: string, source: HTMLElement, button: HTMLElement) => void,
 *   onShare: (button: HTMLElement) => void,
 * }} ReportInput
 */

export class ReportView {
  /** @param {I18n} i18n */
  constructor(i18n) {
    this.i18n = i18n;
  }

  /** @param {string} key @param {Record<string, string | number>} [params] */
  t(key, params) {
    return this.i18n.t(key, params);
  }

  /**
   * The verdict and the areas, as nodes to put in the report container.
   * @param {ReportInput} input
   * @returns {HTMLElement[]}
   */
  render(input) {
    const rows = this.rows(input.report);
    const nodes = [this.verdict(input, rows)];
    for (const area of areas) nodes.push(this.area(area, input, rows.filter((r) => r.area === area)));
    // Fetched text is written through safe-text.js; this catches any other path.
    for (const node of nodes) revealHidden(node);
    return nodes;
  }

  /**
   * The core's checks plus the validators' own diagnostics of each record,
   * without duplicates, most severe first within each area.
   * @param {Assessment} report
   * @returns {Row[]}
   */
  rows(report) {
    /** @type {Row[]} */
    const rows = [];
    const seen = new Set();
    // The same finding from two lookups (A and AAAA, both resolvers) is one row.
    for (const c of report.checks) {
      const key = `${c.code}\u0000${c.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ ...c, area: /** @type {Area} */ (c.area) });
    }
    /** @type {[Area, any, string][]} */
    const sources = [
      ['txt', report.sts, 'sts'],
      ['policy', report.policy, 'policy'],
      ['tlsrpt', report.tlsrpt, 'tlsrpt'],
      ['dmarc', report.dmarc, 'dmarc'],
    ];
    for (const [area, result, source] of sources) {
      for (const d of result?.diagnostics ?? []) {
        const key = `${d.code}\u0000${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ ...d, area, source });
      }
    }
    // What the core said about each final DoH answer (usually already among the checks).
    /** @type {Record<string, Area>} */
    const lookupArea = {
      stsTxt: 'txt', apexTxt: 'txt', stsUnderscore: 'txt', mx: 'mx', hostA: 'policy_host', hostAaaa: 'policy_host',
      hostCname: 'policy_host', tlsRpt: 'tlsrpt', tlsRptWrong: 'tlsrpt', dmarc: 'dmarc', stsTxtOther: 'txt', mxOther: 'mx',
    };
    for (const [name, answer] of Object.entries(report.lookups ?? {})) {
      for (const d of answer?.diagnostics ?? []) {
        const key = `${d.code}\u0000${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ ...d, area: lookupArea[name] ?? 'txt' });
      }
    }
    return rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => severityRank[a.r.severity] - severityRank[b.r.severity] || a.i - b.i)
      .map(({ r }) => r);
  }

  /**
   * @param {ReportInput} input
   * @param {Row[]} rows
   */
  /**
   * The verdict's sentence, fitted to what the report holds: a policy in
   * testing or none does not protect yet (or any more), a null MX receives no
   * mail, and TLS-RPT or DMARC errors do not change the MTA-STS verdict.
   * @param {any} report
   * @param {Row[]} rows
   */
  verdictText(report, rows) {
    const v = report.verdict;
    const mode = report.policy?.value?.mode;
    let key = `check.verdict.${v}.text`;
    if (v === 'unverified' && Object.values(report.lookups ?? {}).every((l) => !(/** @type {any} */ (l)?.conclusive))) {
      // Not one lookup answered (a network that blocks DNS-over-HTTPS): nothing was seen at all.
      key = 'check.verdict.unverified.blind.text';
    } else if (v === 'deployed_ok' && report.nullMx) key = 'check.verdict.deployed_ok.nullMx.text';
    else if (v === 'deployed_ok' && (mode === 'testing' || mode === 'none')) key = `check.verdict.deployed_ok.${mode}.text`;
    const sentence = this.t(key);
    const others = rows.some((r) => r.severity === 'error' && (r.area === 'tlsrpt' || r.area === 'dmarc'));
    return v === 'deployed_ok' && others ? `${sentence} ${this.t('check.verdict.otherErrors')}` : sentence;
  }

  verdict(input, rows) {
    const { report, facts } = input;
    const v = report.verdict;
    const box = el('section', `check-verdict verdict-${v}`);
    box.id = 'check-verdict';
    box.dataset.verdict = v;
    box.tabIndex = -1;
    box.setAttribute('aria-labelledby', 'check-verdict-heading');
    const h = el('h3', 'check-verdict-heading', this.t('check.verdict.heading', { domain: facts.domain }));
    h.id = 'check-verdict-heading';
    const title = el('p', 'check-verdict-title');
    const icon = v === 'deployed_ok' ? 'ok' : v === 'problems' ? 'error' : v === 'unverified' ? 'warning' : 'info';
    title.append(severityIcon(icon), el('span', '', this.t(`check.verdict.${v}`)));
    const text = el('p', 'check-verdict-text', this.verdictText(report, rows));
    const meta = el('p', 'check-meta');
    meta.append(
      this.t('check.summaryCounts', { counts: countsText(this.i18n, rows) }),
      ' ',
      this.t('check.meta', {
        time: new Intl.DateTimeFormat(this.i18n.lang, { timeStyle: 'medium' }).format(input.checkedAt),
        ms: this.i18n.number(facts.elapsedMs ?? 0),
      }),
    );
    const actions = el('p', 'check-actions');
    const share = el('button', 'check-share', this.t('check.share'));
    share.setAttribute('type', 'button');
    const done = el('span', 'copy-done');
    done.hidden = true;
    done.setAttribute('aria-hidden', 'true');
    share.addEventListener('click', () => input.onShare(share));
    actions.append(share, done);
    box.append(h, title, text, meta, actions);
    return box;
  }

  /**
   * @param {Area} area
   * @param {ReportInput} input
   * @param {Row[]} rows
   */
  area(area, input, rows) {
    const section = el('section', 'check-area');
    section.dataset.area = area;
    const headingId = `check-area-${area.replace('_', '-')}`;
    section.setAttribute('aria-labelledby', headingId);
    const h = el('h3', 'check-area-heading');
    h.id = headingId;
    h.append(el('span', '', this.t(`check.area.${area}`)));
    const unverified = input.report.policyUnverified && (area === 'policy' || area === 'mx');
    const worst = rows.find((r) => r.severity !== 'info')?.severity;
    if (unverified) h.append(' ', this.badge('warning', this.t('check.unverified.badge')));
    else if (worst) h.append(' ', this.badge(worst, countsText(this.i18n, rows).split(', ').filter((s) => !/^0\D/.test(s)).slice(0, 2).join(', ')));
    else if (area !== 'browser') h.append(' ', this.badge('ok', this.t('check.area.ok')));
    section.append(h);

    const facts = el('div', 'check-facts');
    if (area === 'txt') this.txtFacts(facts, input);
    else if (area === 'policy_host') this.hostFacts(facts, input);
    else if (area === 'policy') this.policyFacts(facts, input);
    else if (area === 'mx') this.mxFacts(facts, input);
    else if (area === 'tlsrpt') this.recordFacts(facts, input, 'tlsRpt', `_smtp._tls.${input.facts.domain}`, 'tlsrpt');
    else if (area === 'dmarc') this.recordFacts(facts, input, 'dmarc', `_dmarc.${input.facts.domain}`, 'dmarc');
    else this.browserFacts(facts, input);
    if (facts.childNodes.length) section.append(facts);

    if (rows.length) {
      const list = el('ul', 'check-rows');
      list.setAttribute('aria-label', `${this.t(`check.area.${area}`)} — ${this.t('check.area.findings')}`);
      // An answer with thousands of MX hosts must not freeze the page: the first rows, then a count.
      list.append(...rows.slice(0, maxShown).map((r) => this.row(r)));
      section.append(list);
      if (rows.length > maxShown) section.append(el('p', 'check-fact', this.t('check.more.rows', { n: this.i18n.number(rows.length - maxShown) })));
    }
    if (area === 'policy' && (input.report.policyUnverified || input.pasted !== null)) section.append(input.pasteBlock);
    return section;
  }

  /**
   * @param {'error' | 'warning' | 'info' | 'ok'} severity
   * @param {string} text
   */
  badge(severity, text) {
    const b = el('span', `badge badge-${severity} check-badge`);
    b.append(severityIcon(severity), el('span', '', text));
    return b;
  }

  /** @param {Row} r */
  row(r) {
    const li = el('li', `check-row diag diag-${r.severity}`);
    li.dataset.code = r.code;
    li.dataset.severity = r.severity;
    li.dataset.area = r.area;
    if (r.source) li.dataset.source = r.source;
    const head = el('div', 'diag-head');
    const badge = this.badge(r.severity, this.t(`severity.${r.severity}`));
    head.append(badge, el('code', 'diag-code', r.code));
    if (r.source && r.line) head.append(el('span', 'check-pos', this.t('diag.position', { line: r.line, column: r.column ?? 1 })));
    li.append(head, el('p', 'diag-message', r.message));
    if (r.hint) {
      const hint = el('p', 'diag-hint');
      hint.append(el('span', 'diag-label', this.t('diag.hint')), ' ', r.hint);
      li.append(hint);
    }
    if (r.ref) {
      const ref = el('p', 'diag-ref');
      ref.append(el('span', 'diag-label', this.t('diag.ref')));
      refLinks(r.ref).forEach((part, i) => {
        ref.append(i === 0 ? ' ' : '; ');
        if (!part.url) {
          ref.append(part.text);
          return;
        }
        const a = el('a', '', part.text);
        a.setAttribute('href', part.url);
        a.setAttribute('target', '_blank');
        a.setAttribute('rel', 'noopener noreferrer');
        a.append(el('span', 'visually-hidden', ` ${this.t('diag.newTab')}`));
        ref.append(a);
      });
      li.append(ref);
    }
    return li;
  }

  // ---- facts per area -------------------------------------------------------

  /**
   * The records of a TXT lookup, as the core read them.
   * @param {any} answer
   * @returns {string[] | null} null when the lookup failed
   */
  txtRecords(answer) {
    if (!answer || !answer.conclusive) return null;
    return (answer.records ?? []).filter((/** @type {any} */ r) => r.type === 16).map((/** @type {any} */ r) => String(r.text ?? r.data));
  }

  /**
   * @param {HTMLElement} box
   * @param {string[] | null} records
   */
  recordList(box, records) {
    if (records === null) {
      box.append(el('p', 'check-fact', this.t('check.txt.unknown')));
      return;
    }
    if (records.length === 0) {
      box.append(el('p', 'check-fact', this.t('check.txt.none')));
      return;
    }
    box.append(el('p', 'check-fact', this.t('check.txt.records', { n: records.length })));
    const list = el('ul', 'check-records');
    for (const text of records) {
      const li = el('li');
      li.append(safeEl('code', 'check-record', text));
      list.append(li);
    }
    box.append(list);
  }

  /** @param {HTMLElement} box @param {ReportInput} input */
  txtFacts(box, input) {
    const { report, facts, previous } = input;
    const answer = report.lookups.stsTxt;
    box.append(rich('p', this.t('check.txt.name', { name: `_mta-sts.${facts.domain}` }), 'check-fact'));
    this.recordList(box, this.txtRecords(answer));
    if (answer?.cnameChain?.length) box.append(el('p', 'check-fact', this.t('check.txt.cname', { chain: answer.cnameChain.join(' → ') })));
    if (report.txtTtl !== null && report.txtTtl !== undefined) {
      box.append(el('p', 'check-fact', this.t('check.txt.ttl', { ttl: this.i18n.number(report.txtTtl) })));
    }
    if (answer?.conclusive) {
      box.append(el('p', 'check-fact', this.t(report.txtAd ? 'check.txt.ad' : 'check.txt.noAd')));
      box.append(el('p', 'check-fact', this.t('check.txt.resolver', { resolver: resolverName(report.txtResolver || answer.resolver) })));
    }
    if (previous) {
      const date = new Date(previous.at);
      const when = Number.isNaN(date.getTime())
        ? '—'
        : new Intl.DateTimeFormat(this.i18n.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
      box.append(rich('p', this.t('check.history.last', { date: when, id: previous.lastId.replace(/`/g, '') }), 'check-fact'));
    } else {
      box.append(el('p', 'check-fact check-muted', this.t('check.history.none')));
    }
  }

  /** @param {HTMLElement} box @param {ReportInput} input */
  hostFacts(box, input) {
    const { report, facts } = input;
    const host = `mta-sts.${facts.domain}`;
    const a = report.lookups.hostA;
    const aaaa = report.lookups.hostAaaa;
    const cname = report.lookups.hostCname;
    const addresses = [a, aaaa]
      .filter((x) => x?.conclusive)
      .flatMap((x) => (x?.records ?? []).filter((r) => r.type === 1 || r.type === 28).map((r) => r.data));
    const target =
      (cname?.records ?? []).find((r) => r.type === 5)?.data ?? a?.cnameChain?.[a.cnameChain.length - 1] ?? null;
    if (target) {
      const clean = String(target).replace(/\.$/, '').replace(/`/g, '');
      box.append(rich('p', this.t('check.host.cname', { host, target: clean }), 'check-fact'));
    }
    if (addresses.length) {
      const p = rich('p', this.t('check.host.addresses', { host, list: '' }), 'check-fact');
      addresses.forEach((addr, i) => {
        if (i) p.append(', ');
        p.append(safeEl('code', '', String(addr)));
      });
      box.append(p);
    } else if (a?.conclusive && aaaa?.conclusive) {
      box.append(rich('p', this.t('check.host.noAddress', { host }), 'check-fact'));
    } else if (input.facts.policy?.outcome !== 'ok') {
      box.append(rich('p', this.t('check.host.unknown', { host }), 'check-fact'));
    }
  }

  /** @param {HTMLElement} box @param {ReportInput} input */
  policyFacts(box, input) {
    const { report, facts } = input;
    const d = facts.domain;
    const p = facts.policy ?? { outcome: 'not_attempted' };
    box.append(rich('p', this.t('check.policy.url', { url: policyUrl(d) }), 'check-fact'));
    const ms = this.i18n.number(p.elapsedMs ?? 0);
    /** @type {string | null} */
    let sentence = null;
    if (input.pasted !== null) sentence = this.t('check.policy.pasted');
    else if (p.outcome === 'ok') {
      sentence = this.t('check.policy.ok', {
        status: p.status ?? 0,
        type: p.contentType ?? this.t('check.policy.noType'),
        bytes: this.i18n.number(p.body?.length ?? 0),
        ms,
      });
    } else if (p.outcome === 'network_error') {
      const hostLookups = ['hostA', 'hostAaaa'].map((n) => report.lookups[/** @type {'hostA'} */ (n)]);
      const hasAddress = (/** @type {any} */ l) => (l?.records ?? []).some((/** @type {any} */ r) => r.type === 1 || r.type === 28);
      const absent = hostLookups.every((l) => l?.conclusive && !hasAddress(l));
      const resolves = hostLookups.some((l) => l?.conclusive && hasAddress(l));
      sentence = absent
        ? this.t('check.policy.no_host', { host: `mta-sts.${d}` })
        : resolves
          ? this.t('check.policy.unreachable')
          : this.t('check.policy.unreachable_unresolved');
    } else if (p.outcome === 'timeout') {
      sentence = this.t('check.policy.timeout', { s: this.i18n.number(Math.round((p.elapsedMs ?? 0) / 1000)) });
    } else if (['too_large', 'opaque_redirect', 'cors_blocked_but_host_answers'].includes(p.outcome)) {
      sentence = this.t(`check.policy.${p.outcome}`);
    }
    // The fetched sentence quotes a header from the network: plain text only.
    if (sentence && input.pasted === null && p.outcome === 'ok') box.append(el('p', 'check-fact check-outcome', sentence));
    else if (sentence) box.append(rich('p', sentence, 'check-fact check-outcome'));
    if (report.policyUnverified && input.pasted === null) box.append(el('p', 'check-fact', this.t('check.policy.notRead')));
    const value = report.policy?.value;
    if (value && typeof value === 'object' && value.mode) {
      const maxAge = Number(value.maxAge ?? value.max_age ?? 0);
      const days = maxAge / 86400;
      const human = new Intl.NumberFormat(this.i18n.lang, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(days);
      box.append(
        rich(
          'p',
          this.t('check.policy.summary', { mode: String(value.mode).replace(/`/g, ''), maxAge: this.i18n.number(maxAge), human, n: (value.mx ?? []).length }),
          'check-fact',
        ),
      );
    }
    /** @type {string | null} */
    let body = null;
    if (input.pasted !== null) body = input.pasted;
    else if ((p.outcome === 'ok' || p.outcome === 'too_large') && p.body) {
      body = typeof p.body === 'string' ? p.body : new TextDecoder().decode(p.body);
    }
    if (body !== null && body !== '') {
      const details = el('details', 'check-body');
      const summary = el('summary', '', this.t('check.policy.body'));
      if (p.outcome === 'too_large' && input.pasted === null) summary.append(' ', this.t('check.policy.truncated'));
      const pre = safeEl('pre', 'output-text', body.length > 20_000 ? `${body.slice(0, 20_000)}…` : body, { multiline: true });
      details.append(summary, pre);
      box.append(details);
    }
  }

  /** @param {HTMLElement} box @param {ReportInput} input */
  mxFacts(box, input) {
    const { report, facts } = input;
    const answer = report.lookups.mx;
    if (report.nullMx) {
      box.append(rich('p', this.t('check.mx.nullMx', { domain: facts.domain }), 'check-fact'));
      return;
    }
    if (answer && !answer.conclusive) box.append(el('p', 'check-fact', this.t('check.mx.failed')));
    if (report.mx.length === 0) {
      if (answer?.conclusive) box.append(el('p', 'check-fact', this.t('check.mx.noRecords')));
    } else {
      const known = Boolean(report.policy?.value) && !report.policyUnverified;
      const table = el('table', 'check-mx');
      table.id = 'check-mx';
      table.append(el('caption', '', this.t('check.mx.caption', { domain: facts.domain })));
      const thead = el('thead');
      const hr = el('tr');
      for (const key of ['check.mx.preference', 'check.mx.host', 'check.mx.pattern']) {
        const th = el('th', '', this.t(key));
        th.setAttribute('scope', 'col');
        hr.append(th);
      }
      thead.append(hr);
      const tbody = el('tbody');
      for (const mx of report.mx.slice(0, maxShown)) {
        const tr = el('tr');
        tr.dataset.host = mx.host;
        tr.dataset.pattern = mx.pattern ?? '';
        const pref = el('td', 'num', mx.implicit ? '—' : this.i18n.number(mx.preference));
        const host = el('th');
        host.setAttribute('scope', 'row');
        host.append(safeEl('code', '', mx.host));
        if (mx.implicit) host.append(' ', el('span', 'check-muted', this.t('check.mx.implicit')));
        const pat = el('td');
        if (mx.pattern) {
          pat.append(this.badge('ok', ''), safeEl('code', '', mx.pattern));
        } else if (known) {
          pat.append(this.badge(value(report) === 'enforce' ? 'error' : 'warning', this.t('check.mx.none')));
        } else {
          pat.append(el('span', 'check-muted', this.t('check.mx.unknown')));
        }
        tr.append(pref, host, pat);
        tbody.append(tr);
      }
      table.append(thead, tbody);
      const wrap = el('div', 'check-table-wrap');
      wrap.append(table);
      box.append(wrap);
      if (report.mx.length > maxShown) box.append(el('p', 'check-fact', this.t('check.more.mx', { n: this.i18n.number(report.mx.length - maxShown) })));
    }
    if (answer?.conclusive) box.append(el('p', 'check-fact', this.t(report.mxAd ? 'check.mx.ad' : 'check.mx.noAd')));
  }

  /**
   * The TLS-RPT or DMARC record and a one-line summary.
   * @param {HTMLElement} box
   * @param {ReportInput} input
   * @param {'tlsRpt' | 'dmarc'} lookup
   * @param {string} name
   * @param {'tlsrpt' | 'dmarc'} kind
   */
  recordFacts(box, input, lookup, name, kind) {
    const { report } = input;
    const records = this.txtRecords(report.lookups[lookup]);
    if (records !== null && records.length === 0) {
      const key = kind === 'tlsrpt' ? 'check.tlsrpt.none' : 'check.dmarc.none';
      box.append(rich('p', this.t(key, { domain: input.facts.domain }), 'check-fact'));
      return;
    }
    box.append(rich('p', this.t('check.txt.name', { name }), 'check-fact'));
    this.recordList(box, records);
    const result = kind === 'tlsrpt' ? report.tlsrpt : report.dmarc;
    const v = result?.value;
    if (!v || typeof v !== 'object') return;
    const rua = Array.isArray(v.rua) ? v.rua.map(String) : [];
    const list = rua.length ? rua.join(', ') : this.t('check.record.noRua');
    if (kind === 'tlsrpt') box.append(el('p', 'check-fact', this.t('check.record.summary.tlsrpt', { list })));
    else if (v.p) {
      box.append(
        rich(
          'p',
          this.t('check.record.summary.dmarc', {
            p: String(v.p).replace(/`/g, ''),
            sp: v.sp ? `, \`sp=${String(v.sp).replace(/`/g, '')}\`` : '',
            list: list.replace(/`/g, ''),
          }),
          'check-fact',
        ),
      );
    }
  }

  /** @param {HTMLElement} box @param {ReportInput} input */
  browserFacts(box, input) {
    const { report, facts } = input;
    const d = facts.domain;
    box.append(el('p', 'check-fact', this.t('check.browser.intro')));
    const hosts = report.mx.filter((m) => !m.implicit || m.host).map((m) => m.host);
    const c = terminalCommands(d, [...new Set(hosts)]);
    const list = el('ul', 'check-commands');
    const add = (/** @type {string} */ label, /** @type {string} */ command) => {
      const li = el('li');
      li.append(rich('p', label, 'check-command-label'), this.command(command, input));
      list.append(li);
    };
    add(this.t('check.browser.cert', { domain: d }), c.policyCert);
    add(this.t('check.browser.tls'), c.policyTls);
    add(this.t('check.browser.curl'), c.curl);
    if (c.mx.length) {
      const li = el('li');
      li.append(el('p', 'check-command-label', this.t('check.browser.mx')));
      for (const m of c.mx) li.append(this.command(m.command, input));
      list.append(li);
    } else if (!report.nullMx) {
      list.append(el('li', 'check-muted', this.t('check.browser.noMx')));
    }
    box.append(list);
  }

  /**
   * A command with a copy button.
   * @param {string} command
   * @param {ReportInput} input
   * @param {string} [id]
   */
  command(command, input, id) {
    const wrap = el('div', 'check-command');
    const code = el('code', 'check-command-text', command);
    if (id) code.id = id;
    const button = el('button', 'check-copy', this.t('check.copy'));
    button.setAttribute('type', 'button');
    button.setAttribute('aria-label', this.t('check.copy.label', { command }));
    const done = el('span', 'copy-done');
    done.hidden = true;
    done.setAttribute('aria-hidden', 'true');
    button.addEventListener('click', () => input.onCopy(command, code, button));
    wrap.append(code, button, done);
    return wrap;
  }
}

/** @param {Assessment} report */
function value(report) {
  return report.policy?.value?.mode ?? null;
}
