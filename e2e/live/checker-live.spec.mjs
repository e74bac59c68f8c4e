// @ts-check
// The live checker as a user runs it, against real servers on loopback
// (servers.mjs: knotd with the zones of scenarios.mjs, our DoH JSON server
// under the real names cloudflare-dns.com and dns.google, nginx serving the
// policy hosts mta-sts.<scenario>.example.test). Each scenario asserts the
// verdict and the specific codes the core's `assess` gives for what the
// browser saw (derive them with `node e2e/live/gather-facts.mjs`).
//
// Run: E2E_SITE_ROOT=build/site-live E2E_PORT=4182 npx playwright test --project=live --workers=1

import { expect, test } from '@playwright/test';
import { control, dohLog } from './servers.mjs';
import { SCENARIOS, XSS } from './scenarios.mjs';

/** @typedef {import('@playwright/test').Page} Page */

const SETTINGS_KEY = 'mtasts.checker.settings';
const bodyOf = (/** @type {string} */ name) => SCENARIOS.find((s) => s.name === name)?.host?.body ?? '';

test.beforeEach(async ({ page }) => {
  await control('reset');
  // Anything the page tries to run or load against the CSP is recorded here.
  await page.addInitScript(() => {
    /** @type {any} */ (window).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      /** @type {any} */ (window).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
});

test.afterAll(async () => {
  await control('reset');
});

/**
 * Opens the checker with these settings (as a returning user would have
 * saved them) and checks a domain through the form; waits for the report.
 * @param {Page} page
 * @param {string} domain
 * @param {{ timeoutSeconds?: number, resolver?: string, customUrl?: string, via?: 'form' | 'url' }} [o]
 */
async function check(page, domain, o = {}) {
  const settings = { resolver: o.resolver ?? 'cloudflare', customUrl: o.customUrl ?? '', timeoutSeconds: o.timeoutSeconds ?? 5 };
  await page.addInitScript(
    ([key, value]) => {
      localStorage.setItem(key, value);
    },
    [SETTINGS_KEY, JSON.stringify(settings)],
  );
  if (o.via === 'url') {
    await page.goto(`/?domain=${encodeURIComponent(domain)}#checker`);
  } else {
    await page.goto('/#checker');
    await expect(page.locator('#checker')).toBeVisible();
    await page.locator('#check-domain').fill(domain);
    await page.locator('#check-run').click();
  }
  const report = page.locator('#check-report');
  await expect(report).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  // The MX hosts' A/AAAA round (CHK-009) refines the report one round trip later.
  await expect(report).toHaveAttribute('data-mx-hosts', 'done', { timeout: 20_000 });
  return report;
}

/**
 * The report shows these codes (one row each at least), with these severities when given.
 * @param {Page} page
 * @param {(string | [string, 'error' | 'warning' | 'info'])[]} codes
 */
async function expectCodes(page, codes) {
  for (const c of codes) {
    const [code, sev] = Array.isArray(c) ? c : [c, undefined];
    const sel = `#check-report [data-code="${code}"]${sev ? `[data-severity="${sev}"]` : ''}`;
    await expect(page.locator(sel).first(), `${sel} in the report`).toBeAttached();
  }
}

/** @param {Page} page @param {string[]} codes */
async function expectNoCodes(page, codes) {
  for (const code of codes) {
    await expect(page.locator(`#check-report [data-code="${code}"]`), `${code} must not be reported`).toHaveCount(0);
  }
}

/** @param {Page} page @param {string} verdict */
async function expectVerdict(page, verdict) {
  await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', verdict);
}

/** The whole report has no error row. @param {Page} page */
async function expectNoErrors(page) {
  await expect(page.locator('#check-report .check-row[data-severity="error"]')).toHaveCount(0);
}

/**
 * @param {Page} page
 * @param {string} lookup
 * @param {string} resolver
 */
async function expectLookup(page, lookup, resolver) {
  const el = page.locator(`#check-report [data-lookup="${lookup}"]`).first();
  await expect(el).toHaveAttribute('data-resolver', resolver);
  await expect(el).toHaveAttribute('data-state', 'done');
}

test.describe('a deployment the browser can read', () => {
  test('correct enforce deployment with CORS: deployed and correct, both MX covered', async ({ page }) => {
    await check(page, 'ok.example.test');
    await expectVerdict(page, 'deployed_ok');
    await expectNoErrors(page);
    await expectNoCodes(page, ['CHK-002', 'CHK-003', 'CHK-004', 'CHK-022', 'STS-TXT-002']);
    // The two character-strings were joined with no separator (STS-TXT-017, DOH-005).
    await expect(page.locator('#check-report')).toContainText('20240115000000Z');
    await expect(page.locator('#check-mx tr[data-host="mx1.ok.example.test"]')).toHaveAttribute('data-pattern', 'mx1.ok.example.test');
    await expect(page.locator('#check-mx tr[data-host="mx2.ok.example.test"]')).toHaveAttribute('data-pattern', 'mx2.ok.example.test');
    await expectLookup(page, 'stsTxt', 'cloudflare');
    await expectLookup(page, 'mx', 'cloudflare');
    // Google was asked only the two comparison questions (CHK-021), and agrees.
    await expectLookup(page, 'stsTxtOther', 'google');
    await expectLookup(page, 'mxOther', 'google');
    await expectNoCodes(page, ['CHK-021', 'CHK-009']);
    await expect(page.locator('#check-report [data-lookup="mxHosts"]')).toHaveAttribute('data-state', 'done');
    await expect(page.locator('#check-report [data-lookup="mxHosts"] [data-mx-host="mx2.ok.example.test"]')).toHaveAttribute('data-resolver', 'cloudflare');
    const log = await dohLog();
    expect(log.filter((l) => l.resolver === 'google').map((l) => `${l.name} ${l.type}`).sort()).toEqual(['_mta-sts.ok.example.test 16', 'ok.example.test 15']);
    expect(new Set(log.filter((l) => l.resolver === 'cloudflare').map((l) => `${l.name} ${l.type}`))).toEqual(new Set([
      '_mta-sts.ok.example.test 16', 'ok.example.test 15', 'mta-sts.ok.example.test 1', 'mta-sts.ok.example.test 28',
      'mta-sts.ok.example.test 5', '_smtp._tls.ok.example.test 16', '_dmarc.ok.example.test 16', 'ok.example.test 16',
      '_mta_sts.ok.example.test 16', '_smtp-tlsrpt.ok.example.test 16',
      // The second round: A and AAAA of each MX host (CHK-009), and its TLSA record (DANE, CHK-015).
      'mx1.ok.example.test 1', 'mx1.ok.example.test 28', 'mx2.ok.example.test 1', 'mx2.ok.example.test 28',
      '_25._tcp.mx1.ok.example.test 52', '_25._tcp.mx2.ok.example.test 52',
    ]));
  });

  test('a shared link ?domain= runs the check on load', async ({ page }) => {
    await check(page, 'ok.example.test', { via: 'url' });
    await expectVerdict(page, 'deployed_ok');
    await expect(page.locator('#check-domain')).toHaveValue('ok.example.test');
  });

  test('MX not covered by the enforce policy: CHK-004 error, backup MX CHK-013', async ({ page }) => {
    await check(page, 'mxnotcovered.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['CHK-004', 'error'], ['CHK-013', 'warning']]);
    await expect(page.locator('#check-mx tr[data-host="mx1.mxnotcovered.example.test"]')).toHaveAttribute('data-pattern', 'mx1.mxnotcovered.example.test');
    await expect(page.locator('#check-mx tr[data-host="mx2.mxnotcovered.example.test"]')).toHaveAttribute('data-pattern', '');
  });

  test('a stale pattern left from an old provider: CHK-006 warning', async ({ page }) => {
    await check(page, 'stale.example.test');
    await expectVerdict(page, 'deployed_ok');
    await expectCodes(page, [['CHK-006', 'warning']]);
    await expect(page.locator('#check-report [data-code="CHK-006"]').first()).toContainText('*.oldprovider.test');
    await expectNoCodes(page, ['CHK-004', 'CHK-005']);
  });

  test('two v=STSv1 records: STS-TXT-002, the policy is never discovered (CHK-003)', async ({ page }) => {
    await check(page, 'twotxt.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['STS-TXT-002', 'error'], ['CHK-003', 'warning']]);
  });

  test('DMARC reports to another organisation that has not accepted them: DMARC-021 warning for that one only', async ({ page }) => {
    await check(page, 'dmarcext.example.test');
    await expect(page.locator('#check-report')).toHaveAttribute('data-mx-hosts', 'done');
    await expectVerdict(page, 'deployed_ok');
    const warning = page.locator('#check-report [data-code="DMARC-021"]');
    await expect(warning).toHaveCount(1);
    await expect(warning).toHaveAttribute('data-severity', 'warning');
    await expect(warning).toContainText('elsewhere.provider.test');
    await expect(warning).toContainText('dmarcext.example.test._report._dmarc.elsewhere.provider.test');
    await expect(warning).not.toContainText('reports.provider.test');
    const log = await dohLog();
    expect(log.filter((l) => /_report\._dmarc\./.test(l.name)).map((l) => l.name).sort()).toEqual([
      'dmarcext.example.test._report._dmarc.elsewhere.provider.test',
      'dmarcext.example.test._report._dmarc.reports.provider.test',
    ]);
  });

  test('an MX host with a TLSA record in an unsigned zone: CHK-015 says DANE is not in effect, still deployed', async ({ page }) => {
    await check(page, 'dane.example.test');
    await expect(page.locator('#check-report')).toHaveAttribute('data-mx-hosts', 'done');
    await expectVerdict(page, 'deployed_ok');
    const dane = page.locator('#check-report [data-code="CHK-015"]').filter({ hasText: 'TLSA' });
    await expect(dane).toHaveCount(1);
    await expect(dane).toContainText('mx1.dane.example.test');
    await expect(dane).toContainText('not in effect');
    await expect(page.locator('[data-mx-host="mx1.dane.example.test"]')).toContainText('TLSA (DANE)');
  });

  test('a stray v=STSv1 copy at the domain beside the real record: STS-TXT-019 warning, still deployed', async ({ page }) => {
    await check(page, 'straycopy.example.test');
    await expectVerdict(page, 'deployed_ok');
    await expectCodes(page, [['STS-TXT-019', 'warning']]);
    await expect(page.locator('#check-report [data-code="STS-TXT-019"]').first()).toContainText('straycopy.example.test');
    await expectNoCodes(page, ['STS-TXT-002', 'CHK-003']);
  });

  test('a policy but no TXT record: CHK-003', async ({ page }) => {
    await check(page, 'notxt.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['CHK-003', 'warning']]);
    await expectNoCodes(page, ['CHK-002']);
  });

  test('_mta-sts delegated by CNAME to a provider: followed, chain reported', async ({ page }) => {
    await check(page, 'cname.example.test');
    await expectVerdict(page, 'deployed_ok');
    await expectNoErrors(page);
    // The delegation (STS-TXT-018, info) and the chain the resolver followed (DOH-004).
    await expectCodes(page, [['STS-TXT-018', 'info'], 'DOH-004']);
    await expect(page.locator('#check-report')).toContainText('_mta-sts.cname.provider.test');
  });

  test('an MX host that is a CNAME alias: CHK-009', async ({ page }) => {
    await check(page, 'mxalias.example.test');
    await expectCodes(page, ['CHK-009']);
    await expect(page.locator('#check-report [data-code="CHK-009"]').first()).toContainText('mx1.mxalias.example.test');
    await expect(page.locator('#check-report [data-lookup="mxHosts"] [data-mx-host="mx1.mxalias.example.test"]')).toBeAttached();
  });

  test('Cloudflare and Google disagree on the _mta-sts TXT record: CHK-021', async ({ page }) => {
    await check(page, 'split.example.test');
    await expectCodes(page, ['CHK-021']);
    const row = page.locator('#check-report [data-code="CHK-021"]').first();
    await expect(row).toHaveAttribute('data-area', 'txt');
    await expect(row).toContainText('20230101000000Z');
    await expectLookup(page, 'stsTxt', 'cloudflare');
    await expectLookup(page, 'stsTxtOther', 'google');
  });

  test('Null MX: CHK-007, mode none (CHK-011)', async ({ page }) => {
    await check(page, 'nullmx.example.test');
    await expectVerdict(page, 'deployed_ok');
    await expectCodes(page, [['CHK-007', 'info'], ['CHK-011', 'info']]);
    await expectNoCodes(page, ['CHK-004', 'CHK-005']);
  });

  test('no MX: the implicit MX is the domain, listed in the policy (CHK-008)', async ({ page }) => {
    await check(page, 'nomx.example.test');
    await expectVerdict(page, 'deployed_ok');
    await expectCodes(page, [['CHK-008', 'info']]);
    await expectNoCodes(page, ['CHK-004', 'CHK-005']);
    await expect(page.locator('#check-mx tr[data-host="nomx.example.test"]')).toHaveAttribute('data-pattern', 'nomx.example.test');
  });
});

test.describe('the policy host misbehaves', () => {
  test('no CORS header: unverified (CHK-022), paste fallback judges the pasted body', async ({ page }) => {
    await check(page, 'nocors.example.test');
    await expectVerdict(page, 'unverified');
    await expectCodes(page, [['CHK-022', 'info']]);
    await expectNoCodes(page, ['CHK-002', 'STS-HTTP-007']);
    await expect(page.locator('#check-curl')).toContainText('https://mta-sts.nocors.example.test/.well-known/mta-sts.txt');
    // The user pastes what curl printed: every policy and cross-check rule runs.
    await page.locator('#check-paste').fill(bodyOf('nocors'));
    await page.locator('#check-paste-run').click();
    await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'done');
    await expectVerdict(page, 'deployed_ok');
    await expectNoCodes(page, ['CHK-022']);
    await expect(page.locator('#check-mx tr[data-host="mx2.nocors.example.test"]')).toHaveAttribute('data-pattern', 'mx2.nocors.example.test');
  });

  test('301 redirect (readable): STS-HTTP-006 error and CHK-002', async ({ page }) => {
    await check(page, 'redirect.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['STS-HTTP-006', 'error'], ['CHK-002', 'error']]);
  });

  test('301 redirect without CORS: unverified, not failed (CHK-022)', async ({ page }) => {
    await check(page, 'redirectnocors.example.test');
    await expectVerdict(page, 'unverified');
    await expectCodes(page, ['CHK-022']);
    await expectNoCodes(page, ['STS-HTTP-006', 'CHK-002']);
  });

  test('404: STS-HTTP-007 and CHK-002', async ({ page }) => {
    await check(page, 'notfound.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['STS-HTTP-007', 'error'], ['CHK-002', 'error']]);
  });

  test('text/html: STS-HTTP-008 and CHK-002', async ({ page }) => {
    await check(page, 'html.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['STS-HTTP-008', 'error'], ['CHK-002', 'error']]);
  });

  test('a 70 KB body: STS-HTTP-010 and CHK-002', async ({ page }) => {
    await check(page, 'big.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['STS-HTTP-010', 'error'], ['CHK-002', 'error']]);
  });

  test('a host slower than the timeout: STS-HTTP-011, unverified, and the report is not stuck', async ({ page }) => {
    const started = Date.now();
    await check(page, 'slow.example.test', { timeoutSeconds: 2 });
    const took = Date.now() - started;
    await expectVerdict(page, 'unverified');
    await expectCodes(page, [['STS-HTTP-011', 'warning']]);
    expect(took, 'the 2 s timeout fired (the host answers after 20 s)').toBeLessThan(12_000);
  });

  test('TXT record but no policy host: STS-HTTP-002 and CHK-002', async ({ page }) => {
    await check(page, 'nopolicyhost.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['STS-HTTP-002', 'error'], ['CHK-002', 'error']]);
  });
});

test.describe('a resolver fails: the other one answers, and the report says which', () => {
  for (const [label, what] of /** @type {const} */ ([
    ['cfservfail', 'Cloudflare SERVFAIL'],
    ['cfdown', 'Cloudflare resets the request'],
    ['cfmalformed', 'Cloudflare returns malformed JSON'],
    ['cf500', 'Cloudflare answers HTTP 500'],
    ['cfhang', 'Cloudflare never answers (timeout)'],
  ])) {
    test(`${what}: Google answers, deployed and correct`, async ({ page }) => {
      await check(page, `${label}.example.test`, { timeoutSeconds: label === 'cfhang' ? 2 : 5 });
      await expectVerdict(page, 'deployed_ok');
      await expectNoErrors(page);
      for (const lookup of ['stsTxt', 'mx', 'tlsRpt', 'dmarc']) await expectLookup(page, lookup, 'google');
      // A failed resolver never reads as "no record".
      await expectNoCodes(page, ['STS-TXT-001', 'CHK-001', 'CHK-003', 'CHK-012', 'TLSRPT-001']);
      const log = await dohLog();
      const sts = log.filter((l) => l.name === `_mta-sts.${label}.example.test` && l.type === 16).map((l) => l.resolver);
      expect(sts.filter((r) => r === 'cloudflare'), 'Cloudflare asked once').toHaveLength(1);
      expect(sts.filter((r) => r === 'google'), 'Google: the fallback and the comparison').toHaveLength(2);
      // Fallback answer and comparison both from Google: nothing to compare, no false CHK-021.
      await expectNoCodes(page, ['CHK-021']);
    });
  }

  test('Cloudflare refuses connections: every lookup falls back to Google', async ({ page }) => {
    await control('control', { down: ['cloudflare'] });
    await check(page, 'ok.example.test');
    await expectVerdict(page, 'deployed_ok');
    for (const lookup of ['stsTxt', 'mx', 'hostA', 'tlsRpt', 'dmarc']) await expectLookup(page, lookup, 'google');
    const log = await dohLog();
    expect(log.filter((l) => l.resolver === 'cloudflare')).toEqual([]);
    expect(log.filter((l) => l.resolver === 'google').length).toBeGreaterThanOrEqual(10);
  });

  test('a custom resolver URL is used and named in the report', async ({ page }) => {
    await check(page, 'ok.example.test', { resolver: 'custom', customUrl: 'https://dns.google/resolve' });
    await expectVerdict(page, 'deployed_ok');
    await expectLookup(page, 'stsTxt', 'https://dns.google/resolve');
  });

  test('a custom resolver that fails (404) falls back to Cloudflare', async ({ page }) => {
    await check(page, 'ok.example.test', { resolver: 'custom', customUrl: 'https://dns.google/no-such-api' });
    await expectVerdict(page, 'deployed_ok');
    await expectLookup(page, 'stsTxt', 'cloudflare');
  });

  test('a new check replaces one still waiting on a hanging resolver', async ({ page }) => {
    await page.addInitScript(([key]) => localStorage.setItem(key, JSON.stringify({ resolver: 'cloudflare', customUrl: '', timeoutSeconds: 2 })), [SETTINGS_KEY]);
    await page.goto('/#checker');
    await page.locator('#check-domain').fill('cfhang.example.test');
    await page.locator('#check-run').click();
    const started = Date.now();
    await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'running');
    await page.locator('#check-domain').fill('mxnotcovered.example.test');
    await page.locator('#check-run').click();
    await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    // The MX hosts' A/AAAA round (CHK-009) refines the report one round trip later.
    await expect(page.locator('#check-report')).toHaveAttribute('data-mx-hosts', 'done', { timeout: 20_000 });
    await expectVerdict(page, 'problems');
    // Past the first check's 2 s timeout (counted from its start): its late answers must not
    // overwrite the report.
    await page.waitForTimeout(Math.max(0, started + 2_500 - Date.now()));
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['CHK-004', 'error']]);
    await expect(page.locator('#check-report')).not.toContainText('cfhang.example.test');
  });

  test('Google chosen in the settings is asked first', async ({ page }) => {
    await check(page, 'ok.example.test', { resolver: 'google' });
    await expectVerdict(page, 'deployed_ok');
    await expectLookup(page, 'stsTxt', 'google');
    await expectLookup(page, 'stsTxtOther', 'cloudflare');
    const log = await dohLog();
    expect(log.filter((l) => l.resolver === 'cloudflare').map((l) => `${l.name} ${l.type}`).sort(), 'Cloudflare: the comparison only').toEqual(['_mta-sts.ok.example.test 16', 'ok.example.test 15']);
  });
});

test.describe('hostile data from DNS and policy hosts never runs', () => {
  /**
   * Walks the whole DOM (and open shadow roots): no event-handler attribute,
   * no javascript: URL, no inline script, no element made from the payloads.
   * @param {Page} page
   */
  async function injected(page) {
    return page.evaluate(() => {
      const bad = [];
      /** @param {Document | ShadowRoot} root */
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          for (const a of Array.from(el.attributes)) {
            if (/^on/i.test(a.name)) bad.push(`<${el.localName} ${a.name}>`);
            if (/^\s*javascript:/i.test(a.value)) bad.push(`<${el.localName} ${a.name}="${a.value}">`);
          }
          if (el.localName === 'script' && !el.getAttribute('src')) bad.push('inline <script>');
          if (el.localName === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return { bad, xss: /** @type {any} */ (window).__xss, csp: /** @type {any} */ (window).__cspViolations };
    });
  }

  test('TXT data, policy body, resolver comment and TLS-RPT/DMARC rua with payloads: shown as text, nothing injected', async ({ page }) => {
    /** @type {string[]} */
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await check(page, 'xss.example.test');
    await expectVerdict(page, 'problems');
    // The payloads reach the page as text (quoted in the messages), not as markup.
    const report = page.locator('#check-report');
    await expect(report).toContainText(XSS.img);
    await expect(report).toContainText('</textarea><script>window.__xss=1</script>');
    await expect(report).toContainText(XSS.js);
    // Control characters from DNS reach the messages escaped (the core's quoting).
    await expect(report).toContainText('ctl\\x1B[2J\\x00\\u202Eend');
    await expectCodes(page, [['STS-TXT-008', 'error'], ['STS-POL-008', 'error'], ['TLSRPT-009', 'error'], ['DOH-011', 'info']]);
    const r = await injected(page);
    expect(r.bad).toEqual([]);
    expect(r.xss).toBeUndefined();
    expect(r.csp).toEqual([]);
    expect(dialogs).toEqual([]);
    // The page still answers: another check runs to the end.
    await page.locator('#check-domain').fill('ok.example.test');
    await page.locator('#check-run').click();
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'deployed_ok', { timeout: 20_000 });
    expect((await injected(page)).bad).toEqual([]);
  });

  test('control characters and a bidi override in TXT data are never shown raw', async ({ page }) => {
    // ESC, NUL and U+202E (which reverses the display of what follows) are shown as
    // visible stand-ins (safe-text.js), each in a span.ctl naming the code point.
    await check(page, 'xss.example.test');
    const record = page.locator('#check-report code.check-record').filter({ hasText: 'ctl' }).first();
    await expect(record).toHaveText('ctl\u241b[2J\u2400\\u{202E}end');
    await expect(record.locator('span.ctl[title="U+202E RIGHT-TO-LEFT OVERRIDE"]')).toHaveCount(1);
    const raw = await page.locator('#check-report').evaluate((el) => {
      const found = [];
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(n.textContent ?? '')) {
          found.push(`${n.parentElement?.localName}.${n.parentElement?.className}: ${JSON.stringify(n.textContent)}`);
        }
      }
      return found;
    });
    expect(raw).toEqual([]);
  });

  test('a hostile HTML page served as the policy (readable): STS-HTTP-008, nothing injected', async ({ page }) => {
    await check(page, 'xsshtml.example.test');
    await expectVerdict(page, 'problems');
    await expectCodes(page, [['STS-HTTP-008', 'error']]);
    const r = await injected(page);
    expect(r.bad).toEqual([]);
    expect(r.xss).toBeUndefined();
    expect(r.csp).toEqual([]);
  });

  test('a hostile ?domain= in a shared link is refused as text, nothing injected', async ({ page }) => {
    await page.addInitScript(([key]) => localStorage.setItem(key, JSON.stringify({ resolver: 'cloudflare', customUrl: '', timeoutSeconds: 5 })), [SETTINGS_KEY]);
    await page.goto(`/?domain=${encodeURIComponent(XSS.svg + XSS.img)}#checker`);
    await expect(page.locator('#checker')).toBeVisible();
    // The refusal is shown under the field (no fixed sleep).
    await expect(page.locator('#check-domain-msg')).toBeVisible();
    const r = await injected(page);
    expect(r.bad).toEqual([]);
    expect(r.xss).toBeUndefined();
    expect(r.csp).toEqual([]);
    // No DNS query was made for a name that is not a domain.
    const log = await dohLog();
    expect(log.filter((l) => l.name.includes('<') || l.name.includes('onerror'))).toEqual([]);
  });
});
