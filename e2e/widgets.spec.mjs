// @ts-check
// The widgets as a documentation site uses them: a host page on ANOTHER origin
// (its own port, its own strict CSP, hostile global CSS) loads widgets.js from
// the site under test and shows all three elements. They must render, work,
// share one WebAssembly instance, emit their events, keep their styles to
// themselves, pass axe in English and French, and work with the keyboard alone.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startHostServer } from './host-page/server.mjs';

/** @typedef {import('@playwright/test').Page} Page */

const siteRoot = process.env.E2E_SITE_ROOT ?? 'build/site';
/** The live checker's gatherer is part of this build of the site. */
const hasGatherer = existsSync(join(siteRoot, 'checker', 'gather.js'));

/** @type {Awaited<ReturnType<typeof startHostServer>>} */
let host;
/** @type {string} */
let siteOrigin;

test.beforeAll(async () => {
  siteOrigin = new URL(String(test.info().project.use.baseURL)).origin;
  host = await startHostServer({ widgetOrigin: siteOrigin });
});

test.afterAll(async () => {
  await host?.close();
});

/**
 * Opens the host page and records what a careful reviewer would watch:
 * console errors, page errors, CSP violations and requests for the wasm.
 * @param {Page} page
 */
async function openHost(page) {
  const problems = /** @type {string[]} */ ([]);
  const wasmRequests = /** @type {string[]} */ ([]);
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasmRequests.push(r.url());
  });
  await page.goto(host.url);
  expect(new URL(page.url()).origin).not.toBe(siteOrigin);
  await expect(validatorSummary(page, '#validator')).toContainText('valid');
  return { problems, wasmRequests };
}

/**
 * @param {Page} page
 * @param {string} id
 */
function validatorSummary(page, id) {
  return page.locator(`${id} [part="summary"]`);
}

/** @param {Page} page */
function events(page) {
  return page.evaluate(() => /** @type {any} */ (window).__events);
}

/**
 * The deepest focused element, through shadow roots: "tag#part".
 * @param {Page} page
 */
function focused(page) {
  return page.evaluate(() => {
    /** @type {Element | null} */
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const host = /** @type {ShadowRoot} */ (el.getRootNode()).host;
    return `${host ? `${host.id} ` : ''}${el.tagName.toLowerCase()}[${el.getAttribute('part') ?? ''}]`;
  });
}

/**
 * Presses Tab until the focused element matches (at most `max` times).
 * @param {Page} page
 * @param {string} target e.g. "validator textarea[input]"
 */
async function tabTo(page, target, max = 40) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now);
    if (now === target) return;
  }
  throw new Error(`Tab never reached ${target}; went through ${seen.join(' → ')}`);
}

/**
 * Answers the DoH resolvers and the policy host from the test (never the public
 * internet): example.com has MTA-STS in enforce mode for *.example.com.
 * @param {Page} page
 */
async function fakeInternet(page) {
  /** @type {Record<string, string[]>} */
  const zone = {
    '_mta-sts.example.com/16': ['"v=STSv1; id=20240101T000000"'],
    'example.com/15': ['10 mx1.example.com.'],
    'mta-sts.example.com/1': ['192.0.2.10'],
    '_smtp._tls.example.com/16': ['"v=TLSRPTv1; rua=mailto:tls@example.com"'],
    '_dmarc.example.com/16': ['"v=DMARC1; p=reject; rua=mailto:dmarc@example.com"'],
    'example.com/16': ['"v=spf1 -all"'],
  };
  const types = /** @type {Record<string, number>} */ ({ A: 1, CNAME: 5, MX: 15, TXT: 16, AAAA: 28 });
  await page.route(/^https:\/\//, async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'cloudflare-dns.com' || url.hostname === 'dns.google') {
      const name = (url.searchParams.get('name') ?? '').replace(/\.$/, '').toLowerCase();
      const typeParam = url.searchParams.get('type') ?? '';
      const type = types[typeParam.toUpperCase()] ?? Number(typeParam);
      const data = zone[`${name}/${type}`] ?? [];
      const body = {
        Status: 0, TC: false, RD: true, RA: true, AD: false, CD: false,
        Question: [{ name: `${name}.`, type }],
        ...(data.length ? { Answer: data.map((d) => ({ name: `${name}.`, type, TTL: 300, data: d })) } : {}),
      };
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/dns-json', 'access-control-allow-origin': '*' },
        body: JSON.stringify(body),
      });
    }
    if (url.href === 'https://mta-sts.example.com/.well-known/mta-sts.txt') {
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/plain', 'cache-control': 'max-age=300', 'access-control-allow-origin': '*' },
        body: 'version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 1209600\r\n',
      });
    }
    return route.abort();
  });
}

