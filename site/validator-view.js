// @ts-check
// The validator view: one text box, the format and DMARC spec selectors, the
// examples, file opening, and the panels that show the results. Validation runs
// on every edit, batched to the next animation frame (or after a short pause
// for very large texts), through validator-client.js (on this thread, or in a
// worker for huge texts, so that typing and pasting stay responsive); only the
// answer to the latest edit is drawn.

import { DiagnosticsPanel } from './diagnostics-panel.js';
import { EditorPanel } from './editor-panel.js';
import { samples } from './samples.js';
import { SummaryPanel, countsText } from './summary-panel.js';
import { NewlineMap, offsetOf } from './text-positions.js';
import { UnderstoodPanel } from './understood-panel.js';

/** @typedef {import('./validator-client.js').ValidatorClient} ValidatorClient */

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./samples.js').Format} Format */
/** @typedef {import('./diagnostics-panel.js').Diagnostic} Diagnostic */
/** @typedef {'rfc7489' | 'rfc9989'} DmarcSpec */
/** @typedef {{ ok: boolean, value: any, diagnostics: Diagnostic[] }} Result */
/**
 * The part of the kit module (wasm/kit.mjs, types in wasm/kit.d.ts) this page uses.
 * @typedef {{
 *   version: string,
 *   validateStsRecord(input: string, options: { lang: string }): Result,
 *   validatePolicy(input: string | Uint8Array, options: { lang: string }): Result,
 *   validateTlsRptRecord(input: string, options: { lang: string }): Result,
 *   validateDmarcRecord(input: string, options: { lang: string, spec: DmarcSpec }): Result,
 *   detectFormat(text: string): Format | 'unknown',
 *   mxPatternMatches(pattern: string, host: string): boolean,
 *   generatePolicy(input: object, options: { lang: string }): any,
 *   generateStsRecord(input: object, options: { lang: string }): any,
 *   generateTlsRptRecord(input: object, options: { lang: string }): any,
 *   generateDmarcRecord(input: object, options: { lang: string }): any,
 *   generateHosting(input: object, options: { lang: string }): any,
 *   deriveMicrosoftDanePattern(host: string, options: { lang: string }): any,
 *   policyIdFromDate(date?: Date): string,
 *   presets: readonly any[],
 * }} Kit
 */
/** @typedef {{ bytes: Uint8Array, decoded: string, map: NewlineMap, name: string }} FileSource */

/** @type {readonly Format[]} */
const formats = ['sts-record', 'policy', 'tls-rpt', 'dmarc'];
/** Files above this size are refused (a policy over 64 KiB is already an error). */
const maxFileBytes = 4 * 1024 * 1024;
/** Texts above this length are validated after a short pause instead of every frame. */
const largeText = 100_000;

/**
 * The exact text behind the box when it holds line breaks the box cannot
 * (a paste, the generator's CRLF policy): validated as these bytes.
 * @param {string} text
 * @param {string} name
 * @returns {FileSource}
 */
function exactSource(text, name) {
  return { bytes: new TextEncoder().encode(text), decoded: text, map: new NewlineMap(text), name };
}

