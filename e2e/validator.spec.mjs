// @ts-check
// The validator page, used the way a person would: paste, type, pick a format,
// open a file, switch language, use only the keyboard. No test touches the
// public internet; one checks that the page itself makes no request at all.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { contentSecurityPolicy, headerPolicy } from './static-server.mjs';
import {
  diagnostic,
  listedCodes,
  loadExample,
  markOver,
  openValidator,
  pasteText,
  selectedText,
  summary,
  textBox,
} from './helpers.mjs';

/**
 * The broken examples, what they must show and one span that must be marked.
 * @type {{ name: string, format: string, codes: string[], marked: string }[]}
 */
const brokenExamples = [
  {
    name: 'Broken MTA-STS TXT record',
    format: 'MTA-STS TXT record',
    codes: ['STS-TXT-006', 'STS-TXT-008', 'STS-TXT-010', 'STS-TXT-011'],
    marked: ';;',
  },
  {
    name: 'Broken MTA-STS policy',
    format: 'MTA-STS policy',
    codes: ['STS-POL-018', 'STS-MX-004', 'STS-MX-002', 'STS-POL-021', 'STS-POL-006'],
    marked: 'Enforce',
  },
  {
    name: 'Broken TLS-RPT record',
    format: 'TLS-RPT record',
    codes: ['TLSRPT-009', 'TLSRPT-010', 'TLSRPT-015', 'TLSRPT-013'],
    marked: 'http://reports.example.com/tls',
  },
  {
    name: 'Broken DMARC record',
    format: 'DMARC record',
    codes: ['DMARC-007', 'DMARC-017', 'DMARC-008', 'DMARC-011', 'DMARC-014'],
    marked: 'dmarc@example.com',
  },
];

const validExamples = [
  { name: 'Valid MTA-STS TXT record', format: 'MTA-STS TXT record' },
  { name: 'Valid MTA-STS policy', format: 'MTA-STS policy' },
  { name: 'Valid TLS-RPT record', format: 'TLS-RPT record' },
  { name: 'Valid DMARC record', format: 'DMARC record' },
];

test.describe('examples', () => {
  for (const example of validExamples) {
    test(`user loads the ${example.name.toLowerCase()} example and sees no error`, async ({ page }) => {
      await openValidator(page);
      await loadExample(page, example.name);
      await expect(page.locator('#format-status')).toHaveText(`Detected: ${example.format}`);
      await expect(summary(page)).toContainText(`${example.format} — valid: 0 errors`);
      await expect(page.locator('#diag-list .diag-error')).toHaveCount(0);
      await expect(page.locator('#mirror mark.mark-error')).toHaveCount(0);
      await expect(page.locator('#understood-list dt').first()).toBeVisible();
    });
  }

  for (const example of brokenExamples) {
    test(`user loads the ${example.name.toLowerCase()} example and sees each problem marked`, async ({
      page,
    }) => {
      await openValidator(page);
      await loadExample(page, example.name);
      await expect(page.locator('#format-status')).toHaveText(`Detected: ${example.format}`);
      await expect(summary(page)).toContainText(`${example.format} — invalid:`);
      await expect.poll(() => listedCodes(page)).toEqual(expect.arrayContaining(example.codes));
      // Several distinct problems, each with its own rule code.
      expect(new Set(await listedCodes(page)).size).toBeGreaterThanOrEqual(4);
      await expect(markOver(page, example.marked).first()).toBeVisible();
      // Each listed diagnostic shows severity as a word and an icon, a message and an RFC link.
      const first = page.locator('#diag-list li').first();
      await expect(first.locator('.badge')).toHaveText(/Error|Warning|Info/);
      await expect(first.locator('.badge svg')).toHaveCount(1);
      await expect(first.locator('.diag-message')).not.toBeEmpty();
      await expect(first.locator('.diag-ref a').first()).toHaveAttribute(
        'href',
        /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#(section|appendix)-[\dA-Z.]+)?$/,
      );
    });
  }

  test('user gets the previous text back after loading an example over it', async ({ page }) => {
    await openValidator(page);
    await textBox(page).fill('v=STSv1; id=mine');
    await loadExample(page, 'Valid DMARC record');
    await expect(textBox(page)).toHaveValue(/^v=DMARC1/);
    await page.getByRole('button', { name: 'Restore my previous text' }).click();
    await expect(textBox(page)).toHaveValue('v=STSv1; id=mine');
    await expect(page.locator('#format-status')).toHaveText('Detected: MTA-STS TXT record');
  });
});