test.describe('widgets embedded by a page of another origin', () => {
  test('render, validate, generate and emit events with one WebAssembly instance', async ({ page }) => {
    const { problems, wasmRequests } = await openHost(page);

    // The validator checked its initial value.
    await expect(validatorSummary(page, '#validator')).toHaveText('MTA-STS TXT record — valid: 0 errors, 0 warnings, 1 info');
    await expect(page.locator('#validator [part="diagnostic"][data-code="STS-TXT-020"]')).toBeVisible();
    // The French one speaks French.
    await expect(validatorSummary(page, '#validator-fr')).toHaveText('Rien à vérifier pour l’instant.');
    // The generator wrote a policy from its attributes.
    const policy = page.locator('#generator [data-output="policy"] pre');
    await expect(policy).toHaveText(
      'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.mail.example.net\nmax_age: 604800\n',
    );
    await expect(page.locator('#generator [data-output="policy"]')).toContainText(
      'https://mta-sts.example.com/.well-known/mta-sts.txt',
    );
    await expect(page.locator('#generator [data-output="record"] pre')).toHaveText(
      /^_mta-sts\.example\.com\. 3600 IN TXT "v=STSv1; id=\d{14}"$/,
    );
    // The checker is there with its domain.
    await expect(page.locator('#checker [part~="domain"]')).toHaveValue('example.com');

    // Events reached the host's document listener (bubbling, composed) with the core's results.
    let log = await events(page);
    const initial = log.find((/** @type {any} */ e) => e.type === 'mtasts-result' && e.target === 'validator');
    expect(initial.detail).toMatchObject({ format: 'sts-record', spec: 'rfc7489', lang: 'en', reason: null });
    expect(initial.detail.result.ok).toBe(true);
    expect(initial.detail.result.value).toMatchObject({ version: 'STSv1', id: '20240101T000000' });
    expect(initial.detail.result.diagnostics.map((/** @type {any} */ d) => d.code)).toEqual(['STS-TXT-020']);
    const generated = log.find((/** @type {any} */ e) => e.type === 'mtasts-generate');
    expect(generated.target).toBe('generator');
    expect(generated.detail.ok).toBe(true);
    expect(generated.detail.policy.text).toBe(
      'version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.mail.example.net\r\nmax_age: 604800\r\n',
    );
    expect(generated.detail.record.policyUrl).toBe('https://mta-sts.example.com/.well-known/mta-sts.txt');
    expect(generated.detail.tlsRpt).toBeNull();

    // Typing a broken policy: diagnostics with positions, and a new event.
    const box = page.locator('#validator textarea');
    await box.fill('version: STSv1\nmode: enforced\nmx: mail.example.com\nmax_age: 86400\n');
    await expect(validatorSummary(page, '#validator')).toContainText('MTA-STS policy — invalid');
    const modeError = page.locator('#validator [part="diagnostic"][data-severity="error"]').first();
    await expect(modeError).toContainText('enforced');
    await expect.poll(async () => (await events(page)).length).toBeGreaterThan(log.length);
    log = await events(page);
    const last = log.filter((/** @type {any} */ e) => e.target === 'validator').at(-1);
    expect(last.detail.format).toBe('policy');
    expect(last.detail.result.ok).toBe(false);
    const code = await modeError.getAttribute('data-code');
    const diag = last.detail.result.diagnostics.find((/** @type {any} */ d) => d.code === code);
    expect(diag).toMatchObject({ severity: 'error', line: 2, column: 7 });

    // The position button selects the offending text in the box.
    await modeError.locator('[part~="position"]').click();
    const selection = await box.evaluate((el) => {
      const ta = /** @type {HTMLTextAreaElement} */ (el);
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    expect(selection).toBe('enforced');

    // The generator follows its fields: a TLS-RPT address adds a record.
    await page.locator('#generator [part~="rua"]').fill('tls@example.com');
    await expect(page.locator('#generator [data-output="tls-rpt"] pre')).toHaveText(
      '_smtp._tls.example.com. 3600 IN TXT "v=TLSRPTv1; rua=mailto:tls@example.com"',
    );
    log = await events(page);
    expect(log.filter((/** @type {any} */ e) => e.type === 'mtasts-generate').at(-1).detail.tlsRpt.rua).toEqual([
      'mailto:tls@example.com',
    ]);

    // One instance for the four widgets, fetched from the widgets' origin.
    expect(wasmRequests).toEqual([`${siteOrigin}/kit/mtasts-core.wasm`]);
    expect(await page.evaluate(() => /** @type {any} */ (window).__csp)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('attributes are reflected by properties and drive the widget', async ({ page }) => {
    await openHost(page);
    const state = await page.evaluate(() => {
      const v = /** @type {any} */ (document.getElementById('validator'));
      const g = /** @type {any} */ (document.getElementById('generator'));
      const c = /** @type {any} */ (document.getElementById('checker'));
      v.format = 'dmarc';
      v.spec = 'rfc9989';
      g.mode = 'testing';
      g.mx = ['a.example.org', 'b.example.org'];
      g.maxAge = 86400;
      c.resolver = 'google';
      c.autorun = false;
      return {
        format: v.getAttribute('format'),
        spec: v.getAttribute('spec'),
        mode: g.getAttribute('mode'),
        mx: g.getAttribute('mx'),
        maxAge: g.getAttribute('max-age'),
        resolver: c.getAttribute('resolver'),
        autorun: c.hasAttribute('autorun'),
        gMx: g.mx,
        valueProp: v.value,
      };
    });
    expect(state).toEqual({
      format: 'dmarc',
      spec: 'rfc9989',
      mode: 'testing',
      mx: 'a.example.org, b.example.org',
      maxAge: '86400',
      resolver: 'google',
      autorun: false,
      gMx: 'a.example.org, b.example.org',
      valueProp: 'v=STSv1; id=20240101T000000',
    });
    await expect(page.locator('#validator [part~="format"]')).toHaveValue('dmarc');
    await expect(page.locator('#validator [part~="spec"]')).toBeVisible();
    await expect(page.locator('#generator [data-output="policy"] pre')).toHaveText(
      'version: STSv1\nmode: testing\nmx: a.example.org\nmx: b.example.org\nmax_age: 86400\n',
    );
    await expect(page.locator('#checker [part="help"]')).toContainText('Google');

    // value: the attribute sets the text; the property reads what is typed.
    await page.evaluate(() => {
      /** @type {any} */ (document.getElementById('validator')).value = 'v=DMARC1; p=reject';
    });
    await expect(validatorSummary(page, '#validator')).toHaveText(/^DMARC record — valid/);
    await page.locator('#validator textarea').fill('v=DMARC1; p=nonsense');
    await expect(validatorSummary(page, '#validator')).toHaveText(/^DMARC record — invalid/);
    expect(await page.evaluate(() => /** @type {any} */ (document.getElementById('validator')).value)).toBe(
      'v=DMARC1; p=nonsense',
    );

    // lang: the whole widget and the core's messages switch, the text stays.
    await page.evaluate(() => document.getElementById('validator')?.setAttribute('lang', 'fr'));
    await expect(validatorSummary(page, '#validator')).toHaveText(/^Enregistrement DMARC — invalide/);
    await expect(page.locator('#validator textarea')).toHaveValue('v=DMARC1; p=nonsense');
    await expect(page.locator('#validator [part="root"]')).toHaveAttribute('lang', 'fr');

    // A preset fills the MX patterns.
    await page.evaluate(() => {
      const g = /** @type {any} */ (document.getElementById('generator'));
      g.preset = 'google';
    });
    await expect(page.locator('#generator [part~="mx"]')).toHaveValue(
      'smtp.google.com\naspmx.l.google.com\n*.aspmx.l.google.com',
    );
  });

  test('a property set to the attribute’s own value still applies; changes made while detached are told on return', async ({ page }) => {
    await openHost(page);
    // The visitor types over the validator's text; the host's "reset" sets the same value again.
    await page.locator('#validator textarea').fill('garbage');
    await expect(validatorSummary(page, '#validator')).toContainText('does not look like');
    await page.evaluate(() => {
      /** @type {any} */ (document.getElementById('validator')).value = 'v=STSv1; id=20240101T000000';
    });
    await expect(page.locator('#validator textarea')).toHaveValue('v=STSv1; id=20240101T000000');
    await expect(validatorSummary(page, '#validator')).toHaveText(/— valid/);
    // The same for the generator's domain.
    await page.locator('#generator [part~="domain"]').fill('typed.example');
    await page.evaluate(() => {
      /** @type {any} */ (document.getElementById('generator')).domain = 'example.com';
    });
    await expect(page.locator('#generator [part~="domain"]')).toHaveValue('example.com');

    // Taken out, changed, put back: the page hears of the change when the widget is back.
    const before = (await events(page)).length;
    await page.evaluate(() => {
      const v = /** @type {any} */ (document.getElementById('validator'));
      const parent = /** @type {HTMLElement} */ (v.parentElement);
      v.remove();
      v.lang = 'fr';
      v.value = 'v=TLSRPTv1; rua=mailto:a@example.com';
      parent.append(v);
    });
    await expect(validatorSummary(page, '#validator')).toHaveText(/^Enregistrement TLS-RPT — valide/);
    const told = (await events(page)).slice(before).filter((/** @type {any} */ e) => e.target === 'validator');
    expect(told.length).toBe(1);
    expect(told[0].detail).toMatchObject({ format: 'tls-rpt', lang: 'fr', reason: null });

    // Without a lang of its own, a widget follows the page's when it changes.
    await page.evaluate(() => document.getElementById('validator')?.removeAttribute('lang'));
    await expect(validatorSummary(page, '#validator')).toHaveText(/^TLS-RPT record — valid/);
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'fr'));
    await expect(validatorSummary(page, '#validator')).toHaveText(/^Enregistrement TLS-RPT — valide/);
    await expect(page.locator('#generator [part~="domain"]')).toBeVisible();
    await expect(page.locator('#generator label').first()).not.toHaveText('Domain');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    await expect(validatorSummary(page, '#validator')).toHaveText(/^TLS-RPT record — valid/);
  });

  test('generator: the preset list follows the language, an oversized field says so in its event, the policy heading fits the domain', async ({ page }) => {
    await openHost(page);
    const g = page.locator('#generator');
    await expect(g.locator('[part~="preset"] option').first()).toHaveText('Other (type the MX patterns)');
    await page.evaluate(() => document.getElementById('generator')?.setAttribute('lang', 'fr'));
    await expect(g.locator('[part~="preset"] option').first()).toHaveText('Autre (saisissez les motifs MX)');
    await page.evaluate(() => document.getElementById('generator')?.setAttribute('lang', 'en'));
    await expect(g.locator('[part~="preset"] option').first()).toHaveText('Other (type the MX patterns)');

    // An invalid domain: the heading does not ask for a domain that is there.
    await g.locator('[part~="domain"]').fill('exa mple.com');
    await expect(g.locator('[data-output="policy"] .label')).toHaveText('Policy file (its URL follows from a valid domain)');
    await g.locator('[part~="domain"]').fill('');
    await expect(g.locator('[data-output="policy"] .label')).toHaveText('Policy file (enter the domain to see its URL)');
    await g.locator('[part~="domain"]').fill('example.com');
    await expect(g.locator('[data-output="policy"] .label')).toHaveText(
      'Policy file, served at https://mta-sts.example.com/.well-known/mta-sts.txt',
    );

    // Over 64 KiB: nothing generated, and the event and `result` say so.
    await page.evaluate(() => {
      /** @type {any} */ (document.getElementById('generator')).domain = 'a'.repeat(70_000);
    });
    await expect(g.locator('[part="summary"]')).toContainText('70,000');
    const last = (await events(page)).filter((/** @type {any} */ e) => e.type === 'mtasts-generate').at(-1);
    expect(last.detail).toMatchObject({ ok: false, policy: null, record: null, tlsRpt: null });
    expect(await page.evaluate(() => /** @type {any} */ (document.getElementById('generator')).result.ok)).toBe(false);
  });

  test('an attribute value a widget does not understand is told to the author once, in the console', async ({ page }) => {
    const warnings = /** @type {string[]} */ ([]);
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await openHost(page);
    await page.evaluate(() => {
      const v = /** @type {any} */ (document.getElementById('validator'));
      v.format = 'bogus';
      v.format = 'bogus';
      v.spec = 'rfc1';
      v.lang = 'de';
      const g = /** @type {any} */ (document.getElementById('generator'));
      g.mode = 'strict';
      g.maxAge = 12345;
      g.preset = 'nope';
      const c = /** @type {any} */ (document.getElementById('checker'));
      c.resolver = 'http://insecure.example/dns-query';
    });
    await expect.poll(() => warnings.length).toBeGreaterThanOrEqual(7);
    const expected = [
      '<mtasts-validator>: format="bogus" is not one of auto, sts-record, policy, tls-rpt, dmarc; using auto.',
      '<mtasts-validator>: spec="rfc1" is not one of rfc7489, rfc9989; using rfc7489.',
      '<mtasts-validator>: lang="de" is not one of en, fr; using en.',
      '<mtasts-generator>: mode="strict" is not one of testing, enforce, none; using testing.',
      '<mtasts-generator>: max-age="12345" is not one of 86400, 604800, 1209600, 31557600; using 604800.',
      '<mtasts-checker>: resolver="http://insecure.example/dns-query" is not one of cloudflare, google, an https:// URL; using cloudflare.',
    ];
    for (const line of expected) expect(warnings.filter((w) => w === line)).toHaveLength(1);
    expect(warnings.some((w) => w.startsWith('<mtasts-generator>: preset="nope" is not one of microsoft365'))).toBe(true);
  });

  test('a host CSP without wasm-unsafe-eval: every widget says what to add, the event too', async ({ page }) => {
    await page.goto(`${host.url}?no-wasm`);
    const message =
      'MTA-STS Kit could not start: this page’s Content-Security-Policy does not allow WebAssembly. Add \'wasm-unsafe-eval\' to its script-src.';
    await expect(validatorSummary(page, '#validator')).toHaveText(message);
    await expect(page.locator('#generator [part="summary"]')).toHaveText(message);
    await expect(page.locator('#checker [part="status"]')).toHaveText(message);
    const errors = (await events(page)).filter((/** @type {any} */ e) => e.type === 'mtasts-error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.detail.message).toMatch(/^the page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src \(/);
      expect(e.detail.message).not.toContain('ASSERTIONS');
    }
  });

  test('hostile host CSS does not reach inside, and the widgets’ CSS does not leak out', async ({ page }) => {
    // The host page's own elements, without the widgets (module blocked)…
    await page.route(`${siteOrigin}/widgets/**`, (route) => route.abort());
    await page.goto(host.url);
    const hostStyles = () =>
      page.evaluate(() =>
        ['.host-text', '.host-pre', '#host-button', '.host-li', 'h1', 'main'].map((sel) => {
          const cs = getComputedStyle(/** @type {Element} */ (document.querySelector(sel)));
          return [sel, cs.display, cs.color, cs.fontSize, cs.fontFamily, cs.background, cs.padding, cs.margin, cs.border, cs.flexDirection, cs.gap];
        }),
      );
    const before = await hostStyles();
    // …show the fallback content before upgrade.
    await expect(page.locator('#validator a')).toHaveText('MTA-STS Kit');
    await expect(page.locator('#validator a')).toBeVisible();
    await page.unroute(`${siteOrigin}/widgets/**`);

    await openHost(page);
    // The host's styles are exactly as they were with the widgets running.
    expect(await hostStyles()).toEqual(before);
    // The fallback content is hidden once the element is defined.
    await expect(page.locator('#validator > p a')).toBeHidden();

    // Inside: the widget's own sizes, colours and fonts, not the host's !important ones.
    const inside = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.getElementById('generator')?.shadowRoot);
      const cs = (/** @type {string} */ sel) => getComputedStyle(/** @type {Element} */ (root.querySelector(sel)));
      return {
        root: [cs('.root').fontSize, cs('.root').color, cs('.root').fontFamily.includes('Comic'), cs('.root').textTransform],
        input: [cs('input').display, cs('input').fontSize, cs('input').color],
        button: [cs('button').display !== 'none', cs('button').color, cs('button').fontSize],
        pre: [cs('pre').backgroundColor, cs('pre').borderStyle],
        label: cs('label').display,
      };
    });
    expect(inside).toEqual({
      root: ['16px', 'rgb(27, 27, 31)', false, 'none'],
      input: ['block', '16px', 'rgb(27, 27, 31)'],
      button: [true, 'rgb(11, 87, 208)', '16px'],
      pre: [expect.not.stringMatching(/rgb\(255, 255, 0\)/), 'solid'],
      label: 'block',
    });
    await expect(page.locator('#validator textarea')).toBeVisible();
    await expect(page.locator('#generator [part~="copy"]').first()).toBeVisible();
    await expect(page.locator('#checker [part~="run"]')).toBeVisible();

    // Custom properties (set here through the CSSOM: the host CSP forbids inline
    // styles) and ::part() rules of the host's stylesheet are the ways in.
    await page.evaluate(() => {
      const g = /** @type {HTMLElement} */ (document.getElementById('generator'));
      g.style.setProperty('--mtasts-accent', 'rgb(107, 33, 168)');
    });
    const themed = await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.getElementById('generator')?.shadowRoot);
      const newId = getComputedStyle(/** @type {Element} */ (root.querySelector('[part~="new-id"]')));
      const copy = getComputedStyle(/** @type {Element} */ (root.querySelector('[part~="copy"]')));
      return { color: newId.color, partBorder: newId.borderTopStyle, otherBorder: copy.borderTopStyle };
    });
    expect(themed).toEqual({ color: 'rgb(107, 33, 168)', partBorder: 'dotted', otherBorder: 'solid' });
  });

  test('the checker checks a domain through the resolver and the policy host (both faked here)', async ({ page }) => {
    await fakeInternet(page);
    const { problems } = await openHost(page);
    const checker = page.locator('#checker');
    await page.locator('#checker [part~="domain"]').fill('example.com');
    await page.locator('#checker [part~="run"]').click();
    if (!hasGatherer) {
      await expect(checker.locator('[part="status"]')).toHaveText(
        'The live checker is not available in this version of the widgets.',
      );
      await expect(checker).toHaveAttribute('data-state', 'unavailable');
      return;
    }
    await expect(checker).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await expect(checker.locator('[part="verdict"]')).toHaveAttribute('data-verdict', 'deployed_ok');
    await expect(checker.locator('[part="verdict"]')).toHaveText('MTA-STS is deployed and works.');
    await expect(checker.locator('tr[data-host="mx1.example.com"]')).toHaveAttribute('data-pattern', '*.example.com');
    const report = (await events(page)).filter((/** @type {any} */ e) => e.type === 'mtasts-report').at(-1);
    expect(report.target).toBe('checker');
    expect(report.detail.domain).toBe('example.com');
    expect(report.detail.report.verdict).toBe('deployed_ok');
    expect(report.detail.report.mx).toEqual([{ preference: 10, host: 'mx1.example.com', pattern: '*.example.com', implicit: false }]);
    // In French: the same facts judged again, no new lookups.
    await page.evaluate(() => document.getElementById('checker')?.setAttribute('lang', 'fr'));
    await expect(checker.locator('[part="verdict"]')).toHaveText('MTA-STS est déployé et fonctionne.');
    // A name that is not a domain; the message follows the language.
    await page.locator('#checker [part~="domain"]').fill('not a domain');
    await page.locator('#checker [part~="run"]').click();
    await expect(checker.locator('[part="status"]')).toContainText('« not a domain »');
    await page.evaluate(() => document.getElementById('checker')?.setAttribute('lang', 'en'));
    await expect(checker.locator('[part="status"]')).toHaveText(
      'The check could not run: “not a domain” is not a domain name that can be checked: enter a name like example.com.',
    );
    // A pasted novel is not read back whole.
    await page.evaluate(() => {
      /** @type {any} */ (document.getElementById('checker')).domain = 'a b'.repeat(100_000);
    });
    await page.locator('#checker [part~="run"]').click();
    await expect(checker.locator('[part="status"]')).toContainText('… (300000)');
    expect((await checker.locator('[part="status"]').textContent())?.length).toBeLessThan(300);

    // Moved while checking: the check runs again where the element now is, no error.
    await page.locator('#checker [part~="domain"]').fill('example.com');
    await page.route('https://cloudflare-dns.com/**', async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.fallback();
    });
    const errorsBefore = (await events(page)).filter((/** @type {any} */ e) => e.type === 'mtasts-error').length;
    await page.locator('#checker [part~="run"]').click();
    await expect(checker).toHaveAttribute('data-state', 'running');
    await page.evaluate(() => {
      const c = /** @type {HTMLElement} */ (document.getElementById('checker'));
      document.body.prepend(c);
    });
    await expect(checker).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await expect(checker.locator('[part="verdict"]')).toHaveAttribute('data-verdict', 'deployed_ok');
    const errorsAfter = (await events(page)).filter((/** @type {any} */ e) => e.type === 'mtasts-error').length;
    expect(errorsAfter).toBe(errorsBefore); // the move is not a failure
    expect(problems).toEqual([]);
  });
});

