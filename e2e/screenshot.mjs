// @ts-check
// Takes screenshots of the validator or the generator in English and French
// with Debian's headless Chromium:
//   node e2e/screenshot.mjs [--root build/site] [--out docs] [--scheme light|dark] [--width 1280]
//                           [--view validator|generator]
// The validator (broken policy example loaded) goes to <out>/screenshot-en.png
// and -fr.png; the generator (a domain, the Microsoft 365 preset and report
// addresses filled in, steps 1 and 2 shown) to <out>/screenshot-generator-en.png and -fr.png.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createStaticServer } from './static-server.mjs';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: node e2e/screenshot.mjs [--root build/site] [--out docs] [--scheme light|dark] [--width 1280]
                              [--view validator|generator] [--example <sample id>] [--suffix <file-name suffix>]
writes <out>/screenshot[-generator]-{en,fr}<suffix>.png (the checker: scripts/screenshot-checker.mjs)`);
  process.exit(0);
}
const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = arg('root', 'build/site');
const out = arg('out', 'docs');
const scheme = /** @type {'light' | 'dark'} */ (arg('scheme', 'light'));
const width = Number(arg('width', '1280'));
const example = arg('example', 'example-policy-broken');
const suffix = arg('suffix', '');
const view = arg('view', 'validator');

const server = createStaticServer({ root });
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const port = address && typeof address === 'object' ? address.port : 0;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  await mkdir(out, { recursive: true });
  for (const lang of ['en', 'fr']) {
    const context = await browser.newContext({
      locale: lang === 'fr' ? 'fr-FR' : 'en-US',
      colorScheme: scheme,
      viewport: { width, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    let file;
    if (view === 'generator') {
      await page.goto(`http://127.0.0.1:${port}/#generator`);
      await page.locator('#generator[data-generated]').waitFor();
      await page.locator('#gen-domain').fill('example.com');
      await page.locator('#preset-microsoft365').click();
      await page.locator('#gen-rua-0').fill('tls-reports@example.com');
      await page.locator('#gen-dmarc-rua-0').fill('dmarc-reports@example.com');
      await page.locator('#out-policy-text').waitFor();
      await page.locator('#out-tlsrpt-value-text').waitFor();
      await page.mouse.move(0, 0);
      await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
      // From the top of the page to the end of step 2 (the MTA-STS policy and records).
      const bottom = await page.evaluate(
        () => (document.getElementById('gen-step-sts')?.getBoundingClientRect().bottom ?? 0) + scrollY,
      );
      file = join(out, `screenshot-generator-${lang}${suffix}.png`);
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(bottom + 24) } });
    } else {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.locator(`#${example}`).click();
      await page.locator('#diag-list li').first().waitFor();
      await page.mouse.move(0, 0); // no hover effect in the picture
      await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
      file = join(out, `screenshot-${lang}${suffix}.png`);
      await page.screenshot({ path: file, fullPage: true });
    }
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
