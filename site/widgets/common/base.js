// @ts-check
// What every MTA-STS Kit widget shares: an open shadow root with the shared
// stylesheet, the language, the one WebAssembly instance of the page (the
// kit's loadKit() is memoized, so three widgets load the core once), small
// DOM helpers, and `static define(tag, registry)`.
//
// A widget touches nothing outside its shadow root: no document.head, no
// service worker, no storage. The light-DOM children are fallback content:
// they show before the element is defined, and the shadow root (which has no
// <slot>) hides them afterwards.

import { loadKit } from '../../kit/kit.mjs';
import { widgetSheet } from './styles.js';
import { translator } from './strings.js';
import { MtastsErrorEvent } from './events.js';

/** @typedef {import('./strings.js').Lang} Lang */
/** @typedef {import('../../kit/kit').Kit & { assess?: (facts: any, opts?: any) => any }} Kit */

/** Where the full site lives: the folder above widgets/. */
export const siteUrl = new URL('../../', import.meta.url).href;

/** The kit, loaded once for every widget of the page. */
export function kit() {
  return loadKit();
}

/**
 * Builds an element: h('p', { class: 'x', part: 'summary' }, 'text', child).
 * Attributes are set with setAttribute and text with text nodes only, so
 * nothing passed here is ever parsed as HTML.
 * @param {string} tag
 * @param {Record<string, string | boolean | null | undefined>} [attrs]
 * @param {(Node | string | null | undefined | false)[]} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/**
 * Text in which `quoted` parts become <code> elements (the catalogue's only
 * markup), built from text nodes.
 * @param {string} text
 * @returns {Node[]}
 */
export function codeRuns(text) {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 0 ? document.createTextNode(part) : h('code', {}, part)))
    .filter((node) => node.textContent !== '');
}

let uid = 0;

/** The connected widgets, told when a `lang` attribute changes anywhere in the document. */
const langWatchers = new Set();
/** @type {MutationObserver | null} */
let langObserver = null;

/** @param {MtastsElement} el */
function watchLang(el) {
  langWatchers.add(el);
  if (langObserver) return;
  // Only `lang` attributes of the light DOM are watched (nothing is changed there).
  langObserver = new MutationObserver(() => {
    for (const w of langWatchers) w.followLang();
  });
  langObserver.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['lang'] });
}

export class MtastsElement extends HTMLElement {
  /** The tag of this element class (set by subclasses). */
  static tagName = '';

  /**
   * Defines the element under `tag` unless that name is already taken.
   * @param {string} [tag]
   * @param {CustomElementRegistry} [registry]
   */
  static define(tag = this.tagName, registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    this.shadow.adoptedStyleSheets = [widgetSheet()];
    /** a prefix for ids inside this shadow root */
    this.uid = `w${++uid}`;
    /** @type {Kit | null} */
    this.kit = null;
    /** @type {string | null} */
    this.kitError = null;
    /** the host page's CSP forbids WebAssembly (kitError says so in the kit's words) */
    this.kitBlockedByCsp = false;
    this.rendered = false;
    /** @type {Lang | null} */
    this.renderedLang = null;
    /** @type {Set<string>} attribute values already reported as not understood */
    this.warned = new Set();
    /** @type {Map<string, Event>} the latest event of each type raised while detached */
    this.pendingEvents = new Map();
  }

  /** The language in use: the element's lang (or its nearest ancestor's) if fr, else en. */
  get uiLang() {
    const own = this.getAttribute('lang');
    const tag = (own ?? this.closest('[lang]')?.getAttribute('lang') ?? 'en').toLowerCase().split('-')[0];
    // Only the widget's own attribute is a mistake worth telling: a page in German is not.
    if (own !== null && own !== '' && tag !== 'fr' && tag !== 'en') this.badValue('lang', own, ['en', 'fr'], 'en');
    return /** @type {Lang} */ (tag === 'fr' ? 'fr' : 'en');
  }

