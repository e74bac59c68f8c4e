// @ts-check
// The installed app, on the page's side: registers the service worker
// (sw.js) and tells the user what it means, in the status area #pwa-status:
//   - "ready to work offline" once, when the first version is installed;
//   - "update available — reload" when a new version waits: the button asks
//     the waiting worker to take over, then every page of the old version
//     reloads at once (each page only ever runs files of one version; the
//     views keep their entries in localStorage, so nothing typed is lost);
//   - "you are offline" while the browser has no network (the validator and
//     the generator keep working; the checker needs the network).
// Only this file registers a service worker: the widgets never do.

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {'ready' | 'update' | 'updating' | 'offline'} Message */

/**
 * Calls back with navigator.onLine now and at every change.
 * @param {(online: boolean) => void} callback
 * @returns {() => void} stops listening
 */
export function onlineState(callback) {
  const online = () => callback(true);
  const offline = () => callback(false);
  globalThis.addEventListener('online', online);
  globalThis.addEventListener('offline', offline);
  callback(navigator.onLine !== false);
  return () => {
    globalThis.removeEventListener('online', online);
    globalThis.removeEventListener('offline', offline);
  };
}

/**
 * Asks the active worker which build it serves (the content hash written by
 * scripts/build-sw.mjs).
 * @param {ServiceWorker} worker
 * @returns {Promise<string | null>}
 */
export function workerVersion(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 2000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(typeof event.data?.version === 'string' ? event.data.version : null);
    };
    worker.postMessage({ type: 'version' }, [channel.port2]);
  });
}

/** How long "ready to work offline" stays when nothing else dismisses it. */
const readyMs = 30_000;

export class AppStatus {
  /**
   * @param {HTMLElement} region the live region (#pwa-status)
   * @param {I18n} i18n
   */
  constructor(region, i18n) {
    this.region = region;
    this.i18n = i18n;
    /** @type {Set<Message>} */
    this.shown = new Set();
    /** @type {(() => void) | null} what the Reload button does */
    this.onReload = null;
    i18n.onChange(() => this.render());
  }

  /** @param {Message} message */
  show(message) {
    if (message === 'updating') this.shown.delete('update');
    if (message === 'update') this.shown.delete('ready');
    this.shown.add(message);
    this.render();
    if (message === 'ready') this.dismissReadyLater();
  }

  /**
   * "Ready to work offline" is news, not a state: it goes when the user gets
   * to work (types in any field) or after half a minute, but not while the
   * focus is on it.
   */
  dismissReadyLater() {
    const dismiss = () => {
      document.removeEventListener('input', dismiss, true);
      clearTimeout(timer);
      this.hide('ready');
    };
    const later = () => {
      if (this.region.querySelector('[data-pwa="ready"]')?.contains(document.activeElement)) timer = setTimeout(later, readyMs);
      else dismiss();
    };
    let timer = setTimeout(later, readyMs);
    document.addEventListener('input', dismiss, true);
  }

  /** @param {Message} message */
  hide(message) {
    if (this.shown.delete(message)) this.render();
  }

  render() {
    const t = (/** @type {string} */ key) => this.i18n.t(key);
    /** @type {HTMLElement[]} */
    const toasts = [];
    for (const message of /** @type {Message[]} */ (['offline', 'update', 'updating', 'ready'])) {
      if (!this.shown.has(message)) continue;
      const toast = document.createElement('div');
      toast.className = 'pwa-toast';
      toast.dataset.pwa = message;
      const text = document.createElement('p');
      text.textContent = t(message === 'ready' ? 'app.ready' : `app.${message}`);
      toast.append(text);
      if (message === 'update') {
        toast.append(
          this.button('pwa-reload', t('app.update.reload'), 'primary', () => this.onReload?.()),
          this.button('pwa-later', t('app.update.later'), 'secondary', () => this.hide('update')),
        );
      } else if (message === 'ready') {
        toast.append(this.button('pwa-close', t('app.close'), 'secondary', () => this.hide('ready')));
      }
      toasts.push(toast);
    }
    // Keep focus on a button that is rendered again (language change).
    const focused = document.activeElement?.id;
    this.region.replaceChildren(...toasts);
    if (focused) document.getElementById(focused)?.focus();
  }

