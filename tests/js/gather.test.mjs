// Unit tests of the live checker's gathering (site/checker/gather.js) with a
// fake fetch; the judge is the real core (dist/kit.mjs).
// Run: node --test tests/js/gather.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { loadKit } from '../../dist/kit.mjs';
import {
  DomainError,
  curlCommand,
  fetchPolicy,
  gatherFacts,
  lookup,
  lookupMx,
  normalizeDomain,
  requestSignal,
} from '../../site/checker/gather.js';

/** @type {import('../../wasm/kit.d.ts').Kit} */
let kit;
/** @type {(body: string, status: number, qtype: number) => any} */
let judge;
before(async () => {
  kit = await loadKit();
  judge = (body, status, qtype) => kit.dohAnswer(body, status, qtype);
});

const policyText = 'version: STSv1\nmode: enforce\nmx: mx1.example.test\nmx: *.backup.example.test\nmax_age: 604800\n';

/** A DoH JSON body. */
function dns(name, type, data = [], status = 0, extra = {}) {
  const body = { Status: status, TC: false, RD: true, RA: true, AD: false, CD: false, Question: [{ name: `${name}.`, type }], ...extra };
  if (data.length) body.Answer = data.map((d) => ({ name: `${name}.`, type, TTL: 300, data: d }));
  return JSON.stringify(body);
}

const typeNumber = { TXT: 16, MX: 15, A: 1, AAAA: 28, CNAME: 5, TLSA: 52 };

/** The zone of a correct deployment for example.test. */
function goodZone(name, type) {
  const key = `${name} ${type}`;
  const zone = {
    '_mta-sts.example.test TXT': ['"v=STSv1; id=20240115"'],
    'example.test MX': ['10 mx1.example.test.', '20 a.backup.example.test.'],
    'mta-sts.example.test A': ['192.0.2.10'],
    'mx1.example.test A': ['192.0.2.25'],
    'a.backup.example.test AAAA': ['2001:db8::25'],
    '_smtp._tls.example.test TXT': ['"v=TLSRPTv1; rua=mailto:tls@example.test"'],
    '_dmarc.example.test TXT': ['"v=DMARC1; p=reject; rua=mailto:d@example.test"'],
  };
  if (zone[key]) return dns(name, typeNumber[type], zone[key]);
  if (name.startsWith('_mta_sts') || name.startsWith('_smtp-tlsrpt')) return dns(name, typeNumber[type], [], 3);
  return dns(name, typeNumber[type], []);
}

/**
 * A fake fetch. `handler(url, init, call)` returns a Response, a promise, or
 * throws; every call is recorded.
 */
function fakeFetch(handler) {
  const calls = [];
  const fn = (input, init = {}) => {
    const url = new URL(String(input));
    const call = { url, init };
    calls.push(call);
    try {
      return Promise.resolve(handler(url, init, call));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  fn.calls = calls;
  return fn;
}

/** A promise that rejects when the request's signal aborts, and never resolves otherwise. */
function hang(init) {
  return new Promise((_, reject) => {
    const s = init.signal;
    if (s?.aborted) reject(s.reason);
    s?.addEventListener('abort', () => reject(s.reason ?? new DOMException('aborted', 'AbortError')));
  });
}

const json = (body, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'application/dns-json' } });
const policyResponse = (body = policyText, headers = { 'content-type': 'text/plain; charset=utf-8' }, status = 200) =>
  new Response(body, { status, headers });

/** The DoH part of a fake server: resolver -> (name, type) -> Response. */
function dohServer(url, overrides = {}) {
  const resolver = url.hostname === 'dns.google' ? 'google' : url.hostname === 'cloudflare-dns.com' ? 'cloudflare' : 'custom';
  const name = url.searchParams.get('name');
  const type = url.searchParams.get('type');
  const o = overrides[resolver];
  if (o) {
    const r = o(name, type, url);
    if (r !== undefined) return r;
  }
  return json(goodZone(name, type));
}

function server({ doh = {}, policy = () => policyResponse() } = {}) {
  return fakeFetch((url, init) => {
    if (url.hostname.startsWith('mta-sts.')) return policy(url, init);
    return dohServer(url, doh);
  });
}

