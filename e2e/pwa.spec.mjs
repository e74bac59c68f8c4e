// @ts-check
// The installed app (PWA), the way a person meets it: the first visit installs
// it ("ready to work offline"), the network goes away and the validator and
// the generator still work after a reload, a new version waits until the user
// reloads ("update available — reload") and nothing typed is lost. Also: the
// manifest and icons Chromium needs to offer installation, that requests to
// other origins (DNS-over-HTTPS resolvers, policy hosts) are never cached, and
// the privacy statement in both languages. No test touches the public internet.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createStaticServer } from './static-server.mjs';

/** @typedef {import('@playwright/test').Page} Page */

const siteRoot = process.env.E2E_SITE_ROOT ?? 'build/site';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test.use({ serviceWorkers: 'allow' });
// Installing the app fetches every file of it: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

/**
 * Starts a server of the test's own on a free loopback port.
 * @param {import('node:http').Server} server
 * @returns {Promise<string>} its base URL
 */
async function listen(server) {
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  return `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}/`;
}

/**
 * Opens the app and waits until the service worker controls the page.
 * @param {Page} page
 * @param {string} [url]
 */
async function install(page, url = '/') {
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(page.locator('#pwa-status')).toHaveAttribute('data-version', /^[0-9a-f]{16}$/);
  await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
}

/**
 * The precache list written into the staged sw.js by scripts/build-sw.mjs.
 * @param {string} root
 * @returns {Promise<{ version: string, files: Record<string, string> }>}
 */
async function buildOf(root) {
  const source = await readFile(join(root, 'sw.js'), 'utf8');
  const line = /^const BUILD = (.*); \/\/ build-sw:/m.exec(source);
  if (!line) throw new Error('sw.js has no build list: stage the site with scripts/stage-site.sh');
  return JSON.parse(line[1]);
}

/**
 * Every file under dir, relative, with / separators.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? /** @type {any} */ (e).path, e.name)).split(sep).join('/'));
}

/**
 * Width and height from a PNG's IHDR chunk.
 * @param {Buffer} bytes
 */
function pngSize(bytes) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The keys of this app's caches, as seen from the page.
 * @param {Page} page
 */
function cacheContents(page) {
  return page.evaluate(async () => {
    /** @type {Record<string, string[]>} */
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => r.url);
    }
    return out;
  });
}

