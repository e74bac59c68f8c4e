// The JS module's contract: loading with no arguments in node, the methods
// and their argument checks, result shapes, UTF-16 positions, languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKit } from 'mta-sts-kit';

const kit = await loadKit();

test('loadKit is memoized and the kit is frozen', async () => {
  assert.equal(await loadKit(), kit);
  assert.ok(Object.isFrozen(kit));
  assert.match(kit.version, /^\d+\.\d+\.\d+$/);
});

// A fresh copy of the module (its own memo) per test of loadKit's options.
let copies = 0;
const freshKitModule = () => import(new URL(`../../dist/kit.mjs?copy=${++copies}`, import.meta.url).href);
const wasmModule = async () => {
  const { readFile } = await import('node:fs/promises');
  return WebAssembly.compile(await readFile(new URL('../../dist/mtasts-core.wasm', import.meta.url)));
};

test('loadKit takes the core compiled elsewhere, or a promise of it', async () => {
  const module = await wasmModule();
  for (const given of [module, Promise.resolve(module)]) {
    const { loadKit: load } = await freshKitModule();
    const other = await load({ module: given });
    assert.equal(other.version, kit.version);
    assert.equal(other.validateStsRecord('v=STSv1; id=20240101T000000;').ok, true);
  }
});

test('loadKit fetches the core itself when the module given is null or failed', async () => {
  for (const given of [() => null, () => Promise.resolve(null), () => Promise.reject(new Error('offline'))]) {
    const { loadKit: load } = await freshKitModule();
    assert.equal((await load({ module: given() })).version, kit.version);
  }
});

test('loadKit rejects, and does not hang, on a module that is not the core', async () => {
  // (module) with no imports and no exports, then one that imports what the core does not provide.
  const empty = await WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  const foreign = await WebAssembly.compile(
    new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, 7, 1, 1, 0x78, 1, 0x79, 0, 0]),
  );
  for (const given of [empty, foreign]) {
    const { loadKit: load } = await freshKitModule();
    await assert.rejects(load({ module: given }), /not this kit's core/);
  }
});

test('a valid policy yields ok, the parsed value and no error', () => {
  const r = kit.validatePolicy('version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n');
  assert.equal(r.ok, true);
  assert.deepEqual(r.value.mx, ['mail.example.com', '*.example.net']);
  assert.equal(r.value.mode, 'enforce');
  assert.equal(r.value.maxAge, 604800);
  assert.equal(r.value.version, 'STSv1');
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
});

test('policy bytes are judged as given: a BOM is reported', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('version: STSv1\nmode: none\nmax_age: 1\n')]);
  const r = kit.validatePolicy(bytes);
  assert.equal(r.ok, false);
  assert.ok(r.diagnostics.some((d) => d.code === 'STS-POL-009'), JSON.stringify(r.diagnostics));
});

test('max_age above one year is an error pinned on the value', () => {
  const text = 'version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 31557601';
  const r = kit.validatePolicy(text);
  const d = r.diagnostics.find((x) => x.code === 'STS-POL-021');
  assert.ok(d, JSON.stringify(r.diagnostics));
  assert.equal(d.severity, 'error');
  assert.equal(d.line, 4);
  assert.equal(text.slice(d.start, d.end), '31557601');
  assert.equal(d.ref.startsWith('RFC 8461'), true);
});

test('positions are UTF-16 offsets: text after an astral character', () => {
  const text = 'version: STSv1\nmode: none\nmax_age: 86400\nnote: 😀 ok\nmx: m\u00f8x.example';
  const r = kit.validatePolicy(text);
  const d = r.diagnostics.find((x) => x.code === 'STS-MX-005');
  assert.ok(d, JSON.stringify(r.diagnostics));
  assert.equal(text.slice(d.start, d.end), 'm\u00f8x'); // the offending label
  assert.equal(d.line, 5);
  assert.equal(d.column, 5);
});

test('STS record: a string and an RRset with a decoy', () => {
  assert.equal(kit.validateStsRecord('v=STSv1; id=20240115120000').ok, true);
  assert.equal(kit.validateStsRecord('v=STSv1; id=20240115120000').value.id, '20240115120000');
  const set = [['V=STSv1; id=decoy'], ['v=STSv1; id=2024', '0115'], ['google-site-verification=x']];
  const r = kit.validateStsRecord(set);
  assert.equal(r.ok, true, JSON.stringify(r.diagnostics));
  assert.equal(r.value.id, '20240115');
  const two = kit.validateStsRecord([['v=STSv1; id=a'], ['v=STSv1; id=b']]);
  assert.equal(two.ok, false);
  assert.ok(two.diagnostics.some((d) => d.code === 'STS-TXT-002'));
});

test('TLS-RPT: rua list and a bad scheme', () => {
  const r = kit.validateTlsRptRecord('v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.com/x');
  assert.equal(r.ok, true, JSON.stringify(r.diagnostics));
  assert.deepEqual(r.value.rua, ['mailto:a@example.com', 'https://r.example.com/x']);
  const bad = kit.validateTlsRptRecord('v=TLSRPTv1; rua=http://r.example.com');
  assert.ok(bad.diagnostics.some((d) => d.code === 'TLSRPT-009'));
});

