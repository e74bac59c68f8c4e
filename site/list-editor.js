// @ts-check
// An editable list of one-line values (MX patterns, report addresses): add,
// remove and, where order matters to the reader, move up and down. Every
// button has a name that says which row it acts on, focus stays on the row
// that moved, and the core's messages for each row are shown under it.

import { FieldMessages } from './field-messages.js';
import { maxRows } from './generator-model.js';
import { severityIcon } from './icons.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./diagnostics-panel.js').Diagnostic} Diagnostic */
/**
 * @typedef {{
 *   id: string,
 *   rowKey: string,
 *   rowNameKey: string,
 *   addKey: string,
 *   placeholder: string,
 *   describedBy?: string,
 *   reorder?: boolean,
 *   inputMode?: 'text' | 'email' | 'url',
 *   maxLength?: number,
 * }} ListOptions
 */
/** @typedef {'up' | 'down' | 'remove'} RowAction */

export class ListEditor {
  /**
   * @param {HTMLElement} root the editor is built inside it
   * @param {ListOptions} options
   * @param {I18n} i18n
   */
  constructor(root, options, i18n) {
    this.root = root;
    this.options = options;
    this.i18n = i18n;
    /** @type {string[]} */
    this.values = [''];
    /** @type {{ li: HTMLLIElement, input: HTMLInputElement, label: HTMLLabelElement, buttons: Record<RowAction, HTMLButtonElement | null>, messages: FieldMessages, guard: LengthGuard | null }[]} */
    this.rows = [];
    /** @type {(values: string[]) => void} */
    this.onChange = () => {};
    /** @type {Diagnostic[][]} */
    this.messages = [];

    this.list = document.createElement('ol');
    this.list.className = 'list-rows';
    this.list.id = `${options.id}-rows`;
    this.addButton = document.createElement('button');
    this.addButton.type = 'button';
    this.addButton.className = 'list-add';
    this.addButton.id = `${options.id}-add`;
    this.addButton.dataset.i18n = options.addKey;
    this.addButton.addEventListener('click', () => this.add());
    // A list keeps at most maxRows rows (what the saved state and a shared link hold).
    this.fullNote = document.createElement('p');
    this.fullNote.className = 'help list-full';
    this.fullNote.id = `${options.id}-full`;
    this.fullNote.hidden = true;
    this.addButton.setAttribute('aria-describedby', this.fullNote.id);
    root.append(this.list, this.addButton, this.fullNote);
    i18n.apply(root);
    i18n.onChange(() => this.renderLabels());
    this.build();
  }

  /**
   * Replaces every row (presets, restored state).
   * @param {readonly string[]} values
   */
  setValues(values) {
    this.values = values.length > 0 ? [...values] : [''];
    this.messages = [];
    this.build();
  }

  /** @param {number} index */
  input(index) {
    return this.rows[index]?.input ?? null;
  }

  /** @param {number} index */
  rowLabel(index) {
    return this.i18n.t(this.options.rowKey, { n: index + 1 });
  }

  /**
   * The row as named inside a button's name ("Move MX pattern 2 up", "Monter le motif MX 2").
   * @param {number} index
   */
  rowName(index) {
    return this.i18n.t(this.options.rowNameKey, { n: index + 1 });
  }

  /**
   * Shows the core's messages under each row.
   * @param {Diagnostic[][]} byRow
   */
  showMessages(byRow) {
    this.messages = byRow;
    this.rows.forEach((row, i) => row.messages.render(byRow[i] ?? []));
  }

