// The live checker's judge through the JS module: facts in, report out, as
// the page calls it (kit.assess, kit.dohAnswer, kit.explainBounce).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKit } from 'mta-sts-kit';

const kit = await loadKit();

/** A DoH JSON body as Cloudflare and Google send it. */
function doh(name, type, answers = [], status = 0, ad = false) {
  const body = { Status: status, TC: false, RD: true, RA: true, AD: ad, CD: false, Question: [{ name: `${name}.`, type }] };
  if (answers.length) body.Answer = answers.map((data) => ({ name: `${name}.`, type, TTL: 300, data }));
  return JSON.stringify(body);
}
const ok = (name, type, answers, resolver = 'cloudflare') => ({ resolver, status: 200, body: doh(name, type, answers) });
const POLICY = 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n';

function goodFacts() {
  return {
    domain: 'example.com',
    lookups: {
      stsTxt: ok('_mta-sts.example.com', 16, ['"v=STSv1; id=20240115"']),
      mx: ok('example.com', 15, ['10 mx1.example.com.']),
      hostA: ok('mta-sts.example.com', 1, ['192.0.2.1']),
      hostAaaa: ok('mta-sts.example.com', 28, []),
      hostCname: ok('mta-sts.example.com', 5, []),
      tlsRpt: ok('_smtp._tls.example.com', 16, ['"v=TLSRPTv1; rua=mailto:tls@example.com"']),
      dmarc: ok('_dmarc.example.com', 16, ['"v=DMARC1; p=reject"']),
    },
    policy: { outcome: 'ok', status: 200, contentType: 'text/plain', cacheControl: null, body: POLICY, elapsedMs: 50 },
  };
}
const codes = (report) => report.checks.map((c) => c.code);

test('a correct deployment is deployed_ok with its MX table, TTL and hash', () => {
  const r = kit.assess(goodFacts());
  assert.equal(r.verdict, 'deployed_ok', JSON.stringify(codes(r)));
  assert.deepEqual(r.mx, [{ preference: 10, host: 'mx1.example.com', pattern: 'mx1.example.com', implicit: false }]);
  assert.equal(r.txtTtl, 300);
  assert.match(r.policyHash, /^[0-9a-f]{16}$/);
  assert.equal(r.lookups.stsTxt.resolver, 'cloudflare');
  assert.equal(r.lookups.stsTxt.conclusive, true);
  assert.equal(r.lookups.apexTxt, null);
  assert.equal(r.sts.ok, true);
  assert.equal(r.policy.ok, true);
  assert.ok(r.checks.every((c) => typeof c.area === 'string' && c.message && c.ref));
});

test('policy bytes as a Uint8Array reach the validator unchanged', () => {
  const facts = goodFacts();
  facts.policy.body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(POLICY)]);
  const r = kit.assess(facts);
  assert.ok(r.policy.diagnostics.some((d) => d.code === 'STS-POL-009'));
  assert.equal(r.verdict, 'problems');
});

test('no CORS is unverified (CHK-022), and a pasted body then judges the policy', () => {
  const facts = goodFacts();
  facts.policy = { outcome: 'cors_blocked_but_host_answers', elapsedMs: 40 };
  const blocked = kit.assess(facts);
  assert.equal(blocked.verdict, 'unverified');
  assert.equal(blocked.policyUnverified, true);
  assert.ok(codes(blocked).includes('CHK-022'));
  facts.policy = { outcome: 'pasted', body: POLICY.replace('mx1', 'mx9') };
  const pasted = kit.assess(facts);
  assert.equal(pasted.verdict, 'problems');
  assert.ok(codes(pasted).includes('CHK-004'));
  assert.ok(codes(pasted).includes('CHK-005'));
});

test('a resolver failure never reads as "no record"', () => {
  const facts = goodFacts();
  facts.lookups.stsTxt = { resolver: 'cloudflare', status: 200, body: doh('_mta-sts.example.com', 16, [], 2) };
  const r = kit.assess(facts);
  assert.notEqual(r.verdict, 'not_deployed');
  assert.ok(!codes(r).includes('CHK-001'));
  assert.equal(r.lookups.stsTxt.conclusive, false);
});

test('history: the body changed but the id did not (CHK-018)', () => {
  const first = kit.assess(goodFacts());
  const facts = goodFacts();
  facts.policy.body = POLICY.replace('604800', '1209600');
  facts.history = { lastId: '20240115', lastBodyHash: first.policyHash };
  const r = kit.assess(facts);
  assert.ok(codes(r).includes('CHK-018'));
  assert.equal(r.verdict, 'problems');
});

test('reports come in French', () => {
  const r = kit.assess(goodFacts(), { lang: 'fr' });
  assert.match(r.checks.find((c) => c.code === 'CHK-024').message, /jours/);
});

test('dohAnswer says when a resolver failed', () => {
  assert.equal(kit.dohAnswer(doh('a.example', 16, [], 2), 200, 16).conclusive, false);
  assert.equal(kit.dohAnswer('{not json', 200, 16).status, 'malformed');
  assert.equal(kit.dohAnswer('', 0, 16).status, 'transport_error');
  const nx = kit.dohAnswer(doh('a.example', 16, [], 3), 200, 16);
  assert.equal(nx.kind, 'nxdomain');
  assert.equal(nx.conclusive, true);
});

test('explainBounce maps Exchange Online NDRs', () => {
  const [d] = kit.explainBounce("550 5.4.8 MX hosts of 'contoso.com' failed MTA-STS validation.", { lang: 'fr' });
  assert.equal(d.code, 'CHK-025');
  assert.match(d.message, /contoso\.com/);
});

test('bad arguments are TypeErrors, hostile facts are just absent facts', () => {
  assert.throws(() => kit.assess(null), TypeError);
  assert.throws(() => kit.assess({}), TypeError);
  assert.throws(() => kit.assess({ domain: 'a.example', policy: { outcome: 'ok', body: 42 } }), TypeError);
  assert.throws(() => kit.dohAnswer(1, 200, 16), TypeError);
  assert.throws(() => kit.explainBounce(undefined), TypeError);
  const r = kit.assess({ domain: 'a.example', lookups: { stsTxt: 'x', mx: { status: -1, body: {} } }, policy: { outcome: 'teleport' } });
  assert.ok(['unverified', 'not_deployed', 'problems'].includes(r.verdict));
  assert.equal(r.lookups.stsTxt, null);
});
