// @ts-check
// The embed documentation pages (embed.html, embed-fr.html): puts this site's
// real address in the snippets, copies them, and switches the demo widgets'
// language.

const base = new URL('./', new URL('../', import.meta.url)).href.replace(/\/$/, '');
const placeholder = 'https://mta-sts-kit.example';
const french = document.documentElement.lang === 'fr';
const copied = french ? 'Copié.' : 'Copied.';
const copyFailed = french
  ? 'La copie a échoué : sélectionnez le texte et copiez-le vous-même.'
  : 'Copy failed: select the text and copy it by hand.';

for (const code of document.querySelectorAll('pre.snippet code')) {
  const text = code.textContent ?? '';
  if (text.includes(placeholder)) code.textContent = text.replaceAll(placeholder, base);
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.getAttribute('data-copy') ?? '');
    const status = button.parentElement?.querySelector('.copy-status');
    // One message at a time, beside the button pressed.
    for (const other of document.querySelectorAll('.copy-status')) other.textContent = '';
    try {
      await navigator.clipboard.writeText(source?.textContent ?? '');
      if (status) status.textContent = copied;
    } catch {
      if (status) status.textContent = copyFailed;
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
