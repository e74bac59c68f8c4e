// @ts-check
// The domain checker's page, the way a user sees it, with the resolvers and the
// policy host faked by page.route (nothing touches the public internet). The
// real-server matrix (knot, our DoH server, nginx) is e2e/live/.
//
// Note: route.fulfill adds Access-Control-Allow-Origin itself when it is left
// out, so a policy host "without CORS" sends a wrong origin instead.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').Route} Route */

const D = 'example.test';
const goodPolicy = 'version: STSv1\nmode: enforce\nmx: mx1.example.test\nmx: *.backup.example.test\nmax_age: 604800\n';
const types = { TXT: 16, MX: 15, A: 1, AAAA: 28, CNAME: 5 };

/** @type {Record<string, string[]>} */
const goodZone = {
  [`_mta-sts.${D} TXT`]: ['"v=STSv1; id=20240115"'],
  [`${D} MX`]: ['10 mx1.example.test.', '20 a.backup.example.test.'],
  [`mta-sts.${D} A`]: ['192.0.2.10'],
  [`mx1.${D} A`]: ['192.0.2.25'],
  [`a.backup.${D} AAAA`]: ['2001:db8::25'],
  [`_smtp._tls.${D} TXT`]: ['"v=TLSRPTv1; rua=mailto:tls@example.test"'],
  [`_dmarc.${D} TXT`]: ['"v=DMARC1; p=reject; rua=mailto:d@example.test"'],
};

/**
 * @param {string} name
 * @param {string} type
 * @param {Record<string, string[]>} zone
 */
function dnsBody(name, type, zone) {
  const t = types[/** @type {keyof typeof types} */ (type)] ?? 16;
  const data = zone[`${name} ${type}`];
  const exists = Object.keys(zone).some((k) => k.startsWith(`${name} `)) || name === D || name === `mta-sts.${D}`;
  /** @type {any} */
  const body = { Status: exists ? 0 : 3, TC: false, RD: true, RA: true, AD: false, CD: false, Question: [{ name: `${name}.`, type: t }] };
  if (data) body.Answer = data.map((d) => ({ name: `${name}.`, type: t, TTL: 300, data: d }));
  return JSON.stringify(body);
}

/**
 * Fakes the two resolvers and the policy host. Returns the log of requests.
 * @param {Page} page
 * @param {{ zone?: Record<string, string[]>, policy?: string, cors?: boolean, contentType?: string,
 *   cloudflare?: (name: string, type: string) => { status: number, body: string } | null,
 *   google?: (name: string, type: string) => { status: number, body: string } | null }} [world]
 */
async function fakeWorld(page, world = {}) {
  const zone = world.zone ?? goodZone;
  /** @type {{ host: string, name: string | null, type: string | null }[]} */
  const log = [];
  const doh = (/** @type {string} */ resolver) => async (/** @type {Route} */ route) => {
    const url = new URL(route.request().url());
    const name = url.searchParams.get('name') ?? '';
    const type = url.searchParams.get('type') ?? '';
    log.push({ host: resolver, name, type });
    const override = resolver === 'cloudflare' ? world.cloudflare?.(name, type) : world.google?.(name, type) ?? null;
    await route.fulfill({
      status: override?.status ?? 200,
      headers: { 'content-type': 'application/dns-json', 'access-control-allow-origin': '*' },
      body: override?.body ?? dnsBody(name, type, zone),
    });
  };
  await page.route('https://cloudflare-dns.com/**', doh('cloudflare'));
  await page.route('https://dns.google/**', doh('google'));
  await page.route(`https://mta-sts.${D}/**`, async (route) => {
    log.push({ host: 'policy', name: route.request().url(), type: null });
    await route.fulfill({
      status: 200,
      headers: {
        'content-type': world.contentType ?? 'text/plain; charset=utf-8',
        // A wrong origin: the browser refuses to let the page read the answer.
        'access-control-allow-origin': world.cors === false ? 'https://not-the-page.invalid' : '*',
      },
      body: world.policy ?? goodPolicy,
    });
  });
  return log;
}

/**
 * @param {Page} page
 * @param {{ lang?: 'en' | 'fr', history?: object }} [options]
 */
async function openChecker(page, options = {}) {
  await page.addInitScript(
    ([lang, history]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.clear();
      localStorage.setItem('mtasts-kit:lang', lang);
      if (history) localStorage.setItem('mtasts.checker.history', JSON.stringify(history));
    },
    [options.lang ?? 'en', options.history ?? null],
  );
  await page.goto('/#checker');
  await expect(page.locator('#checker')).toBeVisible();
}