  build() {
    const reorder = Boolean(this.options.reorder);
    this.rows = this.values.map((value, index) => {
      const id = `${this.options.id}-${index}`;
      const li = document.createElement('li');
      li.className = 'list-row';
      const line = document.createElement('div');
      line.className = 'list-line';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.className = 'list-label';
      const input = document.createElement('input');
      input.type = 'text';
      input.id = id;
      input.value = value;
      input.spellcheck = false;
      input.autocomplete = 'off';
      input.setAttribute('autocapitalize', 'off');
      input.inputMode = this.options.inputMode === 'email' ? 'email' : this.options.inputMode === 'url' ? 'url' : 'text';
      input.placeholder = this.options.placeholder;
      const messagesList = document.createElement('ul');
      messagesList.className = 'field-messages';
      messagesList.id = `${id}-msgs`;
      messagesList.hidden = true;
      input.setAttribute(
        'aria-describedby',
        [this.options.describedBy, messagesList.id].filter(Boolean).join(' '),
      );
      const guard = this.options.maxLength ? new LengthGuard(input, this.options.maxLength, this.i18n) : null;
      input.addEventListener('input', () => {
        guard?.check();
        this.values[index] = input.value;
        this.onChange([...this.values]);
      });
      const actions = document.createElement('div');
      actions.className = 'list-actions';
      /** @type {Record<RowAction, HTMLButtonElement | null>} */
      const buttons = { up: null, down: null, remove: null };
      /** @type {RowAction[]} */
      const kinds = reorder ? ['up', 'down', 'remove'] : ['remove'];
      for (const kind of kinds) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `list-${kind}`;
        button.addEventListener('click', () => this.act(kind, index));
        buttons[kind] = button;
        actions.append(button);
      }
      line.append(label, input, actions);
      const messages = new FieldMessages(messagesList, this.i18n, [input]);
      messages.render(this.messages[index] ?? []);
      li.append(line, ...(guard ? [guard.note] : []), messagesList);
      return { li, input, label, buttons, messages, guard };
    });
    this.list.replaceChildren(...this.rows.map((r) => r.li));
    this.renderLabels();
  }

  renderLabels() {
    const t = this.i18n.t.bind(this.i18n);
    const last = this.rows.length - 1;
    this.rows.forEach((row, index) => {
      const name = this.rowName(index);
      row.label.textContent = this.rowLabel(index);
      /** @type {[RowAction, string, string, boolean][]} */
      const specs = [
        ['up', 'list.up', 'list.upName', index === 0],
        ['down', 'list.down', 'list.downName', index === last],
        ['remove', 'list.remove', 'list.removeName', false],
      ];
      for (const [kind, word, nameKey, disabled] of specs) {
        const button = row.buttons[kind];
        if (!button) continue;
        button.textContent = t(word);
        button.setAttribute('aria-label', t(nameKey, { row: name }));
        // aria-disabled keeps the button focusable, so focus never jumps away.
        if (disabled) button.setAttribute('aria-disabled', 'true');
        else button.removeAttribute('aria-disabled');
      }
    });
    for (const row of this.rows) {
      row.messages.render(row.messages.shown);
      row.guard?.render();
    }
    // aria-disabled, like the row buttons: the focus stays on the button.
    const full = this.values.length >= maxRows;
    if (full) this.addButton.setAttribute('aria-disabled', 'true');
    else this.addButton.removeAttribute('aria-disabled');
    this.fullNote.hidden = !full;
    this.fullNote.textContent = full ? t('list.full', { n: maxRows }) : '';
  }

  add() {
    if (this.values.length >= maxRows) return;
    this.values.push('');
    this.messages.push([]);
    this.build();
    this.onChange([...this.values]);
    this.rows[this.rows.length - 1]?.input.focus();
  }

  /**
   * @param {RowAction} kind
   * @param {number} index
   */
  act(kind, index) {
    const last = this.values.length - 1;
    if (kind === 'up' || kind === 'down') {
      const to = kind === 'up' ? index - 1 : index + 1;
      if (to < 0 || to > last) return;
      swap(this.values, index, to);
      swap(this.messages, index, to);
      this.build();
      this.onChange([...this.values]);
      // Focus follows the row that moved; at an end, the other button of that row.
      const row = this.rows[to];
      const button = row?.buttons[kind];
      const other = row?.buttons[kind === 'up' ? 'down' : 'up'];
      (button?.getAttribute('aria-disabled') === 'true' ? other : button)?.focus();
      return;
    }
    if (this.values.length === 1) {
      this.values = [''];
      this.messages = [];
      this.build();
      this.onChange([...this.values]);
      this.rows[0]?.input.focus();
      return;
    }
    this.values.splice(index, 1);
    this.messages.splice(index, 1);
    this.build();
    this.onChange([...this.values]);
    const next = this.rows[Math.min(index, this.rows.length - 1)];
    next?.input.focus();
  }
}

