// @ts-check
// The three views (validator, generator, guide) follow the URL fragment, so
// that links, the Back button and a reload all show the same view:
//   ""  or #validator        → the validator (the default)
//   #generator, #gen=<state> → the generator (the state is the generator's)
//   #guide                   → the deployment guide and FAQ
//   #<id of an element>      → the view that holds it, scrolled to it
// Any other fragment leaves the current view as it is.

/** @typedef {import('./i18n.js').I18n} I18n */
/**
 * @typedef {{
 *   name: string,
 *   section: HTMLElement,
 *   titleKey: string,
 *   onShow?: (fromUser: boolean) => void,
 *   claims?: (hash: string) => boolean,
 * }} View
 */

export class Router {
  /**
   * @param {Document} doc
   * @param {I18n} i18n
   * @param {View[]} views the first one is the default
   */
  constructor(doc, i18n, views) {
    this.doc = doc;
    this.i18n = i18n;
    this.views = views;
    /** @type {View} */
    this.current = views[0];
    globalThis.addEventListener('hashchange', () => this.route(true));
    i18n.onChange(() => this.renderTitle());
    // The skip link leads to the heading of the view on screen.
    const skip = doc.querySelector('.skip-link');
    skip?.addEventListener('click', (event) => {
      event.preventDefault();
      this.focusView(this.current);
    });
    this.route(false);
  }

  /**
   * @param {string} hash location.hash
   * @returns {{ view: View, target: HTMLElement | null } | null}
   */
  resolve(hash) {
    const fragment = hash.replace(/^#/, '');
    if (fragment === '') return { view: this.views[0], target: null };
    for (const view of this.views) {
      if (view.claims?.(fragment)) return { view, target: null };
    }
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      // keep the raw fragment
    }
    const target = this.doc.getElementById(id);
    if (!target) return null;
    const view = this.views.find((v) => v.section === target || v.section.contains(target));
    if (!view) return null;
    return { view, target: view.section === target ? null : target };
  }

  /** @param {boolean} fromUser the fragment changed after the page loaded */
  route(fromUser) {
    const found = this.resolve(globalThis.location.hash);
    if (!found) return;
    const changed = found.view !== this.current;
    this.show(found.view, fromUser);
    if (found.target) {
      const target = found.target;
      if (target instanceof HTMLDetailsElement) target.open = true;
      target.scrollIntoView({ block: 'start' });
      if (fromUser) this.focus(target);
    } else if (fromUser && changed) {
      this.focusView(found.view);
    }
  }

  /**
   * @param {View} view
   * @param {boolean} fromUser
   */
  show(view, fromUser) {
    this.current = view;
    for (const v of this.views) v.section.hidden = v !== view;
    for (const link of this.doc.querySelectorAll('.views a[data-view]')) {
      if (link.getAttribute('data-view') === view.name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    this.doc.documentElement.dataset.view = view.name;
    this.renderTitle();
    view.onShow?.(fromUser);
  }

  renderTitle() {
    this.doc.title = this.i18n.t(this.current.titleKey);
  }

  /** @param {View} view */
  focusView(view) {
    this.focus(view.section);
    view.section.scrollIntoView({ block: 'start' });
  }

  /** @param {HTMLElement} el */
  focus(el) {
    if (!el.hasAttribute('tabindex') && !el.matches('a[href], button, input, select, textarea, summary')) {
      el.setAttribute('tabindex', '-1');
    }
    el.focus({ preventScroll: true });
  }
}
