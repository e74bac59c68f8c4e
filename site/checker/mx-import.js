// @ts-check
// The generator's "Import from DNS" button (#gen-mx-import): looks up the MX
// records of the generator's domain through the checker's gathering code and
// resolver settings, and hands the exchanges to the generator, which fills its
// MX pattern list (with Undo). Says plainly why nothing was imported: no
// domain, an invalid one, Null MX, no MX, a name that does not exist, or
// resolvers that failed.

import { renderRich } from '../i18n.js';
import { DomainError, lookupMx, normalizeDomain } from './gather.js';
import { loadSettings } from './history.js';
import { resolverName } from './report-view.js';

/** @typedef {import('../i18n.js').I18n} I18n */
/** @typedef {import('../validator-client.js').ValidatorClient} ValidatorClient */
/**
 * @typedef {{
 *   domain(): string,
 *   currentMx(): string[],
 *   client(): ValidatorClient | null,
 *   focusDomain(): void,
 *   apply(hosts: string[], domain: string): void,
 * }} ImportHost
 */

export class MxImport {
  /**
   * @param {HTMLElement} after the element the button goes after (the MX list)
   * @param {I18n} i18n
   * @param {ImportHost} host
   */
  constructor(after, i18n, host) {
    this.i18n = i18n;
    this.host = host;
    /** @type {{ key: string, params: Record<string, string | number>, error: boolean } | null} */
    this.message = null;
    /** @type {AbortController | null} */
    this.controller = null;

    const wrap = document.createElement('div');
    wrap.className = 'gen-mx-import';
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'gen-mx-import';
    button.dataset.i18n = 'gen.import.button';
    button.setAttribute('aria-describedby', 'gen-mx-import-help');
    const help = document.createElement('span');
    help.className = 'help';
    help.id = 'gen-mx-import-help';
    help.dataset.i18n = 'gen.import.help';
    wrap.append(button, help);
    const msg = document.createElement('p');
    msg.className = 'gen-mx-import-msg';
    msg.id = 'gen-mx-import-msg';
    msg.setAttribute('role', 'status');
    after.after(wrap, msg);
    this.button = button;
    this.msg = msg;
    i18n.apply(wrap);
    button.addEventListener('click', () => void this.run());
    i18n.onChange(() => this.render());
  }

  /**
   * @param {string | null} key
   * @param {Record<string, string | number>} [params]
   * @param {boolean} [error]
   */
  say(key, params = {}, error = false) {
    this.message = key ? { key, params, error } : null;
    this.render();
  }

  render() {
    const m = this.message;
    renderRich(this.msg, m ? this.i18n.t(m.key, m.params) : '');
    this.msg.classList.toggle('is-error', Boolean(m?.error));
    this.msg.dataset.state = m ? m.key.replace('gen.import.', '') : '';
  }

  async run() {
    const typed = this.host.domain().trim();
    if (typed === '') {
      this.say('gen.import.noDomain', {}, true);
      this.host.focusDomain();
      return;
    }
    const norm = normalizeDomain(typed);
    if (!norm.ok) {
      this.say('gen.import.invalid', { reason: this.i18n.t(`check.input.${norm.code}`) }, true);
      return;
    }
    if (globalThis.navigator?.onLine === false) {
      this.say('gen.import.offline', {}, true);
      return;
    }
    const client = this.host.client();
    if (!client) {
      this.say('gen.import.notReady', {}, true);
      return;
    }
    const domain = norm.domain;
    const settings = loadSettings();
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.say('gen.import.running', { domain });
    this.button.setAttribute('aria-busy', 'true');
    try {
      const r = await lookupMx(domain, {
        resolver: settings.resolver,
        customUrl: settings.customUrl,
        timeoutMs: settings.timeoutSeconds * 1000,
        signal: controller.signal,
        dohAnswer: (body, status, qtype) => client.dohAnswer({ body, status, qtype }),
      }).catch((error) => {
        if (error instanceof TypeError && settings.resolver === 'custom') {
          // an unusable custom resolver URL: use the default one
          return lookupMx(domain, {
            resolver: 'cloudflare',
            timeoutMs: settings.timeoutSeconds * 1000,
            signal: controller.signal,
            dohAnswer: (body, status, qtype) => client.dohAnswer({ body, status, qtype }),
          });
        }
        throw error;
      });
      if (controller !== this.controller) return;
      if (r.state === 'ok') {
        const normal = (/** @type {string} */ v) => v.trim().toLowerCase().replace(/\.$/, '');
        const current = this.host.currentMx().map(normal).filter((v) => v !== '');
        if (current.join('\n') === r.hosts.join('\n')) {
          this.say('gen.import.same', { domain });
          return;
        }
        this.host.apply(r.hosts, domain);
        this.say('gen.import.done', { n: r.hosts.length, domain, resolver: resolverName(r.resolver) });
        return;
      }
      const key = { null_mx: 'gen.import.nullMx', no_mx: 'gen.import.noMx', nxdomain: 'gen.import.nxdomain', failed: 'gen.import.failed' }[r.state];
      this.say(key, { domain }, r.state === 'failed' || r.state === 'nxdomain');
    } catch (error) {
      if (/** @type {any} */ (error)?.name === 'AbortError' || controller !== this.controller) return;
      if (error instanceof DomainError) this.say('gen.import.invalid', { reason: this.i18n.t(`check.input.${error.code}`) }, true);
      else this.say('gen.import.failed', { domain }, true);
    } finally {
      if (controller === this.controller) this.button.removeAttribute('aria-busy');
    }
  }
}