describe('normalizeDomain', () => {
  const ok = [
    ['example.com', 'example.com'],
    ['  Example.COM.  ', 'example.com'],
    ['https://www.Example.com/path?q=1', 'www.example.com'],
    ['http://user@mail.example.com:8080/', 'mail.example.com'],
    ['postmaster@example.org', 'example.org'],
    ['mailto:a.b@Example.net', 'example.net'],
    ['example.com/.well-known/mta-sts.txt', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['ÉCOLE.fr', 'xn--cole-9oa.fr'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ];
  for (const [input, domain] of ok) {
    test(`accepts ${JSON.stringify(input)}`, () => {
      const n = normalizeDomain(input);
      assert.equal(n.ok, true, JSON.stringify(n));
      assert.equal(n.domain, domain);
    });
  }
  test('says where the domain came from', () => {
    assert.equal(normalizeDomain('a@example.com').from, 'email');
    assert.equal(normalizeDomain('https://example.com/').from, 'url');
    assert.equal(normalizeDomain('example.com').from, null);
  });
  test('a record name or the policy host typed for the domain checks the domain', () => {
    for (const typed of ['_mta-sts.Example.com', '_smtp._tls.example.com.', '_dmarc.example.com']) {
      assert.deepEqual(normalizeDomain(typed), { ok: true, domain: 'example.com', from: 'owner' }, typed);
    }
    for (const typed of ['mta-sts.example.com', 'https://mta-sts.example.com/.well-known/mta-sts.txt']) {
      assert.deepEqual(normalizeDomain(typed), { ok: true, domain: 'example.com', from: 'policyHost' }, typed);
    }
    // Not a prefix of a domain: left alone (or refused as before).
    assert.equal(normalizeDomain('mta-sts.com').domain, 'mta-sts.com');
    assert.equal(normalizeDomain('_dmarc.com').ok, false);
  });
  const bad = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['user@', 'empty'],
    ['exa mple.com', 'spaces'],
    ['192.0.2.1', 'ip'],
    ['[2001:db8::1]', 'ip'],
    ['2001:db8::1', 'ip'],
    ['example.com:25', 'port'],
    ['localhost', 'single_label'],
    ['com.', 'single_label'],
    ['a..example.com', 'empty_label'],
    ['.example.com', 'empty_label'],
    [`${'a'.repeat(64)}.com`, 'label_length'],
    [`${'abcdefghi.'.repeat(25)}com`, 'too_long'],
    ['exa_mple.com', 'characters'],
    ['exa!mple.com', 'characters'],
    ['-example.com', 'hyphen'],
    ['example-.com', 'hyphen'],
  ];
  for (const [input, code] of bad) {
    test(`rejects ${JSON.stringify(input)} as ${code}`, () => {
      const n = normalizeDomain(input);
      assert.equal(n.ok, false, JSON.stringify(n));
      assert.equal(n.code, code);
    });
  }
  test('gatherFacts rejects an invalid domain before any request', async () => {
    const f = server();
    await assert.rejects(gatherFacts('not a domain', { fetch: f, judge }), (e) => e instanceof DomainError && e.code === 'spaces');
    assert.equal(f.calls.length, 0);
  });
  test('gatherFacts rejects a non-https custom resolver before any request', async () => {
    const f = server();
    await assert.rejects(gatherFacts('example.test', { fetch: f, judge, resolver: 'custom', customUrl: 'http://dns.example/q' }), TypeError);
    assert.equal(f.calls.length, 0);
  });
});

describe('gatherFacts', () => {
  test('issues all twelve lookups and the policy fetch before any answer', async () => {
    const pending = [];
    const f = fakeFetch((url, init) => {
      let resolve;
      const p = new Promise((r) => (resolve = r));
      pending.push(() => resolve(url.hostname.startsWith('mta-sts.') ? policyResponse() : dohServer(url)));
      return p;
    });
    const done = gatherFacts('Example.test', { fetch: f, judge });
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(f.calls.length, 13, 'every request is out before any answer');
    const google = f.calls.filter((c) => c.url.hostname === 'dns.google').map((c) => `${c.url.searchParams.get('name')} ${c.url.searchParams.get('type')}`);
    assert.deepEqual(google.sort(), ['_mta-sts.example.test TXT', 'example.test MX'], 'the comparison questions go to the other resolver');
    const names = f.calls.filter((c) => c.url.hostname === 'cloudflare-dns.com').map((c) => `${c.url.searchParams.get('name')} ${c.url.searchParams.get('type')}`);
    assert.deepEqual(names.sort(), [
      '_dmarc.example.test TXT',
      '_mta-sts.example.test TXT',
      '_mta_sts.example.test TXT',
      '_smtp-tlsrpt.example.test TXT',
      '_smtp._tls.example.test TXT',
      'example.test MX',
      'example.test TXT',
      'mta-sts.example.test A',
      'mta-sts.example.test AAAA',
      'mta-sts.example.test CNAME',
    ]);
    // The first round answers; the MX host round (2 hosts × A/AAAA/TLSA) follows.
    for (const settle of pending.splice(0)) settle();
    for (let i = 0; i < 50 && f.calls.length < 19; i++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(f.calls.length, 19, 'A, AAAA and TLSA of both MX hosts');
    for (const settle of pending.splice(0)) settle();
    const facts = await done;
    assert.equal(facts.domain, 'example.test');
    assert.equal(Object.keys(facts.lookups).length, 12);
    assert.deepEqual(Object.keys(facts.mxHosts).sort(), ['a.backup.example.test', 'mx1.example.test']);
    assert.equal(facts.lookups.stsTxtOther.resolver, 'google');
    assert.equal(facts.lookups.mxOther.resolver, 'google');
    const report = kit.assess(facts);
    assert.equal(report.verdict, 'deployed_ok', JSON.stringify(report.checks.map((c) => c.code)));
  });

  test('sends DoH requests with the JSON accept header, no cache, no credentials, no referrer', async () => {
    const f = server();
    await gatherFacts('example.test', { fetch: f, judge });
    const d = f.calls.find((c) => c.url.hostname === 'cloudflare-dns.com');
    assert.equal(d.url.pathname, '/dns-query');
    assert.equal(new Headers(d.init.headers).get('accept'), 'application/dns-json');
    assert.equal(d.init.cache, 'no-store');
    assert.equal(d.init.credentials, 'omit');
    assert.equal(d.init.referrerPolicy, 'no-referrer');
    assert.ok(d.init.signal instanceof AbortSignal);
    const p = f.calls.find((c) => c.url.hostname === 'mta-sts.example.test');
    assert.equal(p.url.href, 'https://mta-sts.example.test/.well-known/mta-sts.txt');
    assert.equal(p.init.redirect, 'manual');
    assert.equal(p.init.cache, 'no-store');
    assert.equal(p.init.credentials, 'omit');
    assert.equal(p.init.mode, 'cors');
  });

  test('reports progress for every lookup and the policy', async () => {
    const seen = [];
    await gatherFacts('example.test', { fetch: server(), judge, onProgress: (name, raw) => seen.push([name, raw.resolver ?? raw.outcome]) });
    assert.equal(seen.length, 12 + 1 + 1 + 6, '12 lookups, the policy, the host round start, 2 hosts × A/AAAA/TLSA');
    assert.deepEqual(seen.find(([n]) => n === 'policy'), ['policy', 'ok']);
    assert.deepEqual(seen.find(([n]) => n === 'mx'), ['mx', 'cloudflare']);
  });

  test('reads the policy bytes, status and headers', async () => {
    const f = server({ policy: () => policyResponse(policyText, { 'content-type': 'text/plain', 'cache-control': 'max-age=60' }) });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.policy.outcome, 'ok');
    assert.equal(facts.policy.status, 200);
    assert.equal(facts.policy.contentType, 'text/plain');
    assert.equal(facts.policy.cacheControl, 'max-age=60');
    assert.equal(new TextDecoder().decode(facts.policy.body), policyText);
    assert.equal(typeof facts.policy.elapsedMs, 'number');
  });

  test('absent headers read as null', async () => {
    const f = server({ policy: () => ({ type: 'cors', status: 200, headers: new Headers(), body: null, arrayBuffer: async () => new TextEncoder().encode(policyText).buffer }) });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.policy.contentType, null);
    assert.equal(facts.policy.cacheControl, null);
    assert.ok(kit.assess(facts).checks.some((c) => c.code === 'STS-HTTP-008'));
  });
});

