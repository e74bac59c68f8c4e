// @ts-check
// The list of diagnostics every widget shows: severity (as a word, not only a
// colour), rule id, message, fix, and the specification reference linked to
// the RFC Editor. Built with text nodes only: messages quote the user's text.

import { refLinks } from '../../rfc-link.js';
import { h } from './base.js';

/** @typedef {{ code: string, severity: 'error'|'warning'|'info', message: string, hint: string,
 *   line: number, column: number, start: number, end: number, ref: string, field?: string }} Diagnostic */

/**
 * @param {(key: string, params?: Record<string, string | number>) => string} t
 * @param {readonly Diagnostic[]} diagnostics
 * @param {{ max?: number, label?: string, onSelect?: (d: Diagnostic) => void,
 *   prefix?: (d: Diagnostic) => string | null }} [options]
 * @returns {HTMLElement[]} the list, and a "n more" line when some are left out
 */
export function diagnosticsList(t, diagnostics, options = {}) {
  const max = options.max ?? 50;
  const list = h('ol', { class: 'diags', part: 'results', 'aria-label': options.label ?? t('diag.listLabel') });
  for (const d of diagnostics.slice(0, max)) {
    const head = h(
      'p',
      { class: 'diag-head' },
      h('span', { class: 'sev', 'data-severity': d.severity }, t(`severity.${d.severity}`)),
      h('span', { class: 'code mono' }, d.code),
    );
    const prefix = options.prefix?.(d);
    if (prefix) head.append(h('span', { class: 'muted' }, prefix));
    if (options.onSelect && d.start !== undefined) {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'link',
          part: 'button position',
          'aria-label': t('diag.positionLabel', { line: d.line, column: d.column }),
        },
        t('diag.position', { line: d.line, column: d.column }),
      );
      const select = options.onSelect;
      button.addEventListener('click', () => select(d));
      head.append(button);
    }
    const item = h(
      'li',
      { class: 'diag', part: 'diagnostic', 'data-code': d.code, 'data-severity': d.severity },
      head,
      h('p', { class: 'message' }, d.message),
    );
    if (d.hint) item.append(h('p', { class: 'hint' }, `${t('diag.hint')} ${d.hint}`));
    if (d.ref) {
      const ref = h('p', { class: 'ref' }, `${t('diag.ref')} `);
      refLinks(d.ref).forEach((part, i) => {
        if (i > 0) ref.append('; ');
        if (part.url) {
          ref.append(
            h(
              'a',
              { href: part.url, target: '_blank', rel: 'noopener noreferrer' },
              part.text,
              h('span', { class: 'visually-hidden' }, ` ${t('diag.newTab')}`),
            ),
          );
        } else {
          ref.append(part.text);
        }
      });
      item.append(ref);
    }
    list.append(item);
  }
  const out = [list];
  if (diagnostics.length > max) {
    out.push(h('p', { class: 'muted' }, t('diag.more', { n: diagnostics.length - max })));
  }
  return out;
}
