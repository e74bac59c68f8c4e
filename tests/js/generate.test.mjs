// The generator half of the JS module's contract (issue 3): each generator
// returns { ok, text, diagnostics } with outputs the validators accept, and
// bad input yields field diagnostics and no output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKit } from 'mta-sts-kit';

const kit = await loadKit();

test('generatePolicy: exact bytes, normalised patterns, valid by construction', () => {
  const g = kit.generatePolicy({ mode: 'enforce', mx: ['MAIL.example.com.', 'm\u00f8x.example', 'mail.example.com'], maxAge: 604800 });
  assert.equal(g.ok, true, JSON.stringify(g.diagnostics));
  assert.equal(g.text, 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: xn--mx-lka.example\r\nmax_age: 604800\r\n');
  assert.deepEqual(g.mx, ['mail.example.com', 'xn--mx-lka.example']);
  const v = kit.validatePolicy(g.text);
  assert.equal(v.ok, true);
  assert.deepEqual(v.value.mx, g.mx);
});

test('generatePolicy: enforce without mx gives a field diagnostic and no text', () => {
  const g = kit.generatePolicy({ mode: 'enforce', mx: [] }, { lang: 'fr' });
  assert.equal(g.ok, false);
  assert.equal(g.text, '');
  const d = g.diagnostics.find((x) => x.field === 'mx' && x.severity === 'error');
  assert.ok(d, JSON.stringify(g.diagnostics));
  assert.match(d.message, /enforce/);
});

test('generateStsRecord: id and zone line with the A-label', () => {
  const id = kit.policyIdFromDate(new Date(Date.UTC(2024, 0, 15, 12, 0, 0)));
  assert.equal(id, '20240115120000');
  const g = kit.generateStsRecord({ id, domain: 'B\u00fccher.example' });
  assert.equal(g.text, 'v=STSv1; id=20240115120000');
  assert.equal(g.zoneLine, '_mta-sts.xn--bcher-kva.example. 3600 IN TXT "v=STSv1; id=20240115120000"');
  assert.equal(kit.validateStsRecord(g.zoneLine).ok, true);
});

test('generateTlsRptRecord and generateDmarcRecord', () => {
  const t = kit.generateTlsRptRecord({ rua: ['tls@example.com', 'https://r.example.net/v1'] });
  assert.equal(t.text, 'v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.net/v1');
  assert.equal(kit.validateTlsRptRecord(t.text).ok, true);
  const d = kit.generateDmarcRecord({ domain: 'example.com', p: 'reject', rua: ['d@vendor.example'] });
  assert.equal(d.ok, true, JSON.stringify(d.diagnostics));
  assert.match(d.text, /^v=DMARC1; p=reject; /);
  assert.equal(kit.validateDmarcRecord(d.text).ok, true);
  assert.equal(kit.validateDmarcRecord(d.text, { spec: 'rfc9989' }).ok, true);
  assert.deepEqual(d.authorizations.map((a) => a.name), ['example.com._report._dmarc.vendor.example']);
});

test('presets and hosting snippets', () => {
  assert.deepEqual(kit.presets.map((p) => p.id), ['microsoft365', 'google', 'fastmail', 'proton', 'zoho', 'icloud']);
  // Built once, on first read, and frozen.
  assert.equal(kit.presets, kit.presets);
  assert.ok(Object.isFrozen(kit.presets) && Object.isFrozen(kit.presets[0]));
  const google = kit.presets.find((p) => p.id === 'google');
  assert.ok(google.patterns.some((p) => p.pattern === 'smtp.google.com' && !p.optional));
  assert.ok(Object.isFrozen(google));
  const policy = kit.generatePolicy({ mode: 'testing', mx: ['mail.example.com'] }).text;
  const h = kit.generateHosting({ domain: 'example.com', policy });
  assert.equal(h.ok, true);
  const nginx = h.snippets.find((s) => s.id === 'nginx');
  assert.match(nginx.text, /location = \/\.well-known\/mta-sts\.txt/);
  assert.match(nginx.text, /text\/plain/);
  assert.equal(kit.deriveMicrosoftDanePattern('contoso-com.a-v1.mx.microsoft').text, '*.a-v1.mx.microsoft');
  assert.equal(kit.deriveMicrosoftDanePattern('contoso-com.mx.microsoft').ok, false);
});

test('generator arguments are checked', () => {
  assert.throws(() => kit.generatePolicy(null), /generatePolicy: expected an object/);
  assert.throws(() => kit.policyIdFromDate(new Date('nope')), /valid Date/);
});