test('DMARC: the spec option changes the verdict on tag order', () => {
  const rec = 'v=DMARC1; rua=mailto:d@example.com; p=none';
  const a = kit.validateDmarcRecord(rec);
  const b = kit.validateDmarcRecord(rec, { spec: 'rfc9989' });
  assert.equal(a.ok, false);
  assert.equal(b.ok, true);
  assert.equal(a.diagnostics.find((d) => d.code === 'DMARC-007').severity, 'error');
  assert.equal(b.diagnostics.find((d) => d.code === 'DMARC-007').severity, 'warning');
  assert.equal(kit.validateDmarcRecord('v=DMARC1; p=reject; adkim=s').value.adkim, 's');
});

test('messages come in French on request', () => {
  const en = kit.validatePolicy('version: STSv1\nmode: Enforce\nmx: a.example.com\nmax_age: 86400');
  const fr = kit.validatePolicy('version: STSv1\nmode: Enforce\nmx: a.example.com\nmax_age: 86400', { lang: 'fr' });
  const den = en.diagnostics.find((d) => d.code === 'STS-POL-018');
  const dfr = fr.diagnostics.find((d) => d.code === 'STS-POL-018');
  assert.ok(den && dfr);
  assert.notEqual(den.message, dfr.message);
  assert.equal(den.start, dfr.start);
});

test('mxPatternMatches follows RFC 8461 §4.1', () => {
  assert.equal(kit.mxPatternMatches('*.example.com', 'mail.example.com.'), true);
  assert.equal(kit.mxPatternMatches('*.example.com', 'example.com.'), false);
  assert.equal(kit.mxPatternMatches('*.example.com', 'foo.bar.example.com.'), false);
  assert.equal(kit.mxPatternMatches('mail.example.com', 'MAIL.EXAMPLE.COM.'), true);
  assert.equal(kit.mxPatternMatches('*.mx.microsoft', 'contoso-com.a-v1.mx.microsoft.'), false);
});

test('detectFormat routes each sample', () => {
  assert.equal(kit.detectFormat('v=STSv1; id=1'), 'sts-record');
  assert.equal(kit.detectFormat('version: STSv1\nmode: none'), 'policy');
  assert.equal(kit.detectFormat('v=TLSRPTv1; rua=mailto:a@example.com'), 'tls-rpt');
  assert.equal(kit.detectFormat('v=DMARC1; p=none'), 'dmarc');
  assert.equal(kit.detectFormat('_dmarc.example.com. IN TXT "v=DMARC1; p=none"'), 'dmarc');
  assert.equal(kit.detectFormat('hello'), 'unknown');
});

test('bad arguments get clear TypeErrors, never a wasm abort', () => {
  assert.throws(() => kit.validateStsRecord(42), /validateStsRecord: expected a string or an array/);
  assert.throws(() => kit.validateStsRecord([['ok'], [1]]), /malformed array/);
  assert.throws(() => kit.validatePolicy({}), /validatePolicy: expected a string or a Uint8Array/);
  assert.throws(() => kit.validateDmarcRecord('v=DMARC1; p=none', { spec: 'rfc1' }), /spec must be/);
  assert.throws(() => kit.validatePolicy('x', { lang: 'de' }), /lang must be/);
  assert.throws(() => kit.generatePolicy({ mx: 'a.example.com' }), /^TypeError: generatePolicy: mx: expected an array of strings, got a string/);
  assert.throws(() => kit.generateDmarcRecord({ ruf: 5 }), /generateDmarcRecord: ruf: expected an array of strings, got number/);
  // null options are no options (the defaults), not a crash inside the kit.
  assert.equal(kit.validatePolicy('version: STSv1\nmode: none\nmax_age: 1\n', null).ok, true);
  assert.equal(kit.validateDmarcRecord('v=DMARC1; p=none', null).ok, true);
  assert.equal(kit.generateStsRecord({ id: '1' }, null).ok, true);
  // The module still works afterwards.
  assert.equal(kit.validateStsRecord('v=STSv1; id=1').ok, true);
});

test('hostile and huge inputs return results', () => {
  const huge = 'mx: a.example.com\n'.repeat(70000);
  const r = kit.validatePolicy(huge);
  assert.ok(r.diagnostics.some((d) => d.code === 'STS-POL-033'));
  const ctl = kit.validateStsRecord('v=STSv1; id=1\u0000\u0007; x=</script><img src=x onerror=alert(1)>');
  assert.equal(ctl.ok, false);
  for (const d of ctl.diagnostics) assert.equal(typeof d.message, 'string');
  assert.equal(kit.validateDmarcRecord('').ok, false);
  assert.equal(kit.validateTlsRptRecord([]).ok, true);
});

test('dmarcExternalDestinations: the rua/ruf hosts outside the organization, with the name to ask', () => {
  assert.deepEqual(
    kit.dmarcExternalDestinations('example.com', 'v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@Reports.Vendor.example; ruf=mailto:c@reports.vendor.example'),
    [{ host: 'reports.vendor.example', name: 'example.com._report._dmarc.reports.vendor.example' }],
  );
  assert.deepEqual(kit.dmarcExternalDestinations('example.com', 'not a record'), []);
  assert.throws(() => kit.dmarcExternalDestinations(/** @type {any} */ (1), 'v=DMARC1'), TypeError);
  assert.throws(() => kit.dmarcExternalDestinations('example.com', /** @type {any} */ (null)), TypeError);
});
