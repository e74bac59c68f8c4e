// @ts-check
// The embed documentation page (embed.html): puts this site's real address in
// the snippets, copies them, and switches the demo widgets' language.

const base = new URL('./', new URL('../', import.meta.url)).href.replace(/\/$/, '');
const placeholder = 'https://mta-sts-kit.example';

for (const code of document.querySelectorAll('pre.snippet code')) {
  const text = code.textContent ?? '';
  if (text.includes(placeholder)) code.textContent = text.replaceAll(placeholder, base);
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.getAttribute('data-copy') ?? '');
    const status = button.parentElement?.querySelector('.copy-status') ?? document.querySelector('.copy-status');
    try {
      await navigator.clipboard.writeText(source?.textContent ?? '');
      if (status) status.textContent = 'Copied.';
    } catch {
      if (status) status.textContent = 'Copy failed: select the text and copy it by hand.';
    }
  });
}

const demos = document.querySelectorAll('mtasts-validator, mtasts-generator, mtasts-checker');
const langButtons = document.querySelectorAll('button[data-widget-lang]');
for (const button of langButtons) {
  button.addEventListener('click', () => {
    const lang = button.getAttribute('data-widget-lang') ?? 'en';
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b === button));
    for (const demo of demos) demo.setAttribute('lang', lang);
  });
}
