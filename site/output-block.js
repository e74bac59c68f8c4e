// @ts-check
// One generated output (a policy file, a record value, a zone line, a server
// snippet): its title, where it goes, the exact text, and buttons to copy it,
// download it or open it in the validator.

import { renderRich } from './i18n.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/**
 * What the buttons do; the generator view provides them.
 * @typedef {{
 *   copy(text: string, what: string, source: HTMLElement): void,
 *   download(filename: string, text: string): void,
 *   openInValidator(text: string): void,
 * }} OutputActions
 */
/**
 * @typedef {{
 *   key: string,
 *   titleKey?: string,
 *   title?: string,
 *   download?: string,
 *   toValidator?: boolean,
 *   level?: 'h4' | 'h5',
 * }} OutputOptions
 */

export class OutputBlock {
  /**
   * @param {OutputOptions} options
   * @param {I18n} i18n
   * @param {OutputActions} actions
   */
  constructor(options, i18n, actions) {
    this.options = options;
    this.i18n = i18n;
    this.text = '';
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.doneTimer = undefined;
    const key = options.key;
    this.element = document.createElement('div');
    this.element.className = 'output';
    this.element.id = `out-${key}`;
    this.element.dataset.output = key;

    const head = document.createElement('div');
    head.className = 'output-head';
    this.title = document.createElement(options.level ?? 'h4');
    this.title.className = 'output-title';
    this.title.id = `out-${key}-title`;
    if (options.titleKey) this.title.dataset.i18n = options.titleKey;
    else this.title.textContent = options.title ?? '';

    const buttons = document.createElement('div');
    buttons.className = 'output-actions';
    this.copyButton = this.button('copy', 'gen.copy', () =>
      actions.copy(this.text, this.title.textContent ?? '', this.pre),
    );
    buttons.append(this.copyButton);
    if (options.download) {
      const filename = options.download;
      // The visible name says which file: "Download mta-sts.txt".
      const download = document.createElement('button');
      download.type = 'button';
      download.className = 'output-download';
      download.id = `out-${key}-download`;
      const label = document.createElement('span');
      label.dataset.i18n = 'gen.download';
      const name = document.createElement('code');
      name.textContent = filename;
      download.append(label, ' ', name);
      download.addEventListener('click', () => actions.download(filename, this.text));
      buttons.append(download);
    }
    if (options.toValidator) {
      buttons.append(this.button('check', 'gen.openInValidator', () => actions.openInValidator(this.text)));
    }
    this.done = document.createElement('span');
    this.done.className = 'copy-done';
    this.done.setAttribute('aria-hidden', 'true');
    this.done.hidden = true;
    buttons.append(this.done);
    head.append(this.title, buttons);

    this.where = document.createElement('p');
    this.where.className = 'output-where';
    this.where.hidden = true;
    this.pre = document.createElement('pre');
    this.pre.className = 'output-text';
    this.pre.id = `out-${key}-text`;
    this.element.append(head, this.where, this.pre);
    i18n.apply(this.element);
  }

  /**
   * A button named by its visible word and the output's title ("Copy Policy file").
   * @param {string} name
   * @param {string} labelKey
   * @param {() => void} onClick
   */
  button(name, labelKey, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `output-${name}`;
    button.id = `out-${this.options.key}-${name}`;
    button.dataset.i18n = labelKey;
    button.setAttribute('aria-labelledby', `${button.id} ${this.title.id}`);
    button.addEventListener('click', onClick);
    return button;
  }

  /**
   * @param {string} text exact output (shown as is; copied and downloaded as is)
   * @param {string} [where] rich text (`code`) telling where it goes
   */
  set(text, where) {
    this.text = text;
    if (this.pre.textContent !== text) this.pre.textContent = text;
    this.where.hidden = !where;
    if (where) renderRich(this.where, where);
  }

  /** @param {string} title */
  setTitle(title) {
    this.title.textContent = title;
  }

  /** Shows "Copied" beside the buttons for a moment (the live region says it too). */
  flashDone() {
    this.done.textContent = this.i18n.t('gen.copied');
    this.done.hidden = false;
    clearTimeout(this.doneTimer);
    this.doneTimer = setTimeout(() => {
      this.done.hidden = true;
    }, 2500);
  }
}
