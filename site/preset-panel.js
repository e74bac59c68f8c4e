// @ts-check
// Provider presets (GEN-005, one table in the core): a button per provider
// fills in the MX patterns; the panel below says what each pattern covers, in
// the page's language, offers the optional patterns as "Add" buttons and, for
// Exchange Online, derives the DANE pattern from the user's real MX host.

import { FieldMessages } from './field-messages.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./validator-client.js').Preset} Preset */
/** @typedef {import('./diagnostics-panel.js').Diagnostic} Diagnostic */
/**
 * @typedef {{
 *   apply(preset: Preset): void,
 *   addPattern(pattern: string): void,
 *   daneHost(host: string): void,
 * }} PresetHandlers
 */

/**
 * @param {string} pattern
 */
function normal(pattern) {
  return pattern.trim().toLowerCase().replace(/\.$/, '');
}

export class PresetPanel {
  /**
   * @param {HTMLElement} buttons where the provider buttons go
   * @param {HTMLElement} info the explanation panel
   * @param {I18n} i18n
   * @param {PresetHandlers} handlers
   */
  constructor(buttons, info, i18n, handlers) {
    this.buttons = buttons;
    this.info = info;
    this.i18n = i18n;
    this.handlers = handlers;
    /** @type {readonly Preset[]} */
    this.presets = [];
    /** @type {string} */
    this.selected = '';
    /** @type {string[]} */
    this.mx = [];
    /** @type {{ pattern: string, button: HTMLButtonElement }[]} */
    this.addButtons = [];
    this.daneInput = document.createElement('input');
    this.daneInput.type = 'text';
    this.daneInput.id = 'gen-dane-host';
    this.daneInput.spellcheck = false;
    this.daneInput.autocomplete = 'off';
    this.daneInput.setAttribute('autocapitalize', 'off');
    this.daneInput.placeholder = 'contoso-com.a-v1.mx.microsoft';
    this.daneInput.setAttribute('aria-describedby', 'gen-dane-help gen-dane-host-msgs');
    this.daneInput.addEventListener('input', () => handlers.daneHost(this.daneInput.value));
    this.daneMessagesList = document.createElement('ul');
    this.daneMessagesList.className = 'field-messages';
    this.daneMessagesList.id = 'gen-dane-host-msgs';
    this.daneMessagesList.hidden = true;
    this.daneMessages = new FieldMessages(this.daneMessagesList, i18n, [this.daneInput]);
    this.daneResult = document.createElement('div');
    this.daneResult.className = 'dane-result';
    /** @type {string} */
    this.danePattern = '';
    i18n.onChange(() => {
      this.renderButtons();
      this.renderInfo();
    });
  }

  /** @param {readonly Preset[]} presets */
  setPresets(presets) {
    this.presets = presets;
    this.renderButtons();
    this.renderInfo();
  }

  /**
   * @param {string} selected preset id ('' for none)
   * @param {readonly string[]} mx the MX rows now
   * @param {string} daneHost
   */
  update(selected, mx, daneHost) {
    this.mx = mx.map(normal);
    if (this.daneInput.value !== daneHost) this.daneInput.value = daneHost;
    if (selected !== this.selected) {
      this.selected = selected;
      this.renderButtons();
      this.renderInfo();
    }
    this.renderAddButtons();
  }

