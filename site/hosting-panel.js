// @ts-check
// Hosting snippets (GEN-008) in tabs: nginx, Apache, Caddy, a Cloudflare
// Worker, GitHub Pages and the DNS zone lines, filled in with the user's
// domain and policy by the core. Arrow keys, Home and End move between tabs
// (WAI-ARIA tabs pattern); the files a snippet needs are listed under it.

import { OutputBlock } from './output-block.js';

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {import('./output-block.js').OutputActions} OutputActions */
/** @typedef {import('./generator-model.js').HostingId} HostingId */
/**
 * @typedef {{ id: HostingId, title: string, syntax: string, text: string,
 *   files: { path: string, content: string }[] }} Snippet
 */

export class HostingPanel {
  /**
   * @param {HTMLElement} tablist element with role="tablist"
   * @param {HTMLElement} panel element with role="tabpanel"
   * @param {readonly HostingId[]} ids
   * @param {I18n} i18n
   * @param {OutputActions} actions
   */
  constructor(tablist, panel, ids, i18n, actions) {
    this.tablist = tablist;
    this.panel = panel;
    this.ids = ids;
    this.i18n = i18n;
    this.actions = actions;
    /** @type {HostingId} */
    this.selected = ids[0];
    /** @type {(id: HostingId) => void} */
    this.onSelect = () => {};
    /** @type {Snippet[]} */
    this.snippets = [];
    this.tabs = ids.map((id) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = `host-tab-${id}`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panel.id);
      tab.dataset.i18n = `hosting.tab.${id}`;
      tab.addEventListener('click', () => this.select(id, false));
      tab.addEventListener('keydown', (event) => this.key(event, id));
      return tab;
    });
    tablist.replaceChildren(...this.tabs);
    i18n.apply(tablist);
    this.snippetBlock = new OutputBlock({ key: 'hosting', titleKey: 'hosting.snippet', level: 'h5' }, i18n, actions);
    this.intro = document.createElement('p');
    this.intro.className = 'hosting-intro';
    this.filesHeading = document.createElement('h5');
    this.filesHeading.className = 'files-heading';
    this.filesHeading.dataset.i18n = 'hosting.files';
    this.files = document.createElement('div');
    this.files.className = 'hosting-files';
    panel.replaceChildren(this.intro, this.snippetBlock.element, this.filesHeading, this.files);
    i18n.apply(panel);
    i18n.onChange(() => this.render());
    this.markSelected();
    this.render();
  }

  /**
   * @param {KeyboardEvent} event
   * @param {HostingId} id
   */
  key(event, id) {
    const i = this.ids.indexOf(id);
    let next = -1;
    if (event.key === 'ArrowRight') next = (i + 1) % this.ids.length;
    else if (event.key === 'ArrowLeft') next = (i - 1 + this.ids.length) % this.ids.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = this.ids.length - 1;
    if (next < 0) return;
    event.preventDefault();
    this.select(this.ids[next], true);
  }

  /**
   * @param {HostingId} id
   * @param {boolean} focus move the focus to the tab (keyboard)
   */
  select(id, focus) {
    this.selected = id;
    this.markSelected();
    if (focus) this.tabs[this.ids.indexOf(id)]?.focus();
    this.render();
    this.onSelect(id);
  }

  /** @param {HostingId} id */
  setSelected(id) {
    if (id === this.selected) return;
    this.selected = id;
    this.markSelected();
    this.render();
  }

  markSelected() {
    this.tabs.forEach((tab, i) => {
      const on = this.ids[i] === this.selected;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    });
    this.panel.setAttribute('aria-labelledby', `host-tab-${this.selected}`);
  }

  /** @param {Snippet[]} snippets from kit.generateHosting */
  setSnippets(snippets) {
    this.snippets = snippets;
    this.render();
  }

  render() {
    const t = this.i18n.t.bind(this.i18n);
    const snippet = this.snippets.find((s) => s.id === this.selected);
    this.intro.textContent = t(`hosting.intro.${this.selected}`);
    this.snippetBlock.setTitle(t(`hosting.snippetTitle.${this.selected}`));
    this.snippetBlock.set(snippet?.text ?? '');
    const files = snippet?.files ?? [];
    this.filesHeading.hidden = files.length === 0;
    this.files.replaceChildren(
      ...files.map((file, i) => {
        const isPolicy = file.path.endsWith('/mta-sts.txt') || file.path === '.well-known/mta-sts.txt';
        const block = new OutputBlock(
          {
            key: `file-${this.selected}-${i}`,
            title: file.path,
            level: 'h5',
            download: isPolicy ? 'mta-sts.txt' : undefined,
          },
          this.i18n,
          this.actions,
        );
        block.title.classList.add('file-path');
        block.set(file.content, file.content === '' ? t('hosting.emptyFile') : undefined);
        if (file.content === '') {
          block.pre.hidden = true;
          block.copyButton.hidden = true;
        }
        return block.element;
      }),
    );
  }
}