describe('resolver fallback', () => {
  const cases = [
    ['SERVFAIL', (name, type) => json(dns(name, typeNumber[type], [], 2)), 'inconclusive', 200],
    ['HTTP 500', () => json('{"error":"oops"}', 500), 'http', 500],
    ['a network error', () => { throw new TypeError('Failed to fetch'); }, 'network', 0],
    ['malformed JSON', () => json('{"Status":0,"Answer":[{"data":""v=STSv1""}]'), 'inconclusive', 200],
  ];
  for (const [what, cloudflare, reason, status] of cases) {
    test(`falls back to Google on ${what} and keeps what Cloudflare said`, async () => {
      const f = server({ doh: { cloudflare } });
      const facts = await gatherFacts('example.test', { fetch: f, judge });
      for (const [name, raw] of Object.entries(facts.lookups)) {
        if (name.endsWith('Other')) continue;
        assert.equal(raw.resolver, 'google');
        assert.equal(raw.conclusive, true);
        assert.equal(raw.fallbackFrom.resolver, 'cloudflare');
        assert.equal(raw.fallbackFrom.reason, reason);
        assert.equal(raw.fallbackFrom.status, status);
      }
      assert.equal(f.calls.length, 2 * 10 + 2 + 1 + 2 * 3, '10 + 10 fallbacks + 2 comparisons + 1 policy fetch + 2 MX hosts × A/AAAA/TLSA asked of Google directly');
      assert.equal(facts.mxHosts['mx1.example.test'].a.resolver, 'google');
      assert.equal(facts.lookups.stsTxtOther.resolver, 'google');
      const report = kit.assess(facts);
      assert.equal(report.verdict, 'deployed_ok');
      assert.equal(report.txtResolver, 'google');
    });
  }

  test('SERVFAIL keeps the first kind for the UI', async () => {
    const f = server({ doh: { cloudflare: (name, type) => json(dns(name, typeNumber[type], [], 2)) } });
    const raw = await lookup('_mta-sts.example.test', 'TXT', { fetch: f, judge });
    assert.equal(raw.fallbackFrom.kind, 'servfail');
    assert.match(raw.fallbackFrom.body, /"Status":2/);
  });

  test('google falls back to cloudflare', async () => {
    const f = server({ doh: { google: () => json('', 503) } });
    const raw = await lookup('example.test', 'MX', { fetch: f, judge, resolver: 'google' });
    assert.equal(raw.resolver, 'cloudflare');
    assert.equal(raw.fallbackFrom.resolver, 'google');
    assert.equal(raw.fallbackFrom.status, 503);
  });

  test('when both fail, the second failure is what the core sees (never "no record")', async () => {
    const f = server({ doh: { cloudflare: () => json('', 502), google: () => { throw new TypeError('Failed to fetch'); } } });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    const sts = facts.lookups.stsTxt;
    assert.equal(sts.resolver, 'google');
    assert.equal(sts.status, 0);
    assert.equal(sts.conclusive, false);
    assert.equal(sts.fallbackFrom.status, 502);
    const report = kit.assess(facts);
    assert.notEqual(report.verdict, 'not_deployed');
    assert.ok(!report.checks.some((c) => c.code === 'CHK-001'), 'a resolver failure is not "not deployed"');
  });

  test('a NXDOMAIN answer is conclusive: no fallback', async () => {
    const f = server();
    const raw = await lookup('_mta_sts.example.test', 'TXT', { fetch: f, judge });
    assert.equal(raw.resolver, 'cloudflare');
    assert.equal(raw.fallbackFrom, undefined);
    assert.equal(f.calls.length, 1);
  });

  test('a custom resolver is asked first, with the same parameters, and falls back to Cloudflare', async () => {
    const customUrl = 'https://doh.example.net/custom/resolve?ct=application/dns-json';
    const f = server({ doh: { custom: (name, type) => (name === 'example.test' && type === 'MX' ? json('nope', 404) : undefined) } });
    const facts = await gatherFacts('example.test', { fetch: f, judge, resolver: 'custom', customUrl });
    const first = f.calls.find((c) => c.url.hostname === 'doh.example.net');
    assert.equal(first.url.pathname, '/custom/resolve');
    assert.equal(first.url.searchParams.get('ct'), 'application/dns-json');
    assert.equal(first.url.searchParams.get('name') !== null, true);
    assert.equal(facts.lookups.stsTxt.resolver, customUrl);
    assert.equal(facts.lookups.mx.resolver, 'cloudflare');
    assert.equal(facts.lookups.mx.fallbackFrom.resolver, customUrl);
    assert.equal(facts.lookups.mx.fallbackFrom.status, 404);
  });

  test('a resolver that never answers times out per request, then the other answers', async () => {
    const f = fakeFetch((url, init) => (url.hostname === 'cloudflare-dns.com' ? hang(init) : dohServer(url)));
    const started = Date.now();
    const raw = await lookup('example.test', 'MX', { fetch: f, judge, timeoutMs: 60 });
    assert.ok(Date.now() - started < 1000);
    assert.equal(raw.resolver, 'google');
    assert.equal(raw.fallbackFrom.reason, 'timeout');
    assert.equal(raw.fallbackFrom.status, 0);
    assert.ok(f.calls[0].init.signal.aborted, 'the timed-out request was aborted');
  });
});

