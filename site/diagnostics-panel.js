// @ts-check
// The list of diagnostics: severity as an icon and a word, the rule code, the
// message, the hint, the position (a button that selects the span in the text)
// and a link to the RFC section.

import { mostSevere } from './highlight.js';
import { severityIcon } from './icons.js';
import { redrawKeepingFocus } from './keep-focus.js';
import { refLinks } from './rfc-link.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/**
 * @typedef {{ code: string, severity: 'error' | 'warning' | 'info', message: string, hint: string,
 *   line: number, column: number, start: number, end: number, ref: string, record?: number }} Diagnostic
 */

/** More diagnostics than this are counted but not listed (a huge paste stays fast). */
const maxListed = 300;

export class DiagnosticsPanel {
  /**
   * @param {HTMLElement} root the panel (holds the intro and the list)
   * @param {HTMLOListElement} list
   * @param {HTMLElement} more paragraph for "n more not shown"
   * @param {I18n} i18n
   * @param {HTMLElement | null} [summary] where the focus goes when the list
   *   is redrawn under it and no position button is left (see keep-focus.js)
   */
  constructor(root, list, more, i18n, summary = null) {
    this.root = root;
    this.list = list;
    this.more = more;
    this.i18n = i18n;
    this.summary = summary;
    /** @type {(d: Diagnostic) => void} */
    this.onSelect = () => {};
  }

  clear() {
    redrawKeepingFocus(
      this.root,
      () => {
        this.list.replaceChildren();
        this.more.hidden = true;
        this.root.hidden = true;
      },
      this.summary,
    );
  }

  /** @param {readonly Diagnostic[]} diagnostics positions already mapped onto the textarea text */
  render(diagnostics) {
    const t = this.i18n.t.bind(this.i18n);
    redrawKeepingFocus(
      this.root,
      () => {
        this.root.hidden = diagnostics.length === 0;
        this.list.replaceChildren(...mostSevere(diagnostics, maxListed).map((d) => this.item(d)));
      },
      this.summary,
    );
    const hidden = diagnostics.length - maxListed;
    this.more.hidden = hidden <= 0;
    this.more.textContent = hidden > 0 ? t('diag.more', { n: hidden }) : '';
  }

  /** @param {Diagnostic} d */
  item(d) {
    const t = this.i18n.t.bind(this.i18n);
    const li = document.createElement('li');
    li.className = `diag diag-${d.severity}`;
    li.dataset.code = d.code;

    const head = document.createElement('div');
    head.className = 'diag-head';
    const badge = document.createElement('span');
    badge.className = `badge badge-${d.severity}`;
    const word = document.createElement('span');
    word.textContent = t(`severity.${d.severity}`);
    badge.append(severityIcon(d.severity), word);
    const code = document.createElement('code');
    code.className = 'diag-code';
    code.textContent = d.code;
    const locate = document.createElement('button');
    locate.type = 'button';
    locate.className = 'diag-locate';
    locate.textContent = t('diag.position', { line: d.line, column: d.column });
    locate.addEventListener('click', () => this.onSelect(d));
    head.append(badge, code, locate);

    const message = document.createElement('p');
    message.className = 'diag-message';
    message.textContent = d.message;
    li.append(head, message);

    if (d.hint) {
      const hint = document.createElement('p');
      hint.className = 'diag-hint';
      const label = document.createElement('span');
      label.className = 'diag-label';
      label.textContent = t('diag.hint');
      hint.append(label, ' ', d.hint);
      li.append(hint);
    }

    if (d.ref) {
      const ref = document.createElement('p');
      ref.className = 'diag-ref';
      const label = document.createElement('span');
      label.className = 'diag-label';
      label.textContent = t('diag.ref');
      ref.append(label);
      refLinks(d.ref).forEach((part, i) => {
        ref.append(i === 0 ? ' ' : '; ');
        if (!part.url) {
          ref.append(part.text);
          return;
        }
        const a = document.createElement('a');
        a.href = part.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = part.text;
        const note = document.createElement('span');
        note.className = 'visually-hidden';
        note.textContent = ` ${t('diag.newTab')}`;
        a.append(note);
        ref.append(a);
      });
      li.append(ref);
    }
    return li;
  }
}