  renderButtons() {
    const nodes = this.presets.map((preset) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'preset';
      button.id = `preset-${preset.id}`;
      button.textContent = preset.name;
      button.setAttribute('aria-pressed', String(preset.id === this.selected));
      button.addEventListener('click', () => this.handlers.apply(preset));
      return button;
    });
    this.buttons.replaceChildren(...nodes);
  }

  /** @returns {'en' | 'fr'} */
  lang() {
    return this.i18n.lang === 'fr' ? 'fr' : 'en';
  }

  renderInfo() {
    const t = this.i18n.t.bind(this.i18n);
    const preset = this.presets.find((p) => p.id === this.selected);
    this.addButtons = [];
    if (!preset) {
      this.info.hidden = true;
      this.info.replaceChildren();
      return;
    }
    const lang = this.lang();
    const title = document.createElement('h4');
    title.id = 'gen-preset-title';
    title.textContent = preset.name;
    const explanation = document.createElement('p');
    explanation.textContent = preset.explanation[lang];
    const coverHeading = document.createElement('p');
    coverHeading.className = 'preset-cover';
    coverHeading.textContent = t('preset.covers');
    const list = document.createElement('ul');
    list.className = 'preset-patterns';
    for (const entry of preset.patterns) {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = entry.pattern;
      const tag = document.createElement('span');
      tag.className = `preset-tag${entry.optional ? ' preset-optional' : ''}`;
      tag.textContent = t(entry.optional ? 'preset.optional' : 'preset.included');
      const note = document.createElement('span');
      note.className = 'preset-note';
      note.textContent = entry.note[lang];
      li.append(code, ' ', tag, ' ', note);
      if (entry.optional) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'preset-add';
        button.id = `preset-add-${entry.pattern.replace(/[^a-z0-9]+/gi, '-')}`;
        button.addEventListener('click', () => {
          if (button.getAttribute('aria-disabled') === 'true') return;
          this.handlers.addPattern(entry.pattern);
        });
        this.addButtons.push({ pattern: entry.pattern, button });
        li.append(' ', button);
      }
      list.append(li);
    }
    const nodes = [title, explanation, coverHeading, list];
    if (preset.dane) nodes.push(this.daneHelper());
    const source = document.createElement('p');
    source.className = 'preset-source';
    const label = document.createElement('span');
    label.className = 'diag-label';
    label.textContent = t('preset.source');
    const text = document.createElement('span');
    text.lang = 'en';
    text.textContent = preset.source;
    source.append(label, ' ', text);
    nodes.push(source);
    this.info.replaceChildren(...nodes);
    this.info.hidden = false;
    this.renderAddButtons();
  }

  /** The Exchange Online DNSSEC/DANE helper: real MX host → pattern. */
  daneHelper() {
    const t = this.i18n.t.bind(this.i18n);
    const box = document.createElement('div');
    box.className = 'dane field';
    const label = document.createElement('label');
    label.htmlFor = this.daneInput.id;
    label.textContent = t('dane.label');
    const help = document.createElement('p');
    help.className = 'help';
    help.id = 'gen-dane-help';
    help.textContent = t('dane.help');
    box.append(label, help, this.daneInput, this.daneMessagesList, this.daneResult);
    return box;
  }

  /**
   * The derived DANE pattern (or the core's message about the host).
   * @param {{ ok: boolean, text: string, diagnostics: Diagnostic[] } | null} result
   */
  showDane(result) {
    const t = this.i18n.t.bind(this.i18n);
    this.daneMessages.render(result?.diagnostics ?? []);
    this.danePattern = result?.ok ? result.text : '';
    if (!this.danePattern) {
      this.daneResult.replaceChildren();
      return;
    }
    const line = document.createElement('p');
    const code = document.createElement('code');
    code.id = 'gen-dane-pattern';
    code.textContent = this.danePattern;
    line.append(t('dane.derived'), ' ', code, ' ');
    const pattern = this.danePattern;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'preset-add';
    button.id = 'gen-dane-add';
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      this.handlers.addPattern(pattern);
    });
    line.append(button);
    this.daneResult.replaceChildren(line);
    this.renderAddButtons();
  }

  /** "Add" while a pattern is missing from the list; "In your list" (inactive) once it is there. */
  renderAddButtons() {
    const t = this.i18n.t.bind(this.i18n);
    const buttons = [...this.addButtons];
    const dane = this.daneResult.querySelector('button');
    if (dane && this.danePattern) buttons.push({ pattern: this.danePattern, button: dane });
    for (const { pattern, button } of buttons) {
      const present = this.mx.includes(normal(pattern));
      button.textContent = present ? t('preset.inList') : t('preset.add');
      button.setAttribute('aria-label', t(present ? 'preset.inListName' : 'preset.addName', { pattern }));
      if (present) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
  }
}