describe('policy fetch', () => {
  test('a timeout gives outcome timeout with elapsedMs', async () => {
    const f = server({ policy: (url, init) => hang(init) });
    const facts = await gatherFacts('example.test', { fetch: f, judge, timeoutMs: 80 });
    assert.equal(facts.policy.outcome, 'timeout');
    assert.ok(facts.policy.elapsedMs >= 70, String(facts.policy.elapsedMs));
    assert.equal(facts.lookups.mx.resolver, 'cloudflare', 'the lookups were not affected');
  });

  test('a body that stalls mid-stream times out too', async () => {
    const f = server({
      policy: (url, init) => {
        const stream = new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('version: STSv1\n'));
            init.signal.addEventListener('abort', () => c.error(init.signal.reason));
          },
        });
        return new Response(stream, { headers: { 'content-type': 'text/plain' } });
      },
    });
    const p = await fetchPolicy('example.test', { fetch: f, timeoutMs: 60 });
    assert.equal(p.outcome, 'timeout');
  });

  test('cuts the body after 65 536 bytes and keeps 65 537 (an endless stream)', async () => {
    let pulled = 0;
    const f = server({
      policy: () =>
        new Response(
          new ReadableStream({
            pull(c) {
              pulled += 1;
              c.enqueue(new Uint8Array(10_000).fill(0x61));
            },
          }),
          { headers: { 'content-type': 'text/plain' } },
        ),
    });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.policy.outcome, 'too_large');
    assert.equal(facts.policy.body.length, 65_537);
    assert.ok(pulled < 20, `stopped reading (${pulled} chunks)`);
    assert.ok(kit.assess(facts).checks.some((c) => c.code === 'STS-HTTP-010'));
  });

  test('exactly 65 536 bytes is not too large', async () => {
    const f = server({ policy: () => policyResponse('a'.repeat(65_536)) });
    const p = await fetchPolicy('example.test', { fetch: f });
    assert.equal(p.outcome, 'ok');
    assert.equal(p.body.length, 65_536);
  });

  test('an opaque redirect is reported as such, not followed', async () => {
    const f = server({ policy: () => ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null }) });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.policy.outcome, 'opaque_redirect');
    assert.equal(f.calls.filter((c) => c.url.hostname.startsWith('mta-sts.')).length, 1);
    assert.ok(kit.assess(facts).checks.some((c) => c.code === 'STS-HTTP-006'));
  });

  test('CORS refused but the host answers: the no-cors probe sees an opaque response', async () => {
    const f = server({
      policy: (url, init) => {
        if (init.mode === 'cors') throw new TypeError('Failed to fetch');
        return { type: 'opaque', status: 0, headers: new Headers(), body: null };
      },
    });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.policy.outcome, 'cors_blocked_but_host_answers');
    const probe = f.calls.filter((c) => c.url.hostname.startsWith('mta-sts.'))[1];
    assert.equal(probe.init.mode, 'no-cors');
    assert.equal(probe.init.redirect, 'follow');
    assert.equal(probe.init.cache, 'no-store');
    assert.equal(probe.init.credentials, 'omit');
    const report = kit.assess(facts);
    assert.equal(report.verdict, 'unverified');
    assert.equal(report.policyUnverified, true);
  });

  test('CORS refused and the probe fails too: network_error', async () => {
    const f = server({ policy: () => { throw new TypeError('Failed to fetch'); } });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.policy.outcome, 'network_error');
    assert.equal(f.calls.filter((c) => c.url.hostname.startsWith('mta-sts.')).length, 2);
  });

  test('the curl command names the exact policy URL', () => {
    assert.equal(curlCommand('example.test'), 'curl -sSv https://mta-sts.example.test/.well-known/mta-sts.txt');
  });
});