/**
 * Keeps a one-line field within a length that fits what it holds (a domain, a
 * pattern, an address), so that a huge paste never reaches the form's state,
 * the storage, the shared link or the generators. The maxlength attribute
 * stops typing and cuts a paste in the browser; a value that arrives
 * otherwise (a drop, autofill, a script) is cut by check(). Either way a note
 * under the field says how long the text was and that only the start was
 * kept: nothing is lost without a word.
 */
export class LengthGuard {
  /**
   * @param {HTMLInputElement} input (with an id; the note is `${id}-cut`)
   * @param {number} max in UTF-16 units, as maxlength counts
   * @param {I18n} i18n
   */
  constructor(input, max, i18n) {
    this.input = input;
    this.max = max;
    this.i18n = i18n;
    /** length of the text that was cut, 0 when nothing was */
    this.cutFrom = 0;
    /** length a paste being handled would have given (the browser cuts it to maxlength) */
    this.pasted = 0;
    input.maxLength = max;
    this.note = document.createElement('p');
    this.note.className = 'field-messages field-cut';
    this.note.id = `${input.id}-cut`;
    this.note.setAttribute('role', 'status');
    this.note.hidden = true;
    const described = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', [described, this.note.id].filter(Boolean).join(' '));
    input.addEventListener('paste', (event) => {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const selected = Math.max(0, (input.selectionEnd ?? 0) - (input.selectionStart ?? 0));
      // A one-line field drops the line breaks of a pasted text.
      const length = input.value.length - selected + text.replace(/[\r\n]/g, '').length;
      this.pasted = length > max ? length : 0;
    });
  }

  /**
   * Call first in the field's input handler: cuts an over-long value and
   * shows or hides the note. Returns whether the value was cut.
   */
  check() {
    const value = this.input.value;
    let cutFrom = this.pasted;
    this.pasted = 0;
    if (value.length > this.max) {
      cutFrom = Math.max(cutFrom, value.length);
      // Never split a surrogate pair.
      const end = isHighSurrogate(value.charCodeAt(this.max - 1)) ? this.max - 1 : this.max;
      this.input.value = value.slice(0, end);
    }
    if (cutFrom > 0) this.cutFrom = cutFrom;
    else if (this.input.value.length < this.max) this.cutFrom = 0;
    this.render();
    return cutFrom > 0;
  }

  /** Forgets the note (the value was replaced by the page). */
  reset() {
    this.cutFrom = 0;
    this.pasted = 0;
    this.render();
  }

  render() {
    this.note.hidden = this.cutFrom === 0;
    if (this.note.hidden) {
      this.note.replaceChildren();
      return;
    }
    const t = this.i18n.t.bind(this.i18n);
    const badge = document.createElement('span');
    badge.className = 'badge badge-warning';
    const word = document.createElement('span');
    word.textContent = t('severity.warning');
    badge.append(severityIcon('warning'), word);
    const text = document.createElement('span');
    text.className = 'fmsg-text';
    text.textContent = t('field.cut', { max: this.i18n.number(this.max), length: this.i18n.number(this.cutFrom) });
    const hint = document.createElement('span');
    hint.className = 'fmsg-hint';
    hint.textContent = t('field.cut.hint');
    const line = document.createElement('span');
    line.className = 'fmsg fmsg-warning';
    line.append(badge, ' ', text, ' ', hint);
    this.note.replaceChildren(line);
  }
}

/** @param {number} code */
function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * @template T
 * @param {T[]} list
 * @param {number} a
 * @param {number} b
 */
function swap(list, a, b) {
  const item = list[a];
  list[a] = list[b];
  list[b] = item;
}
