// @ts-check
// Entry point: picks the language, wires the panels, then starts the validation
// worker (the WebAssembly kit, served from this site: no other network traffic).

import { I18n, languages, pickLanguage } from './i18n.js';
import { LanguageSwitch } from './language-switch.js';
import { Store } from './store.js';
import { ValidatorClient } from './validator-client.js';
import { ValidatorView } from './validator-view.js';

/** @typedef {import('./i18n.js').Lang} Lang */

const store = new Store();
const saved = /** @type {Lang | null} */ (store.get('lang'));
const lang = saved && languages.includes(saved) ? saved : pickLanguage(navigator.languages ?? [navigator.language]);
const i18n = new I18n(lang);

const switchGroup = document.getElementById('lang-switch');
if (switchGroup) new LanguageSwitch(switchGroup, i18n, store);

const view = new ValidatorView(document, i18n, store);

// Validation runs in a worker that loads the kit (built into kit/ from
// wasm/kit.mjs and the WebAssembly core), so a huge paste never blocks typing.
try {
  const client = new ValidatorClient(new URL('./validation-worker.js', import.meta.url));
  client.ready.then(
    (version) => view.setClient(client, version),
    (error) => view.setKitError(error),
  );
} catch (error) {
  view.setKitError(error);
}
