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
  await writeFile(file, `${snippet}\nexport { r, policy };\n`);
  try {
    const { r, policy } = await import(file.href);
    assert.equal(r.ok, true);
    assert.deepEqual(r.value, { version: 'STSv1', mode: 'enforce', maxAge: 86400, mx: ['mail.example.com'], extensions: {} });
    const w = r.diagnostics.find((d) => d.code === 'STS-POL-024');
    assert.deepEqual(
      { severity: w.severity, line: w.line, column: w.column, start: w.start, end: w.end, ref: w.ref },
      { severity: 'warning', line: 4, column: 10, start: 59, end: 64, ref: 'RFC 8461 §3.2, §10.2' },
    );
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['STS-POL-002', 'STS-POL-024']);
    assert.equal(policy.text, 'version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 86400\r\n');
  } finally {
    await rm(file, { force: true });
  }
});