/**
 * @param {Page} page
 * @param {string} domain
 */
async function check(page, domain) {
  await page.locator('#check-domain').fill(domain);
  await page.locator('#check-run').click();
  await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  // The MX hosts' A/AAAA round (CHK-009) refines the report one round trip later.
  await expect(page.locator('#check-report')).toHaveAttribute('data-mx-hosts', 'done', { timeout: 15_000 });
}

test.describe('checker', () => {
  test('a correct deployment: verdict, rows, MX table, lookups, focus on the verdict', async ({ page }) => {
    const log = await fakeWorld(page);
    await openChecker(page);
    await expect(page.locator('a[data-view="checker"]')).toHaveAttribute('aria-current', 'page');
    await check(page, 'Example.TEST.');
    const verdict = page.locator('#check-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'deployed_ok');
    await expect(verdict).toContainText('MTA-STS is deployed and correct');
    await expect(verdict).toBeFocused();
    await expect(page.locator('#check-report .check-row[data-severity="error"]')).toHaveCount(0);
    await expect(page.locator('#check-report [data-code="BR-004"]')).toHaveAttribute('data-area', 'browser');
    await expect(page.locator(`#check-mx tr[data-host="mx1.${D}"]`)).toHaveAttribute('data-pattern', `mx1.${D}`);
    await expect(page.locator(`#check-mx tr[data-host="a.backup.${D}"]`)).toHaveAttribute('data-pattern', `*.backup.${D}`);
    for (const name of ['stsTxt', 'mx', 'hostA', 'tlsRpt', 'dmarc']) {
      const row = page.locator(`#check-report [data-lookup="${name}"]`);
      await expect(row).toHaveAttribute('data-state', 'done');
      await expect(row).toHaveAttribute('data-resolver', 'cloudflare');
    }
    await expect(page.locator('#check-report [data-lookup="policy"]')).toHaveAttribute('data-state', 'done');
    // The comparison questions went to Google; the MX hosts' addresses were asked.
    for (const name of ['stsTxtOther', 'mxOther']) {
      const row = page.locator(`#check-report [data-lookup="${name}"]`);
      await expect(row).toHaveAttribute('data-resolver', 'google');
      await expect(row).toContainText('compared with Google');
    }
    await expect(page.locator('#check-report [data-lookup="mxHosts"]')).toHaveAttribute('data-state', 'done');
    await expect(page.locator(`#check-report [data-lookup="mxHosts"] [data-mx-host="mx1.${D}"]`)).toHaveAttribute('data-resolver', 'cloudflare');
    await expect(page.locator(`#check-report [data-lookup="mxHosts"] [data-mx-host="a.backup.${D}"]`)).toBeAttached();
    await expect(page.locator('#check-report [data-code="CHK-009"]')).toHaveCount(0);
    await expect(page.locator('#check-report [data-code="CHK-021"]')).toHaveCount(0);
    expect(log.filter((l) => l.host === 'google').map((l) => `${l.name} ${l.type}`).sort()).toEqual([`_mta-sts.${D} TXT`, `${D} MX`]);
    await expect(page.locator('#check-report')).toContainText('v=STSv1; id=20240115');
    await expect(page.locator('#check-report')).toContainText('TTL: at most 300 s');
    await expect(page.locator('#check-report')).toContainText(`openssl s_client -starttls smtp -connect mx1.${D}:25 -servername mx1.${D}`);
    // The address names the check, and the hash routing still works.
    expect(new URL(page.url()).searchParams.get('domain')).toBe(D);
    expect(new URL(page.url()).hash).toBe('#checker');
    expect(log.filter((l) => l.host === 'cloudflare'), 'ten lookups and 2 MX hosts × A/AAAA/TLSA').toHaveLength(16);
    expect(log.filter((l) => l.type === 'TLSA').map((l) => l.name).sort(), 'DANE: TLSA of each MX host').toEqual(['_25._tcp.a.backup.example.test', '_25._tcp.mx1.example.test']);
    expect(log.filter((l) => l.host === 'google'), 'the two comparison questions').toHaveLength(2);
    await page.locator('a[data-view="validator"]').click();
    await expect(page.locator('#validator')).toBeVisible();
  });

  test('DMARC reports sent outside the domain: each authorisation is listed with the lookups and judged (DMARC-021)', async ({ page }) => {
    const zone = {
      ...goodZone,
      [`_dmarc.${D} TXT`]: ['"v=DMARC1; p=reject; rua=mailto:d@example.test,mailto:agg@reports.vendor.example; ruf=mailto:f@other.example"'],
      [`${D}._report._dmarc.reports.vendor.example TXT`]: ['"v=DMARC1"'],
    };
    const log = await fakeWorld(page, { zone });
    await openChecker(page);
    await check(page, D);
    const row = page.locator('#check-report [data-lookup="dmarcAuth"]');
    await expect(row).toHaveAttribute('data-state', 'done');
    await expect(row).toContainText('Authorisations of the DMARC report destinations outside the domain');
    await expect(row.locator('[data-report-host="reports.vendor.example"]')).toContainText(`TXT ${D}._report._dmarc.reports.vendor.example`);
    await expect(row.locator('[data-report-host="reports.vendor.example"]')).toHaveAttribute('data-resolver', 'cloudflare');
    await expect(row.locator('[data-report-host="other.example"]')).toContainText('answered by Cloudflare');
    // Listed after the first round's rows, before the policy file (the MX and DMARC rounds start in either order).
    const order = await page.locator('#check-lookups li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-lookup')));
    expect(order.slice(-3).sort()).toEqual(['dmarcAuth', 'mxHosts', 'policy']);
    expect(order.at(-1)).toBe('policy');
    await expect(page.locator('#check-report [data-code="DMARC-021"]')).toHaveCount(1);
    await expect(page.locator('#check-report [data-code="DMARC-021"]')).toContainText('other.example');
    expect(log.filter((l) => /_report\._dmarc\./.test(l.name ?? '')).map((l) => l.name).sort()).toEqual([
      `${D}._report._dmarc.other.example`,
      `${D}._report._dmarc.reports.vendor.example`,
    ]);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(row).toContainText('Autorisations des destinataires de rapports DMARC hors du domaine');
    await expect(row.locator('[data-report-host="other.example"]')).toContainText('réponse de Cloudflare');
  });

  test('an MX host not covered in enforce mode is an error, with an empty pattern cell', async ({ page }) => {
    await fakeWorld(page, { zone: { ...goodZone, [`${D} MX`]: ['10 mx1.example.test.', '20 mx2.example.test.'] } });
    await openChecker(page);
    await check(page, D);
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'problems');
    await expect(page.locator('#check-report [data-code="CHK-004"]').first()).toHaveAttribute('data-severity', 'error');
    await expect(page.locator(`#check-mx tr[data-host="mx2.${D}"]`)).toHaveAttribute('data-pattern', '');
    await expect(page.locator(`#check-mx tr[data-host="mx2.${D}"]`)).toContainText('none: not covered');
  });

  test('a failing resolver falls back to the other one, and the report says so', async ({ page }) => {
    await fakeWorld(page, { cloudflare: () => ({ status: 503, body: 'busy' }) });
    await openChecker(page);
    await check(page, D);
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'deployed_ok');
    const sts = page.locator('#check-report [data-lookup="stsTxt"]');
    await expect(sts).toHaveAttribute('data-resolver', 'google');
    await expect(sts).toHaveAttribute('data-fallback-from', 'cloudflare');
    await expect(sts).toContainText('Cloudflare: HTTP 503; answered by Google');
  });

  test('an answer with thousands of MX hosts is reported without freezing the page', async ({ page }) => {
    const mx = Array.from({ length: 3000 }, (_, i) => `${10 + (i % 50)} mx${i}.other.example.`);
    await fakeWorld(page, { zone: { ...goodZone, [`${D} MX`]: mx } });
    await openChecker(page);
    await page.locator('#check-domain').fill(D);
    await page.locator('#check-run').click();
    await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.locator('#check-mx tbody tr')).toHaveCount(100);
    await expect(page.locator('section[data-area="mx"]')).toContainText('…and 2,900 more MX hosts, not shown.');
    const rows = await page.locator('section[data-area="mx"] .check-rows > li').count();
    expect(rows).toBeLessThanOrEqual(100);
    await expect(page.locator('section[data-area="mx"]')).toContainText('more findings in this part, not shown.');
  });

  test('a network that blocks every request while the browser says online: nothing is claimed', async ({ page }) => {
    await page.route(/^https:\/\//, (route) => route.abort('connectionrefused'));
    await openChecker(page);
    await page.locator('#check-domain').fill(D);
    await page.locator('#check-run').click();
    await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'unverified');
    await expect(page.locator('#check-verdict .check-verdict-text')).toContainText('None of the DNS-over-HTTPS lookups answered');
    const report = page.locator('#check-report');
    await expect(report).toContainText('whether its name resolves is unknown');
    await expect(report).not.toContainText('the name resolves, but');
  });

  test('resolvers disagreeing (CHK-021), an MX alias (CHK-009), and TXT controls shown visibly', async ({ page }) => {
    const zone = { ...goodZone, [`_mta-sts.${D} TXT`]: ['"v=STSv1; id=20240115"', '"x\u001b[2J\u0000\u202eend"'] };
    delete zone[`mx1.${D} A`];
    zone[`mx1.${D} CNAME`] = ['real.example.net.'];
    await fakeWorld(page, {
      zone,
      google: (name, type) => (name === `_mta-sts.${D}` && type === 'TXT' ? { status: 200, body: dnsBody(name, type, { [`${name} TXT`]: ['"v=STSv1; id=1999"'] }) } : null),
    });
    await openChecker(page);
    await check(page, D);
    await expect(page.locator('#check-report [data-code="CHK-021"]').first()).toBeAttached();
    await expect(page.locator('#check-report [data-code="CHK-009"]').first()).toBeAttached();
    const record = page.locator('#check-report code.check-record').filter({ hasText: 'end' });
    await expect(record).toHaveText('x\u241b[2J\u2400\\u{202E}end');
    await expect(record.locator('span.ctl')).toHaveCount(3);
    await expect(record.locator('span.ctl').nth(2)).toHaveAttribute('title', 'U+202E RIGHT-TO-LEFT OVERRIDE');
    const raw = await page.locator('#check-report').evaluate((el) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e]/.test(el.textContent ?? ''));
    expect(raw).toBe(false);
  });

  test('no CORS: unverified, the curl command, and a pasted body re-judged without new requests', async ({ page }) => {
    const log = await fakeWorld(page, { cors: false });
    await openChecker(page);
    await check(page, D);
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'unverified');
    await expect(page.locator('#check-report [data-code="CHK-022"]')).toBeVisible();
    await expect(page.locator('#check-report [data-lookup="policy"]')).toHaveAttribute('data-outcome', 'cors_blocked_but_host_answers');
    await expect(page.locator('section[data-area="policy"]')).toContainText('a browser may not read the answer');
    await expect(page.locator('#check-report [data-code="CHK-022"]')).toHaveAttribute('data-area', 'browser');
    await expect(page.locator('#check-curl')).toHaveText(`curl -sSv https://mta-sts.${D}/.well-known/mta-sts.txt`);
    await expect(page.locator(`#check-mx tr[data-host="mx1.${D}"]`)).toContainText('unknown (policy not read)');
    const before = log.length;
    // An empty paste is refused with a message.
    await page.locator('#check-paste-run').click();
    await expect(page.locator('#check-paste-msg')).toHaveText('Paste the policy body first.');
    await page.locator('#check-paste').fill(goodPolicy);
    await page.locator('#check-paste-run').click();
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'deployed_ok');
    await expect(page.locator('#check-verdict')).toBeFocused();
    await expect(page.locator(`#check-mx tr[data-host="mx1.${D}"]`)).toHaveAttribute('data-pattern', `mx1.${D}`);
    await expect(page.locator('#check-paste')).toHaveValue(goodPolicy);
    expect(log.length).toBe(before);
    // A broken paste shows the policy rules' findings.
    await page.locator('#check-paste').fill('version: STSv1\nmode: enforce\nmax_age: 604800\n');
    await page.locator('#check-paste-run').click();
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'problems');
    await expect(page.locator('#check-report .check-row[data-area="policy"][data-severity="error"]').first()).toBeVisible();
  });

  test('a ?domain= link opens the checker and runs the check on load, without moving focus', async ({ page }) => {
    await fakeWorld(page);
    await page.addInitScript(() => localStorage.clear());
    await page.goto(`/?domain=${D}`);
    await expect(page.locator('#checker')).toBeVisible();
    await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
    // The MX hosts' A/AAAA round (CHK-009) refines the report one round trip later.
    await expect(page.locator('#check-report')).toHaveAttribute('data-mx-hosts', 'done', { timeout: 15_000 });
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'deployed_ok');
    await expect(page.locator('#check-domain')).toHaveValue(D);
    await expect(page.locator('#check-verdict')).not.toBeFocused();
    expect(new URL(page.url()).hash).toBe('#checker');
  });

  test('switching language re-renders the report from the same facts', async ({ page }) => {
    const log = await fakeWorld(page, { zone: { ...goodZone, [`${D} MX`]: ['10 mx1.example.test.', '20 mx2.example.test.'] } });
    await openChecker(page);
    await check(page, D);
    const before = log.length;
    const row = page.locator('#check-report [data-code="CHK-004"]').first();
    await expect(row).toContainText('Error');
    await page.locator('#lang-switch button[data-lang="fr"]').click();
    await expect(page.locator('#check-verdict')).toContainText('Verdict pour example.test');
    await expect(page.locator('#check-verdict')).toContainText('MTA-STS présente des problèmes');
    await expect(row).toContainText('Erreur');
    await expect(page.locator('#check-report [data-lookup="mx"]')).toContainText('réponse de Cloudflare');
    await expect(page.locator('#check-mx caption')).toContainText('Hôtes MX de example.test');
    expect(log.length).toBe(before);
    await expect(page).toHaveTitle(/vérificateur/);
  });

  test('history: a policy that changed without a new id raises CHK-018 until the id changes', async ({ page }) => {
    await fakeWorld(page);
    await openChecker(page, {
      history: { [D]: { lastId: '20240115', lastBodyHash: '0123456789abcdef', at: '2024-01-15T12:00:00.000Z' } },
    });
    await check(page, D);
    await expect(page.locator('#check-report [data-code="CHK-018"]')).toHaveAttribute('data-severity', 'error');
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'problems');
    await expect(page.locator('section[data-area="txt"]')).toContainText('Previous check in this browser');
    // Senders still hold the body first seen under this id: checking again changes nothing.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mtasts.checker.history') ?? '{}'));
    expect(stored[D]).toMatchObject({ lastId: '20240115', lastBodyHash: '0123456789abcdef' });
    await check(page, D);
    await expect(page.locator('#check-report [data-code="CHK-018"]')).toHaveAttribute('data-severity', 'error');
    // A new id clears it, and the body is remembered under it.
    await page.evaluate((d) => {
      const all = JSON.parse(localStorage.getItem('mtasts.checker.history') ?? '{}');
      all[d].lastId = '20230101';
      localStorage.setItem('mtasts.checker.history', JSON.stringify(all));
    }, D);
    await check(page, D);
    await expect(page.locator('#check-report [data-code="CHK-018"]')).toHaveCount(0);
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('mtasts.checker.history') ?? '{}'));
    expect(after[D].lastId).toBe('20240115');
    expect(after[D].lastBodyHash).toMatch(/^[0-9a-f]{16}$/);
    expect(after[D].lastBodyHash).not.toBe('0123456789abcdef');
    await check(page, D);
    await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'deployed_ok');
  });

  test('invalid input is refused before any request; a URL or an address is accepted', async ({ page }) => {
    const log = await fakeWorld(page);
    await openChecker(page);
    await page.locator('#check-domain').fill('192.0.2.1');
    await page.locator('#check-run').click();
    await expect(page.locator('#check-domain-msg')).toContainText('IP address');
    await expect(page.locator('#check-domain')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#check-domain')).toBeFocused();
    expect(log).toHaveLength(0);
    await check(page, `postmaster@${D}`);
    await expect(page.locator('#check-domain')).toHaveValue(D);
    await expect(page.locator('#check-domain-msg')).toContainText('e-mail address');
    await expect(page.locator('#check-domain')).not.toHaveAttribute('aria-invalid', 'true');
    // The policy host or a record's name typed for the domain: the domain is checked, and said.
    await check(page, `_mta-sts.${D}`);
    await expect(page.locator('#check-domain')).toHaveValue(D);
    await expect(page.locator('#check-domain-msg')).toContainText('one of its records');
    await check(page, `MTA-STS.${D.toUpperCase()}.`);
    await expect(page.locator('#check-domain')).toHaveValue(D);
    await expect(page.locator('#check-domain-msg')).toContainText('its policy host');
  });

  test('offline, the checker says it needs the network', async ({ page, context }) => {
    const log = await fakeWorld(page);
    await openChecker(page);
    await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
    await context.setOffline(true);
    await expect(page.locator('#check-offline')).toBeVisible();
    await page.locator('#check-domain').fill(D);
    await page.locator('#check-run').click();
    await expect(page.locator('#check-report')).toHaveAttribute('data-state', 'idle');
    expect(log).toHaveLength(0);
    await context.setOffline(false);
    await expect(page.locator('#check-offline')).toBeHidden();
  });

  test('settings: a custom resolver is used and remembered', async ({ page }) => {
    /** @type {string[]} */
    const custom = [];
    await fakeWorld(page);
    await page.route('https://doh.example.net/**', async (route) => {
      const url = new URL(route.request().url());
      custom.push(`${url.searchParams.get('name')} ${url.searchParams.get('type')}`);
      await route.fulfill({
        headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
        body: dnsBody(url.searchParams.get('name') ?? '', url.searchParams.get('type') ?? '', goodZone),
      });
    });
    await openChecker(page);
    await page.locator('#check-settings summary').click();
    await page.locator('#check-resolver').selectOption('custom');
    await page.locator('#check-resolver-url').fill('http://doh.example.net/resolve');
    await page.locator('#check-domain').fill(D);
    await page.locator('#check-run').click();
    await expect(page.locator('#check-resolver-url-msg')).toBeVisible();
    await page.locator('#check-resolver-url').fill('https://doh.example.net/resolve');
    await check(page, D);
    expect(custom).toContain(`_mta-sts.${D} TXT`);
    await expect(page.locator('#check-report [data-lookup="stsTxt"]')).toHaveAttribute('data-resolver', 'https://doh.example.net/resolve');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mtasts.checker.settings') ?? '{}'));
    expect(saved).toEqual({ resolver: 'custom', customUrl: 'https://doh.example.net/resolve', timeoutSeconds: 10 });
  });

  test('the generator imports the MX hosts from the DNS, with Undo and clear messages', async ({ page }) => {
    await fakeWorld(page, {
      zone: { ...goodZone, [`nullmx.test MX`]: ['0 .'], [`nomx.test TXT`]: ['"x"'] },
    });
    await openChecker(page);
    await page.locator('a[data-view="generator"]').click();
    await expect(page.locator('#gen-mx-import')).toBeVisible();
    await page.locator('#gen-mx-import').click();
    await expect(page.locator('#gen-mx-import-msg')).toContainText('Enter your domain in step 1 first.');
    await page.locator('#gen-domain').fill(D);
    await page.locator('#gen-mx-rows input').first().fill('old.example.net');
    await page.locator('#gen-mx-import').click();
    await expect(page.locator('#gen-mx-import-msg')).toContainText(`Imported 2 MX hosts of ${D}`);
    const rows = () => page.locator('#gen-mx-rows input').evaluateAll((els) => els.map((e) => /** @type {HTMLInputElement} */ (e).value));
    await expect.poll(rows).toEqual([`mx1.${D}`, `a.backup.${D}`]);
    await page.locator('#gen-undo').click();
    await expect.poll(rows).toEqual(['old.example.net']);
    await page.locator('#gen-domain').fill('nullmx.test');
    await page.locator('#gen-mx-import').click();
    await expect(page.locator('#gen-mx-import-msg')).toContainText('Null MX');
    await page.locator('#gen-domain').fill('nomx.test');
    await page.locator('#gen-mx-import').click();
    await expect(page.locator('#gen-mx-import-msg')).toContainText('has no MX record');
    await expect.poll(rows).toEqual(['old.example.net']);
  });

  for (const lang of /** @type {const} */ (['en', 'fr'])) {
    test(`axe finds no WCAG 2 A/AA violation in the report (${lang})`, async ({ page }) => {
      test.setTimeout(120_000); // three full-page scans
      await fakeWorld(page, { cors: false, zone: { ...goodZone, [`${D} MX`]: ['10 mx1.example.test.', '20 mx2.example.test.'] } });
      await openChecker(page, { lang });
      const idle = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(idle.violations).toEqual([]);
      await check(page, D);
      await page.locator('#check-settings summary').click();
      const unverified = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(unverified.violations).toEqual([]);
      await page.locator('#check-paste').fill(goodPolicy);
      await page.locator('#check-paste-run').click();
      await expect(page.locator('#check-verdict')).toHaveAttribute('data-verdict', 'problems');
      const withProblems = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(withProblems.violations).toEqual([]);
    });
  }
});
