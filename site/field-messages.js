// @ts-check
// The core's messages about one form field, shown right under it: severity as
// an icon and a word, the message, the fix and the rule code. The field's
// controls get aria-invalid while an error stands, and point at the list with
// aria-describedby so a screen reader reads the messages with the field.

import { severityIcon } from './icons.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./diagnostics-panel.js').Diagnostic} Diagnostic */
/** @typedef {Diagnostic & { field: string }} FieldDiagnostic */

/** @type {Record<string, number>} */
const rank = { error: 0, warning: 1, info: 2 };

/**
 * Most severe first; the same message once (several generators may say it).
 * @param {readonly Diagnostic[]} diagnostics
 * @returns {Diagnostic[]}
 */
export function orderMessages(diagnostics) {
  const seen = new Set();
  const unique = [];
  for (const d of diagnostics) {
    const key = `${d.code}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  return unique.sort((a, b) => (rank[a.severity] ?? 2) - (rank[b.severity] ?? 2));
}

/**
 * One message as a list item.
 * @param {Diagnostic} d
 * @param {I18n} i18n
 * @returns {HTMLLIElement}
 */
export function messageItem(d, i18n) {
  const t = i18n.t.bind(i18n);
  const li = document.createElement('li');
  li.className = `fmsg fmsg-${d.severity}`;
  li.dataset.code = d.code;
  const badge = document.createElement('span');
  badge.className = `badge badge-${d.severity}`;
  const word = document.createElement('span');
  word.textContent = t(`severity.${d.severity}`);
  badge.append(severityIcon(d.severity), word);
  const message = document.createElement('span');
  message.className = 'fmsg-text';
  message.textContent = d.message;
  const code = document.createElement('code');
  code.className = 'fmsg-code';
  code.textContent = d.code;
  li.append(badge, ' ', message, ' ', code);
  if (d.hint) {
    const hint = document.createElement('span');
    hint.className = 'fmsg-hint';
    const label = document.createElement('span');
    label.className = 'diag-label';
    label.textContent = t('diag.hint');
    hint.append(label, ' ', d.hint);
    li.append(hint);
  }
  return li;
}

export class FieldMessages {
  /**
   * @param {HTMLElement} list a <ul> (its id is referenced by the controls' aria-describedby)
   * @param {I18n} i18n
   * @param {HTMLElement[]} [controls] marked aria-invalid while an error stands
   */
  constructor(list, i18n, controls = []) {
    this.list = list;
    this.i18n = i18n;
    this.controls = controls;
    /** @type {Diagnostic[]} */
    this.shown = [];
  }

  /** @param {readonly Diagnostic[]} diagnostics */
  render(diagnostics) {
    this.shown = orderMessages(diagnostics);
    this.list.replaceChildren(...this.shown.map((d) => messageItem(d, this.i18n)));
    this.list.hidden = this.shown.length === 0;
    const invalid = this.shown.some((d) => d.severity === 'error');
    for (const control of this.controls) {
      if (invalid) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }

  clear() {
    this.render([]);
  }
}
