// @ts-check
// <mtasts-validator>: a text box that checks an MTA-STS TXT record or policy,
// a TLS-RPT or a DMARC record as you type, with every diagnostic (rule id,
// position, fix, RFC reference) and what a sender understands.
//
// Attributes (each reflected by a property of the same name):
//   format  auto | sts-record | policy | tls-rpt | dmarc   (default auto)
//   spec    rfc7489 | rfc9989   DMARC specification     (default rfc7489)
//   lang    en | fr                                      (default: inherited, else en)
//   value   the initial text; setting it replaces the text (the property reads the current text)
// Event: mtasts-result (see ../common/events.js).

import { MtastsElement, h, siteUrl } from '../common/base.js';
import { severityCounts } from '../../counts.js';
import { diagnosticsList } from '../common/diagnostics.js';
import { MtastsResultEvent } from '../common/events.js';
import { redrawKeepingFocus } from '../../keep-focus.js';

/** @typedef {import('../common/diagnostics.js').Diagnostic} Diagnostic */

const formats = ['sts-record', 'policy', 'tls-rpt', 'dmarc'];
const specs = ['rfc7489', 'rfc9989'];
/** Longer texts are not checked here (a policy file is at most 64 KiB): typing stays smooth. */
export const maxLength = 65_536;

export class MtastsValidatorElement extends MtastsElement {
  static tagName = 'mtasts-validator';
  static observedAttributes = ['format', 'spec', 'lang', 'value'];

  constructor() {
    super();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** the inputs of the last result drawn (to skip repeated work and events) */
    this.lastKey = '';
    /** @type {any} */
    this.lastDetail = null;
  }

  get format() {
    const f = this.getAttribute('format') ?? 'auto';
    if (f === 'auto' || formats.includes(f)) return f;
    this.badValue('format', f, ['auto', ...formats], 'auto');
    return 'auto';
  }
  set format(v) {
    this.setAttribute('format', String(v));
  }

  get spec() {
    const s = this.getAttribute('spec') ?? 'rfc7489';
    if (specs.includes(s)) return s;
    this.badValue('spec', s, specs, 'rfc7489');
    return 'rfc7489';
  }
  set spec(v) {
    this.setAttribute('spec', String(v));
  }

  /** The current text (the attribute holds the initial one). */
  get value() {
    return this.textarea ? this.textarea.value : (this.getAttribute('value') ?? '');
  }
  set value(v) {
    this.setAttribute('value', String(v));
  }

  /** The last result drawn: the detail of the last mtasts-result event (null before). */
  get result() {
    return this.lastDetail;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  render() {
    const t = this.t;
    const text = this.textarea ? this.textarea.value : (this.getAttribute('value') ?? '');
    const formatSelect = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { id: this.sid('format'), part: 'select format' },
        h('option', { value: 'auto', 'data-t': 'format.auto' }),
        ...formats.map((f) => h('option', { value: f, 'data-t': `format.${f}` })),
      )
    );
    formatSelect.value = this.format;
    formatSelect.addEventListener('change', () => {
      this.format = formatSelect.value;
    });
    const specSelect = /** @type {HTMLSelectElement} */ (
      h('select', { id: this.sid('spec'), part: 'select spec' }, ...specs.map((s) => h('option', { value: s, 'data-t': `spec.${s}` })))
    );
    specSelect.value = this.spec;
    specSelect.addEventListener('change', () => {
      this.spec = specSelect.value;
    });
    // The text box is made once and kept across language changes: rebuilding
    // it would copy (and lay out again) a text that may be very large.
    let textarea = this.textarea;
    if (!textarea) {
      textarea = /** @type {HTMLTextAreaElement} */ (
        h('textarea', {
          id: this.sid('input'),
          part: 'input',
          rows: '6',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocomplete: 'off',
          'aria-describedby': this.sid('help'),
        })
      );
      textarea.value = text;
      textarea.addEventListener('input', () => this.schedule());
    }

    this.formatSelect = formatSelect;
    this.specSelect = specSelect;
    this.textarea = textarea;
    this.specField = h('div', { class: 'field' }, h('label', { for: this.sid('spec'), part: 'label', 'data-t': 'validator.spec' }), specSelect);
    this.summary = h('p', { class: 'summary', part: 'summary', role: 'status', 'data-state': 'neutral' });
    this.results = h('div', { class: 'stack' });