describe('cancelling', () => {
  test('a new check aborts the previous one', async () => {
    const f = fakeFetch((url, init) => hang(init));
    const first = new AbortController();
    const p1 = gatherFacts('example.test', { fetch: f, judge, signal: first.signal, timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 5));
    first.abort();
    await assert.rejects(p1, (e) => e.name === 'AbortError');
    assert.ok(f.calls.every((c) => c.init.signal.aborted), 'every request of the first check was aborted');
    assert.equal(f.calls.length, 13, 'no fallback after a cancel');
    const second = new AbortController();
    const facts = await gatherFacts('example.test', { fetch: server(), judge, signal: second.signal });
    assert.equal(facts.policy.outcome, 'ok');
  });

  test('an already aborted signal sends nothing', async () => {
    const f = server();
    const c = new AbortController();
    c.abort();
    await assert.rejects(gatherFacts('example.test', { fetch: f, judge, signal: c.signal }), (e) => e.name === 'AbortError');
    assert.equal(f.calls.length, 0);
  });

  test('requestSignal works without AbortSignal.any', async () => {
    const any = AbortSignal.any;
    try {
      // @ts-ignore
      delete AbortSignal.any;
      const parent = new AbortController();
      const a = requestSignal(parent.signal, 10_000);
      parent.abort();
      assert.equal(a.signal.aborted, true);
      assert.equal(a.timedOut(), false);
      a.done();
      const b = requestSignal(new AbortController().signal, 20);
      await new Promise((r) => setTimeout(r, 40));
      assert.equal(b.signal.aborted, true);
      assert.equal(b.timedOut(), true);
      b.done();
    } finally {
      AbortSignal.any = any;
    }
  });
});

