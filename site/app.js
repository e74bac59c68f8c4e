// @ts-check
// Entry point: picks the language, wires the three views (validator, generator,
// guide) and the router, then loads the kit (the WebAssembly core, served from
// this site). Only the checker view talks to the network: the DNS-over-HTTPS
// resolver chosen and the domain's policy host.

import { claimsFragment } from './generator-model.js';
import { I18n, languages, pickLanguage } from './i18n.js';
import { LanguageSwitch } from './language-switch.js';
import { Router } from './router.js';
import { Store } from './store.js';
import { ValidatorClient } from './validator-client.js';
import { ValidatorView } from './validator-view.js';

/** @typedef {import('./i18n.js').Lang} Lang */

const store = new Store();
// A link may ask for a language (?lang=fr, as the French embed page's links
// do): it is taken as the visitor's choice, remembered like a press of the
// language buttons, and dropped from the address so that a later press is not
// undone by a reload.
const address = new URL(globalThis.location.href);
const linkedLang = /** @type {Lang | null} */ (address.searchParams.get('lang'));
if (linkedLang !== null) {
  if (languages.includes(linkedLang)) store.set('lang', linkedLang);
  address.searchParams.delete('lang');
  history.replaceState(history.state, '', `${address.pathname}${address.search}${address.hash}`);
}
const saved = /** @type {Lang | null} */ (store.get('lang'));
const lang = saved && languages.includes(saved) ? saved : pickLanguage(navigator.languages ?? [navigator.language]);
const i18n = new I18n(lang);

const switchGroup = document.getElementById('lang-switch');
if (switchGroup) new LanguageSwitch(switchGroup, i18n, store);

const section = (/** @type {string} */ id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

const validator = new ValidatorView(document, i18n, store);

// The generator and the checker (their code loaded apart) are built when first
// shown, or once the validator has drawn its first result: nothing of theirs
// delays it.
/** @type {import('./validator-client.js').ValidatorClient | null} */
let client = null;
/** @type {unknown} */
let kitError = null;

/**
 * The served page carries the text of the validator only (scripts/bundle-site.mjs
 * leaves the other views' catalogue strings out of index.html): each other view
 * gets its strings when first shown or built. In French, LanguageSwitch has
 * drawn the whole page already; drawing a section again changes nothing.
 * @type {Set<string>}
 */
const drawn = new Set(['validator']);
const drawSection = (/** @type {string} */ id) => {
  if (drawn.has(id)) return;
  drawn.add(id);
  i18n.apply(section(id));
};

/**
 * A view whose module is loaded on first use. It gets the kit (or the kit's
 * failure) exactly once: when built if the kit is ready by then, else when the
 * kit is. A module that fails to load says so in its section and is tried
 * again the next time the view is shown.
 * @template {{ setClient(client: import('./validator-client.js').ValidatorClient): unknown, setKitError(error: unknown): void }} V
 * @param {string} id the view's section
 * @param {() => Promise<V>} build
 */
function lazyView(id, build) {
  /** @type {Promise<V> | undefined} */
  let promise;
  /** @type {V | undefined} */
  let view;
  /** @type {HTMLElement | undefined} */
  let failure;
  return {
    get() {
      drawSection(id);
      promise ??= build().then(
        (built) => {
          failure?.remove();
          view = built;
          if (client) void built.setClient(client);
          else if (kitError !== null) built.setKitError(kitError);
          return built;
        },
        (error) => {
          promise = undefined;
          failure ??= Object.assign(document.createElement('p'), { className: 'view-load-error', role: 'alert' });
          failure.textContent = i18n.t('view.loadFailed', { error: error instanceof Error ? error.message : String(error) });
          section(id).prepend(failure);
          throw error;
        },
      );
      return promise;
    },
    /** The view, if built. */
    get built() {
      return view;
    },
  };
}

const generator = lazyView('generator', async () => {
  const { GeneratorView } = await import('./generator-view.js');
  return new GeneratorView(document, i18n, store, {
    openInValidator(text) {
      validator.loadText(text);
      globalThis.location.hash = '#validator';
    },
    isActive: () => document.documentElement.dataset.view === 'generator',
  });
});
const checker = lazyView('checker', async () => {
  const { CheckerView } = await import('./checker/checker-view.js');
  return new CheckerView(document, i18n);
});

// A shared check link (`?domain=<d>`) opens the checker and runs the check.
const linkedDomain = new URL(globalThis.location.href).searchParams.get('domain');
if (linkedDomain && (globalThis.location.hash === '' || globalThis.location.hash === '#')) {
  const url = new URL(globalThis.location.href);
  url.hash = '#checker';
  globalThis.history.replaceState(globalThis.history.state, '', url.href);
}
new Router(document, i18n, [
  { name: 'validator', section: section('validator'), titleKey: 'doc.title' },
  {
    name: 'generator',
    section: section('generator'),
    titleKey: 'doc.title.generator',
    claims: claimsFragment,
    onShow: () => void generator.get().then((view) => view.onShow(), () => {}),
  },
  { name: 'checker', section: section('checker'), titleKey: 'doc.title.checker', onShow: () => void checker.get().catch(() => {}) },
  { name: 'guide', section: section('guide'), titleKey: 'doc.title.guide', onShow: () => drawSection('guide') },
]);
if (linkedDomain && document.documentElement.dataset.view === 'checker') void checker.get().then((view) => view.runFromAddress(), () => {});

// Once the validator has answered: the other views, and the installed app
// (service worker, offline and update messages), whose precache would otherwise
// compete with the first result for the network and the main thread.
let restBuilt = false;
const buildTheRest = () => {
  if (restBuilt) return;
  restBuilt = true;
  // The service worker then finds every file the page loaded in the HTTP
  // cache, rather than fetching the views' chunks beside the page.
  // <html data-loaded="all"> says the page has fetched all it will by itself.
  // The worker for huge texts is started too, so that pasting one fetches nothing.
  void Promise.allSettled([generator.get(), checker.get(), client?.warmUp()])
    .then(() => import('./pwa.js'))
    .then((pwa) => pwa.startPwa(i18n))
    .catch((error) => console.error(error))
    .finally(() => {
      document.documentElement.dataset.loaded = 'all';
    });
};

// Should the validator take long to answer, the rest does not wait for it.
globalThis.addEventListener('load', () => setTimeout(buildTheRest, 3000), { once: true });

// The kit (kit/, built from wasm/kit.mjs and the WebAssembly core) runs on
// this thread for ordinary texts and in a worker for huge ones.
try {
  // boot.js started compiling the core while these modules loaded (absent: the kit fetches it).
  const scope = /** @type {any} */ (globalThis);
  scope.mtastsBootTaken = true;
  const validatorClient = new ValidatorClient({
    kitUrl: new URL('./kit/kit.mjs', import.meta.url),
    workerUrl: new URL('./validation-worker.js', import.meta.url),
    module: scope.mtastsBoot?.module ?? null,
  });
  validatorClient.ready.then(
    (version) => {
      client = validatorClient;
      void generator.built?.setClient(validatorClient);
      void checker.built?.setClient(validatorClient);
      void validator.setClient(validatorClient, version).finally(() => setTimeout(buildTheRest, 0));
    },
    (error) => {
      kitError = error;
      validator.setKitError(error);
      generator.built?.setKitError(error);
      checker.built?.setKitError(error);
      setTimeout(buildTheRest, 0);
    },
  );
} catch (error) {
  kitError = error;
  validator.setKitError(error);
  buildTheRest();
}
