// @ts-check
// The generator view: the form (domain, provider presets, MX patterns, mode,
// max_age, policy id, TLS-RPT, DMARC), the outputs made by the core and
// checked again by the validator, and the hosting snippets. The state is kept
// in localStorage and mirrored in the URL fragment (#gen=<base64url JSON>), so
// a reload or a shared link shows the same form; clearing can be undone.

import { ArtefactPanel } from './artefact-panel.js';
import { MxImport } from './checker/mx-import.js';
import { Announcer, copyText, downloadText, selectContents } from './clipboard.js';
import { FieldMessages } from './field-messages.js';
import {
  claimsFragment,
  cloneState,
  decodeFragment,
  defaultState,
  encodeFragment,
  fieldLimits,
  hasUserInput,
  hostingIds,
  modes,
  parseField,
  sameState,
  sanitizeState,
} from './generator-model.js';
import { HostingPanel } from './hosting-panel.js';
import { LengthGuard, ListEditor } from './list-editor.js';
import { OutputBlock } from './output-block.js';
import { PresetPanel } from './preset-panel.js';
import { countsText } from './summary-panel.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./validator-client.js').ValidatorClient} ValidatorClient */
/** @typedef {import('./validator-client.js').Generated} Generated */
/** @typedef {import('./validator-client.js').Preset} Preset */
/** @typedef {import('./generator-model.js').GeneratorState} GeneratorState */
/** @typedef {import('./diagnostics-panel.js').Diagnostic} Diagnostic */
/** @typedef {Diagnostic & { field?: string }} FieldDiagnostic */
/** @typedef {'policy' | 'sts' | 'tlsrpt' | 'dmarc' | 'hosting' | 'dane'} Source */

const storeKey = 'generator';
/** The DMARC tags that have their own control, keyed by the core's field name. */
const dmarcSelects = /** @type {const} */ (['p', 'sp', 'np', 'adkim', 'aspf', 't']);
const dmarcTexts = /** @type {const} */ (['pct', 'rf', 'ri']);
/**
 * Edits are gathered for this long before the outputs are made again: typing
 * stays light, and a burst of input events is one run of the generators.
 */
const generateDelay = 60;