describe('lookupMx (the generator import)', () => {
  const opts = (doh) => ({ fetch: server({ doh }), dohAnswer: (b, s, q) => kit.dohAnswer(b, s, q) });
  test('lists the exchanges by preference, without trailing dots', async () => {
    const r = await lookupMx('Example.test', opts({ cloudflare: (n, t) => (t === 'MX' ? json(dns(n, 15, ['20 B.example.test.', '10 a.example.test.', '20 b.example.test.'])) : undefined) }));
    assert.deepEqual(r, { state: 'ok', hosts: ['a.example.test', 'b.example.test'], domain: 'example.test', resolver: 'cloudflare' });
  });
  test('Null MX', async () => {
    const r = await lookupMx('example.test', opts({ cloudflare: (n) => json(dns(n, 15, ['0 .'])) }));
    assert.equal(r.state, 'null_mx');
  });
  test('no MX', async () => {
    const r = await lookupMx('example.test', opts({ cloudflare: (n) => json(dns(n, 15, [])) }));
    assert.equal(r.state, 'no_mx');
  });
  test('NXDOMAIN', async () => {
    const r = await lookupMx('example.test', opts({ cloudflare: (n) => json(dns(n, 15, [], 3)) }));
    assert.equal(r.state, 'nxdomain');
  });
  test('both resolvers failing', async () => {
    const r = await lookupMx('example.test', opts({ cloudflare: () => json('', 500), google: (n) => json(dns(n, 15, [], 2)) }));
    assert.equal(r.state, 'failed');
  });
});

describe('the comparison lookups (CHK-021)', () => {
  test('a failing comparison resolver never causes a fallback and does not change the verdict', async () => {
    for (const google of [() => json('', 503), () => { throw new TypeError('Failed to fetch'); }, (name, type) => json(dns(name, typeNumber[type], [], 2))]) {
      const f = server({ doh: { google } });
      const facts = await gatherFacts('example.test', { fetch: f, judge });
      assert.equal(facts.lookups.stsTxtOther.resolver, 'google');
      assert.equal(facts.lookups.stsTxtOther.conclusive, false);
      assert.equal(facts.lookups.stsTxtOther.fallbackFrom, undefined);
      assert.equal(facts.lookups.mxOther.fallbackFrom, undefined);
      const cf = f.calls.filter((c) => c.url.hostname === 'cloudflare-dns.com');
      assert.equal(cf.filter((c) => c.url.searchParams.get('name') === '_mta-sts.example.test').length, 1, 'Cloudflare asked once');
      assert.equal(f.calls.filter((c) => c.url.hostname === 'dns.google').length, 2, 'only the two comparison questions');
      const report = kit.assess(facts);
      assert.equal(report.verdict, 'deployed_ok', JSON.stringify(report.checks.map((c) => c.code)));
      assert.ok(!report.checks.some((c) => c.code === 'CHK-021'));
    }
  });

  test('a comparison that hangs times out with the same timeout, without holding the report longer', async () => {
    const f = server({ doh: { google: (name, type, url) => hang(f.calls.find((c) => c.url === url).init) } });
    const started = Date.now();
    const facts = await gatherFacts('example.test', { fetch: f, judge, timeoutMs: 80 });
    assert.ok(Date.now() - started < 1000);
    assert.equal(facts.lookups.stsTxtOther.reason, 'timeout');
    assert.equal(kit.assess(facts).verdict, 'deployed_ok');
  });

  test('Google chosen: the comparison goes to Cloudflare; a custom resolver is compared with Google', async () => {
    let f = server();
    let facts = await gatherFacts('example.test', { fetch: f, judge, resolver: 'google' });
    assert.equal(facts.lookups.stsTxt.resolver, 'google');
    assert.equal(facts.lookups.stsTxtOther.resolver, 'cloudflare');
    assert.equal(facts.lookups.mxOther.resolver, 'cloudflare');
    f = server();
    facts = await gatherFacts('example.test', { fetch: f, judge, resolver: 'custom', customUrl: 'https://doh.example.net/q' });
    assert.equal(facts.lookups.mxOther.resolver, 'google');
  });

  test('the two resolvers disagree on the TXT record: CHK-021', async () => {
    const f = server({ doh: { google: (name, type) => (name === '_mta-sts.example.test' ? json(dns(name, 16, ['"v=STSv1; id=old1"'])) : undefined) } });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.ok(kit.assess(facts).checks.some((c) => c.code === 'CHK-021'));
  });
});