  /**
   * @param {string} id
   * @param {string} label
   * @param {string} kind
   * @param {() => void} action
   */
  button(id, label, kind, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = id;
    button.className = `pwa-button ${kind}`;
    button.textContent = label;
    button.addEventListener('click', action);
    return button;
  }
}

/**
 * Resolves once the page has loaded and the kit is ready (or failed; at most
 * 10 s after load): the worker's precache then reuses what the page has just
 * downloaded (from the HTTP cache) instead of competing with it.
 * @returns {Promise<void>}
 */
async function pageSettled() {
  if (document.readyState !== 'complete') {
    await new Promise((done) => globalThis.addEventListener('load', done, { once: true }));
  }
  const root = document.documentElement;
  if (root.dataset.kit) return;
  await new Promise((done) => {
    const observer = new MutationObserver(() => {
      if (root.dataset.kit) finish();
    });
    const timer = setTimeout(() => finish(), 10_000);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      done(undefined);
    };
    observer.observe(root, { attributes: true, attributeFilter: ['data-kit'] });
  });
}

/**
 * Registers sw.js (next to this module, so the app works under any sub-path)
 * once the page has loaded and the kit is ready, and wires the status messages.
 * @param {I18n} i18n
 * @returns {Promise<ServiceWorkerRegistration | null>}
 */
export function startPwa(i18n) {
  // Never an unhandled rejection: without the worker the page still works.
  return start(i18n).catch(() => null);
}

/**
 * @param {I18n} i18n
 * @returns {Promise<ServiceWorkerRegistration | null>}
 */
async function start(i18n) {
  const region = document.getElementById('pwa-status');
  if (!region) return null;
  const status = new AppStatus(region, i18n);
  onlineState((online) => (online ? status.hide('offline') : status.show('offline')));

  const container = navigator.serviceWorker;
  if (!container || !globalThis.isSecureContext) {
    region.dataset.sw = 'unsupported';
    return null;
  }
  await pageSettled();

  // A new controller after an update (not the first install, which has no
  // previous one): this page runs the old version's files, so reload.
  let controller = container.controller;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = container.controller;
    if (previous && !reloading) {
      reloading = true;
      globalThis.location.reload();
    }
    void showVersion();
  });

  const showVersion = async () => {
    const active = container.controller;
    if (!active) return;
    const version = await workerVersion(active);
    if (version) region.dataset.version = version;
  };

  /** @type {ServiceWorkerRegistration | undefined} */
  let registration;
  try {
    registration = await navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), {
      updateViaCache: 'none',
    });
  } catch {
    // handled below
  }
  if (!registration) {
    // Blocked (private mode, a browser policy, a test harness that stubs
    // register()): the page works as before, online only.
    region.dataset.sw = 'failed';
    return null;
  }
  const reg = registration;
  region.dataset.sw = 'registered';
  void showVersion();

  const waiting = (/** @type {ServiceWorker} */ worker) => {
    status.onReload = () => {
      status.show('updating');
      worker.postMessage({ type: 'skipWaiting' });
    };
    status.show('update');
  };

  /** @param {ServiceWorker} worker */
  const track = (worker) => {
    // No active worker yet: this is the first install, not an update.
    const first = !reg.active;
    const settle = () => {
      if (worker.state === 'installed' && !first) {
        waiting(worker);
      } else if (worker.state === 'activated' && first) {
        region.dataset.sw = 'ready';
        status.show('ready');
      }
    };
    worker.addEventListener('statechange', settle);
    settle();
  };

  if (reg.waiting && reg.active) waiting(reg.waiting);
  else if (reg.installing) track(reg.installing);
  else if (reg.active) {
    region.dataset.sw = 'ready';
    // Installed so fast that it finished before this page could listen.
    if (!controller) status.show('ready');
  }
  reg.addEventListener('updatefound', () => {
    if (reg.installing) track(reg.installing);
  });

  // Look for a new version when the user comes back to a page left open.
  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < 10 * 60_000) return;
    lastCheck = Date.now();
    reg.update().catch(() => {});
  });
  return registration;
}
