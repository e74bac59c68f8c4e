// The golden corpus through the wasm module in node: the JSON a JS caller
// receives, pretty-printed, must equal the native .expected.json byte for byte.
// Same file mapping as tests/golden/corpus.hpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKit } from '../../dist/kit.mjs';

const root = fileURLToPath(new URL('../data/', import.meta.url));
const kit = await loadKit();

/** @param {string} format @param {Buffer} bytes @param {boolean} rrset @param {'en'|'fr'} lang */
function run(format, bytes, rrset, lang) {
  const input = rrset ? JSON.parse(bytes.toString('utf8')) : null;
  const text = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  switch (format) {
    case 'sts-record':
      return kit.validateStsRecord(rrset ? input : text(), { lang });
    case 'tls-rpt':
      return kit.validateTlsRptRecord(rrset ? input : text(), { lang });
    case 'dmarc':
    case 'dmarc-rfc9989':
      return kit.validateDmarcRecord(rrset ? input : text(), {
        lang,
        spec: format === 'dmarc' ? 'rfc7489' : 'rfc9989',
      });
    case 'policy':
      // Raw bytes, as fetched or opened from a file.
      return kit.validatePolicy(new Uint8Array(bytes), { lang });
    default:
      throw new Error(`unknown corpus format ${format}`);
  }
}

const cases = [];
for (const format of (await readdir(root)).sort()) {
  for (const kind of ['valid', 'invalid']) {
    let files;
    try {
      files = await readdir(join(root, format, kind));
    } catch {
      continue;
    }
    for (const file of files.sort()) {
      if (file.endsWith('.expected.json')) continue;
      const rrset = file.endsWith('.rrset.json');
      if (!rrset && !file.endsWith('.txt')) continue;
      const stem = file.slice(0, rrset ? -'.rrset.json'.length : -'.txt'.length);
      cases.push({ format, kind, file, stem, rrset, dir: join(root, format, kind) });
    }
  }
}

test('the corpus has at least 250 cases', () => {
  assert.ok(cases.length >= 250, `only ${cases.length} golden cases`);
});

for (const c of cases) {
  test(`${c.format}/${c.kind}/${c.file}`, async () => {
    const bytes = await readFile(join(c.dir, c.file));
    const expected = await readFile(join(c.dir, `${c.stem}.expected.json`), 'utf8');
    const result = run(c.format, bytes, c.rrset, c.stem.endsWith('.fr') ? 'fr' : 'en');
    assert.equal(JSON.stringify(result, null, 2) + '\n', expected);
  });
}
