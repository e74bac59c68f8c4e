// Docs are executable: the README's module example runs as written, and the
// values its comments show are what the module returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, rm } from 'node:fs/promises';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
const snippet = readme.match(/```js\n(import \{ loadKit \} from 'mta-sts-kit';[\s\S]*?)```/)?.[1];

test('the README has the module example', () => {
  assert.ok(snippet, 'no ```js block importing mta-sts-kit in README.md');
});

test('the README example runs and its comments are true', async () => {
  // Expose the example's variables to the test by returning them.
  const file = new URL('./.readme-example.mjs', import.meta.url);
  await writeFile(file, `${snippet}\nexport { kit, r, policy, report };\n`);
  try {
    const { kit, r, policy, report } = await import(file.href);
    assert.equal(r.ok, true);
    assert.deepEqual(r.value, { version: 'STSv1', mode: 'enforce', maxAge: 86400, mx: ['mail.example.com'], extensions: {} });
    const w = r.diagnostics.find((d) => d.code === 'STS-POL-024');
    assert.deepEqual(
      { severity: w.severity, line: w.line, column: w.column, start: w.start, end: w.end, ref: w.ref },
      { severity: 'warning', line: 4, column: 10, start: 59, end: 64, ref: 'RFC 8461 §3.2, §10.2' },
    );
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['STS-POL-002', 'STS-POL-024']);
    assert.equal(policy.text, 'version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 86400\r\n');
    assert.equal(kit.mxPatternMatches('*.example.com', 'mail.example.com.'), true);
    assert.equal(kit.detectFormat('_dmarc.example.com. IN TXT "v=DMARC1; p=none"'), 'dmarc');
    assert.deepEqual(kit.presets.map((/** @type {{ id: string }} */ p) => p.id), ['microsoft365', 'google', 'fastmail', 'proton', 'zoho', 'icloud']);
    assert.equal(report.verdict, 'unverified');
    assert.deepEqual(report.checks.map((/** @type {{ code: string }} */ c) => c.code), ['STS-TXT-021', 'CHK-015', 'CHK-022', 'STS-HTTP-014', 'BR-004']);
    assert.equal(kit.explainBounce("550 5.4.8 MX hosts of 'example.com' failed MTA-STS validation.")[0].code, 'CHK-025');
    // The values above are the ones the README's comments show.
    for (const shown of ["true (RFC 8461 §4.1)", "['microsoft365', 'google', 'fastmail', 'proton', 'zoho', 'icloud']", "'unverified'", "['STS-TXT-021', 'CHK-015', 'CHK-022', 'STS-HTTP-014', 'BR-004']", "'CHK-025'", "'dmarc'"]) {
      assert.ok(snippet?.includes(`// ${shown}`), `the README's example no longer shows ${shown}`);
    }
  } finally {
    await rm(file, { force: true });
  }
});