  /**
   * Tells the page's author, once per value, that an attribute was not understood
   * (the widget goes on with the default).
   * @param {string} name
   * @param {string} value
   * @param {readonly string[]} allowed
   * @param {string} fallback
   */
  badValue(name, value, allowed, fallback) {
    const key = `${name}=${value}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    console.warn(`<${this.localName}>: ${name}="${shown}" is not one of ${allowed.join(', ')}; using ${fallback}.`);
  }

  get t() {
    return translator(this.uiLang);
  }

  connectedCallback() {
    watchLang(this);
    if (!this.rendered) {
      this.rendered = true;
      this.render();
      this.localize();
      this.update();
    } else if (this.renderedLang !== this.uiLang) {
      this.relocalize();
    }
    // What changed while the element was out of the document is told now
    // (an event dispatched on a detached element reaches no page listener).
    const pending = [...this.pendingEvents.values()];
    this.pendingEvents.clear();
    for (const event of pending) this.dispatchEvent(event);
    if (!this.kit && !this.kitError) {
      kit().then(
        (k) => {
          this.kit = k;
          this.kitReady();
        },
        (err) => {
          this.kitError = String(err?.message ?? err);
          this.kitBlockedByCsp = err?.name === 'ContentSecurityPolicyError';
          this.kitReady();
          this.emit(new MtastsErrorEvent({ message: this.kitError }));
        },
      );
    }
  }

  /**
   * Puts the catalogue's strings into the static parts of the tree:
   * [data-t] (text), [data-t-rich] (text with `code`), [data-t-aria] (aria-label).
   * The tree itself is kept: a text box keeps its content, focus and selection.
   */
  localize() {
    const t = this.t;
    this.renderedLang = this.uiLang;
    for (const el of this.shadow.querySelectorAll('[data-t]')) el.textContent = t(el.getAttribute('data-t') ?? '');
    for (const el of this.shadow.querySelectorAll('[data-t-rich]')) el.replaceChildren(...codeRuns(t(el.getAttribute('data-t-rich') ?? '')));
    for (const el of this.shadow.querySelectorAll('[data-t-aria]')) el.setAttribute('aria-label', t(el.getAttribute('data-t-aria') ?? ''));
    this.shadow.querySelector('.root')?.setAttribute('lang', this.uiLang);
  }

  disconnectedCallback() {
    langWatchers.delete(this);
  }

  /** A `lang` changed in the page: a widget without its own follows its nearest ancestor's. */
  followLang() {
    if (this.rendered && this.renderedLang !== this.uiLang) this.relocalize();
  }

  /** The language changed: new strings, then the results again in that language. */
  relocalize() {
    this.localize();
    this.localized();
    this.update();
  }

  /** Called after localize() on a language change (subclasses redraw what depends on it). */
  localized() {}

  /**
   * @param {string} name
   * @param {string | null} oldValue
   * @param {string | null} newValue
   */
  attributeChangedCallback(name, oldValue, newValue) {
    // An unchanged value still counts: `el.value = sameText` after the visitor
    // typed puts that text back (the subclasses skip work that changes nothing).
    if (!this.rendered) return;
    if (name === 'lang') {
      if (this.renderedLang !== this.uiLang) this.relocalize();
      return;
    }
    this.attributeChanged(name, newValue);
  }

  /**
   * Dispatches one of the widget's events, or keeps it for the moment the
   * element is back in a document (only the latest of each type).
   * @param {Event} event
   */
  emit(event) {
    if (this.isConnected) this.dispatchEvent(event);
    else this.pendingEvents.set(event.type, event);
  }

  /** @abstract builds the shadow tree */
  render() {}

  /** @abstract refreshes results from the current inputs */
  update() {}

  /** @abstract the kit finished loading (or failed: this.kitError) */
  kitReady() {
    this.update();
  }

  /**
   * @param {string} _name
   * @param {string | null} _value
   */
  attributeChanged(_name, _value) {
    this.update();
  }

  /**
   * A unique id inside this shadow root.
   * @param {string} name
   */
  sid(name) {
    return `${this.uid}-${name}`;
  }

  /**
   * The "loading" / "failed" line while the kit is not ready (null once it is).
   * @returns {string | null}
   */
  kitStatus() {
    if (this.kitError) return this.kitBlockedByCsp ? this.t('kit.csp') : this.t('kit.failed', { error: this.kitError });
    if (!this.kit) return this.t('kit.loading');
    return null;
  }
}
