// @ts-check
// The generator's pure logic, run in node without a browser: how its state
// travels in a link, how a damaged or hostile state is cleaned, what the kit
// receives, and that every string the page names exists in both languages.

import { readFile, readdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  decodeFragment,
  defaultState,
  encodeFragment,
  fromBase64Url,
  generatorInputs,
  hasUserInput,
  parseField,
  sanitizeState,
  toBase64Url,
} from '../site/generator-model.js';
import { catalogue } from '../site/i18n.js';

test('a state goes into a link and comes back unchanged, Unicode included', () => {
  const state = defaultState('20240115120000');
  state.domain = 'exämple.com';
  state.mx = ['*.mail.protection.outlook.com', 'mx.exämple.com'];
  state.mode = 'enforce';
  state.maxAge = 'custom';
  state.maxAgeCustom = '1209600';
  state.dmarc.fo = ['1', 'd'];
  state.dmarc.legacy = true;
  state.dmarc.pct = '50';
  state.host = 'github-pages';
  const fragment = encodeFragment(state);
  expect(fragment).toMatch(/^gen=[A-Za-z0-9_-]+$/);
  expect(sanitizeState(decodeFragment(`#${fragment}`))).toEqual(state);
  expect(fromBase64Url(toBase64Url('é€😀'))).toBe('é€😀');
});

test('fragments that hold no state are ignored', () => {
  expect(decodeFragment('#generator')).toBeNull();
  expect(decodeFragment('')).toBeNull();
  expect(decodeFragment('#gen=%%%')).toBeNull();
  expect(decodeFragment(`#gen=${toBase64Url('{not json')}`)).toBeNull();
  // Bytes that are not UTF-8 are refused, not decoded into replacement characters.
  expect(decodeFragment('#gen=_w')).toBeNull();
});

test('a damaged or hostile state falls back to safe defaults', () => {
  const d = defaultState('id1');
  expect(sanitizeState(null, 'id1')).toEqual(d);
  expect(sanitizeState([1, 2], 'id1')).toEqual(d);
  // As JSON.parse gives it: "__proto__" is then an own key, not the prototype.
  const raw = JSON.parse(
    JSON.stringify({
      domain: 42,
      mx: 'mail.example.com',
      mode: 'drop',
      maxAge: '999',
      id: '',
      rua: [null, 7, 'a@example.com'],
      dmarc: { p: 'block', sp: 'reject', fo: ['s', 'x', '0'], legacy: 'yes', t: 'y' },
      host: 'iis',
      extra: '<script>',
    }).replace('{', '{"__proto__":{"polluted":true},'),
  );
  const cleaned = sanitizeState(raw, 'id1');
  expect(cleaned.domain).toBe('');
  expect(cleaned.mx).toEqual(['']);
  expect(cleaned.mode).toBe('testing');
  expect(cleaned.maxAge).toBe('86400');
  expect(cleaned.id).toBe('id1');
  expect(cleaned.rua).toEqual(['', '', 'a@example.com']);
  expect(cleaned.dmarc.p).toBe('none');
  expect(cleaned.dmarc.sp).toBe('reject');
  expect(cleaned.dmarc.fo).toEqual(['0', 's']);
  expect(cleaned.dmarc.legacy).toBe(false);
  expect(cleaned.dmarc.t).toBe('y');
  expect(cleaned.host).toBe('nginx');
  expect(Object.keys(cleaned)).not.toContain('extra');
  expect(/** @type {any} */ (cleaned).polluted).toBeUndefined();
  // Sizes are bounded: a link cannot make the page build thousands of rows.
  const big = sanitizeState({ mx: Array.from({ length: 500 }, () => 'x'.repeat(5000)) });
  expect(big.mx).toHaveLength(64);
  expect(big.mx[0]).toHaveLength(1024);
});