test.describe('typing', () => {
  test('user types a record and the results follow every keystroke', async ({ page }) => {
    await openValidator(page);
    await expect(summary(page)).toContainText('Nothing to check yet');
    await textBox(page).pressSequentially('v=STSv1; id=abc');
    await expect(summary(page)).toContainText('MTA-STS TXT record — valid: 0 errors, 0 warnings');
    await textBox(page).press('End');
    await textBox(page).pressSequentially('-1');
    await expect(summary(page)).toContainText('MTA-STS TXT record — invalid: 1 error');
    await expect(diagnostic(page, 'STS-TXT-008')).toBeVisible();
    await expect(markOver(page, '-').first()).toBeVisible();
    await textBox(page).press('Backspace');
    await textBox(page).press('Backspace');
    await expect(summary(page)).toContainText('MTA-STS TXT record — valid: 0 errors, 0 warnings');
    await expect(page.locator('#mirror mark.mark-error')).toHaveCount(0);
    await expect(page.locator('#understood-list')).toContainText('abc');
  });

  test('user pastes a record as a zone-file line', async ({ page }) => {
    await openValidator(page);
    await textBox(page).fill('_mta-sts.example.com. 3600 IN TXT "v=STSv1; " "id=20240115"');
    await expect(page.locator('#format-status')).toHaveText('Detected: MTA-STS TXT record');
    await expect(summary(page)).toContainText('MTA-STS TXT record — valid');
    await expect(page.locator('#understood-list')).toContainText('20240115');
  });

  test('the summary is announced politely, without the list', async ({ page }) => {
    await openValidator(page);
    await loadExample(page, 'Broken MTA-STS policy');
    const live = page.locator('#validator [aria-live="polite"]');
    await expect(live).toHaveCount(1);
    await expect(live).toHaveText(/MTA-STS policy — invalid: \d+ errors?/);
    await expect(live.locator('li')).toHaveCount(0);
  });

  test('user text survives a reload', async ({ page }) => {
    await openValidator(page);
    await textBox(page).fill('version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
    await expect(textBox(page)).toHaveValue('version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n');
    await expect(summary(page)).toContainText('MTA-STS policy — valid');
  });
});

test.describe('formats', () => {
  test('the format is detected automatically and can be chosen by hand', async ({ page }) => {
    await openValidator(page);
    const format = page.getByLabel('Format', { exact: true });
    await expect(format).toHaveValue('auto');
    await textBox(page).fill('v=TLSRPTv1; rua=mailto:tls@example.com');
    await expect(page.locator('#format-status')).toHaveText('Detected: TLS-RPT record');
    await expect(page.getByLabel('DMARC specification')).toBeHidden();
    await textBox(page).fill('v=DMARC1; p=none');
    await expect(page.locator('#format-status')).toHaveText('Detected: DMARC record');
    await expect(page.getByLabel('DMARC specification')).toBeVisible();
    await textBox(page).fill('hello world');
    await expect(page.locator('#format-status')).toHaveText('Not recognised: choose a format');
    await expect(summary(page)).toContainText('does not look like any of the four formats');

    // Chosen by hand: the same text judged as a policy.
    await format.selectOption({ label: 'MTA-STS policy' });
    await expect(page.locator('#format-status')).toHaveText('');
    await expect(summary(page)).toContainText('MTA-STS policy — invalid');
    await expect(diagnostic(page, 'STS-POL-008')).toBeVisible();

    // The choice is remembered.
    await page.reload();
    await expect(page.getByLabel('Format', { exact: true })).toHaveValue('policy');
  });

  test('user switches DMARC between RFC 7489 and RFC 9989', async ({ page }) => {
    await openValidator(page);
    await textBox(page).fill('v=DMARC1; rua=mailto:d@example.com; p=none');
    await expect(diagnostic(page, 'DMARC-007').locator('.badge')).toHaveText('Error');
    await expect(summary(page)).toContainText('DMARC record — invalid');
    await page.getByLabel('DMARC specification').selectOption({ label: 'RFC 9989 (DMARCbis)' });
    await expect(diagnostic(page, 'DMARC-007').locator('.badge')).toHaveText('Warning');
    await expect(summary(page)).toContainText('DMARC record — valid');
    // Under DMARCbis the panel shows the bis defaults.
    await expect(page.locator('#understood-list')).toContainText('Test mode (t)');
  });

  test('the sender panel shows DMARC defaults that apply', async ({ page }) => {
    await openValidator(page);
    await textBox(page).fill('v=DMARC1; p=quarantine');
    const panel = page.locator('#understood-list');
    await expect(panel).toContainText('quarantine — treat failing mail as suspicious');
    const sp = panel.locator('dt', { hasText: 'Policy for subdomains (sp)' });
    await expect(sp.locator('+ dd')).toHaveText('same as p (default)');
    const adkim = panel.locator('dt', { hasText: 'DKIM alignment (adkim)' });
    await expect(adkim.locator('+ dd')).toContainText('relaxed (r)');
    await expect(adkim.locator('+ dd')).toContainText('(default)');
  });

  test('user tests an MX host name against the policy patterns', async ({ page }) => {
    await openValidator(page);
    await loadExample(page, 'Valid MTA-STS policy');
    const host = page.getByLabel('Test an MX host name against these patterns');
    await host.fill('mx2.backup.example.net');
    await expect(page.locator('#mx-result')).toHaveText('“mx2.backup.example.net” matches *.backup.example.net.');
    await host.fill('a.b.backup.example.net');
    await expect(page.locator('#mx-result')).toContainText('matches no mx pattern');
  });
});

test.describe('selection', () => {
  test('user selects a diagnostic and the text box selects the offending text', async ({ page }) => {
    await openValidator(page);
    await loadExample(page, 'Broken MTA-STS policy');
    await diagnostic(page, 'STS-POL-018').locator('.diag-locate').click();
    await expect(textBox(page)).toBeFocused();
    expect(await selectedText(page)).toBe('Enforce');
  });

  test('a result redrawn under the focus keeps it on a position button, or hands it to the summary', async ({ page }) => {
    await openValidator(page);
    await loadExample(page, 'Broken MTA-STS policy');
    const firstButton = page.locator('#diag-list .diag-locate').first();
    await firstButton.focus();
    const old = await firstButton.elementHandle();
    // A new result arrives while the focus is in the list (a validation that
    // ends after the user tabbed on): every button is replaced.
    const retext = (/** @type {string} */ text) =>
      textBox(page).evaluate((el, value) => {
        const ta = /** @type {HTMLTextAreaElement} */ (el);
        ta.value = value;
        ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      }, text);
    await retext('version: STSv1\nmode: Enforce\nmx: mail.example.com\nmax_age: 604800\n');
    await expect.poll(() => old?.evaluate((b) => b.isConnected)).toBe(false);
    await expect(page.locator('#diag-list .diag-locate').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(textBox(page)).toBeFocused();
    expect((await selectedText(page)).length).toBeGreaterThan(0);
    // No position left: the summary, which says why, takes the focus.
    await page.locator('#diag-list .diag-locate').first().focus();
    await retext('');
    await expect(page.locator('#diagnostics')).toBeHidden();
    await expect(page.locator('#summary')).toBeFocused();
  });

  test('two records pasted one per line (dig +short) are judged as the RRset they are', async ({ page }) => {
    await openValidator(page);
    await textBox(page).fill('"v=STSv1; id=20240101"\n"v=STSv1; id=20240202"\n');
    await expect(page.locator('#summary')).toContainText('invalid');
    const both = page.locator('#diag-list li[data-code="STS-TXT-002"]');
    await expect(both).toHaveCount(2);
    await expect(both.nth(1).locator('.diag-locate')).toHaveText('Line 2, column 2');
    await both.nth(1).locator('.diag-locate').click();
    expect(await selectedText(page)).toBe('v=STSv1; id=20240202');
  });

  test('user opens a policy file with CRLF line endings', async ({ page }) => {
    await openValidator(page);
    const body = 'version: STSv1\r\nmode: Enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a file…' }).click();
    await (await chooser).setFiles({ name: 'mta-sts.txt', mimeType: 'text/plain', buffer: Buffer.from(body) });
    await expect(page.locator('#notice')).toContainText(
      `Opened “mta-sts.txt” (${Buffer.byteLength(body)} bytes; line endings: CRLF)`,
    );
    // The text box shows the lines (a textarea keeps LF only).
    await expect(textBox(page)).toHaveValue(body.replaceAll('\r\n', '\n'));
    await expect(diagnostic(page, 'STS-POL-018')).toBeVisible();
    await expect(diagnostic(page, 'STS-POL-018').locator('.diag-locate')).toHaveText('Line 2, column 7');
    await expect(markOver(page, 'Enforce').first()).toBeVisible();
    await diagnostic(page, 'STS-POL-018').locator('.diag-locate').click();
    expect(await selectedText(page)).toBe('Enforce');
  });

  test('a pasted policy is judged with its own line endings until it is edited', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openValidator(page);
    const paste = async (/** @type {string} */ text) => {
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await textBox(page).focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('ControlOrMeta+V');
    };
    await paste('version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n');
    await expect(diagnostic(page, 'STS-POL-002')).toContainText('Lines end with CRLF');
    // A bare CR is not a line break for senders: pasted, it is still an error.
    await paste('version: STSv1\rmode: none\rmax_age: 1\r');
    await expect(diagnostic(page, 'STS-POL-003').first()).toBeVisible();
    await expect(page.locator('#summary')).toContainText('invalid');
    // Typed into, the box's own text (LF) is what is judged.
    await paste('version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n');
    await expect(diagnostic(page, 'STS-POL-002')).toContainText('Lines end with CRLF');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('x: y\n');
    await expect(diagnostic(page, 'STS-POL-002')).toContainText('Lines end with LF');
  });

  test('user opens a policy file with a byte that is not UTF-8', async ({ page }) => {
    await openValidator(page);
    const body = Buffer.concat([
      Buffer.from('version: STSv1\r\nmode: enforce\r\nmx: m'),
      Buffer.from([0xe9]),
      Buffer.from('il.example.com\r\nmax_age: 604800\r\n'),
    ]);
    await page.locator('#file-input').setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: body });
    await expect(diagnostic(page, 'STS-POL-030').locator('.diag-locate')).toHaveText('Line 3, column 6');
    await diagnostic(page, 'STS-POL-030').locator('.diag-locate').click();
    expect(await selectedText(page)).toBe('\uFFFD');
  });

  test('user opens a policy file that starts with a byte order mark', async ({ page }) => {
    await openValidator(page);
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n'),
    ]);
    await page.locator('#file-input').setInputFiles({ name: 'bom.txt', mimeType: 'text/plain', buffer: body });
    await expect(diagnostic(page, 'STS-POL-009')).toBeVisible();
    await expect(summary(page)).toContainText('MTA-STS policy — invalid');
    // Once edited, the text box's own text is validated.
    await textBox(page).press('Control+End');
    await textBox(page).pressSequentially(' ');
    await expect(page.locator('#notice')).toBeHidden();
  });
});

