// @ts-check
// Screenshots of the live checker for the README (docs/screenshot-checker-<lang>.png):
// the e2e servers of e2e/live (knotd, our DoH JSON server, nginx) on loopback, the
// staged site, and a check of a test domain whose policy host sends no CORS header.
//
//   node scripts/screenshot-checker.mjs [--root build/site] [--domain mxnotcovered.example.test]
// Needs root (port 443 on loopback) and the staged site (scripts/stage-site.sh).

import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { createStaticServer } from '../e2e/static-server.mjs';
import { ROOT, hostResolverRules, startServers, stopServers } from '../e2e/live/servers.mjs';

/** @param {string} name @param {string} fallback */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const siteRoot = join(ROOT, arg('root', 'build/site'));
const domain = arg('domain', 'mxnotcovered.example.test');
const server = createStaticServer({ root: siteRoot });
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const addr = server.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [`--host-resolver-rules=${hostResolverRules()}`],
});
try {
  await startServers();
  for (const lang of ['en', 'fr']) {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true, serviceWorkers: 'block', locale: lang === 'fr' ? 'fr-FR' : 'en-US',
      viewport: { width: 1100, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/?domain=${domain}#checker`);
    await page.locator('#check-report[data-state="done"]').waitFor({ timeout: 30_000 });
    const file = join(ROOT, `docs/screenshot-checker-${lang}.png`);
    await page.locator('#checker').screenshot({ path: file });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  await stopServers({ owner: process.pid });
}
