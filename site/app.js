// @ts-check
// Entry point: picks the language, wires the three views (validator, generator,
// guide) and the router, then starts the worker that runs the kit (the
// WebAssembly core, served from this site). Only the checker view talks to the
// network: the DNS-over-HTTPS resolver chosen and the domain's policy host.

import { CheckerView } from './checker/checker-view.js';
import { GeneratorView, claimsFragment } from './generator-view.js';
import { I18n, languages, pickLanguage } from './i18n.js';
import { LanguageSwitch } from './language-switch.js';
import { Router } from './router.js';
import { Store } from './store.js';
import { ValidatorClient } from './validator-client.js';
import { ValidatorView } from './validator-view.js';

/** @typedef {import('./i18n.js').Lang} Lang */

const store = new Store();
const saved = /** @type {Lang | null} */ (store.get('lang'));
const lang = saved && languages.includes(saved) ? saved : pickLanguage(navigator.languages ?? [navigator.language]);
const i18n = new I18n(lang);
void import('./pwa.js').then((pwa) => pwa.startPwa(i18n)); // the installed app: service worker, offline and update messages

const switchGroup = document.getElementById('lang-switch');
if (switchGroup) new LanguageSwitch(switchGroup, i18n, store);

const section = (/** @type {string} */ id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

const validator = new ValidatorView(document, i18n, store);

// The generator and the checker are built when first shown, or once the
// validator has drawn its first result: nothing of theirs delays it.
/** @type {import('./validator-client.js').ValidatorClient | null} */
let client = null;
/** @type {unknown} */
let kitError = null;
/** @type {GeneratorView | undefined} */
let generator;
/** @type {CheckerView | undefined} */
let checker;
/** @param {GeneratorView | CheckerView} view */
const connect = (view) => {
  if (client) void view.setClient(client);
  else if (kitError !== null) view.setKitError(kitError);
};
const generatorView = () => {
  if (generator) return generator;
  generator = new GeneratorView(document, i18n, store, {
    openInValidator(text) {
      validator.loadText(text);
      globalThis.location.hash = '#validator';
    },
    isActive: () => document.documentElement.dataset.view === 'generator',
  });
  connect(generator);
  return generator;
};
const checkerView = () => {
  if (checker) return checker;
  checker = new CheckerView(document, i18n);
  connect(checker);
  return checker;
};

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
    onShow: () => generatorView().onShow(),
  },
  { name: 'checker', section: section('checker'), titleKey: 'doc.title.checker', onShow: () => void checkerView() },
  { name: 'guide', section: section('guide'), titleKey: 'doc.title.guide' },
]);
if (linkedDomain && document.documentElement.dataset.view === 'checker') checkerView().runFromAddress();

const buildTheRest = () => {
  generatorView();
  checkerView();
};

// The kit runs in a worker (built into kit/ from wasm/kit.mjs and the
// WebAssembly core), so a huge paste never blocks typing.
try {
  // boot.js started the worker while these modules loaded (absent: start it now).
  const scope = /** @type {any} */ (globalThis);
  scope.mtastsBootTaken = true;
  const validatorClient = new ValidatorClient(new URL('./validation-worker.js', import.meta.url), scope.mtastsBoot);
  validatorClient.ready.then(
    (version) => {
      client = validatorClient;
      if (generator) void generator.setClient(validatorClient);
      if (checker) checker.setClient(validatorClient);
      void validator.setClient(validatorClient, version).finally(() => setTimeout(buildTheRest, 0));
    },
    (error) => {
      kitError = error;
      validator.setKitError(error);
      generator?.setKitError(error);
      checker?.setKitError(error);
      setTimeout(buildTheRest, 0);
    },
  );
} catch (error) {
  kitError = error;
  validator.setKitError(error);
  buildTheRest();
}
