// @ts-check
// <mtasts-generator>: a compact form that writes an MTA-STS policy file, its
// TXT record and (optionally) a TLS-RPT record, each re-checked by the core's
// validators before it is shown, with copy buttons.
//
// Attributes (each reflected by a property; the property reads the current field):
//   domain   the mail domain (Unicode names are converted to A-labels)
//   mode     testing | enforce | none                    (default testing)
//   mx       MX patterns, comma-separated ("mx1.example.com, *.example.net")
//   preset   a provider preset id (microsoft365, google, fastmail, proton, zoho, icloud)
//            that fills in the MX patterns when mx is not given
//   max-age  86400 | 604800 | 1209600 | 31557600          (default 604800; property maxAge)
//   rua      TLS-RPT report address (optional)
//   lang     en | fr
// Event: mtasts-generate (see ../common/events.js).

import { MtastsElement, h } from '../common/base.js';
import { diagnosticsList } from '../common/diagnostics.js';
import { MtastsGenerateEvent } from '../common/events.js';

/** @typedef {import('../common/diagnostics.js').Diagnostic} Diagnostic */

const modes = ['testing', 'enforce', 'none'];
const maxAges = ['86400', '604800', '1209600', '31557600'];
/** Longer MX lists are not generated (typing stays smooth; no policy needs that much). */
const maxMxLength = 65_536;

