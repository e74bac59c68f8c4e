// The widget documentation exists in English (embed.html) and French
// (embed-fr.html). The words differ; what they document must not: the same
// sections, demos, snippets, attributes, events, properties and parts, the
// same head, and each page links to the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const read = (/** @type {string} */ name) => readFile(new URL(`../../site/${name}`, import.meta.url), 'utf8');
const en = await read('embed.html');
const fr = await read('embed-fr.html');

const all = (/** @type {string} */ html, /** @type {RegExp} */ re) => [...html.matchAll(re)].map((m) => m[1]);
const unescape = (/** @type {string} */ s) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

test('both pages have the same elements with ids, in the same order', () => {
  assert.deepEqual(all(fr, / id="([^"]+)"/g), all(en, / id="([^"]+)"/g));
});

test('both pages load the same stylesheets and scripts, under the same policy', () => {
  const head = (/** @type {string} */ html) => ({
    csp: all(html, /http-equiv="Content-Security-Policy" content="([^"]*)"/g),
    links: all(html, /<link rel="(?:stylesheet|icon)" href="([^"]+)"/g),
    scripts: all(html, /<script type="module" src="([^"]+)"/g),
  });
  assert.deepEqual(head(fr), head(en));
});

test('both pages show the same demos', () => {
  const demos = (/** @type {string} */ html) => all(html, /(<mtasts-[a-z]+ [^>]*>)/g);
  assert.equal(demos(en).length, 3);
  assert.deepEqual(demos(fr), demos(en));
});

test('the snippets are the same code (the French ones add lang="fr"; their fallback links, in French, open the site in French)', () => {
  const snippets = (/** @type {string} */ html, /** @type {boolean} */ french) =>
    [...html.matchAll(/<code id="(snippet-[a-z]+)">([\s\S]*?)<\/code>/g)].map(([, id, body]) => {
      let code = unescape(body).replace(/(<a href="[^"]*">)[^<]*(<\/a>)/g, '$1…$2');
      if (french) code = code.replace(/ lang="fr">/g, '>').replace(/\/\?lang=fr/g, '/');
      // Comments in the headers snippet are prose.
      return [id, code.replace(/ {2,}\(.*\)$/gm, '')];
    });
  const a = snippets(en, false);
  const b = snippets(fr, true);
  assert.equal(a.length, 8);
  assert.deepEqual(b, a);
  // Each French widget snippet asks for French, whatever the host page's language.
  for (const [, id, body] of fr.matchAll(/<code id="(snippet-(?:validator|generator|checker))">([\s\S]*?)<\/code>/g)) {
    assert.match(body, /&lt;mtasts-[a-z]+ [^&]* lang="fr"&gt;/, id);
  }
});

test('the tables document the same rows, and the parts the same names', () => {
  const rows = (/** @type {string} */ html) =>
    all(html, /<tr><th scope="row">([\s\S]*?)<\/th>/g).map(unescape);
  assert.deepEqual(rows(fr), rows(en));
  // Every code value in a row (attribute values, defaults, event details).
  const codes = (/** @type {string} */ html) =>
    all(html, /(<tr><th scope="row">[\s\S]*?<\/tr>)/g).map((row) => all(row, /<code>([^<]*)<\/code>/g));
  assert.deepEqual(codes(fr), codes(en));
  const parts = (/** @type {string} */ html) => all(html, /(<code>::part\(\)<\/code>[^\n]*)/g).map((p) => all(p, /<code>([^<]*)<\/code>/g));
  assert.deepEqual(parts(fr), parts(en));
});

test('each page names its language and links to the other', () => {
  assert.match(en, /<html lang="en">/);
  assert.match(fr, /<html lang="fr">/);
  for (const html of [en, fr]) {
    assert.match(html, /<link rel="alternate" hreflang="en" href="embed.html">/);
    assert.match(html, /<link rel="alternate" hreflang="fr" href="embed-fr.html">/);
  }
  assert.match(en, /<a href="embed-fr.html" hreflang="fr" lang="fr">/);
  assert.match(fr, /<a href="embed.html" hreflang="en" lang="en">/);
  // The demo widgets start in the page's language.
  assert.match(en, /data-widget-lang="en" lang="en" aria-pressed="true"/);
  assert.match(fr, /data-widget-lang="fr" lang="fr" aria-pressed="true"/);
});
