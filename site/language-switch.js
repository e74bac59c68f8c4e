// @ts-check
// The English / Français buttons: pressed state, <html lang> and every
// catalogue string follow the choice, which is remembered. (The router keeps
// the document title, which depends on the view.)

import { languages } from './i18n.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./store.js').Store} Store */

export class LanguageSwitch {
  /**
   * @param {HTMLElement} group element holding one button per language (data-lang)
   * @param {I18n} i18n
   * @param {Store} store
   */
  constructor(group, i18n, store) {
    this.group = group;
    this.i18n = i18n;
    this.store = store;
    for (const button of group.querySelectorAll('button[data-lang]')) {
      button.addEventListener('click', () => {
        const lang = /** @type {Lang} */ (button.getAttribute('data-lang'));
        if (!languages.includes(lang)) return;
        this.store.set('lang', lang);
        this.i18n.setLang(lang);
      });
    }
    i18n.onChange(() => this.render());
    // The page is written in English: in English there is nothing to redraw
    // (e2e checks that the page's text equals the catalogue's).
    this.render(document.documentElement.lang !== i18n.lang);
  }

  render(strings = true) {
    const lang = this.i18n.lang;
    document.documentElement.lang = lang;
    if (strings) this.i18n.apply(document);
    for (const button of this.group.querySelectorAll('button[data-lang]')) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    }
  }
}