describe('the MX host round (CHK-009)', () => {
  test('starts as soon as the MX answer is in, while the policy fetch is still running', async () => {
    let releasePolicy;
    const policyGate = new Promise((r) => (releasePolicy = r));
    const f = server({ policy: () => policyGate.then(() => policyResponse()) });
    const done = gatherFacts('example.test', { fetch: f, judge });
    const hostCalls = () => f.calls.filter((c) => /^(_25\._tcp\.)?(mx1|a\.backup)\.example\.test$/.test(c.url.searchParams.get('name') ?? ''));
    for (let i = 0; i < 100 && hostCalls().length < 6; i++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(hostCalls().length, 6, 'A, AAAA and TLSA of both hosts asked before the policy answered');
    assert.deepEqual(hostCalls().map((c) => c.url.searchParams.get('type')).sort(), ['A', 'A', 'AAAA', 'AAAA', 'TLSA', 'TLSA']);
    assert.deepEqual(
      hostCalls().filter((c) => c.url.searchParams.get('type') === 'TLSA').map((c) => c.url.searchParams.get('name')).sort(),
      ['_25._tcp.a.backup.example.test', '_25._tcp.mx1.example.test'],
    );
    releasePolicy();
    const facts = await done;
    assert.equal(facts.mxHosts['mx1.example.test'].a.status, 200);
    assert.equal(facts.mxHosts['a.backup.example.test'].aaaa.resolver, 'cloudflare');
  });

  test('TLSA records of an MX host reach the core: DANE reported (CHK-015), signed or not', async () => {
    const tlsa = (/** @type {string} */ name, /** @type {boolean} */ ad) =>
      json(JSON.stringify({ Status: 0, TC: false, RD: true, RA: true, AD: ad, CD: false, Question: [{ name: `${name}.`, type: 52 }],
        Answer: [{ name: `${name}.`, type: 52, TTL: 300, data: '\\# 35 030101aabbccddeeff00112233445566778899aabbccddeeff0011223344556677' }] }));
    const f = server({
      doh: {
        cloudflare: (name) =>
          name === '_25._tcp.mx1.example.test' ? tlsa(name, true) : name === '_25._tcp.a.backup.example.test' ? tlsa(name, false) : undefined,
      },
    });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.mxHosts['mx1.example.test'].tlsa.status, 200);
    const dane = kit.assess(facts).checks.filter((c) => c.code === 'CHK-015' && /TLSA/.test(c.message));
    assert.equal(dane.length, 2, JSON.stringify(dane.map((c) => c.message)));
    assert.ok(dane.some((c) => /mx1\.example\.test publishes DANE/.test(c.message)));
    assert.ok(dane.some((c) => /a\.backup\.example\.test has 1 TLSA.*not in effect/.test(c.message)));
  });

  test('an MX host that is a CNAME alias: CHK-009', async () => {
    const f = server({
      doh: {
        cloudflare: (name, type) => {
          if (name !== 'mx1.example.test') return undefined;
          const t = typeNumber[type];
          return json(JSON.stringify({ Status: 0, TC: false, RD: true, RA: true, AD: false, CD: false, Question: [{ name: `${name}.`, type: t }],
            Answer: [{ name: `${name}.`, type: 5, TTL: 300, data: 'real.example.net.' }, ...(t === 1 ? [{ name: 'real.example.net.', type: 1, TTL: 300, data: '192.0.2.9' }] : [])] }));
        },
      },
    });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    const report = kit.assess(facts);
    assert.ok(report.checks.some((c) => c.code === 'CHK-009'), JSON.stringify(report.checks.map((c) => c.code)));
  });

  test('Null MX and IP literals are skipped; at most ten hosts', async () => {
    let f = server({ doh: { cloudflare: (name, type) => (name === 'example.test' && type === 'MX' ? json(dns(name, 15, ['0 .'])) : undefined) } });
    let facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.mxHosts, undefined);
    const many = Array.from({ length: 14 }, (_, i) => `${i + 1} mx${i + 1}.example.test.`);
    f = server({ doh: { cloudflare: (name, type) => (name === 'example.test' && type === 'MX' ? json(dns(name, 15, ['5 192.0.2.7.', ...many])) : undefined) } });
    facts = await gatherFacts('example.test', { fetch: f, judge });
    const hosts = Object.keys(facts.mxHosts);
    assert.equal(hosts.length, 10);
    assert.ok(!hosts.includes('192.0.2.7'));
    assert.ok(hosts.includes('mx1.example.test') && hosts.includes('mx10.example.test') && !hosts.includes('mx11.example.test'));
  });

  test('after a fallback for MX, the hosts are asked of the resolver that answered', async () => {
    const f = fakeFetch((url, init) => (url.hostname === 'cloudflare-dns.com' ? hang(init) : url.hostname.startsWith('mta-sts.') ? policyResponse() : dohServer(url)));
    const started = Date.now();
    const facts = await gatherFacts('example.test', { fetch: f, judge, timeoutMs: 100 });
    assert.ok(Date.now() - started < 1000);
    assert.equal(facts.mxHosts['mx1.example.test'].a.resolver, 'google');
    assert.equal(facts.mxHosts['mx1.example.test'].a.fallbackFrom, undefined, 'no second timeout');
    const cfHosts = f.calls.filter((c) => c.url.hostname === 'cloudflare-dns.com' && /^(mx1|a\.backup)\./.test(c.url.searchParams.get('name') ?? ''));
    assert.equal(cfHosts.length, 0);
  });

  test('a failed MX lookup asks no host', async () => {
    const f = server({ doh: { cloudflare: () => json('', 500), google: () => json('', 500) } });
    const facts = await gatherFacts('example.test', { fetch: f, judge });
    assert.equal(facts.mxHosts, undefined);
  });
});