test.describe('language', () => {
  test('user switches to French; labels and messages change and the choice is kept', async ({ page }) => {
    await openValidator(page);
    await loadExample(page, 'Broken MTA-STS policy');
    const englishMessage = await diagnostic(page, 'STS-POL-018').locator('.diag-message').textContent();
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Texte de l’enregistrement ou de la politique')).toBeVisible();
    await expect(page.locator('#format-status')).toHaveText('Détecté : Politique MTA-STS');
    await expect(summary(page)).toContainText('Politique MTA-STS — invalide');
    await expect(diagnostic(page, 'STS-POL-018').locator('.badge')).toHaveText('Erreur');
    const frenchMessage = diagnostic(page, 'STS-POL-018').locator('.diag-message');
    await expect(frenchMessage).not.toHaveText(englishMessage ?? '');
    await expect(frenchMessage).toContainText('«');
    await expect(page).toHaveTitle('MTA-STS Kit — validateur');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(summary(page)).toContainText('Politique MTA-STS — invalide');
    await expect(page.getByRole('button', { name: 'Valide Politique MTA-STS' })).toBeVisible();
  });

  test('the page as served is the English catalogue (so opening in English redraws nothing)', async ({ page }) => {
    await openValidator(page);
    // The other views get their strings when first shown, and the generator
    // draws its outputs once built: visit them first.
    await page.locator('.views a[data-view="generator"]').click();
    await expect(page.locator('#generator').getByText('GEN-012').first()).toBeVisible();
    await page.locator('.views a[data-view="checker"]').click();
    await expect(page.locator('#checker-heading')).not.toBeEmpty();
    await page.locator('.views a[data-view="guide"]').click();
    await expect(page.locator('#guide-heading')).not.toBeEmpty();
    await page.locator('.views a[data-view="validator"]').click();
    const snapshot = () =>
      page.evaluate(() => [
        ...[...document.querySelectorAll('[data-i18n]')].map((el) => `${el.getAttribute('data-i18n')}: ${el.innerHTML}`),
        ...[...document.querySelectorAll('[data-i18n-attr]')].map((el) =>
          (el.getAttribute('data-i18n-attr') ?? '')
            .split(',')
            .map((pair) => `${pair}: ${el.getAttribute(pair.split('=')[0].trim())}`)
            .join(' '),
        ),
      ]);
    const served = await snapshot();
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await snapshot()).toEqual(served);
  });

  test('the footer says what leaves the browser and links to the widgets, in both languages', async ({ page }) => {
    await openValidator(page);
    const footer = page.locator('footer.site-footer > p');
    await expect(footer).toContainText('the domain checker contacts only DNS-over-HTTPS resolvers and the domain’s policy host');
    await expect(footer.getByRole('link', { name: 'Embed the widgets in your documentation' })).toHaveAttribute('href', 'embed.html');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(footer).toContainText('le vérificateur de domaine ne contacte que des résolveurs DNS-over-HTTPS et l’hôte de politique du domaine');
    await expect(footer.getByRole('link', { name: 'Intégrer les widgets à votre documentation' })).toHaveAttribute('href', 'embed-fr.html');
    await expect(footer).not.toContainText('nothing is sent');
    await footer.getByRole('link', { name: 'Confidentialité' }).click();
    await expect(page.locator('#privacy')).toBeInViewport();
  });

  test('the French embed page leads back to the app in French, which stays French', async ({ page }) => {
    await page.goto('/embed-fr.html');
    await page.getByRole('link', { name: 'Retour au validateur' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Qu’est-ce que MTA-STS ?' })).toBeVisible();
    // The choice is the visitor's now: gone from the address, kept for later visits.
    expect(new URL(page.url()).search).toBe('');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // A link to a view keeps the view; an unknown language is ignored.
    await page.goto('/?lang=fr#checker');
    await expect(page.locator('#checker')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Vérifier un domaine' })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#checker');
    await page.goto('/?lang=de&keep=1');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(new URL(page.url()).search).toBe('?keep=1');
  });

  test.describe('with a French browser', () => {
    test.use({ locale: 'fr-FR' });
    test('the page opens in French', async ({ page }) => {
      await openValidator(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.getByRole('heading', { name: 'Qu’est-ce que MTA-STS ?' })).toBeVisible();
      await expect(summary(page)).toContainText('Rien à vérifier');
    });
  });
});

test.describe('safety', () => {
  test('a hostile paste is shown as text and injects nothing', async ({ page }) => {
    await openValidator(page);
    const hostile = [
      'v=STSv1; id=<img src=x onerror=window.__x=1>',
      '</textarea><script>window.__y=1</script>',
      '<svg onload=window.__z=1>',
    ].join('\n');
    await textBox(page).fill(hostile);
    await expect(summary(page)).not.toContainText('Nothing to check');
    for (const format of ['auto', 'sts-record', 'policy', 'tls-rpt', 'dmarc']) {
      await page.getByLabel('Format', { exact: true }).selectOption(format);
      await expect(page.locator('#mirror')).toHaveText(hostile);
    }
    expect(await page.evaluate(() => [Reflect.get(window, '__x'), Reflect.get(window, '__y'), Reflect.get(window, '__z')])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    await expect(page.locator('main img, main script, main svg:not(.icon)')).toHaveCount(0);
    await expect(textBox(page)).toHaveValue(hostile);
  });

  test('the page makes no network request while validating', async ({ page }) => {
    await openValidator(page);
    /** @type {string[]} */
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await textBox(page).pressSequentially('v=STSv1; id=a');
    await textBox(page).fill('version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n');
    for (const name of ['Broken MTA-STS TXT record', 'Valid TLS-RPT record', 'Broken DMARC record']) {
      await loadExample(page, name);
    }
    await page.getByLabel('DMARC specification').selectOption('rfc9989');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('#file-input').setInputFiles({
      name: 'p.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('version: STSv1\r\nmode: none\r\nmax_age: 1\r\n'),
    });
    await expect(summary(page)).toContainText('Politique MTA-STS');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(summary(page)).toContainText('MTA-STS policy');
    expect(requests).toEqual([]);
  });

  test('the page loads only its own files and obeys its CSP', async ({ page, request }) => {
    /** @type {string[]} */
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    /** @type {string[]} */
    const origins = [];
    page.on('request', (r) => origins.push(new URL(r.url()).origin));
    await openValidator(page);
    await loadExample(page, 'Broken MTA-STS policy');
    expect(problems).toEqual([]);
    const base = new URL(page.url()).origin;
    expect(origins.every((o) => o === base)).toBe(true);

    const response = await request.get('/');
    expect(response.headers()['content-security-policy']).toBe(headerPolicy);
    expect(headerPolicy).toBe(`${contentSecurityPolicy}; frame-ancestors 'none'`);
    const html = await response.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test('ordinary texts are validated on the page, a huge one in the worker started for it', async ({ page }) => {
    await openValidator(page);
    // Started once the page was built, before any huge text: pasting one fetches nothing.
    expect(page.workers()).toHaveLength(1);
    const [worker] = page.workers();
    await worker.evaluate(() => {
      const scope = /** @type {any} */ (globalThis);
      const post = scope.postMessage.bind(scope);
      scope.answered = 0;
      scope.postMessage = (/** @type {any} */ message) => {
        if (message?.id !== undefined) scope.answered++;
        post(message);
      };
    });
    /** @type {string[]} */
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await textBox(page).fill('version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n');
    await expect(summary(page)).toContainText('MTA-STS policy — valid');
    expect(await worker.evaluate(() => /** @type {any} */ (globalThis).answered)).toBe(0);
    // 21 KB of MX lines: over the threshold (16 KiB), under the policy's size limit.
    const lines = Array.from({ length: 1000 }, (_, i) => `mx: mx${i}.example.com\n`).join('');
    await pasteText(page, `version: STSv1\nmode: enforce\nmax_age: 604800\n${lines}`);
    await expect(summary(page)).toContainText('MTA-STS policy — valid');
    await expect(page.locator('#understood-list')).toContainText('and 950 more');
    expect(await worker.evaluate(() => /** @type {any} */ (globalThis).answered)).toBe(1);
    expect(requests).toEqual([]);
  });

  test('a huge text is still validated when the worker cannot start', async ({ page }) => {
    let refused = 0;
    await page.route('**/validation-worker.js', (route) => {
      refused++;
      return route.abort();
    });
    await openValidator(page);
    expect(refused).toBeGreaterThan(0);
    const lines = Array.from({ length: 1000 }, (_, i) => `mx: mx${i}.example.com\n`).join('');
    await pasteText(page, `version: STSv1\nmode: enforce\nmax_age: 604800\n${lines}mx: bad..example.com\n`);
    await expect(summary(page)).toContainText('MTA-STS policy — invalid');
    await expect(page.locator('#diag-list')).toContainText('bad..example.com');
  });

  test('a huge text sent to a worker that then fails is validated on the page', async ({ page }) => {
    // The worker's script is held until the huge text has been sent to it, then refused.
    /** @type {() => void} */
    let release = () => {};
    const held = new Promise((resolve) => {
      release = () => resolve(undefined);
    });
    let asked = 0;
    await page.route('**/validation-worker.js', async (route) => {
      asked++;
      await held;
      await route.abort();
    });
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
    const lines = Array.from({ length: 1000 }, (_, i) => `mx: mx${i}.example.com\n`).join('');
    await pasteText(page, `version: STSv1\nmode: enforce\nmax_age: 604800\n${lines}mx: bad..example.com\n`);
    await expect.poll(() => asked).toBeGreaterThan(0);
    // Waiting on the worker: no answer yet.
    await page.waitForTimeout(300);
    await expect(summary(page)).not.toContainText('MTA-STS policy — invalid');
    release();
    await expect(summary(page)).toContainText('MTA-STS policy — invalid');
    await expect(page.locator('#diag-list')).toContainText('bad..example.com');
    // Later huge texts go straight to the page.
    await pasteText(page, `version: STSv1\nmode: testing\nmax_age: 604800\n${lines}`);
    await expect(summary(page)).toContainText('MTA-STS policy — valid');
  });

  test('a 1 MiB paste keeps the page responsive', async ({ page }) => {
    test.setTimeout(90_000);
    await openValidator(page);
    const line = 'mx: mail-server-number.example.com\n';
    const big = 'version: STSv1\nmode: enforce\nmax_age: 604800\n' + line.repeat(Math.ceil((1 << 20) / line.length));
    await pasteText(page, big);
    // Validation runs off the main thread: frames keep coming while it works.
    const frameDelay = await page.evaluate(
      () =>
        new Promise((done) => {
          setTimeout(() => {
            const t0 = performance.now();
            requestAnimationFrame(() => done(performance.now() - t0));
          }, 300);
        }),
    );
    expect(frameDelay).toBeLessThan(1500);
    // Lines of a huge text are not wrapped (wrapping 1 MiB costs the browser more than twice the layout).
    await expect(textBox(page)).toHaveAttribute('data-wrap', 'off');
    await expect(summary(page)).toContainText('MTA-STS policy — invalid', { timeout: 30_000 });
    // The error about the size is listed, and a flood of repeated lines is
    // summed up in one item instead of thousands.
    await expect(diagnostic(page, 'STS-POL-033')).toBeVisible();
    await expect(diagnostic(page, 'STS-POL-033')).toContainText('more than the 65536 bytes');
    await expect(page.locator('#diag-list li[data-code="STS-POL-029"]').last()).toContainText(
      'more problems of this kind (STS-POL-029) are not listed',
    );
    expect(await page.locator('#diag-list li').count()).toBeLessThan(300);
    // Typing still works and is validated again.
    await textBox(page).press('Control+End');
    await textBox(page).pressSequentially('x');
    await expect(textBox(page)).toHaveValue(big + 'x');
    await expect(summary(page)).toContainText('MTA-STS policy — invalid', { timeout: 30_000 });
  });

  test('user scrolls to the end of a long policy and selects the problem there', async ({ page }) => {
    await openValidator(page);
    const long =
      'version: STSv1\nmode: enforce\nmax_age: 604800\n' +
      Array.from({ length: 9000 }, (_, i) => `mx: mail${i}.example.com\n`).join('') +
      'mode : testing\n';
    await pasteText(page, long);
    // Past 64 KiB the core stops: the size error covers the rest of the text.
    await expect(diagnostic(page, 'STS-POL-033')).toBeVisible({ timeout: 15_000 });
    // Only the lines near the view are laid out behind the text box at first;
    // scrolling to the end extends the highlight layer to the whole text.
    expect(await page.locator('#mirror').evaluate((m) => m.textContent?.length ?? 0)).toBeLessThan(long.length);
    await textBox(page).evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect
      .poll(() => page.locator('#mirror').evaluate((m) => m.textContent?.length ?? 0))
      .toBeGreaterThanOrEqual(long.length);
    // The last mark (the size error runs to the end) reaches the end of the text.
    await expect(page.locator('#mirror mark').last()).toHaveAttribute('data-end', String(long.length));
    await diagnostic(page, 'STS-POL-033').locator('.diag-locate').click();
    expect(await selectedText(page)).toBe(long.slice(65536));
    const [start] = await textBox(page).evaluate((el) => {
      const ta = /** @type {HTMLTextAreaElement} */ (el);
      return [ta.selectionStart];
    });
    expect(start).toBe(65536);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  for (const lang of /** @type {const} */ (['en', 'fr'])) {
    test(`no view and no documentation page is wider than the screen (${lang})`, async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem('mtasts-kit:lang', l), lang);
      const wider = () =>
        page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          // What sticks out, outside the boxes that scroll on their own (tables, code).
          const scrolls = (/** @type {Element | null} */ el) => {
            for (let e = el?.parentElement; e && e !== document.body; e = e.parentElement) {
              if (/auto|scroll|hidden/.test(getComputedStyle(e).overflowX)) return true;
            }
            return false;
          };
          const over = [...document.querySelectorAll('body *')].filter(
            (el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 1 && !scrolls(el),
          );
          return { scroll: document.documentElement.scrollWidth - width, first: over[0]?.outerHTML.slice(0, 120) ?? null };
        });
      for (const view of ['validator', 'generator', 'checker', 'guide']) {
        await page.goto(`/#${view}`);
        await expect(page.locator(`#${view}`)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-kit', 'ready');
        expect(await wider(), view).toEqual({ scroll: 0, first: null });
      }
      const embed = lang === 'fr' ? 'embed-fr.html' : 'embed.html';
      await page.goto(`/${embed}`);
      await expect(page.locator('mtasts-checker')).toBeVisible();
      expect(await wider(), embed).toEqual({ scroll: 0, first: null });
    });
  }
});

test.describe('accessibility', () => {
  for (const lang of ['English', 'Français']) {
    test(`axe finds no WCAG A/AA violation in ${lang}`, async ({ page }) => {
      await openValidator(page);
      await page.getByRole('button', { name: lang }).click();
      const empty = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(empty.violations).toEqual([]);
      await page.locator('#example-policy-broken').click();
      await expect(page.locator('#diag-list li').first()).toBeVisible();
      const withResults = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(withResults.violations).toEqual([]);
      await page.locator('#example-dmarc-valid').click();
      await expect(page.locator('#understood-list dt').first()).toBeVisible();
      const withValue = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(withValue.violations).toEqual([]);
    });
  }

  test.describe('in the dark colour scheme', () => {
    test.use({ colorScheme: 'dark' });
    test('axe finds no WCAG A/AA violation', async ({ page }) => {
      await openValidator(page);
      await loadExample(page, 'Broken DMARC record');
      await expect(page.locator('#diag-list li').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations).toEqual([]);
    });
  });

  test('user does everything with the keyboard alone', async ({ page }) => {
    await openValidator(page);
    // The first Tab reaches the skip link, which leads to the view on screen.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#validator')).toBeFocused();

    // Tab to the format list, then on to the text box.
    await tabUntil(page, '#format');
    await tabUntil(page, '#input');
    await page.keyboard.type('v=STSv1; id=a_b');
    await expect(markOver(page, '_').first()).toBeVisible();
    await expect(diagnostic(page, 'STS-TXT-008')).toBeVisible();

    // Tab to the diagnostic's position button and press Enter: the span is selected.
    await tabUntil(page, '#diag-list .diag-locate');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(textBox(page)).toBeFocused();
    expect(await selectedText(page)).toBe('_');

    // Load an example with the keyboard.
    await tabUntil(page, '#example-dmarc-broken');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(summary(page)).toContainText('DMARC record — invalid');

    // Switch language with the keyboard (Shift+Tab back to the header).
    await tabUntil(page, 'button[data-lang="fr"]', 'Shift+Tab');
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(summary(page)).toContainText('Enregistrement DMARC — invalide');
  });
});

/**
 * Presses Tab (or Shift+Tab) until the element matching selector has focus.
 * @param {import('@playwright/test').Page} page
 * @param {string} selector
 * @param {string} [key]
 */
async function tabUntil(page, selector, key = 'Tab') {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${selector} never got the focus with ${key}`);
}

/**
 * The focused element shows a focus indicator (an outline).
 * @param {import('@playwright/test').Page} page
 */
async function expectVisibleFocus(page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline?.style).not.toBe('none');
  expect(outline?.width ?? 0).toBeGreaterThanOrEqual(2);
}