test.describe('keyboard only', () => {
  test('validator: Tab to the box, type, Tab to a diagnostic, Enter selects it', async ({ page }) => {
    await openHost(page);
    await page.locator('#host-button').focus();
    await tabTo(page, 'validator textarea[input]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('v=STSv1; id=bad!id');
    await expect(validatorSummary(page, '#validator')).toContainText('invalid');
    await tabTo(page, 'validator button[button position]');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('validator textarea[input]');
    const selected = await page.locator('#validator textarea').evaluate((el) => {
      const ta = /** @type {HTMLTextAreaElement} */ (el);
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    expect(selected).toBe('!');
    // Back to the format list, choose a format with the arrow keys.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('validator select[select format]');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#validator [part~="format"]')).toHaveValue('sts-record');
  });

  test('validator: results redrawn under the focus keep it in the list, or hand it to the summary', async ({ page }) => {
    await openHost(page);
    await page.locator('#host-button').focus();
    await tabTo(page, 'validator textarea[input]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('v=STSv1; id=bad!id');
    await expect(page.locator('#validator [part~="position"]')).toHaveCount(1);
    await tabTo(page, 'validator button[button position]');
    // A new result arrives while the focus is on a position button (as when a
    // slow validation ends after the user tabbed on): the button is replaced.
    const first = await page.locator('#validator [part~="position"]').elementHandle();
    await page.evaluate(() => {
      const el = /** @type {any} */ (document.getElementById('validator'));
      el.value = 'v=STSv1; id=b!d';
    });
    await expect.poll(() => first?.evaluate((b) => b.isConnected)).toBe(false);
    expect(await focused(page)).toBe('validator button[button position]');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('validator textarea[input]');
    expect(await page.locator('#validator textarea').evaluate((el) => {
      const ta = /** @type {HTMLTextAreaElement} */ (el);
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    })).toBe('!');
    // No button left: the summary, which says why, takes the focus.
    await tabTo(page, 'validator button[button position]');
    await page.evaluate(() => {
      const el = /** @type {any} */ (document.getElementById('validator'));
      el.value = '';
    });
    await expect(page.locator('#validator [part="diagnostic"]')).toHaveCount(0);
    expect(await focused(page)).toBe('validator p[summary]');
  });

  test('generator: fill every field and copy an output with the keyboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    await openHost(page);
    await page.locator('#host-button').focus();
    await tabTo(page, 'generator input[input domain]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('exämple.org');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('generator select[select preset]');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('generator textarea[input mx]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('mx1.exämple.org\nmx2.example.org');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('generator select[select mode]');
    await page.keyboard.press('End');
    await expect(page.locator('#generator [part~="mode"]')).toHaveValue('none');
    await tabTo(page, 'generator input[input rua]');
    await page.keyboard.type('reports@example.org');
    await expect(page.locator('#generator [data-output="tls-rpt"] pre')).toContainText('_smtp._tls.xn--exmple-cua.org.');
    await expect(page.locator('#generator [data-output="policy"] pre')).toHaveText(
      'version: STSv1\nmode: none\nmx: mx1.xn--exmple-cua.org\nmx: mx2.example.org\nmax_age: 604800\n',
    );
    await tabTo(page, 'generator button[button new-id]');
    await tabTo(page, 'generator button[button copy]');
    await page.keyboard.press('Space');
    await expect(page.locator('#generator [role="status"]').last()).toHaveText('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('version: STSv1\r\nmode: none\r\nmx: mx1.xn--exmple-cua.org\r\nmx: mx2.example.org\r\nmax_age: 604800\r\n');
  });

  test('checker: Tab to the domain, type, Enter runs the check', async ({ page }) => {
    await fakeInternet(page);
    await openHost(page);
    await page.locator('#host-button').focus();
    await tabTo(page, 'checker input[input domain]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('example.net');
    await page.keyboard.press('Enter');
    await expect(page.locator('#checker')).toHaveAttribute('data-state', /unavailable|running|done|failed/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('checker button[button run]');
    await page.keyboard.press('Space');
    await expect(page.locator('#checker')).toHaveAttribute('data-state', /unavailable|running|done|failed/);
  });
});

test.describe('accessibility (axe, WCAG 2 A and AA)', () => {
  test.slow(); // axe walks every shadow root
  for (const lang of /** @type {const} */ (['en', 'fr'])) {
    test(`the ${lang} embed page and each widget on it`, async ({ page }) => {
      const summary = page.locator('#demo-validator [part="summary"]');
      if (lang === 'en') {
        await page.goto('/embed.html');
        await expect(summary).toContainText('TXT record — valid');
      } else {
        // The French page's widgets speak French (the nearest lang), and its
        // buttons switch them.
        await page.goto('/embed-fr.html');
        await expect(summary).toContainText('valide');
        await page.getByRole('button', { name: 'English' }).click();
        await expect(summary).toContainText('TXT record — valid');
        await page.getByRole('button', { name: 'Français' }).click();
        await expect(summary).toContainText('valide');
      }
      await expect(page.locator('#demo-generator [data-output="policy"] pre')).toBeVisible();
      // Show a diagnostic list in the validator too.
      await page.locator('#demo-validator textarea').fill('version: STSv1\nmode: enforced\nmx: *.*.example.com\n');
      await expect(page.locator('#demo-validator [part="diagnostic"]').first()).toBeVisible();
      const whole = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(whole.violations).toEqual([]);
      for (const tag of ['mtasts-validator', 'mtasts-generator', 'mtasts-checker']) {
        const one = await new AxeBuilder({ page }).include(tag).withTags(['wcag2a', 'wcag2aa']).analyze();
        expect(one.violations, tag).toEqual([]);
      }
    });

    test(`the widgets on the hostile host page, in ${lang}`, async ({ page }) => {
      await openHost(page);
      if (lang === 'fr') {
        await page.evaluate(() => {
          for (const el of document.querySelectorAll('mtasts-validator, mtasts-generator, mtasts-checker')) el.setAttribute('lang', 'fr');
        });
        await expect(validatorSummary(page, '#validator')).toContainText('valide');
      }
      for (const id of ['#validator', '#generator', '#checker', '#validator-fr']) {
        const result = await new AxeBuilder({ page }).include(id).withTags(['wcag2a', 'wcag2aa']).analyze();
        expect(result.violations, id).toEqual([]);
      }
    });
  }
});

for (const file of ['embed.html', 'embed-fr.html']) {
  test(`${file} shows the exact snippet for this site and works with its CSP`, async ({ page, baseURL }) => {
    const problems = /** @type {string[]} */ ([]);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`/${file}`);
    const origin = new URL(String(baseURL)).origin;
    await expect(page.locator('#snippet-all')).toHaveText(
      `<script type="module" src="${origin}/widgets/widgets.js"></script>\n<mtasts-validator></mtasts-validator>`,
    );
    await expect(page.locator('#snippet-validator')).toContainText(`src="${origin}/widgets/widgets.js"`);
    await expect(page.locator('#snippet-csp')).toContainText(`script-src 'self' ${origin} 'wasm-unsafe-eval'`);
    await expect(page.locator('#demo-generator [part~="mx"]')).toHaveValue(
      'smtp.google.com\naspmx.l.google.com\n*.aspmx.l.google.com',
    );
    // The widgets never register a service worker nor write to head or storage.
    const clean = await page.evaluate(async () => ({
      workers: (await navigator.serviceWorker?.getRegistrations?.())?.length ?? 0,
      storage: Object.keys(localStorage).filter((k) => !k.startsWith('mtasts.')),
      headStyles: document.head.querySelectorAll('style').length,
    }));
    expect(clean).toEqual({ workers: 0, storage: [], headStyles: 0 });
    expect(problems).toEqual([]);
  });

  test(`${file}: a copy button copies its snippet and says so beside it`, async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(String(baseURL)).origin });
    await page.goto(`/${file}`);
    const done = file === 'embed-fr.html' ? 'Copié.' : 'Copied.';
    const validatorCopy = page.locator('button[data-copy="snippet-validator"]');
    await validatorCopy.click();
    await expect(validatorCopy.locator('xpath=..').locator('.copy-status')).toHaveText(done);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#snippet-validator').textContent());
    expect(copied).toContain(`src="${new URL(String(baseURL)).origin}/widgets/widgets.js"`);
    // Copying another snippet moves the message there.
    await page.locator('button[data-copy="snippet-all"]').click();
    await expect(page.locator('#snippet-all').locator('xpath=../..').locator('.copy-status')).toHaveText(done);
    await expect(validatorCopy.locator('xpath=..').locator('.copy-status')).toHaveText('');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#snippet-all').textContent());
  });
}