describe('the DMARC report destinations (DMARC-021)', () => {
  const external = (/** @type {string} */ name, /** @type {number} */ type) =>
    name === '_dmarc.example.test' && type === 'TXT'
      ? json(dns(name, 16, ['"v=DMARC1; p=reject; rua=mailto:d@example.test,mailto:agg@reports.vendor.example; ruf=mailto:f@other.example"']))
      : name === 'example.test._report._dmarc.reports.vendor.example'
        ? json(dns(name, 16, ['"v=DMARC1"']))
        : name === 'example.test._report._dmarc.other.example'
          ? json(dns(name, 16, [], 3))
          : undefined;
  /**
   * One check of example.test whose DMARC record sends reports to two other domains.
   * @param {Record<string, unknown>} [extra] more gatherFacts options
   */
  const gatherExternal = async (extra = {}) => {
    const f = server({ doh: { cloudflare: external } });
    const facts = await gatherFacts('example.test', {
      fetch: f,
      judge,
      reportDestinations: (d, record) => kit.dmarcExternalDestinations(d, record),
      ...extra,
    });
    return { f, facts };
  };

  test('the core names the external destinations; each authorisation is asked in the second round and judged', async () => {
    const { f, facts } = await gatherExternal();
    const asked = f.calls.map((c) => c.url.searchParams.get('name')).filter((n) => /_report\._dmarc\./.test(n ?? '')).sort();
    assert.deepEqual(asked, ['example.test._report._dmarc.other.example', 'example.test._report._dmarc.reports.vendor.example']);
    assert.deepEqual(Object.keys(facts.dmarcAuth ?? {}).sort(), ['other.example', 'reports.vendor.example']);
    const report = kit.assess(facts);
    const warnings = report.checks.filter((c) => c.code === 'DMARC-021');
    assert.equal(warnings.length, 1, JSON.stringify(report.checks.map((c) => c.code)));
    assert.equal(warnings[0].severity, 'warning');
    assert.match(warnings[0].message, /other\.example/);
  });

  test('deferred: the first round resolves without them, secondRoundDone brings them', async () => {
    const { facts } = await gatherExternal({ deferSecondRound: true });
    assert.equal(facts.dmarcAuth, undefined);
    const round = await facts.secondRoundDone;
    assert.deepEqual(Object.keys(round?.dmarcAuth ?? {}).sort(), ['other.example', 'reports.vendor.example']);
    assert.ok(round?.mxHosts?.['mx1.example.test']);
  });

  test('progress: the destinations asked, then each answer as it arrives', async () => {
    /** @type {[string, any][]} */
    const events = [];
    await gatherExternal({
      onProgress: (/** @type {string} */ name, /** @type {any} */ value) => {
        if (name === 'dmarcAuth' || name === 'dmarcAuthHost') events.push([name, value]);
      },
    });
    assert.equal(events[0][0], 'dmarcAuth');
    assert.deepEqual(
      events[0][1].destinations.map((/** @type {any} */ x) => x.name).sort(),
      ['example.test._report._dmarc.other.example', 'example.test._report._dmarc.reports.vendor.example'],
    );
    const answers = events.slice(1);
    assert.equal(answers.length, 2);
    assert.ok(answers.every(([name, v]) => name === 'dmarcAuthHost' && v.lookup.conclusive));
    assert.deepEqual(answers.map(([, v]) => v.host).sort(), ['other.example', 'reports.vendor.example']);
  });

  test('without reportDestinations, or when it fails, nothing more is asked', async () => {
    for (const reportDestinations of [undefined, () => Promise.reject(new Error('worker gone'))]) {
      const f = server({ doh: { cloudflare: external } });
      const facts = await gatherFacts('example.test', { fetch: f, judge, reportDestinations });
      assert.equal(facts.dmarcAuth, undefined);
      assert.ok(!f.calls.some((c) => /_report\._dmarc\./.test(c.url.searchParams.get('name') ?? '')));
    }
  });
});