export class ValidatorView {
  /**
   * @param {Document} doc
   * @param {I18n} i18n
   * @param {Store} store
   */
  constructor(doc, i18n, store) {
    this.i18n = i18n;
    this.store = store;
    /** @type {ValidatorClient | null} */
    this.client = null;
    this.version = '';
    /** numbers validation requests; only the latest one's answer is drawn */
    this.seq = 0;
    /** @type {string | null} */
    this.kitError = null;
    /** @type {FileSource | null} the exact bytes behind the text, until it is edited */
    this.file = null;
    /** @type {string | null} text replaced by an example or a file, offered back */
    this.previous = null;
    /** @type {'example' | 'file' | 'generator' | 'restored' | null} */
    this.noticeKind = null;
    /** @type {number | undefined} */
    this.frame = undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.saveFailed = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.saveTimer = undefined;

    const $ = (/** @type {string} */ id) => {
      const el = doc.getElementById(id);
      if (!el) throw new Error(`missing #${id}`);
      return el;
    };
    this.editor = new EditorPanel(
      /** @type {HTMLTextAreaElement} */ ($('input')),
      $('mirror'),
    );
    this.formatSelect = /** @type {HTMLSelectElement} */ ($('format'));
    this.formatStatus = $('format-status');
    this.specField = $('spec-field');
    this.specSelect = /** @type {HTMLSelectElement} */ ($('spec'));
    this.fileInput = /** @type {HTMLInputElement} */ ($('file-input'));
    this.notice = $('notice');
    this.noticeText = $('notice-text');
    this.restoreButton = /** @type {HTMLButtonElement} */ ($('restore'));
    this.saveWarning = $('save-warning');
    this.footerVersion = $('kit-version');
    this.summary = new SummaryPanel($('summary'), $('live'));
    this.diagnostics = new DiagnosticsPanel(
      $('diagnostics'),
      /** @type {HTMLOListElement} */ ($('diag-list')),
      $('diag-more'),
      i18n,
      $('summary'),
    );
    this.understood = new UnderstoodPanel(
      $('understood-intro'),
      /** @type {HTMLDListElement} */ ($('understood-list')),
      $('mx-test'),
      /** @type {HTMLInputElement} */ ($('mx-host')),
      $('mx-result'),
      i18n,
    );

    const savedFormat = store.get('format');
    this.formatSelect.value = savedFormat && (formats.includes(/** @type {Format} */ (savedFormat)) || savedFormat === 'auto') ? savedFormat : 'auto';
    this.specSelect.value = store.get('dmarc-spec') === 'rfc9989' ? 'rfc9989' : 'rfc7489';
    this.editor.text = store.get('text') ?? '';

    // A text box keeps only LF line breaks. A paste that fills the box is
    // judged as pasted (CRLF or CR kept, as from a file) until it is edited.
    /** @type {string | null} */
    let pasted = null;
    this.editor.textarea.addEventListener('paste', (event) => {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      pasted = text.includes('\r') ? text : null;
    });
    this.editor.onInput(() => {
      const exact = pasted !== null && this.editor.text === pasted.replace(/\r\n?/g, '\n') ? exactSource(pasted, '') : null;
      pasted = null;
      if (this.file || exact) {
        this.file = exact;
        if (this.noticeKind === 'file') this.hideNotice();
      }
      this.schedule();
    });
    this.formatSelect.addEventListener('change', () => {
      store.set('format', this.formatSelect.value);
      this.validateNow();
    });
    this.specSelect.addEventListener('change', () => {
      store.set('dmarc-spec', this.specSelect.value);
      this.validateNow();
    });
    $('open-file').addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (file) void this.openFile(file);
    });
    this.restoreButton.addEventListener('click', () => this.restore());
    this.diagnostics.onSelect = (d) => this.editor.select(d.start, d.end);
    this.buildExamples($('examples'));
    globalThis.addEventListener('pagehide', () => this.save());
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'hidden') this.save();
    });
    i18n.onChange(() => {
      this.renderNotice();
      this.validateNow();
    });
    this.validateNow();
  }

  /**
   * The validator is ready (validation runs through client).
   * @param {ValidatorClient} client
   * @param {string} version
   * @returns {Promise<void>} settled once the first result is drawn
   */
  setClient(client, version) {
    this.client = client;
    this.version = version;
    document.documentElement.dataset.kit = 'ready';
    this.understood.setMatcher((patterns, host) => client.matchMx(patterns, host));
    return this.validateNow();
  }

  /** @param {unknown} error */
  setKitError(error) {
    this.kitError = error instanceof Error ? error.message : String(error);
    document.documentElement.dataset.kit = 'failed';
    this.validateNow();
  }

  /** Batches validation: next frame for normal texts, after a pause for huge ones. */
  schedule() {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = undefined;
    this.timer = undefined;
    if (this.editor.text.length > largeText) {
      this.timer = setTimeout(() => this.validateNow(), 150);
    } else {
      this.frame = requestAnimationFrame(() => this.validateNow());
    }
  }

  /** Keeps the text across reloads: at once when small, after a pause when huge. */
  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.editor.text.length <= largeText) this.save();
    else this.saveTimer = setTimeout(() => this.save(), 1000);
  }

  save() {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const ok = this.store.set('text', this.editor.text);
    if (ok !== !this.saveFailed) return;
    this.saveFailed = !ok;
    this.saveWarning.hidden = ok;
  }

  /**
   * Validates the current text now; the results are drawn when the kit answers.
   * @returns {Promise<void>} settled once they are drawn (or at once without a kit)
   */
  validateNow() {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = undefined;
    this.timer = undefined;
    this.scheduleSave();
    const seq = ++this.seq;

    const t = this.i18n.t.bind(this.i18n);
    const text = this.editor.text;
    const client = this.client;
    if (client) this.footerVersion.textContent = t('footer.version', { version: this.version });

    if (!client) {
      this.clearResults();
      this.summary.show(
        this.kitError ? t('summary.loadFailed', { error: this.kitError }) : t('summary.loading'),
        this.kitError ? 'bad' : 'neutral',
      );
      return Promise.resolve();
    }
    const choice = /** @type {Format | 'auto'} */ (this.formatSelect.value);
    if (text.trim() === '' && !this.file) {
      this.formatStatus.textContent = '';
      this.specField.hidden = choice !== 'dmarc';
      this.clearResults();
      this.summary.show(t('summary.empty'), 'neutral');
      return Promise.resolve();
    }
    const file = this.file;
    const spec = this.spec();
    return client
      .validate({
        choice,
        text: file ? file.decoded : text,
        bytes: file?.bytes,
        lang: this.i18n.lang,
        spec,
      })
      .then(
        (reply) => {
          if (reply && seq === this.seq) this.render(reply.format, reply.result, choice, spec);
        },
        (error) => {
          if (seq !== this.seq) return;
          this.clearResults();
          this.summary.show(t('summary.loadFailed', { error: error instanceof Error ? error.message : String(error) }), 'bad');
        },
      );
  }

  /**
   * @param {Format | 'unknown'} format
   * @param {Result | null} result
   * @param {Format | 'auto'} choice
   * @param {DmarcSpec} spec
   */
  render(format, result, choice, spec) {
    const t = this.i18n.t.bind(this.i18n);
    this.formatStatus.textContent =
      choice !== 'auto'
        ? ''
        : format === 'unknown'
          ? t('format.unrecognised')
          : t('format.detected', { format: t(`format.${format}`) });
    this.specField.hidden = format !== 'dmarc';
    if (format === 'unknown' || !result) {
      this.clearResults();
      this.summary.show(t('summary.unknown'), 'neutral');
      return;
    }
    const diagnostics = this.mapPositions(result.diagnostics ?? []);
    this.editor.highlight(diagnostics);
    this.diagnostics.render(diagnostics);
    this.understood.render(format, result, spec);
    this.summary.show(
      t(result.ok ? 'summary.valid' : 'summary.invalid', {
        format: t(`format.${format}`),
        counts: countsText(this.i18n, diagnostics),
      }),
      result.ok ? 'ok' : 'bad',
    );
  }

  /** @returns {DmarcSpec} */
  spec() {
    return this.specSelect.value === 'rfc9989' ? 'rfc9989' : 'rfc7489';
  }

  /**
   * Positions of a file's exact bytes point into the decoded file; the
   * textarea shows it with LF line breaks, so move them onto that text.
   * @param {Diagnostic[]} diagnostics
   * @returns {Diagnostic[]}
   */
  mapPositions(diagnostics) {
    const file = this.file;
    if (!file) return diagnostics;
    return diagnostics.map((d) => {
      // Line and column name the same place in both texts (the core breaks
      // lines at LF, CRLF and lone CR); the span's length loses removed CRs.
      const start = offsetOf(file.map.text, d.line, d.column);
      const length = file.map.toNormalized(d.end) - file.map.toNormalized(d.start);
      return { ...d, start, end: start + Math.max(0, length) };
    });
  }

  clearResults() {
    this.editor.highlight([]);
    this.diagnostics.clear();
    this.understood.clear();
  }

  /** @param {HTMLElement} container */
  buildExamples(container) {
    const rows = formats.map((format) => {
      const row = document.createElement('div');
      row.className = 'example-row';
      row.setAttribute('role', 'group');
      const label = document.createElement('span');
      label.className = 'example-label';
      label.id = `example-${format}`;
      label.dataset.i18n = `format.${format}`;
      row.setAttribute('aria-labelledby', label.id);
      row.append(label);
      for (const sample of samples.filter((s) => s.format === format)) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `example example-${sample.kind}`;
        button.id = `example-${format}-${sample.kind}`;
        button.dataset.i18n = `examples.${sample.kind}`;
        // Accessible name "Valid MTA-STS policy": the visible word, then the row's label.
        button.setAttribute('aria-labelledby', `${button.id} ${label.id}`);
        button.addEventListener('click', () => this.loadSample(sample));
        row.append(button);
      }
      return row;
    });
    container.replaceChildren(...rows);
    this.i18n.apply(container);
  }

  /** @param {import('./samples.js').Sample} sample */
  loadSample(sample) {
    this.replaceText(sample.text, 'example');
    if (this.formatSelect.value !== 'auto' && this.formatSelect.value !== sample.format) {
      this.formatSelect.value = 'auto';
      this.store.set('format', 'auto');
    }
    this.validateNow();
  }

  /**
   * Shows a text made elsewhere (the generator's "Check in the validator"),
   * keeping the user's own text restorable.
   * @param {string} text
   */
  loadText(text) {
    this.replaceText(text, 'generator');
    // The generator's policy ends its lines with CRLF: judged with them.
    if (text.includes('\r')) this.file = exactSource(text, '');
    if (this.formatSelect.value !== 'auto') {
      this.formatSelect.value = 'auto';
      this.store.set('format', 'auto');
    }
    this.validateNow();
  }

  /** @param {File} file */
  async openFile(file) {
    const t = this.i18n.t.bind(this.i18n);
    if (file.size > maxFileBytes) {
      this.showNotice(t('file.tooLarge', { name: file.name, size: this.i18n.number(file.size), limit: this.i18n.number(maxFileBytes) }), null);
      return;
    }
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      this.showNotice(t('file.unreadable', { name: file.name }), null);
      return;
    }
    // Keep a BOM visible to the validator (it is an error in a policy).
    const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const map = new NewlineMap(decoded);
    this.replaceText(map.text, 'file');
    this.file = { bytes, decoded, map, name: file.name };
    this.renderNotice();
    this.validateNow();
  }

  /**
   * @param {string} text
   * @param {'example' | 'file' | 'generator'} kind
   */
  replaceText(text, kind) {
    const current = this.editor.text;
    const isSample = samples.some((s) => s.text === current);
    if (current.trim() !== '' && !isSample && current !== text && !this.file) this.previous = current;
    else if (!isSample && current.trim() === '') this.previous = null;
    this.file = null;
    this.editor.text = text;
    this.noticeKind = kind;
    this.renderNotice();
  }

  restore() {
    if (this.previous === null) return;
    this.editor.text = this.previous;
    this.previous = null;
    this.file = null;
    this.noticeKind = 'restored';
    this.renderNotice();
    this.editor.textarea.focus();
    this.validateNow();
  }

  renderNotice() {
    const t = this.i18n.t.bind(this.i18n);
    const kind = this.noticeKind;
    if (!kind) return this.hideNotice();
    let text;
    if (kind === 'restored') text = t('replaced.restored');
    else if (kind === 'example') text = t('replaced.example');
    else if (kind === 'generator') text = t('replaced.generator');
    else if (this.file) {
      text = t('file.status', {
        name: this.file.name,
        size: this.i18n.number(this.file.bytes.length),
        eol: t(`eol.${this.file.map.lineEndings}`),
      });
    } else text = t('replaced.file');
    this.showNotice(text, kind === 'restored' ? null : this.previous);
  }

  /**
   * @param {string} text
   * @param {string | null} previous when set, offer to restore it
   */
  showNotice(text, previous) {
    this.noticeText.textContent = text;
    this.restoreButton.hidden = previous === null;
    this.notice.hidden = false;
  }

  hideNotice() {
    this.noticeKind = null;
    this.notice.hidden = true;
  }
}
