// @ts-check
// The page's pure logic, run in node without a browser: where highlights go,
// where RFC links point, how a CRLF file's positions land in the text box,
// which language a browser gets, and what the examples contain.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { mostSevere, segment } from '../site/highlight.js';
import { I18n, catalogue, pickLanguage, pluralOne } from '../site/i18n.js';
import { refLinks, rfcUrl } from '../site/rfc-link.js';
import { samples } from '../site/samples.js';
import { strings as widgetStrings } from '../site/widgets/common/strings.js';
import { NewlineMap, offsetOf } from '../site/text-positions.js';

test('overlapping spans are drawn once, with the most severe colour', () => {
  const runs = segment(20, [
    { start: 2, end: 6, severity: 'warning' },
    { start: 4, end: 8, severity: 'error' },
    { start: 10, end: 10, severity: 'info' },
    { start: 12, end: 99, severity: 'info' },
  ]);
  expect(runs).toEqual([
    { kind: 'text', start: 0, end: 2 },
    { kind: 'mark', start: 2, end: 4, severity: 'warning' },
    { kind: 'mark', start: 4, end: 8, severity: 'error' },
    { kind: 'text', start: 8, end: 10 },
    { kind: 'point', start: 10, end: 10, severity: 'info' },
    { kind: 'text', start: 10, end: 12 },
    { kind: 'mark', start: 12, end: 20, severity: 'info' },
  ]);
  expect(segment(0, [])).toEqual([]);
  expect(segment(3, [{ start: 3, end: 3, severity: 'error' }])).toEqual([
    { kind: 'text', start: 0, end: 3 },
    { kind: 'point', start: 3, end: 3, severity: 'error' },
  ]);
});

test('when there are too many diagnostics, errors and warnings are kept before info', () => {
  /** @type {{ severity: 'error' | 'warning' | 'info', n: number }[]} */
  const items = [
    { severity: 'info', n: 0 },
    { severity: 'info', n: 1 },
    { severity: 'warning', n: 2 },
    { severity: 'info', n: 3 },
    { severity: 'error', n: 4 },
  ];
  expect(mostSevere(items, 3).map((d) => d.n)).toEqual([0, 2, 4]);
  expect(mostSevere(items, 9)).toEqual(items);
});

test('a diagnostic reference links to the RFC Editor section, appendix or erratum', () => {
  expect(rfcUrl('RFC 8461 §3.2')).toBe('https://www.rfc-editor.org/rfc/rfc8461#section-3.2');
  expect(rfcUrl('RFC 7489 §6.6.3')).toBe('https://www.rfc-editor.org/rfc/rfc7489#section-6.6.3');
  expect(rfcUrl('RFC 9989 App. A.6')).toBe('https://www.rfc-editor.org/rfc/rfc9989#appendix-A.6');
  expect(rfcUrl('RFC 3986')).toBe('https://www.rfc-editor.org/rfc/rfc3986');
  expect(rfcUrl('Google Workspace help 9276511')).toBeNull();
  expect(refLinks('RFC 8461 §3.2; erratum 6253')).toEqual([
    { text: 'RFC 8461 §3.2', url: 'https://www.rfc-editor.org/rfc/rfc8461#section-3.2' },
    { text: 'erratum 6253', url: 'https://www.rfc-editor.org/errata/eid6253' },
  ]);
  expect(refLinks('RFC 8461 §3.1, erratum 6285').map((p) => p.url)).toEqual([
    'https://www.rfc-editor.org/rfc/rfc8461#section-3.1',
    'https://www.rfc-editor.org/errata/eid6285',
  ]);
});

test('positions in a CRLF or CR file land on the same characters in the text box', () => {
  const file = 'version: STSv1\r\nmode: Enforce\r\nmx: a\rmax_age: 1\n';
  const map = new NewlineMap(file);
  expect(map.text).toBe('version: STSv1\nmode: Enforce\nmx: a\nmax_age: 1\n');
  expect(map.lineEndings).toBe('mixed');
  const start = file.indexOf('Enforce');
  expect(map.text.slice(map.toNormalized(start), map.toNormalized(start + 7))).toBe('Enforce');
  const age = file.indexOf('max_age');
  expect(map.text.slice(map.toNormalized(age), map.toNormalized(age + 7))).toBe('max_age');
  // Line/column (as the core counts them) agree with the mapped offsets.
  expect(offsetOf(map.text, 2, 7)).toBe(map.toNormalized(start));
  expect(offsetOf(file, 2, 7)).toBe(start);
  expect(offsetOf(file, 4, 1)).toBe(age);
  expect(new NewlineMap('a\r\nb\r\n').lineEndings).toBe('crlf');
  expect(new NewlineMap('a\nb').lineEndings).toBe('lf');
  expect(new NewlineMap('a\rb').lineEndings).toBe('cr');
  expect(new NewlineMap('ab').lineEndings).toBe('none');
});