test.describe('install', () => {
  test('the manifest has what an installed app needs, with real icons', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('manifest.webmanifest');
    const response = await request.get(href ?? '');
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: 'MTA-STS Kit',
      short_name: 'MTA-STS Kit',
      // Relative: the app works under any sub-path.
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#0b57d0',
      background_color: '#f5f6f8',
      lang: 'en',
    });
    expect(manifest.description).toContain('MTA-STS');
    expect(manifest.description_localized.fr).toContain('hors ligne');
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);

    /** @type {{ src: string, sizes: string, type: string, purpose: string }[]} */
    const icons = manifest.icons;
    const png = icons.filter((i) => i.type === 'image/png');
    expect(png.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of png) {
      const image = await request.get(icon.src);
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await image.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    const svg = await request.get('icons/icon.svg');
    expect(svg.headers()['content-type']).toBe('image/svg+xml');
    expect(await svg.text()).toContain('<svg');

    // The icons render in the page as images of the announced size.
    const rendered = await page.evaluate(async (sources) => {
      const sizes = [];
      for (const src of sources) {
        const img = new Image();
        img.src = src;
        await img.decode();
        sizes.push(`${img.naturalWidth}x${img.naturalHeight}`);
      }
      return sizes;
    }, png.map((i) => i.src));
    expect(rendered).toEqual(png.map((i) => i.sizes));
  });

  test('the first visit installs the app and says it is ready to work offline', async ({ page }) => {
    await install(page);
    const status = page.locator('#pwa-status');
    await expect(status.locator('[data-pwa="ready"]')).toHaveText(
      'Ready to work offline: the validator and the generator now work without a network connection.Close',
    );
    await expect(status).toHaveAttribute('data-sw', 'ready');

    // Every file of the build, and nothing else, is in one cache named after the build.
    const build = await buildOf(siteRoot);
    await expect(status).toHaveAttribute('data-version', build.version);
    const origin = new URL(page.url()).origin;
    const caches = await cacheContents(page);
    expect(Object.keys(caches)).toEqual([`mtasts-kit ${origin}/ ${build.version}`]);
    const cached = Object.values(caches)[0].map((u) => u.slice(origin.length + 1)).sort();
    expect(cached).toEqual(Object.keys(build.files).sort());
    // …which is every file of the staged site a visitor can run.
    const staged = (await filesUnder(siteRoot)).filter((f) => !/^(sw\.js|_headers)$|\.d\.ts$|\.md$|\.map$/.test(f));
    expect(cached).toEqual(staged.sort());
    for (const needed of ['index.html', 'app.js', 'pwa.js', 'validation-worker.js', 'kit/kit.mjs', 'kit/mtasts-core.mjs',
      'kit/mtasts-core.wasm', 'styles.css', 'manifest.webmanifest', 'icons/icon-192.png']) {
      expect(cached).toContain(needed);
    }

    await status.getByRole('button', { name: 'Close' }).click();
    await expect(status.locator('[data-pwa]')).toHaveCount(0);
    // A later visit is simply controlled: no message.
    await page.reload();
    await expect(status).toHaveAttribute('data-sw', 'ready');
    await expect(status.locator('[data-pwa]')).toHaveCount(0);
  });

  test('Chromium finds the app installable', async () => {
    // Installability is never reported in an incognito-like context: use a real profile.
    const dir = await mkdtemp(join(tmpdir(), 'pwa-profile-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath, baseURL: test.info().project.use.baseURL });
    try {
      const page = await context.newPage();
      await install(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const { errors, manifest } = /** @type {any} */ (await cdp.send('Page.getAppManifest'));
      expect(errors).toEqual([]);
      expect(manifest.display).toBe('kStandalone');
      expect(manifest.startUrl).toBe(new URL('./', page.url()).href);
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('only the page registers a service worker: no widget does', async () => {
    const scripts = (await filesUnder(siteRoot)).filter((f) => /\.(m?js|html)$/.test(f));
    const registering = [];
    const mentioning = [];
    for (const file of scripts) {
      const text = await readFile(join(siteRoot, file), 'utf8');
      if (/serviceWorker\??\.register\s*\(/.test(text)) registering.push(file);
      if (text.includes('serviceWorker')) mentioning.push(file);
    }
    expect(registering).toEqual(['pwa.js']);
    expect(mentioning).toEqual(['pwa.js']);
  });
});

test.describe('offline', () => {
  test('after a reload without network, the validator and the generator work', async ({ page, context }) => {
    await install(page);
    await context.setOffline(true);
    /** @type {string[]} */
    const fromNetwork = [];
    page.on('requestfinished', async (request) => {
      const response = await request.response();
      if (response && !response.fromServiceWorker()) fromNetwork.push(request.url());
    });
    page.on('requestfailed', (request) => fromNetwork.push(`failed: ${request.url()}`));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
    await expect(page.locator('#pwa-status [data-pwa="offline"]')).toContainText(
      'You are offline. The validator and the generator keep working; checking a live domain needs the network.',
    );

    await page.locator('#input').fill('version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n');
    await expect(page.locator('#summary')).toContainText('MTA-STS policy — valid');
    await page.locator('#input').fill('v=STSv1; id=2024-01-01');
    await expect(page.locator('#summary')).toContainText('MTA-STS TXT record — invalid');
    await expect(page.locator('#diag-list li[data-code="STS-TXT-008"]')).toBeVisible();

    await page.getByRole('link', { name: 'Generator' }).click();
    await page.locator('#gen-domain').fill('offline.example');
    await page.locator('#gen-mx-0').fill('mx1.offline.example');
    await expect(page.locator('#out-sts-zone-text')).toContainText('_mta-sts.offline.example. 3600 IN TXT "v=STSv1; id=');
    await expect(page.locator('#out-policy-text')).toContainText('mx: mx1.offline.example');

    // A shared link with a query (the checker's ?domain=) opens from the cache
    // too; the checker says that it needs the network instead of running.
    await page.goto('/?domain=offline.example');
    await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
    await expect(page.locator('#checker')).toBeVisible();
    await expect(page.locator('#check-offline')).toBeVisible();
    expect(fromNetwork).toEqual([]);

    await context.setOffline(false);
    await expect(page.locator('#pwa-status [data-pwa="offline"]')).toHaveCount(0);
  });

  test('requests to other origins are never cached nor answered by the worker', async ({ page, context }) => {
    await install(page);
    const before = await cacheContents(page);
    /** @type {string[]} */
    const seen = [];
    await context.route('https://cloudflare-dns.com/**', (route) => {
      seen.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'application/dns-json', body: '{"Status":0,"Answer":[]}' });
    });
    await context.route('https://mta-sts.example.test/**', (route) => {
      seen.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'version: STSv1\r\nmode: none\r\nmax_age: 1\r\n' });
    });
    /** @type {{ url: string, fromServiceWorker: boolean }[]} */
    const responses = [];
    page.on('response', (r) => responses.push({ url: r.url(), fromServiceWorker: r.fromServiceWorker() }));
    const bodies = await page.evaluate(async () => {
      const a = await fetch('https://cloudflare-dns.com/dns-query?name=_mta-sts.example.test&type=TXT', {
        headers: { accept: 'application/dns-json' },
      });
      const b = await fetch('https://mta-sts.example.test/.well-known/mta-sts.txt');
      // Same origin but not part of the app: passed through, not stored.
      const c = await fetch('./not-in-the-app.txt?x=1');
      return [await a.text(), await b.text(), c.status];
    });
    expect(bodies).toEqual(['{"Status":0,"Answer":[]}', 'version: STSv1\r\nmode: none\r\nmax_age: 1\r\n', 404]);
    expect(seen).toHaveLength(2);
    const crossOrigin = responses.filter((r) => !r.url.startsWith(new URL(page.url()).origin));
    expect(crossOrigin).toHaveLength(2);
    expect(crossOrigin.every((r) => !r.fromServiceWorker)).toBe(true);
    expect(await cacheContents(page)).toEqual(before);
    // Nothing from another origin was ever stored, in any cache.
    const origin = new URL(page.url()).origin;
    for (const urls of Object.values(before)) expect(urls.every((u) => u.startsWith(`${origin}/`))).toBe(true);
  });
});

test.describe('on a host with pretty URLs', () => {
  // Cloudflare Pages and Netlify redirect …/index.html to …/ and x.html to x,
  // and serve x.html at x: the worker must still install, and answer those
  // addresses offline (a redirected response cannot answer a navigation).
  test('the app installs, and the page and embed work offline at their pretty addresses', async ({ context }) => {
    const files = createStaticServer({ root: siteRoot });
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.endsWith('.html')) {
        res.writeHead(308, { Location: url.pathname.replace(/(index)?\.html$/, '') });
        return res.end();
      }
      if (/\/[^/.]+$/.test(url.pathname)) req.url = `${url.pathname}.html`;
      files.emit('request', req, res);
    });
    const base = await listen(server);
    try {
      const page = await context.newPage();
      await install(page, base);
      await expect(page.locator('#pwa-status[data-sw="ready"]')).toBeAttached();
      await context.setOffline(true);
      await page.goto(`${base}embed`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Embed the widgets');
      // Its link to the French page (embed-fr.html), and that page's pretty address.
      await page.getByRole('link', { name: 'Cette page en français' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intégrer les widgets');
      await page.goto(`${base}embed-fr`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Intégrer les widgets');
      await page.goto(base);
      await page.locator('#input').fill('v=STSv1; id=pretty1');
      await expect(page.locator('#summary')).toContainText('MTA-STS TXT record — valid');
    } finally {
      await context.setOffline(false);
      server.close();
    }
  });
});

test.describe('update', () => {
  /** @type {string} */
  let build1;
  /** @type {string} */
  let build2;
  /** @type {string} */
  let tmp;
  const marker = '/* build 2: a changed asset */';

  test.beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'pwa-builds-'));
    build1 = join(tmp, 'build1');
    build2 = join(tmp, 'build2');
    await cp(siteRoot, build1, { recursive: true });
    await cp(siteRoot, build2, { recursive: true });
    // The second build: one asset changed, the precache list computed again.
    await appendFile(join(build2, 'styles.css'), `\n${marker}\n`);
    execFileSync(process.execPath, ['scripts/build-sw.mjs', build2], { stdio: 'pipe' });
  });

  test.afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  test('a new version waits, the page offers to reload, and nothing typed is lost', async ({ context }) => {
    const v1 = (await buildOf(build1)).version;
    const v2 = (await buildOf(build2)).version;
    expect(v2).not.toBe(v1);

    // One origin whose files switch from build 1 to build 2, as on a deploy.
    let current = createStaticServer({ root: build1 });
    const server = createServer((req, res) => current.emit('request', req, res));
    const base = await listen(server);
    try {
      const page = await context.newPage();
      await install(page, base);
      await expect(page.locator('#pwa-status')).toHaveAttribute('data-version', v1);
      await page.locator('#input').fill('v=STSv1; id=keepme1');
      await expect(page.locator('#summary')).toContainText('MTA-STS TXT record — valid');
      await page.getByRole('link', { name: 'Generator' }).click();
      await page.locator('#gen-domain').fill('update.example');
      await expect(page.locator('#out-sts-zone-text')).toContainText('_mta-sts.update.example.');
      await page.getByRole('link', { name: 'Validator' }).click();

      current = createStaticServer({ root: build2 });
      // The next visit finds the new worker, which installs and waits.
      await page.reload();
      const prompt = page.locator('#pwa-status [data-pwa="update"]');
      await expect(prompt).toContainText('Update available — reload to use the new version. Your entries are kept.');
      const reload = page.getByRole('button', { name: 'Reload' });
      await expect(reload).toBeVisible();
      await expect(page.locator('#pwa-status')).toHaveAttribute('data-version', v1);
      const axe = await new AxeBuilder({ page }).include('#pwa-status').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations).toEqual([]);

      // Meanwhile every file still comes from build 1: no mix of versions.
      const css = () => page.evaluate(() => fetch('styles.css').then((r) => r.text()));
      expect(await css()).not.toContain(marker);
      const caches1 = await cacheContents(page);
      expect(Object.keys(caches1).sort()).toEqual([`mtasts-kit ${base} ${v1}`, `mtasts-kit ${base} ${v2}`].sort());

      // A second page of the old version, open at the same time.
      const other = await context.newPage();
      await other.goto(`${base}#guide`);
      await expect(other.locator('#pwa-status')).toHaveAttribute('data-version', v1);

      await Promise.all([page.waitForEvent('load'), reload.click()]);
      await expect(page.locator('#pwa-status')).toHaveAttribute('data-version', v2);
      await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
      expect(await css()).toContain(marker);
      expect(Object.keys(await cacheContents(page))).toEqual([`mtasts-kit ${base} ${v2}`]);
      await expect(page.locator('#pwa-status [data-pwa]')).toHaveCount(0);
      // The entries survived the update.
      await expect(page.locator('#input')).toHaveValue('v=STSv1; id=keepme1');
      await expect(page.locator('#summary')).toContainText('MTA-STS TXT record — valid');
      await page.getByRole('link', { name: 'Generator' }).click();
      await expect(page.locator('#gen-domain')).toHaveValue('update.example');
      // The other page reloaded into the new version on its own.
      await expect(other.locator('#pwa-status')).toHaveAttribute('data-version', v2);
      expect(await other.evaluate(() => fetch('styles.css').then((r) => r.text()))).toContain(marker);
    } finally {
      await context.close();
      await new Promise((done) => server.close(() => done(undefined)));
    }
  });

  test('"Later" keeps the old version until every page of it is closed', async ({ context }) => {
    let current = createStaticServer({ root: build1 });
    const server = createServer((req, res) => current.emit('request', req, res));
    const base = await listen(server);
    try {
      const page = await context.newPage();
      await install(page, base);
      current = createStaticServer({ root: build2 });
      await page.reload();
      await page.getByRole('button', { name: 'Later' }).click();
      await expect(page.locator('#pwa-status [data-pwa]')).toHaveCount(0);
      await expect(page.locator('#pwa-status')).toHaveAttribute('data-version', (await buildOf(build1)).version);
      // Closing the last page lets the waiting version take over on the next visit.
      await page.close();
      const next = await context.newPage();
      await next.goto(base);
      await expect(next.locator('#pwa-status')).toHaveAttribute('data-version', (await buildOf(build2)).version);
    } finally {
      await context.close();
      await new Promise((done) => server.close(() => done(undefined)));
    }
  });
});