export class GeneratorView {
  /**
   * @param {Document} doc
   * @param {I18n} i18n
   * @param {Store} store
   * @param {{ openInValidator(text: string): void, isActive(): boolean }} host
   */
  constructor(doc, i18n, store, host) {
    this.i18n = i18n;
    this.store = store;
    this.host = host;
    /** @type {ValidatorClient | null} */
    this.client = null;
    /** @type {string | null} */
    this.kitError = null;
    this.seq = 0;
    /** @type {string | null} the last valid policy drawn; a different one gets a new id */
    this.lastPolicy = null;
    /** @type {GeneratorState | null} what Undo brings back */
    this.previous = null;
    /** @type {{ key: string, params: Record<string, string> } | null} */
    this.noticeMessage = null;
    /** @type {Generated | null} */
    this.generated = null;
    /**
     * Fields the user has edited. An empty field shows its messages only once
     * touched, so a new form does not open covered in errors (they are listed
     * with the outputs they block).
     * @type {Set<string>}
     */
    this.touched = new Set();

    const $ = (/** @type {string} */ id) => {
      const el = doc.getElementById(id);
      if (!el) throw new Error(`missing #${id}`);
      return el;
    };
    this.$ = $;
    this.section = $('generator');
    this.announcer = new Announcer($('gen-live'));
    this.notice = $('gen-notice');
    this.noticeText = $('gen-notice-text');
    this.undoButton = /** @type {HTMLButtonElement} */ ($('gen-undo'));
    this.shareDone = $('gen-share-done');

    this.state = this.loadStored();

    // Inputs.
    this.domain = /** @type {HTMLInputElement} */ ($('gen-domain'));
    this.modeRadios = /** @type {HTMLInputElement[]} */ ([...doc.querySelectorAll('input[name="gen-mode"]')]);
    this.maxAgeRadios = /** @type {HTMLInputElement[]} */ ([...doc.querySelectorAll('input[name="gen-max-age"]')]);
    this.maxAgeCustomField = $('gen-max-age-custom-field');
    this.maxAgeCustom = /** @type {HTMLInputElement} */ ($('gen-max-age-custom'));
    this.id = /** @type {HTMLInputElement} */ ($('gen-id'));
    /** @type {Record<string, HTMLSelectElement>} */
    this.dmarcSelect = Object.fromEntries(
      dmarcSelects.map((tag) => [tag, /** @type {HTMLSelectElement} */ ($(`gen-dmarc-${tag}`))]),
    );
    /** @type {Record<string, HTMLInputElement>} */
    this.dmarcText = Object.fromEntries(
      dmarcTexts.map((tag) => [tag, /** @type {HTMLInputElement} */ ($(`gen-dmarc-${tag}`))]),
    );
    this.foBoxes = /** @type {HTMLInputElement[]} */ ([...doc.querySelectorAll('input[name="gen-dmarc-fo"]')]);
    this.legacy = /** @type {HTMLInputElement} */ ($('gen-dmarc-legacy'));
    this.legacyFields = $('gen-dmarc-legacy-fields');
    /** @type {ReturnType<typeof setTimeout> | undefined} a user edit waiting to be generated */
    this.generateTimer = undefined;

    // Each text field holds what fits its value; a longer paste is cut, with a note.
    /** @param {HTMLInputElement} input @param {number} max @param {string} messagesId */
    const guard = (input, max, messagesId) => {
      const g = new LengthGuard(input, max, i18n);
      $(messagesId).before(g.note);
      return g;
    };
    this.guards = {
      domain: guard(this.domain, fieldLimits.domain, 'gen-domain-msgs'),
      maxAgeCustom: guard(this.maxAgeCustom, fieldLimits.maxAgeCustom, 'gen-max-age-msgs'),
      id: guard(this.id, fieldLimits.id, 'gen-id-msgs'),
      pct: guard(this.dmarcText.pct, fieldLimits.pct, 'gen-dmarc-pct-msgs'),
      rf: guard(this.dmarcText.rf, fieldLimits.rf, 'gen-dmarc-rf-msgs'),
      ri: guard(this.dmarcText.ri, fieldLimits.ri, 'gen-dmarc-ri-msgs'),
    };
    i18n.onChange(() => {
      for (const g of Object.values(this.guards)) g.render();
    });

    this.mx = new ListEditor(
      $('gen-mx'),
      { id: 'gen-mx', rowKey: 'gen.mx.row', rowNameKey: 'gen.mx.rowName', addKey: 'gen.mx.add', placeholder: 'mail.example.com', describedBy: 'gen-mx-help', reorder: true, maxLength: fieldLimits.mx },
      i18n,
    );
    // "Import from DNS" (the checker's lookup code): fills the MX list, with Undo.
    this.mxImport = new MxImport($('gen-mx'), i18n, {
      domain: () => this.state.domain,
      currentMx: () => this.state.mx,
      client: () => this.client,
      focusDomain: () => this.domain.focus(),
      apply: (hosts, domain) => this.importMx(hosts, domain),
    });
    this.rua = new ListEditor(
      $('gen-rua'),
      { id: 'gen-rua', rowKey: 'gen.rua.row', rowNameKey: 'gen.rua.rowName', addKey: 'gen.rua.add', placeholder: 'tls-reports@example.com', describedBy: 'gen-rua-help', inputMode: 'email', maxLength: fieldLimits.rua },
      i18n,
    );
    this.dmarcRua = new ListEditor(
      $('gen-dmarc-rua'),
      { id: 'gen-dmarc-rua', rowKey: 'gen.dmarcRua.row', rowNameKey: 'gen.dmarcRua.rowName', addKey: 'gen.dmarcRua.add', placeholder: 'dmarc-reports@example.com', describedBy: 'gen-dmarc-rua-help', inputMode: 'email', maxLength: fieldLimits.rua },
      i18n,
    );
    this.dmarcRuf = new ListEditor(
      $('gen-dmarc-ruf'),
      { id: 'gen-dmarc-ruf', rowKey: 'gen.dmarcRuf.row', rowNameKey: 'gen.dmarcRuf.rowName', addKey: 'gen.dmarcRuf.add', placeholder: 'dmarc-failures@example.com', describedBy: 'gen-dmarc-ruf-help', inputMode: 'email', maxLength: fieldLimits.rua },
      i18n,
    );

    // Messages beside each field.
    const messages = (/** @type {string} */ id, /** @type {HTMLElement[]} */ controls) =>
      new FieldMessages($(id), i18n, controls);
    /** @type {Record<string, FieldMessages>} */
    this.fieldMessages = {
      domain: messages('gen-domain-msgs', [this.domain]),
      mx: messages('gen-mx-msgs', []),
      mode: messages('gen-mode-msgs', []),
      maxAge: messages('gen-max-age-msgs', [this.maxAgeCustom]),
      id: messages('gen-id-msgs', [this.id]),
      rua: messages('gen-rua-msgs', []),
      'dmarc.rua': messages('gen-dmarc-rua-msgs', []),
      'dmarc.ruf': messages('gen-dmarc-ruf-msgs', []),
      'dmarc.fo': messages('gen-dmarc-fo-msgs', []),
    };
    for (const tag of dmarcSelects) this.fieldMessages[`dmarc.${tag}`] = messages(`gen-dmarc-${tag}-msgs`, [this.dmarcSelect[tag]]);
    for (const tag of dmarcTexts) this.fieldMessages[`dmarc.${tag}`] = messages(`gen-dmarc-${tag}-msgs`, [this.dmarcText[tag]]);

    // Presets.
    this.presets = new PresetPanel($('gen-preset-buttons'), $('gen-preset-info'), i18n, {
      apply: (preset) => this.applyPreset(preset),
      addPattern: (pattern) => this.addPattern(pattern),
      daneHost: (value) => {
        this.state.daneHost = value;
        this.changed('daneHost');
      },
    });

    // Outputs.
    /** @type {import('./output-block.js').OutputActions} */
    const actions = {
      copy: (text, what, source) => void this.copy(text, what, source),
      download: (filename, text) => {
        downloadText(filename, text);
        this.announcer.say(i18n.t('gen.announce.downloaded', { name: filename }));
      },
      openInValidator: (text) => host.openInValidator(text),
    };
    const locate = (/** @type {Source} */ source) => (/** @type {string} */ field) => this.locate(source, field);
    this.policyPanel = new ArtefactPanel($('gen-policy-out'), i18n, locate('policy'));
    this.policyFile = this.policyPanel.add(
      new OutputBlock({ key: 'policy', titleKey: 'gen.out.policyFile', download: 'mta-sts.txt', toValidator: true, level: 'h5' }, i18n, actions),
    );
    this.recordPanel = new ArtefactPanel($('gen-record-out'), i18n, locate('sts'));
    this.stsValue = this.recordPanel.add(
      new OutputBlock({ key: 'sts-value', titleKey: 'gen.out.stsValue', toValidator: true, level: 'h5' }, i18n, actions),
    );
    this.stsZone = this.recordPanel.add(new OutputBlock({ key: 'sts-zone', titleKey: 'gen.out.stsZone', level: 'h5' }, i18n, actions));
    this.hostHint = this.recordPanel.add(new OutputBlock({ key: 'host-hint', titleKey: 'gen.out.hostHint', level: 'h5' }, i18n, actions));
    this.tlsrptPanel = new ArtefactPanel($('gen-tlsrpt-out'), i18n, locate('tlsrpt'));
    this.tlsrptValue = this.tlsrptPanel.add(
      new OutputBlock({ key: 'tlsrpt-value', titleKey: 'gen.out.tlsrptValue', toValidator: true, level: 'h5' }, i18n, actions),
    );
    this.tlsrptZone = this.tlsrptPanel.add(new OutputBlock({ key: 'tlsrpt-zone', titleKey: 'gen.out.tlsrptZone', level: 'h5' }, i18n, actions));
    this.dmarcPanel = new ArtefactPanel($('gen-dmarc-out'), i18n, locate('dmarc'));
    this.dmarcValue = this.dmarcPanel.add(
      new OutputBlock({ key: 'dmarc-value', titleKey: 'gen.out.dmarcValue', toValidator: true, level: 'h5' }, i18n, actions),
    );
    this.dmarcZone = this.dmarcPanel.add(new OutputBlock({ key: 'dmarc-zone', titleKey: 'gen.out.dmarcZone', level: 'h5' }, i18n, actions));
    this.dmarcAuth = this.dmarcPanel.add(new OutputBlock({ key: 'dmarc-auth', titleKey: 'gen.out.dmarcAuth', level: 'h5' }, i18n, actions));
    this.hostingPanel = new ArtefactPanel($('gen-hosting-out'), i18n, locate('hosting'));
    // The tabs sit below the status line of the hosting outputs.
    const tabs = $('gen-host-tabs');
    const tabPanel = $('gen-host-panel');
    this.hostingPanel.blocks.append(tabs, tabPanel);
    this.hosting = new HostingPanel(tabs, tabPanel, hostingIds, i18n, actions);
    this.hosting.onSelect = (id) => {
      this.state.host = id;
      this.save();
    };

    this.bind();
    this.fill();
    i18n.onChange(() => {
      this.renderNotice();
      this.generate();
    });
    globalThis.addEventListener('pagehide', () => this.save());
    this.showLoading();
  }

