// @ts-check
// A group of outputs made from one generator (the policy; the _mta-sts record
// and its zone line; …) with one status line: "valid", as the validator found
// when it checked the outputs again, or, when the inputs cannot give a valid
// artefact, no output at all but the problems to fix and a way to reach each field.

import { FieldMessages, messageItem, orderMessages } from './field-messages.js';
import { severityIcon } from './icons.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./diagnostics-panel.js').Diagnostic} Diagnostic */
/** @typedef {import('./output-block.js').OutputBlock} OutputBlock */
/** @typedef {Diagnostic & { field?: string }} FieldDiagnostic */
/** @typedef {(field: string) => { label: string, focus: () => void } | null} FieldLocator */

export class ArtefactPanel {
  /**
   * @param {HTMLElement} root
   * @param {I18n} i18n
   * @param {FieldLocator} locate
   */
  constructor(root, i18n, locate) {
    this.root = root;
    this.i18n = i18n;
    this.locate = locate;
    this.status = document.createElement('p');
    this.status.className = 'artefact-status';
    this.status.dataset.state = 'neutral';
    this.blocked = document.createElement('div');
    this.blocked.className = 'artefact-blocked';
    this.blocked.hidden = true;
    this.blocks = document.createElement('div');
    this.blocks.className = 'artefact-blocks';
    const notes = document.createElement('ul');
    notes.className = 'field-messages artefact-notes';
    notes.hidden = true;
    this.notes = new FieldMessages(notes, i18n);
    root.append(this.status, this.blocked, notes, this.blocks);
  }

  /** @param {OutputBlock} block */
  add(block) {
    this.blocks.append(block.element);
    return block;
  }

  /** @param {string} text */
  loading(text) {
    this.notes.clear();
    this.blocks.hidden = true;
    this.status.dataset.state = 'neutral';
    this.status.replaceChildren(text);
  }

  /**
   * The outputs are valid: say what the validator found.
   * @param {string} text e.g. "Checked again by the validator: 0 errors, 0 warnings, 1 info."
   * @param {readonly Diagnostic[]} [notes] the generator's remarks about the artefact as a whole
   */
  valid(text, notes = []) {
    this.notes.render(notes);
    const t = this.i18n.t.bind(this.i18n);
    this.status.dataset.state = 'ok';
    const word = document.createElement('strong');
    word.textContent = t('gen.valid');
    this.status.replaceChildren(severityIcon('ok'), ' ', word, ' ', text);
    this.blocked.hidden = true;
    this.blocked.replaceChildren();
    this.blocks.hidden = false;
  }

  /**
   * No output: list the errors that stop it, each with a way to its field.
   * @param {readonly FieldDiagnostic[]} diagnostics
   */
  invalid(diagnostics) {
    const t = this.i18n.t.bind(this.i18n);
    this.notes.clear();
    this.status.dataset.state = 'bad';
    const word = document.createElement('strong');
    word.textContent = t('gen.notGenerated');
    this.status.replaceChildren(severityIcon('error'), ' ', word, ' ', t('gen.fixFirst'));
    const errors = orderMessages(diagnostics.filter((d) => d.severity === 'error'));
    const list = document.createElement('ul');
    list.className = 'field-messages';
    for (const d of errors) {
      const li = messageItem(d, this.i18n);
      const target = this.locate(/** @type {FieldDiagnostic} */ (d).field ?? '');
      if (target) {
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'link-button fmsg-go';
        go.textContent = t('gen.goToField', { field: target.label });
        go.addEventListener('click', () => target.focus());
        li.append(' ', go);
      }
      list.append(li);
    }
    this.blocked.replaceChildren(list);
    this.blocked.hidden = errors.length === 0;
    this.blocks.hidden = true;
  }
}