/** @param {string} text */
const splitList = (text) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export class MtastsGeneratorElement extends MtastsElement {
  static tagName = 'mtasts-generator';
  static observedAttributes = ['domain', 'mode', 'mx', 'preset', 'max-age', 'rua', 'lang'];

  constructor() {
    super();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {string} policy id, UTC time when the widget started (renewed by "New id") */
    this.policyId = '';
    this.lastKey = '';
    /** @type {any} */
    this.lastDetail = null;
    /** @type {Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>} */
    this.fields = {};
  }

  /**
   * @param {string} attr
   * @param {string} field
   */
  fieldValue(attr, field) {
    const el = this.fields[field];
    return el ? el.value : (this.getAttribute(attr) ?? '');
  }

  get domain() {
    return this.fieldValue('domain', 'domain');
  }
  set domain(v) {
    this.setAttribute('domain', String(v));
  }
  get mode() {
    const m = this.fieldValue('mode', 'mode');
    if (modes.includes(m)) return m;
    if (m !== '') this.badValue('mode', m, modes, 'testing');
    return 'testing';
  }
  set mode(v) {
    this.setAttribute('mode', String(v));
  }
  /** The patterns, comma-separated. */
  get mx() {
    const el = this.fields.mx;
    return el ? splitList(el.value).join(', ') : (this.getAttribute('mx') ?? '');
  }
  set mx(v) {
    this.setAttribute('mx', Array.isArray(v) ? v.join(', ') : String(v));
  }
  get preset() {
    return this.fieldValue('preset', 'preset');
  }
  set preset(v) {
    this.setAttribute('preset', String(v));
  }
  get maxAge() {
    const v = this.fieldValue('max-age', 'maxAge');
    if (maxAges.includes(v)) return Number(v);
    if (v !== '') this.badValue('max-age', v, maxAges, '604800');
    return 604800;
  }
  set maxAge(v) {
    this.setAttribute('max-age', String(v));
  }
  get rua() {
    return this.fieldValue('rua', 'rua');
  }
  set rua(v) {
    this.setAttribute('rua', String(v));
  }
  /** The last output: the detail of the last mtasts-generate event (null before). */
  get result() {
    return this.lastDetail;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  render() {
    const t = this.t;
    // Keep what was typed across a language change.
    const current = {
      domain: this.domain,
      mode: this.mode,
      mx: this.fields.mx ? this.fields.mx.value : splitList(this.getAttribute('mx') ?? '').join('\n'),
      preset: this.preset,
      maxAge: String(this.maxAge),
      rua: this.rua,
    };
    const text = (/** @type {string} */ name, /** @type {Record<string, string>} */ extra = {}) =>
      /** @type {HTMLInputElement} */ (
        h('input', {
          type: 'text',
          id: this.sid(name),
          part: `input ${name}`,
          spellcheck: 'false',
          autocapitalize: 'off',
          autocomplete: 'off',
          maxlength: '1024',
          ...extra,
        })
      );
    // Text fields are made once and kept across language changes (their
    // content may be large); the selects are rebuilt with translated options.
    const fresh = !this.fields.domain;
    const domain = /** @type {HTMLInputElement} */ (this.fields.domain ?? text('domain', { placeholder: 'example.com' }));
    const rua = /** @type {HTMLInputElement} */ (
      this.fields.rua ?? text('rua', { placeholder: 'tls-reports@example.com', 'aria-describedby': this.sid('rua-help') })
    );
    const mx = /** @type {HTMLTextAreaElement} */ (
      this.fields.mx ??
        h('textarea', {
          id: this.sid('mx'),
          part: 'input mx',
          rows: '3',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocomplete: 'off',
          'aria-describedby': this.sid('mx-help'),
        })
    );
    const mode = /** @type {HTMLSelectElement} */ (
      h('select', { id: this.sid('mode'), part: 'select mode' }, ...modes.map((m) => h('option', { value: m, 'data-t': `generator.mode.${m}` })))
    );
    const maxAge = /** @type {HTMLSelectElement} */ (
      h('select', { id: this.sid('maxAge'), part: 'select max-age' }, ...maxAges.map((a) => h('option', { value: a, 'data-t': `generator.maxAge.${a}` })))
    );
    const preset = /** @type {HTMLSelectElement} */ (
      h('select', { id: this.sid('preset'), part: 'select preset', 'aria-describedby': this.sid('preset-help') }, h('option', { value: '', 'data-t': 'generator.preset.custom' }))
    );
    this.fields = { domain, rua, mx, mode, maxAge, preset };
    if (fresh) {
      domain.value = current.domain;
      rua.value = current.rua;
      mx.value = current.mx;
      for (const el of [domain, rua, mx]) el.addEventListener('input', () => this.schedule());
    }
    mode.value = current.mode;
    maxAge.value = current.maxAge;
    this.presetHelp = h('p', { class: 'help', id: this.sid('preset-help'), part: 'help' });
    this.fillPresets(current.preset);

    mode.addEventListener('change', () => this.update());
    maxAge.addEventListener('change', () => this.update());
    preset.addEventListener('change', () => this.applyPreset(preset.value));

    const field = (/** @type {string} */ name, /** @type {string} */ label, /** @type {HTMLElement[]} */ ...rest) =>
      h('div', { class: 'field grow' }, h('label', { for: this.sid(name), part: 'label', 'data-t': label }), ...rest);

    this.idLine = h('p', { class: 'muted', part: 'id' });
    const newId = h('button', { type: 'button', class: 'secondary', part: 'button new-id', 'data-t': 'generator.newId' });
    newId.addEventListener('click', () => {
      this.policyId = this.kit ? this.kit.policyIdFromDate() : '';
      this.update();
    });
    this.summary = h('p', { class: 'summary', part: 'summary', role: 'status', 'data-state': 'neutral' });
    this.diags = h('div', { class: 'stack' });
    this.outputs = h('div', { class: 'stack' });
    this.copyStatus = h('p', { class: 'muted', role: 'status' });

    const root = h(
      'div',
      { class: 'root stack', part: 'root', lang: this.uiLang, role: 'group', 'data-t-aria': 'generator.label' },
      h('div', { class: 'row' }, field('domain', 'generator.domain', domain)),
      h('div', { class: 'row' }, field('preset', 'generator.preset', preset, this.presetHelp)),
      h('div', { class: 'row' }, field('mx', 'generator.mx', h('p', { class: 'help', id: this.sid('mx-help'), part: 'help', 'data-t-rich': 'generator.mxHelp' }), mx)),
      h('div', { class: 'row' }, field('mode', 'generator.mode', mode), field('maxAge', 'generator.maxAge', maxAge)),
      h('div', { class: 'row' }, field('rua', 'generator.rua', h('p', { class: 'help', id: this.sid('rua-help'), part: 'help', 'data-t': 'generator.ruaHelp' }), rua)),
      h('div', { class: 'row' }, this.idLine, newId),
      this.summary,
      this.diags,
      this.outputs,
      this.copyStatus,
    );
    this.lastKey = '';
    this.shadow.replaceChildren(root);
  }

  localized() {
    this.showPresetHelp();
    this.lastKey = '';
  }

  /**
   * Lists the kit's presets in the select (once the kit is loaded).
   * @param {string} selected
   */
  fillPresets(selected) {
    const select = /** @type {HTMLSelectElement | undefined} */ (this.fields.preset);
    if (!select) return;
    const t = this.t;
    select.replaceChildren(h('option', { value: '', 'data-t': 'generator.preset.custom' }, t('generator.preset.custom')));
    for (const p of this.kit?.presets ?? []) select.append(h('option', { value: p.id }, p.name));
    select.value = (this.kit?.presets ?? []).some((p) => p.id === selected) ? selected : '';
    this.showPresetHelp();
  }

  showPresetHelp() {
    if (!this.presetHelp) return;
    const p = this.kit?.presets.find((x) => x.id === this.fields.preset?.value);
    this.presetHelp.textContent = p ? p.explanation[this.uiLang] : '';
    this.presetHelp.hidden = !p;
  }

  /**
   * Fills the MX patterns from a preset (its required patterns).
   * @param {string} id
   */
  applyPreset(id) {
    const p = this.kit?.presets.find((x) => x.id === id);
    if (!p && id !== '' && this.kit) this.badValue('preset', id, this.kit.presets.map((x) => x.id), 'none');
    if (this.fields.preset) this.fields.preset.value = p ? p.id : '';
    if (p && this.fields.mx) {
      this.fields.mx.value = p.patterns.filter((x) => !x.optional).map((x) => x.pattern).join('\n');
    }
    this.showPresetHelp();
    this.update();
  }

  kitReady() {
    if (this.kit) {
      this.policyId ||= this.kit.policyIdFromDate();
      const presetId = this.getAttribute('preset') ?? '';
      this.fillPresets(presetId);
      if (presetId && !this.getAttribute('mx') && this.fields.mx && this.fields.mx.value.trim() === '') {
        this.applyPreset(presetId);
        return;
      }
    }
    this.update();
  }

  /**
   * @param {string} name
   * @param {string | null} value
   */
  attributeChanged(name, value) {
    const v = value ?? '';
    if (name === 'domain' && this.fields.domain) this.fields.domain.value = v;
    if (name === 'rua' && this.fields.rua) this.fields.rua.value = v;
    if (name === 'mx' && this.fields.mx) this.fields.mx.value = splitList(v).join('\n');
    if (name === 'mode' && !modes.includes(v)) this.badValue('mode', v, modes, 'testing');
    if (name === 'max-age' && !maxAges.includes(v)) this.badValue('max-age', v, maxAges, '604800');
    if (name === 'mode' && this.fields.mode) this.fields.mode.value = modes.includes(v) ? v : 'testing';
    if (name === 'max-age' && this.fields.maxAge) this.fields.maxAge.value = maxAges.includes(v) ? v : '604800';
    if (name === 'preset') {
      this.applyPreset(v);
      return;
    }
    this.update();
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 80);
  }

  update() {
    clearTimeout(this.timer);
    if (!this.summary || !this.diags || !this.outputs || !this.idLine) return;
    const t = this.t;
    const status = this.kitStatus();
    if (status !== null || !this.kit) {
      this.summary.textContent = status;
      this.summary.dataset.state = this.kitError ? 'error' : 'neutral';
      this.summary.hidden = false;
      return;
    }
    const lang = this.uiLang;
    const f = this.fields;
    const input = {
      domain: f.domain.value.trim(),
      mode: this.mode,
      mxText: f.mx.value,
      maxAge: this.maxAge,
      rua: f.rua.value.trim(),
      id: this.policyId,
    };
    const key = JSON.stringify([lang, input]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.idLine.textContent = t('generator.id', { id: input.id });

    // Bounded work per keystroke: a field far longer than any real value is not generated.
    const longest = Math.max(input.mxText.length, input.domain.length, input.rua.length);
    if (longest > maxMxLength) {
      const n = new Intl.NumberFormat(lang);
      this.summary.hidden = false;
      this.summary.dataset.state = 'warning';
      this.summary.textContent = t('summary.tooLarge', { n: n.format(longest), max: n.format(maxMxLength) });
      this.diags.replaceChildren();
      this.outputs.replaceChildren();
      this.lastDetail = { ok: false, lang, policy: null, record: null, tlsRpt: null };
      this.emit(new MtastsGenerateEvent(this.lastDetail));
      return;
    }
    const mx = input.mxText.split('\n').map((s) => s.trim()).filter((s) => s !== '');
    const policy = this.kit.generatePolicy({ mode: input.mode, mx, maxAge: input.maxAge, domain: input.domain }, { lang });
    const record = this.kit.generateStsRecord({ id: input.id, domain: input.domain }, { lang });
    const tlsRpt = input.rua ? this.kit.generateTlsRptRecord({ rua: splitList(input.rua), domain: input.domain }, { lang }) : null;
    const ok = policy.ok && record.ok && (tlsRpt?.ok ?? true);

    /** @type {(Diagnostic & { field: string })[]} */
    const all = [];
    const seen = new Set();
    for (const [source, r] of /** @type {const} */ ([['', policy], ['', record], ['rua', tlsRpt]])) {
      for (const d of r?.diagnostics ?? []) {
        const k = `${d.code}|${d.field}|${d.message}`;
        if (seen.has(k)) continue;
        seen.add(k);
        all.push({ ...d, field: source && d.field === 'domain' ? 'domain' : d.field });
      }
    }
    const order = { error: 0, warning: 1, info: 2 };
    all.sort((a, b) => order[a.severity] - order[b.severity]);

    // aria-invalid on the fields with an error
    const invalid = new Set(all.filter((d) => d.severity === 'error').map((d) => d.field.replace(/\[\d+\]$/, '')));
    for (const [name, el] of Object.entries({ domain: f.domain, mx: f.mx, mode: f.mode, maxAge: f.maxAge, rua: f.rua })) {
      if (invalid.has(name)) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }

    this.summary.hidden = true;
    this.diags.replaceChildren(
      ...(all.length
        ? diagnosticsList(t, all, { prefix: (d) => fieldLabel(t, /** @type {any} */ (d).field ?? '') })
        : []),
    );

    const blocks = [
      this.outputBlock(
        'policy',
        policyTitle(t, input.domain, record),
        policy.ok ? policy.text.replace(/\r\n/g, '\n') : '',
        policy.ok ? policy.text : '',
      ),
      this.outputBlock('record', t('generator.outRecord'), record.ok ? record.zoneLine || record.text : '', record.ok ? record.zoneLine || record.text : ''),
      tlsRpt
        ? this.outputBlock('tls-rpt', t('generator.outTlsRpt'), tlsRpt.ok ? tlsRpt.zoneLine || tlsRpt.text : '', tlsRpt.ok ? tlsRpt.zoneLine || tlsRpt.text : '')
        : null,
    ];
    this.outputs.replaceChildren(...blocks.filter((b) => b !== null));
    this.lastDetail = { ok, lang, policy, record, tlsRpt };
    this.emit(new MtastsGenerateEvent(this.lastDetail));
  }

  /**
   * @param {string} name
   * @param {string} title
   * @param {string} shown
   * @param {string} copied the exact text copied (the policy keeps its CRLF)
   */
  outputBlock(name, title, shown, copied) {
    const t = this.t;
    const headId = this.sid(`out-${name}`);
    const block = h('div', { class: 'stack', 'data-output': name });
    const head = h('div', { class: 'out-head' }, h('p', { class: 'label', id: headId }, title));
    if (shown) {
      const copy = h('button', { type: 'button', class: 'secondary', part: 'button copy', 'aria-label': t('generator.copyLabel', { what: title }) }, t('generator.copy'));
      copy.addEventListener('click', () => this.copy(copied));
      head.append(copy);
    }
    block.append(
      head,
      shown
        ? h('pre', { class: 'output', part: 'output', 'aria-labelledby': headId, tabindex: '0' }, shown)
        : h('p', { class: 'muted' }, t('generator.notReady')),
    );
    return block;
  }

  /** @param {string} text */
  async copy(text) {
    if (!this.copyStatus) return;
    const status = this.copyStatus;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = this.t('generator.copied');
    } catch {
      status.textContent = this.t('generator.copyFailed');
    }
  }
}

/**
 * The policy's heading: where it is served once the domain is known and valid.
 * @param {(key: string, params?: Record<string, string | number>) => string} t
 * @param {string} domain
 * @param {{ ok: boolean, policyUrl?: string }} record
 */
function policyTitle(t, domain, record) {
  if (domain === '') return t('generator.outPolicyNoDomain');
  return record.ok && record.policyUrl ? t('generator.outPolicy', { url: record.policyUrl }) : t('generator.outPolicyBadDomain');
}

/**
 * "MX pattern 2" for "mx[1]", etc.
 * @param {(key: string, params?: Record<string, string | number>) => string} t
 * @param {string} field
 */
function fieldLabel(t, field) {
  const m = /^(\w+)(?:\[(\d+)\])?$/.exec(field);
  if (!m) return t('generator.field.whole');
  if (m[1] === 'mx') return t('generator.field.mx', { n: Number(m[2] ?? 0) + 1 });
  const known = ['domain', 'mode', 'maxAge', 'id', 'rua'];
  return known.includes(m[1]) ? t(`generator.field.${m[1]}`) : field;
}
