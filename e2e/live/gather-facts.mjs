// @ts-check
// Smoke check of the live servers without a browser: gathers the checker's
// facts for each scenario the way the page does (ten DoH lookups with
// Cloudflare → Google fallback, the policy fetch with the browser's CORS,
// redirect, size and timeout semantics), runs the real judge (`kit.assess`
// from dist/kit.mjs) and prints the verdict and codes. Used to derive and
// cross-check the expectations of checker-live.spec.mjs.
//
//   node e2e/live/gather-facts.mjs [scenario ...]        (starts and stops the servers)
//   node e2e/live/gather-facts.mjs --running [scenario]  (servers already started)
//   add --json for the raw assessment

import { request } from 'node:https';
import { fileURLToPath } from 'node:url';
import { loadKit } from '../../dist/kit.mjs';
import { ADDRESSES, startServers, stopServers } from './servers.mjs';
import { SCENARIOS, ZONE } from './scenarios.mjs';

/** The browser's host mapping (Chromium --host-resolver-rules). @param {string} host */
function mapHost(host) {
  if (host === 'cloudflare-dns.com') return ADDRESSES.cloudflare;
  if (host === 'dns.google') return ADDRESSES.google;
  if (SCENARIOS.some((s) => s.unresolvableHost && host === `mta-sts.${s.name}.${ZONE}`)) return null;
  if (host.endsWith(`.${ZONE}`)) return ADDRESSES.nginx;
  return null;
}

/**
 * GET with the mapping above; resolves to status, headers and up to `limit` body bytes.
 * @param {string} url @param {{ headers?: Record<string, string>, timeoutMs?: number, limit?: number }} [o]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer, truncated: boolean }>}
 */
function get(url, o = {}) {
  const u = new URL(url);
  const ip = mapHost(u.hostname);
  return new Promise((ok, fail) => {
    if (!ip) return fail(Object.assign(new Error(`ENOTFOUND ${u.hostname}`), { code: 'ENOTFOUND' }));
    const req = request(
      { host: ip, servername: u.hostname, path: u.pathname + u.search, headers: { host: u.hostname, ...o.headers },
        rejectUnauthorized: false, timeout: o.timeoutMs ?? 10_000 },
      (res) => {
        const chunks = [];
        let n = 0;
        const limit = o.limit ?? Infinity;
        res.on('data', (c) => {
          chunks.push(c);
          n += c.length;
          if (n > limit) {
            res.destroy();
            ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).subarray(0, limit + 1), truncated: true });
          }
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated: false }));
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', fail);
    req.end();
  });
}

/** Lookup name → [query name, type]. @param {string} d */
export function lookupsFor(d) {
  return /** @type {const} */ ({
    stsTxt: [`_mta-sts.${d}`, 16], mx: [d, 15], hostA: [`mta-sts.${d}`, 1], hostAaaa: [`mta-sts.${d}`, 28],
    hostCname: [`mta-sts.${d}`, 5], tlsRpt: [`_smtp._tls.${d}`, 16], dmarc: [`_dmarc.${d}`, 16], apexTxt: [d, 16],
    stsUnderscore: [`_mta_sts.${d}`, 16], tlsRptWrong: [`_smtp-tlsrpt.${d}`, 16],
  });
}

/**
 * @param {import('../../dist/kit.mjs').Kit} kit
 * @param {string} domain
 * @param {{ timeoutMs?: number }} [o]
 */
