// @ts-check
// The summary line ("n errors, n warnings, n info") and the polite live region
// that announces it to screen readers once typing pauses.

import { severityCounts } from './counts.js';

/** @typedef {import('./i18n.js').I18n} I18n */

/** Quiet time before the live region speaks, so typing does not chatter. */
const announceDelay = 700;

export class SummaryPanel {
  /**
   * @param {HTMLElement} line the visible summary
   * @param {HTMLElement} live an aria-live="polite" region (visually hidden)
   */
  constructor(line, live) {
    this.line = line;
    this.live = live;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  /**
   * @param {string} text
   * @param {'ok' | 'bad' | 'neutral'} state
   */
  show(text, state) {
    this.line.textContent = text;
    this.line.dataset.state = state;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.live.textContent !== text) this.live.textContent = text;
    }, announceDelay);
  }
}

/**
 * @param {I18n} i18n
 * @param {{ severity: string }[]} diagnostics
 */
export function countsText(i18n, diagnostics) {
  return severityCounts((key, params) => i18n.t(key, params), diagnostics);
}