    const root = h(
      'div',
      { class: 'root stack', part: 'root', lang: this.uiLang, role: 'group', 'data-t-aria': 'validator.label' },
      h(
        'div',
        { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: this.sid('format'), part: 'label', 'data-t': 'validator.format' }), formatSelect),
        this.specField,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: this.sid('input'), part: 'label', 'data-t': 'validator.input' }),
        h('p', { class: 'help', id: this.sid('help'), part: 'help', 'data-t': 'validator.help' }),
        textarea,
      ),
      this.summary,
      this.results,
    );
    this.lastKey = '';
    this.shadow.replaceChildren(root);
  }

  localized() {
    this.lastKey = '';
  }

  /**
   * @param {string} name
   * @param {string | null} value
   */
  attributeChanged(name, value) {
    if (name === 'value' && this.textarea) this.textarea.value = value ?? '';
    if (name === 'format' && this.formatSelect) this.formatSelect.value = this.format;
    if (name === 'spec' && this.specSelect) this.specSelect.value = this.spec;
    this.update();
  }

  /** Validates after a pause proportional to the text's size (debounced typing). */
  schedule() {
    clearTimeout(this.timer);
    const length = this.textarea?.value.length ?? 0;
    this.timer = setTimeout(() => this.update(), length < 4096 ? 80 : 250);
  }

  update() {
    clearTimeout(this.timer);
    if (!this.textarea || !this.summary || !this.results || !this.specField) return;
    const t = this.t;
    const status = this.kitStatus();
    if (status !== null || !this.kit) {
      this.summary.textContent = status;
      this.summary.dataset.state = this.kitError ? 'error' : 'neutral';
      this.specField.hidden = this.format !== 'dmarc';
      return;
    }
    const text = this.textarea.value;
    const lang = this.uiLang;
    const spec = this.spec;
    let format = this.format;
    /** @type {string | null} */
    let reason = null;
    if (text.trim() === '') reason = 'empty';
    else if (text.length > maxLength) reason = 'too-large';
    else if (format === 'auto') {
      format = this.kit.detectFormat(text);
      if (format === 'unknown') reason = 'unknown';
    }
    if (format === 'auto') format = 'unknown';
    this.specField.hidden = format !== 'dmarc';

    const key = JSON.stringify([lang, this.format, spec, text.length, reason]) + text;
    if (key === this.lastKey) return;
    this.lastKey = key;

    /** @type {any} */
    let result = null;
    if (reason === null) {
      if (format === 'sts-record') result = this.kit.validateStsRecord(text, { lang });
      else if (format === 'policy') result = this.kit.validatePolicy(text, { lang });
      else if (format === 'tls-rpt') result = this.kit.validateTlsRptRecord(text, { lang });
      else result = this.kit.validateDmarcRecord(text, { lang, spec: /** @type {any} */ (spec) });
    }
    this.draw(format, result, reason, text.length);
    this.lastDetail = { format, spec, lang, result, reason };
    this.emit(new MtastsResultEvent(this.lastDetail));
  }

  /**
   * @param {string} format
   * @param {{ ok: boolean, value: any, diagnostics: Diagnostic[] } | null} result
   * @param {string | null} reason
   * @param {number} length
   */
  draw(format, result, reason, length) {
    if (!this.results) return;
    redrawKeepingFocus(this.results, () => this.drawResults(format, result, reason, length), this.summary ?? null);
  }

  /**
   * @param {string} format
   * @param {{ ok: boolean, value: any, diagnostics: Diagnostic[] } | null} result
   * @param {string | null} reason
   * @param {number} length
   */
  drawResults(format, result, reason, length) {
    if (!this.summary || !this.results) return;
    const t = this.t;
    const summary = this.summary;
    this.results.replaceChildren();
    if (!result) {
      summary.dataset.state = reason === 'too-large' ? 'warning' : 'neutral';
      summary.textContent =
        reason === 'too-large'
          ? t('summary.tooLarge', { n: new Intl.NumberFormat(this.uiLang).format(length), max: new Intl.NumberFormat(this.uiLang).format(maxLength) })
          : reason === 'unknown'
            ? t('summary.unknown')
            : t('summary.empty');
      if (reason === 'too-large') {
        this.results.append(h('p', {}, h('a', { href: siteUrl, target: '_blank', rel: 'noopener noreferrer' }, t('fullSite'), h('span', { class: 'visually-hidden' }, ` ${t('diag.newTab')}`))));
      }
      return;
    }
    const d = result.diagnostics;
    const counts = severityCounts(t, d);
    summary.dataset.state = !result.ok ? 'error' : d.some((x) => x.severity === 'warning') ? 'warning' : 'ok';
    summary.textContent = t(result.ok ? 'summary.valid' : 'summary.invalid', { format: t(`format.${format}`), counts });
    if (d.length > 0) {
      this.results.append(
        ...diagnosticsList(t, d, {
          onSelect: (diag) => {
            const ta = this.textarea;
            if (!ta) return;
            ta.focus();
            ta.setSelectionRange(diag.start, Math.max(diag.start, diag.end));
          },
        }),
      );
    }
    const understood = understoodList(t, result.value);
    if (understood) {
      this.results.append(h('p', { class: 'label' }, t('understood')), understood);
    }
  }
}

/**
 * The model as a definition list: tag name → value, arrays joined, objects as tag=value.
 * @param {(key: string, params?: Record<string, string | number>) => string} t
 * @param {Record<string, unknown>} value
 */
function understoodList(t, value) {
  if (!value || typeof value !== 'object') return null;
  const dl = h('dl', { class: 'understood', part: 'understood' });
  for (const [key, v] of Object.entries(value)) {
    let text;
    if (Array.isArray(v)) text = v.length ? v.join(', ') : t('value.none');
    else if (v && typeof v === 'object') {
      const pairs = Object.entries(v).map(([k, x]) => `${k}=${x}`);
      if (!pairs.length) continue;
      text = pairs.join('; ');
    } else text = String(v);
    const name = key === 'maxAge' ? 'max_age' : key;
    dl.append(h('dt', { class: 'mono' }, name), h('dd', { class: 'mono' }, text));
  }
  return dl.childElementCount ? dl : null;
}