export async function gatherFacts(kit, domain, o = {}) {
  const timeoutMs = o.timeoutMs ?? 3000;
  /** @type {Record<string, { resolver: string, status: number, body: string }>} */
  const lookups = {};
  const resolvers = /** @type {const} */ ([
    ['cloudflare', (/** @type {string} */ n, /** @type {number} */ t) => `https://cloudflare-dns.com/dns-query?name=${n}&type=${t}`],
    ['google', (/** @type {string} */ n, /** @type {number} */ t) => `https://dns.google/resolve?name=${n}&type=${t}`],
  ]);
  /** @type {Record<string, { a?: object, aaaa?: object }>} */
  const mxHosts = {};
  /** @param {string} name @param {number} type @param {readonly (typeof resolvers[number])[]} order */
  const ask = async (name, type, order) => {
    let out = { resolver: '', status: 0, body: '' };
    for (const [resolver, url] of order) {
      let status = 0, body = '';
      try {
        const r = await get(url(name, type), { headers: { accept: 'application/dns-json' }, timeoutMs });
        status = r.status;
        body = r.body.toString('utf8');
      } catch {
        // status 0: failed, timed out or refused
      }
      out = { resolver, status, body };
      if (kit.dohAnswer(body, status, type).conclusive) break;
    }
    return out;
  };
  const doLookups = Object.entries(lookupsFor(domain)).map(async ([key, [name, type]]) => {
    lookups[key] = await ask(name, type, resolvers);
    if (key !== 'mx') return;
    // The page's second round: A/AAAA (CHK-009) and TLSA _25._tcp.<host> (DANE, CHK-015)
    // of each MX host, from the resolver that answered.
    const answer = kit.dohAnswer(lookups.mx.body, lookups.mx.status, 15);
    const order = lookups.mx.resolver === 'google' ? [resolvers[1], resolvers[0]] : resolvers;
    const hosts = answer.conclusive ? answer.records.filter((r) => r.type === 15 && !r.nullMx).map((r) => r.text).slice(0, 10) : [];
    await Promise.all(hosts.map(async (h) => {
      const [a, aaaa, tlsa] = await Promise.all([ask(h, 1, order), ask(h, 28, order), ask(`_25._tcp.${h}`, 52, order)]);
      mxHosts[h] = { a, aaaa, tlsa };
    }));
  });
  // The comparison questions asked of Google only (CHK-021).
  const doOther = [['stsTxtOther', `_mta-sts.${domain}`, 16], ['mxOther', domain, 15]].map(async ([key, name, type]) => {
    lookups[/** @type {string} */ (key)] = await ask(/** @type {string} */ (name), /** @type {number} */ (type), [resolvers[1]]);
  });
  const doPolicy = (async () => {
    const url = `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
    const started = Date.now();
    try {
      const r = await get(url, { timeoutMs, limit: 65536 });
      const cors = r.headers['access-control-allow-origin'] === '*';
      if (!cors) return { outcome: 'cors_blocked_but_host_answers' };
      if (r.status >= 300 && r.status < 400) return { outcome: 'opaque_redirect', status: 0 };
      return {
        outcome: r.truncated ? 'too_large' : 'ok', status: r.status,
        contentType: r.headers['content-type'] ?? null, cacheControl: r.headers['cache-control'] ?? null,
        body: new Uint8Array(r.body), elapsedMs: Date.now() - started,
      };
    } catch (e) {
      const code = /** @type {any} */ (e).code;
      return { outcome: code === 'ETIMEDOUT' ? 'timeout' : 'network_error', elapsedMs: Date.now() - started };
    }
  })();
  const [, , policy] = await Promise.all([Promise.all(doLookups), Promise.all(doOther), doPolicy]);
  return { domain, lookups, mxHosts, policy };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const running = args.includes('--running');
  const asJson = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  const kit = await loadKit();
  if (!running) await startServers();
  try {
    for (const s of SCENARIOS.filter((x) => !names.length || names.includes(x.name))) {
      const facts = await gatherFacts(kit, `${s.name}.${ZONE}`, { timeoutMs: s.name === 'cfhang' || s.name === 'slow' ? 2000 : 5000 });
      const a = kit.assess(/** @type {any} */ (facts));
      if (asJson) {
        console.log(JSON.stringify({ facts: { ...facts, policy: { ...facts.policy, body: undefined } }, assessment: a }, null, 2));
        continue;
      }
      const codes = a.checks.map((c) => `${c.code}:${c.severity[0]}`).join(' ');
      const resolvers = Object.entries(facts.lookups).filter(([, l]) => l.resolver !== 'cloudflare').map(([k]) => k);
      console.log(`${s.name.padEnd(15)} ${a.verdict.padEnd(12)} policy=${facts.policy.outcome} txtResolver=${a.txtResolver}` +
        `${resolvers.length ? ` google:${resolvers.length}` : ''}\n    ${codes}`);
    }
  } finally {
    if (!running) await stopServers({ owner: process.pid });
  }
}