  // ---- state -------------------------------------------------------------

  /** @returns {GeneratorState} */
  loadStored() {
    const raw = this.store.get(storeKey);
    if (raw === null) return defaultState();
    try {
      return sanitizeState(JSON.parse(raw));
    } catch {
      return defaultState();
    }
  }


  /** Keeps the state in localStorage and, on the generator view, in the URL fragment. */
  save() {
    this.store.set(storeKey, JSON.stringify(this.state));
    // Not while the address already leads elsewhere (a link just followed,
    // its hashchange not yet handled): the saved state must not take it back.
    if (this.host.isActive() && this.claims(globalThis.location.hash.replace(/^#/, ''))) {
      const hash = `#${encodeFragment(this.state)}`;
      if (globalThis.location.hash !== hash) {
        history.replaceState(history.state, '', `${globalThis.location.pathname}${globalThis.location.search}${hash}`);
      }
    }
  }

  /**
   * Something in the form changed: keep it and make the outputs again.
   * @param {string} [field] the field the user edited
   */
  changed(field) {
    if (field) this.touched.add(field);
    // The fields are short (see LengthGuard): keeping the state costs little.
    this.save();
    clearTimeout(this.generateTimer);
    this.generateTimer = setTimeout(() => {
      this.generateTimer = undefined;
      this.generate(true);
    }, generateDelay);
  }

  /**
   * Puts a whole new state in place (link, clear, undo), keeping the old one for Undo.
   * @param {GeneratorState} state
   * @param {string | null} noticeKey
   * @param {Record<string, string>} [params]
   * @param {boolean} [undoable]
   */
  adoptState(state, noticeKey, params = {}, undoable = true) {
    this.previous = undoable ? cloneState(this.state) : null;
    this.state = state;
    this.fill();
    this.noticeMessage = noticeKey ? { key: noticeKey, params } : null;
    this.renderNotice();
    // An edit still waiting belongs to the state just replaced.
    clearTimeout(this.generateTimer);
    this.generateTimer = undefined;
    this.save();
    this.generate(false);
  }

  /** Writes the state into every control. */
  fill() {
    const s = this.state;
    for (const g of Object.values(this.guards)) g.reset();
    this.domain.value = s.domain;
    this.mx.setValues(s.mx);
    for (const radio of this.modeRadios) radio.checked = radio.value === s.mode;
    for (const radio of this.maxAgeRadios) radio.checked = radio.value === s.maxAge;
    this.maxAgeCustom.value = s.maxAgeCustom;
    this.maxAgeCustomField.hidden = s.maxAge !== 'custom';
    this.id.value = s.id;
    this.rua.setValues(s.rua);
    for (const tag of dmarcSelects) this.dmarcSelect[tag].value = s.dmarc[tag];
    for (const tag of dmarcTexts) this.dmarcText[tag].value = s.dmarc[tag];
    for (const box of this.foBoxes) box.checked = s.dmarc.fo.includes(box.value);
    this.legacy.checked = s.dmarc.legacy;
    this.legacyFields.hidden = !s.dmarc.legacy;
    this.dmarcRua.setValues(s.dmarc.rua);
    this.dmarcRuf.setValues(s.dmarc.ruf);
    this.presets.update(s.preset, s.mx, s.daneHost);
    this.hosting.setSelected(s.host);
  }

  /** Listens to every control; each writes its part of the state. */
  bind() {
    const s = () => this.state;
    this.domain.addEventListener('input', () => {
      this.guards.domain.check();
      s().domain = this.domain.value;
      this.changed('domain');
    });
    this.mx.onChange = (values) => {
      s().mx = values;
      this.presets.update(s().preset, values, s().daneHost);
      this.changed('mx');
    };
    for (const radio of this.modeRadios) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        s().mode = /** @type {GeneratorState['mode']} */ (modes.includes(/** @type {any} */ (radio.value)) ? radio.value : 'testing');
        this.changed();
      });
    }
    for (const radio of this.maxAgeRadios) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        const before = s().maxAge;
        s().maxAge = radio.value;
        if (radio.value === 'custom' && s().maxAgeCustom.trim() === '' && before !== 'custom') {
          // Start from the preset that was chosen, so that the policy stays valid.
          s().maxAgeCustom = before;
          this.maxAgeCustom.value = before;
        }
        this.maxAgeCustomField.hidden = radio.value !== 'custom';
        this.changed();
      });
    }
    this.maxAgeCustom.addEventListener('input', () => {
      this.guards.maxAgeCustom.check();
      s().maxAgeCustom = this.maxAgeCustom.value;
      this.changed('maxAge');
    });
    this.id.addEventListener('input', () => {
      this.guards.id.check();
      s().id = this.id.value;
      this.changed('id');
    });
    this.$('gen-new-id').addEventListener('click', () => void this.newId());
    this.rua.onChange = (values) => {
      s().rua = values;
      this.changed('rua');
    };
    for (const tag of dmarcSelects) {
      const select = this.dmarcSelect[tag];
      select.addEventListener('change', () => {
        s().dmarc[tag] = select.value;
        this.changed();
      });
    }
    for (const tag of dmarcTexts) {
      const input = this.dmarcText[tag];
      input.addEventListener('input', () => {
        this.guards[tag].check();
        s().dmarc[tag] = input.value;
        this.changed(`dmarc.${tag}`);
      });
    }
    for (const box of this.foBoxes) {
      box.addEventListener('change', () => {
        s().dmarc.fo = this.foBoxes.filter((b) => b.checked).map((b) => b.value);
        this.changed();
      });
    }
    this.legacy.addEventListener('change', () => {
      s().dmarc.legacy = this.legacy.checked;
      this.legacyFields.hidden = !this.legacy.checked;
      this.changed();
    });
    this.dmarcRua.onChange = (values) => {
      s().dmarc.rua = values;
      this.changed('dmarc.rua');
    };
    this.dmarcRuf.onChange = (values) => {
      s().dmarc.ruf = values;
      this.changed('dmarc.ruf');
    };
    this.$('gen-share').addEventListener('click', () => void this.share());
    this.$('gen-clear').addEventListener('click', () => this.clear());
    this.undoButton.addEventListener('click', () => this.undo());
  }

  // ---- routing -----------------------------------------------------------

  /**
   * Fragments that show this view: #generator and a shared state.
   * @param {string} fragment without '#'
   */
  claims(fragment) {
    return claimsFragment(fragment);
  }

  /** The view is on screen: adopt a state from the link, or put ours in the address. */
  onShow() {
    const raw = decodeFragment(globalThis.location.hash);
    if (raw !== null) {
      const linked = sanitizeState(raw, this.state.id);
      if (!sameState(linked, this.state)) {
        const had = hasUserInput(this.state);
        this.adoptState(linked, 'gen.notice.link', {}, had);
        return;
      }
    }
    this.save();
  }

  // ---- actions -----------------------------------------------------------

  /** @param {Preset} preset */
  applyPreset(preset) {
    const required = preset.patterns.filter((p) => !p.optional).map((p) => p.pattern);
    const current = this.state.mx.map((v) => v.trim()).filter((v) => v !== '');
    const replacing = current.length > 0 && current.join('\n') !== required.join('\n');
    this.previous = replacing ? cloneState(this.state) : null;
    this.state.preset = preset.id;
    this.state.mx = required;
    this.mx.setValues(required);
    this.presets.update(preset.id, required, this.state.daneHost);
    this.noticeMessage = replacing ? { key: 'gen.notice.preset', params: { name: preset.name } } : null;
    this.renderNotice();
    this.changed('mx');
  }

  /**
   * The MX hosts found in the DNS replace the list (exact host names); the
   * previous list comes back with Undo.
   * @param {string[]} hosts
   * @param {string} domain
   */
  importMx(hosts, domain) {
    const current = this.state.mx.map((v) => v.trim()).filter((v) => v !== '');
    this.previous = current.length > 0 ? cloneState(this.state) : null;
    this.state.mx = [...hosts];
    this.mx.setValues(this.state.mx);
    this.presets.update(this.state.preset, this.state.mx, this.state.daneHost);
    this.noticeMessage = current.length > 0 ? { key: 'gen.notice.imported', params: { domain } } : null;
    this.renderNotice();
    this.changed('mx');
  }

  /** @param {string} pattern */
  addPattern(pattern) {
    const normal = (/** @type {string} */ v) => v.trim().toLowerCase().replace(/\.$/, '');
    if (!this.state.mx.some((v) => normal(v) === normal(pattern))) {
      const empty = this.state.mx.findIndex((v) => v.trim() === '');
      if (empty >= 0) this.state.mx[empty] = pattern;
      else this.state.mx.push(pattern);
      this.mx.setValues(this.state.mx);
    }
    this.presets.update(this.state.preset, this.state.mx, this.state.daneHost);
    this.announcer.say(this.i18n.t('preset.inListName', { pattern }));
    this.changed();
  }

  async newId() {
    const reply = await this.client?.newId();
    if (!reply) return;
    this.state.id = reply.value;
    this.id.value = reply.value;
    this.announcer.say(this.i18n.t('gen.announce.newId', { id: reply.value }));
    this.changed();
  }

  clear() {
    const id = this.state.id;
    this.touched.clear();
    this.adoptState(defaultState(id), 'gen.notice.cleared');
  }

  undo() {
    if (!this.previous) return;
    const previous = this.previous;
    this.adoptState(previous, 'gen.notice.undone', {}, false);
  }

  renderNotice() {
    const message = this.noticeMessage;
    this.notice.hidden = message === null;
    if (!message) return;
    this.noticeText.textContent = this.i18n.t(message.key, message.params);
    this.undoButton.hidden = this.previous === null;
  }

  /**
   * @param {string} text
   * @param {string} what the output's title, for the announcement
   * @param {HTMLElement} source the element that shows the text
   */
  async copy(text, what, source) {
    const t = this.i18n.t.bind(this.i18n);
    if (await copyText(text)) {
      this.announcer.say(t('gen.announce.copied', { what }));
      const done = source.closest('.output')?.querySelector('.copy-done');
      if (done instanceof HTMLElement) flash(done, t('gen.copied'));
    } else {
      selectContents(source);
      this.announcer.say(t('gen.announce.copyFailed'));
    }
  }

  async share() {
    const t = this.i18n.t.bind(this.i18n);
    const url = new URL(globalThis.location.href);
    url.hash = encodeFragment(this.state);
    if (await copyText(url.href)) {
      this.announcer.say(t('gen.announce.linkCopied'));
      flash(this.shareDone, t('gen.copied'));
    } else {
      this.announcer.say(t('gen.announce.linkSelected'));
    }
  }

  // ---- kit -----------------------------------------------------------------

  /** @param {ValidatorClient} client */
  async setClient(client) {
    this.client = client;
    this.presets.setPresets(client.presets);
    this.presets.update(this.state.preset, this.state.mx, this.state.daneHost);
    if (this.state.id.trim() === '') {
      const reply = await client.newId();
      if (reply && this.state.id.trim() === '') {
        this.state.id = reply.value;
        this.id.value = reply.value;
        this.save();
      }
    }
    this.generate(false);
  }

  /** @param {unknown} error */
  setKitError(error) {
    this.kitError = error instanceof Error ? error.message : String(error);
    this.showLoading();
  }

  showLoading() {
    const t = this.i18n.t.bind(this.i18n);
    const text = this.kitError ? t('gen.loadFailed', { error: this.kitError }) : t('gen.loading');
    for (const panel of this.panels()) panel.loading(text);
  }

  panels() {
    return [this.policyPanel, this.recordPanel, this.tlsrptPanel, this.dmarcPanel, this.hostingPanel];
  }

  /**
   * Asks the kit for every output of the current state.
   * @param {boolean} [fromUser] an edit: a changed policy gets a new id
   */
  generate(fromUser = false) {
    const client = this.client;
    if (!client) return;
    if (this.generateTimer !== undefined) {
      // A whole new state or a new language: the waiting edit is part of this run.
      clearTimeout(this.generateTimer);
      this.generateTimer = undefined;
      fromUser = true;
    }
    const seq = ++this.seq;
    client
      .generate({
        state: this.state,
        lang: this.i18n.lang,
        renewIdFrom: fromUser ? this.lastPolicy : null,
      })
      .then(
        (reply) => {
          // An edit waiting for its own run makes this answer stale already.
          if (reply && seq === this.seq && this.generateTimer === undefined) this.render(reply.generated);
        },
        (error) => {
          if (seq === this.seq) this.setKitError(error);
        },
      );
  }

  /** @param {Generated} g */
  render(g) {
    const t = this.i18n.t.bind(this.i18n);
    this.generated = g;
    if (g.id !== this.state.id) {
      this.state.id = g.id;
      if (this.id.value !== g.id) this.id.value = g.id;
      this.save();
    }
    if (g.policy.ok) this.lastPolicy = g.policy.text;

    // Messages beside each field.
    /** @type {Map<string, FieldDiagnostic[]>} */
    const byField = new Map();
    /** @type {Map<string, FieldDiagnostic[][]>} */
    const byRow = new Map();
    /** @type {Record<string, FieldDiagnostic[]>} */
    const notes = { policy: [], sts: [], tlsrpt: [], dmarc: [], hosting: [] };
    /** @param {string} key @param {FieldDiagnostic} d */
    const put = (key, d) => byField.set(key, [...(byField.get(key) ?? []), d]);
    /** @param {string} list @param {number} index @param {FieldDiagnostic} d */
    const putRow = (list, index, d) => {
      const rows = byRow.get(list) ?? [];
      rows[index] = [...(rows[index] ?? []), d];
      byRow.set(list, rows);
    };
    /** @type {[Source, any][]} */
    const sources = [
      ['policy', g.policy],
      ['sts', g.sts],
      ['tlsrpt', g.tlsrpt],
      ['dmarc', g.dmarc],
      ['hosting', g.hosting],
      ['dane', g.dane],
    ];
    for (const [source, result] of sources) {
      for (const d of /** @type {FieldDiagnostic[]} */ (result?.diagnostics ?? [])) {
        const key = this.fieldKey(source, d.field ?? '');
        if (key.row) putRow(key.row.list, key.row.index, d);
        else if (key.field) put(key.field, d);
        else if (source !== 'dane') notes[source].push(d);
      }
    }
    for (const [key, messages] of Object.entries(this.fieldMessages)) {
      messages.render(this.shows(key) ? byField.get(key) ?? [] : []);
    }
    /** @type {[ListEditor, string, string[]][]} */
    const lists = [
      [this.mx, 'mx', this.state.mx],
      [this.rua, 'rua', this.state.rua],
      [this.dmarcRua, 'dmarc.rua', this.state.dmarc.rua],
      [this.dmarcRuf, 'dmarc.ruf', this.state.dmarc.ruf],
    ];
    for (const [editor, key, values] of lists) {
      const rows = byRow.get(key) ?? [];
      editor.showMessages(values.map((v, i) => (v.trim() !== '' || this.touched.has(key) ? rows[i] ?? [] : [])));
    }
    this.presets.showDane(g.dane);

    // The outputs, only when the core made them and the validator agrees.
    const checked = (/** @type {any} */ check) =>
      check ? t('gen.checked', { counts: countsText(this.i18n, check.diagnostics) }) : '';
    /**
     * @param {ArtefactPanel} panel
     * @param {any} result
     * @param {any} check
     * @param {string} text
     * @param {FieldDiagnostic[]} panelNotes
     */
    const show = (panel, result, check, text, panelNotes) => {
      if (!result.ok) panel.invalid(result.diagnostics);
      else if (check && !check.ok) panel.invalid(check.diagnostics);
      else panel.valid(text, panelNotes.filter((d) => d.severity !== 'error'));
      return result.ok && (!check || check.ok);
    };

    const policyUrl = g.sts.ok && g.sts.policyUrl ? g.sts.policyUrl : '';
    if (show(this.policyPanel, g.policy, g.checks.policy, checked(g.checks.policy), notes.policy)) {
      this.policyFile.set(
        g.policy.text,
        policyUrl ? t('gen.where.policy', { url: policyUrl }) : t('gen.where.policyNoDomain'),
      );
    }
    if (show(this.recordPanel, g.sts, g.checks.sts, checked(g.checks.sts), notes.sts)) {
      this.stsValue.set(g.sts.text, this.whereTxt('_mta-sts', g.sts.domain));
      this.stsZone.set(g.sts.zoneLine, t('gen.where.zone'));
      this.hostHint.set(g.sts.hostHint, t('gen.where.hostHint', { host: g.sts.policyHost }));
      // Without a domain, names would be relative: show the value only.
      this.stsZone.element.hidden = !g.sts.domain;
      this.hostHint.element.hidden = !g.sts.domain;
    }
    if (show(this.tlsrptPanel, g.tlsrpt, g.checks.tlsrpt, checked(g.checks.tlsrpt), notes.tlsrpt)) {
      this.tlsrptValue.set(g.tlsrpt.text, this.whereTxt('_smtp._tls', g.tlsrpt.domain));
      this.tlsrptZone.set(g.tlsrpt.zoneLine, t('gen.where.zone'));
      this.tlsrptZone.element.hidden = !g.tlsrpt.domain;
    }
    const c7489 = g.checks.dmarc7489;
    const c9989 = g.checks.dmarc9989;
    const dmarcCheck = c7489 && c9989 ? { ok: c7489.ok && c9989.ok, diagnostics: [...c7489.diagnostics, ...c9989.diagnostics] } : null;
    const dmarcText =
      c7489 && c9989
        ? t('gen.checkedDmarc', { a: countsText(this.i18n, c7489.diagnostics), b: countsText(this.i18n, c9989.diagnostics) })
        : '';
    if (show(this.dmarcPanel, g.dmarc, dmarcCheck, dmarcText, notes.dmarc)) {
      this.dmarcValue.set(g.dmarc.text, this.whereTxt('_dmarc', g.dmarc.domain));
      const strings = g.dmarc.strings?.length ?? 1;
      this.dmarcZone.set(g.dmarc.zoneLine, strings > 1 ? t('gen.where.dmarcSplit', { n: strings }) : t('gen.where.zone'));
      this.dmarcZone.element.hidden = !g.dmarc.domain;
      const auth = /** @type {{ zoneLine: string }[]} */ (g.dmarc.authorizations ?? []);
      this.dmarcAuth.element.hidden = auth.length === 0;
      this.dmarcAuth.set(auth.map((a) => a.zoneLine).join('\n'), t('gen.where.dmarcAuth'));
    }
    if (g.hosting.ok) {
      this.hostingPanel.valid('', notes.hosting.filter((d) => d.severity !== 'error'));
      this.hostingPanel.status.hidden = true;
      this.hosting.setSnippets(g.hosting.snippets);
    } else {
      this.hostingPanel.status.hidden = false;
      this.hostingPanel.invalid(g.hosting.diagnostics);
    }
    this.section.dataset.generated = String(this.seq);
  }

  /**
   * Where a record goes: its name, or a hint to enter the domain.
   * @param {string} prefix e.g. "_mta-sts"
   * @param {string} domain the A-label the core used ('' when none)
   */
  whereTxt(prefix, domain) {
    const t = this.i18n.t.bind(this.i18n);
    return domain ? t('gen.where.txt', { name: `${prefix}.${domain}` }) : t('gen.where.txtNoDomain', { prefix });
  }

  /**
   * Whether the messages of a field are shown beside it: once it has a value
   * or the user has edited it.
   * @param {string} key
   */
  shows(key) {
    if (this.touched.has(key)) return true;
    const s = this.state;
    const filled = (/** @type {string[]} */ list) => list.some((v) => v.trim() !== '');
    if (key === 'domain') return s.domain.trim() !== '';
    if (key === 'mx') return filled(s.mx);
    if (key === 'rua') return filled(s.rua);
    if (key === 'dmarc.rua') return filled(s.dmarc.rua);
    if (key === 'dmarc.ruf') return filled(s.dmarc.ruf);
    if (key === 'id') return s.id.trim() !== '';
    if (key.startsWith('dmarc.') && key.slice(6) in this.dmarcText) {
      return s.dmarc[/** @type {'pct' | 'rf' | 'ri'} */ (key.slice(6))].trim() !== '';
    }
    return true;
  }

  /**
   * Where a core diagnostic goes in the form.
   * @param {Source} source
   * @param {string} field
   * @returns {{ field?: string, row?: { list: string, index: number } }}
   */
  fieldKey(source, field) {
    const { name, index } = parseField(field);
    if (name === 'domain') return { field: 'domain' };
    if (source === 'dane') return {};
    if (source === 'policy') {
      if (name === 'mx') return index === null ? { field: 'mx' } : { row: { list: 'mx', index } };
      if (name === 'mode' || name === 'maxAge') return { field: name };
    }
    if (source === 'sts' && name === 'id') return { field: 'id' };
    if (source === 'tlsrpt' && name === 'rua') {
      return index === null ? { field: 'rua' } : { row: { list: 'rua', index } };
    }
    if (source === 'dmarc') {
      if (name === 'rua' || name === 'ruf') {
        return index === null ? { field: `dmarc.${name}` } : { row: { list: `dmarc.${name}`, index } };
      }
      if (this.fieldMessages[`dmarc.${name}`]) return { field: `dmarc.${name}` };
    }
    return {};
  }

  /**
   * The control behind a diagnostic's field, for "Go to …" buttons.
   * @param {Source} source
   * @param {string} field
   * @returns {{ label: string, focus: () => void } | null}
   */
  locate(source, field) {
    const t = this.i18n.t.bind(this.i18n);
    const { name, index } = parseField(field);
    /** @param {HTMLElement | null | undefined} el */
    const focus = (el) => () => {
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
    };
    const checked = (/** @type {HTMLInputElement[]} */ radios) => radios.find((r) => r.checked) ?? radios[0];
    if (name === 'domain') return { label: t('gen.domain.label'), focus: focus(this.domain) };
    if (source === 'policy' && name === 'mx') {
      if (index !== null) return { label: this.mx.rowLabel(index), focus: focus(this.mx.input(index)) };
      return { label: t('gen.mx.legend'), focus: focus(this.mx.input(0)) };
    }
    if (source === 'policy' && name === 'mode') return { label: t('gen.mode.legend'), focus: focus(checked(this.modeRadios)) };
    if (source === 'policy' && name === 'maxAge') {
      const target = this.state.maxAge === 'custom' ? this.maxAgeCustom : checked(this.maxAgeRadios);
      return { label: t('gen.maxAge.legend'), focus: focus(target) };
    }
    if (name === 'id') return { label: t('gen.id.label'), focus: focus(this.id) };
    if (source === 'tlsrpt' && name === 'rua') {
      const i = index ?? 0;
      return { label: index === null ? t('gen.tlsrpt.legend') : this.rua.rowLabel(i), focus: focus(this.rua.input(i)) };
    }
    if (source === 'dmarc' && (name === 'rua' || name === 'ruf')) {
      const editor = name === 'rua' ? this.dmarcRua : this.dmarcRuf;
      const i = index ?? 0;
      return {
        label: index === null ? t(`field.dmarc.${name}`) : editor.rowLabel(i),
        focus: focus(editor.input(i)),
      };
    }
    if (source === 'dmarc' && name in this.dmarcSelect) {
      return { label: t(`field.dmarc.${name}`), focus: focus(this.dmarcSelect[name]) };
    }
    if (source === 'dmarc' && name in this.dmarcText) {
      return { label: t(`field.dmarc.${name}`), focus: focus(this.dmarcText[name]) };
    }
    if (source === 'dmarc' && name === 'fo') return { label: t('field.dmarc.fo'), focus: focus(this.foBoxes[0]) };
    if (source === 'hosting' && name === 'policy') {
      const heading = this.$('gen-policy-out-heading');
      heading.tabIndex = -1;
      return { label: t('gen.out.policy'), focus: focus(heading) };
    }
    return null;
  }
}

/**
 * Shows a short confirmation beside a button for a moment.
 * @param {HTMLElement} el
 * @param {string} text
 */
function flash(el, text) {
  el.textContent = text;
  el.hidden = false;
  clearTimeout(Number(el.dataset.timer));
  el.dataset.timer = String(setTimeout(() => {
    el.hidden = true;
  }, 2500));
}