test('the kit receives the rows as typed and the DMARC tags the form asks for', () => {
  const state = defaultState('abc');
  state.domain = 'example.com';
  state.mx = ['', 'MAIL.example.com'];
  state.maxAge = 'custom';
  state.maxAgeCustom = ' 604800 ';
  state.dmarc.fo = ['s', '1'];
  state.dmarc.pct = '50';
  const inputs = generatorInputs(state);
  expect(inputs.policy).toEqual({ mode: 'testing', mx: ['', 'MAIL.example.com'], maxAge: '604800', domain: 'example.com' });
  expect(inputs.sts).toEqual({ id: 'abc', domain: 'example.com' });
  expect(inputs.dmarc.fo).toBe('1:s');
  // Legacy tags only when asked for (GEN-007).
  expect(inputs.dmarc.pct).toBe('');
  state.dmarc.legacy = true;
  expect(generatorInputs(state).dmarc.pct).toBe('50');
});

test('a diagnostic field names a form field or a row', () => {
  expect(parseField('mx[2]')).toEqual({ name: 'mx', index: 2 });
  expect(parseField('rua[0]')).toEqual({ name: 'rua', index: 0 });
  expect(parseField('maxAge')).toEqual({ name: 'maxAge', index: null });
  expect(parseField('')).toEqual({ name: '', index: null });
});

test('only what the user typed counts as entries (not the id or the hosting tab)', () => {
  const state = defaultState('20240101000000');
  expect(hasUserInput(state)).toBe(false);
  state.host = 'caddy';
  expect(hasUserInput(state)).toBe(false);
  state.mx = ['mail.example.com'];
  expect(hasUserInput(state)).toBe(true);
});

test('every string the page names exists in English and French', async () => {
  /** @type {Set<string>} */
  const keys = new Set();
  const html = await readFile(new URL('../site/index.html', import.meta.url), 'utf8');
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) keys.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].split(',')) keys.add(pair.split('=')[1].trim());
  }
  const dir = new URL('../site/', import.meta.url);
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.js') || name === 'i18n.js') continue;
    const source = await readFile(new URL(name, dir), 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9.-]+)'/g)) keys.add(m[1]);
    // Keys passed as options (titleKey: 'gen.out.policy', key: 'gen.notice.preset'): they hold a dot.
    for (const m of source.matchAll(/(?:Key|key):\s*'([a-zA-Z0-9-]+\.[a-zA-Z0-9.-]+)'/g)) keys.add(m[1]);
    for (const m of source.matchAll(/dataset\.i18n = '([a-zA-Z0-9.-]+)'/g)) keys.add(m[1]);
  }
  expect(keys.size).toBeGreaterThan(250);
  const missing = [...keys].filter((k) => !(k in catalogue.en) || !(k in catalogue.fr));
  expect(missing).toEqual([]);
  // Templated keys used by the page, spelled out.
  for (const id of ['nginx', 'apache', 'caddy', 'cloudflare-worker', 'github-pages', 'zone']) {
    for (const prefix of ['hosting.tab.', 'hosting.snippetTitle.', 'hosting.intro.']) {
      expect(catalogue.en[prefix + id], prefix + id).toBeDefined();
      expect(catalogue.fr[prefix + id], prefix + id).toBeDefined();
    }
  }
});

test('the guide corrects the myths the rule catalogue lists, in both languages', () => {
  const en = catalogue.en;
  const fr = catalogue.fr;
  expect(en['myth.minMaxAge.f']).toContain('There is no minimum');
  expect(fr['myth.minMaxAge.f']).toContain('Il n’y a pas de minimum');
  expect(en['myth.blankLines.f']).toContain('They are errors');
  expect(en['myth.crlf.f']).toContain('LF, CRLF and a mix of both are valid');
  expect(en['faq.wildcards.a']).toContain('exactly one label');
  expect(en['faq.google.a']).toContain('smtp.google.com');
  expect(en['faq.microsoft.a']).toContain('*.mail.protection.outlook.com');
  // Our own wording in French too: no English left in the French answers.
  for (const key of Object.keys(fr).filter((k) => k.startsWith('faq.') || k.startsWith('myth.'))) {
    expect(fr[key], key).not.toBe(en[key]);
  }
});