test('the browser language picks French or English, English otherwise', () => {
  expect(pickLanguage(['fr-CA', 'en'])).toBe('fr');
  expect(pickLanguage(['de-DE', 'en-GB', 'fr'])).toBe('en');
  expect(pickLanguage(['FR'])).toBe('fr');
  expect(pickLanguage(['de', 'es'])).toBe('en');
  expect(pickLanguage([])).toBe('en');
});

test('plural forms and numbers without Intl agree with Intl in both languages', () => {
  const values = [0, 1, 2, 3, 10, 21, 101, 999, 1000, 1001, 12345, 86400, 604800, 31557600, 1e6, 123456789012, 0.5, 1.5, 1.99, 2.5, 1234.5, 1e6 + 0.25, 0.125, 0.0001, 1 / 3, 1e15, 1e21, -1, -2, -1.5, -1234, -0];
  for (const lang of /** @type {const} */ (['en', 'fr'])) {
    const rules = new Intl.PluralRules(lang);
    const format = new Intl.NumberFormat(lang);
    const i18n = new I18n(lang);
    for (const n of values) {
      if (Math.abs(n) < 1e15) expect(pluralOne(lang, n), `${lang} ${n}`).toBe(rules.select(n) === 'one');
      expect(i18n.number(n), `${lang} ${n}`).toBe(format.format(n));
    }
  }
});

test('every string exists in English and French, with the same placeholders', () => {
  const en = catalogue.en;
  const fr = catalogue.fr;
  expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  const placeholders = (/** @type {unknown} */ entry) =>
    JSON.stringify(entry)
      .match(/\{\w+\}/g)
      ?.sort()
      .filter((p, i, all) => all.indexOf(p) === i) ?? [];
  for (const key of Object.keys(en)) {
    expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    expect(typeof fr[key], key).toBe(typeof en[key]);
  }
});

test("the widgets' strings say what the page says under the same key", () => {
  // The widgets keep a catalogue of their own (an embedding page downloads only
  // what they show); a key both use must not drift apart. The only deliberate
  // difference: a widget has no file or examples to point to when empty.
  const different = new Set(['summary.empty']);
  for (const lang of /** @type {const} */ (['en', 'fr'])) {
    expect(Object.keys(widgetStrings[lang]).sort()).toEqual(Object.keys(widgetStrings.en).sort());
    for (const [key, text] of Object.entries(widgetStrings[lang])) {
      if (!(key in catalogue[lang]) || different.has(key)) continue;
      expect(text, `${lang} ${key}`).toEqual(catalogue[lang][key]);
    }
  }
});

test("the English text written in index.html is the catalogue's", () => {
  // index.html carries the English text of every data-i18n element (shown
  // before app.js runs, and read by search engines); the catalogue redraws it.
  // The served page's text is checked in a browser too, but only for the
  // validator: the other views' text is left out of the built page.
  const html = readFileSync(new URL('../site/index.html', import.meta.url), 'utf8');
  const decode = (/** @type {string} */ t) =>
    t
      .replace(/<code>([\s\S]*?)<\/code>/g, '`$1`')
      .replace(/<a href="(#[\w-]*)">([\s\S]*?)<\/a>/g, '[$2]($1)')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  let checked = 0;
  for (const [, tag, key, inner] of html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*\sdata-i18n="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const entry = catalogue.en[key];
    expect(entry, key).toBeDefined();
    if (typeof entry !== 'string' || new RegExp(`<${tag}\\b`).test(inner) || /<(?!\/?(code|a)\b)/.test(inner)) continue;
    expect(decode(inner), key).toBe(entry.replace(/\s+/g, ' ').trim());
    checked++;
  }
  expect(checked).toBeGreaterThan(150);
});

test('there is a valid and a broken example of each of the four formats', () => {
  expect(samples).toHaveLength(8);
  for (const format of ['sts-record', 'policy', 'tls-rpt', 'dmarc']) {
    expect(samples.filter((s) => s.format === format).map((s) => s.kind).sort()).toEqual(['broken', 'valid']);
  }
});
