// @ts-check
// Entry point: picks the language, wires the three views (validator, generator,
// guide) and the router, then starts the worker that runs the kit (the
// WebAssembly core, served from this site). Only the checker view talks to the
// network: the DNS-over-HTTPS resolver chosen and the domain's policy host.

import { CheckerView } from './checker/checker-view.js';
import { GeneratorView } from './generator-view.js';
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
const generator = new GeneratorView(document, i18n, store, {
  openInValidator(text) {
    validator.loadText(text);
    globalThis.location.hash = '#validator';
  },
  isActive: () => document.documentElement.dataset.view === 'generator',
});
const checker = new CheckerView(document, i18n);
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
    claims: (fragment) => generator.claims(fragment),
    onShow: () => generator.onShow(),
  },
  { name: 'checker', section: section('checker'), titleKey: 'doc.title.checker' },
  { name: 'guide', section: section('guide'), titleKey: 'doc.title.guide' },
]);
if (linkedDomain && document.documentElement.dataset.view === 'checker') checker.runFromAddress();

// The kit runs in a worker (built into kit/ from wasm/kit.mjs and the
// WebAssembly core), so a huge paste never blocks typing.
try {
  // boot.js started the worker while these modules loaded (absent: start it now).
  const client = new ValidatorClient(new URL('./validation-worker.js', import.meta.url), /** @type {any} */ (globalThis).mtastsBoot);
  client.ready.then(
    (version) => {
      validator.setClient(client, version);
      void generator.setClient(client);
      checker.setClient(client);
    },
    (error) => {
      validator.setKitError(error);
      generator.setKitError(error);
      checker.setKitError(error);
    },
  );
} catch (error) {
  validator.setKitError(error);
  generator.setKitError(error);
  checker.setKitError(error);
}