test.describe('privacy and languages', () => {
  test('the privacy statement and the messages read well in English and French, and pass axe', async ({ page, context }) => {
    await install(page);
    const privacy = page.locator('#privacy');
    await expect(privacy.getByRole('heading', { name: 'Privacy' })).toBeVisible();
    await expect(privacy).toContainText('make no network request');
    await expect(privacy).toContainText('“Import from DNS” button');
    await expect(privacy).toContainText('contacts only DNS-over-HTTPS resolvers and your domain’s policy host');
    await expect(privacy.locator('code')).toHaveText('mta-sts.<domain>');
    await expect(privacy).toContainText('Nothing is sent to us');
    await expect(privacy).toContainText('localStorage');
    await context.setOffline(true);
    await expect(page.locator('#pwa-status [data-pwa]')).toHaveCount(2);

    for (const lang of ['en', 'fr']) {
      const axe = await new AxeBuilder({ page })
        .include('#pwa-status')
        .include('.site-footer')
        .withTags(['wcag2a', 'wcag2aa'])
        .analyze();
      expect(axe.violations, lang).toEqual([]);
      if (lang === 'en') await page.getByRole('button', { name: 'Français' }).click();
    }

    await expect(privacy.getByRole('heading', { name: 'Confidentialité' })).toBeVisible();
    await expect(privacy).toContainText('ne font aucune requête réseau');
    await expect(privacy).toContainText('Rien ne nous est envoyé');
    await expect(privacy.locator('code')).toHaveText('mta-sts.<domaine>');
    await expect(page.locator('#pwa-status [data-pwa="ready"]')).toContainText('Prêt à fonctionner hors ligne');
    await expect(page.locator('#pwa-status [data-pwa="offline"]')).toContainText('Vous êtes hors ligne.');
    await expect(page.locator('#pwa-status').getByRole('button', { name: 'Fermer' })).toBeVisible();
    // Once the user gets to work, "ready" makes room (it would cover the results on a phone);
    // "offline" stays while it is true.
    await page.locator('#input').fill('v=STSv1; id=1');
    await expect(page.locator('#pwa-status [data-pwa="ready"]')).toHaveCount(0);
    await expect(page.locator('#pwa-status [data-pwa="offline"]')).toBeVisible();
  });
});
