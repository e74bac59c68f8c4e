// @ts-check
// A DNS-over-HTTPS JSON endpoint for the live e2e tests, answering the way
// Cloudflare (`GET /dns-query`, `accept: application/dns-json`) and Google
// (`GET /resolve`) do, from the authoritative knotd of the tests (raw DNS over
// UDP: real TTLs, rcodes and TXT string boundaries). Rules: spec §11 (DOH-*).
//
//   node e2e/live/doh-server.mjs build/e2e-live/doh.json
//
// Listeners (from the config): cloudflare-dns.com and dns.google on their own
// loopback addresses, port 443, HTTP/2 and HTTP/1.1 over TLS; and a plain-HTTP
// control listener on 127.0.0.1:
//   GET  /health                → 200 "ok"
//   POST /control {delayMs?, down?: ['cloudflare'|'google'], faults?: {cloudflare?: {<name suffix>: fault}}}
//   POST /reset                 → no delay, every listener up, no extra faults
//   GET  /log                   → the last requests [{resolver, name, type, fault, ms}]
//   GET  /delay                 → nginx's delaying upstream: waits X-Delay-Ms + delayMs, then
//                                 answers `X-Accel-Redirect: @serve` (nginx serves the real response)
// Faults (cloudflare only, by default from FAULT_LABELS in scenarios.mjs):
//   servfail · reset (stream/connection reset) · hang (never answers) · malformed (not JSON) · http500

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { constants as h2c, createSecureServer } from 'node:http2';
import { query, typeNumber, TYPES } from './dns-wire.mjs';
import { FAULT_LABELS, SPLIT, XSS, ZONE } from './scenarios.mjs';

/**
 * @typedef {{ cert: string, key: string,
 *   listeners: { cloudflare: { host: string, port: number }, google: { host: string, port: number } },
 *   control: { host: string, port: number }, dns: { server: string, port: number } }} Config
 * @typedef {'servfail' | 'reset' | 'hang' | 'malformed' | 'http500'} Fault
 */

const config = /** @type {Config} */ (JSON.parse(readFileSync(process.argv[2], 'utf8')));

/** Mutable test state; /reset puts it back. */
const state = {
  delayMs: 0,
  /** @type {Set<string>} */
  down: new Set(),
  /** @type {Record<string, Record<string, Fault>>} */
  faults: { cloudflare: {}, google: {} },
};
/** @type {{ resolver: string, name: string, type: number, fault: string, ms: number, at: number }[]} */
const log = [];

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The fault for a query name on one side, if any.
 * @param {'cloudflare' | 'google'} resolver
 * @param {string} name lower case, no trailing dot
 * @returns {Fault | null}
 */
function faultFor(resolver, name) {
  /** @type {Record<string, Fault>} */
  const table = { ...state.faults[resolver] };
  if (resolver === 'cloudflare') {
    for (const [label, f] of Object.entries(FAULT_LABELS)) table[`${label}.${ZONE}`] = /** @type {Fault} */ (f);
  }
  for (const [suffix, f] of Object.entries(table)) {
    if (name === suffix || name.endsWith(`.${suffix}`)) return f;
  }
  return null;
}

/** RFC 1035 name checks as Google documents them (400 for `.x`, `x..y`, empty). */
function validName(/** @type {string} */ name) {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  if (n.length < 1 || n.length > 253) return false;
  return n.split('.').every((l) => l.length >= 1 && l.length <= 63);
}

/**
 * Resolves like a recursive resolver: asks knot and follows CNAME chains
 * across zones (knot only follows in-zone ones). Out-of-zone names (knot
 * says REFUSED) read as NXDOMAIN, as the root would say for `.test`.
 * @param {string} name
 * @param {number} type
 */
async function resolve(name, type) {
  /** @type {import('./dns-wire.mjs').Rr[]} */
  const answer = [];
  let target = name.endsWith('.') ? name : `${name}.`;
  for (let hop = 0; hop < 8; hop++) {
    const m = await query({ server: config.dns.server, port: config.dns.port, name: target, type });
    const rcode = m.rcode === 5 ? 3 : m.rcode;
    answer.push(...m.answer.filter((rr) => !answer.some((a) => a.name === rr.name && a.type === rr.type && a.data === rr.data)));
    const hasTarget = m.answer.some((rr) => rr.type === type);
    const last = answer.filter((rr) => rr.type === TYPES.CNAME).at(-1);
    if (rcode !== 0 || hasTarget || type === TYPES.CNAME || !last || last.data.toLowerCase() === target.toLowerCase()) {
      return { rcode, tc: m.flags.tc, answer, authority: m.authority };
    }
    target = last.data;
  }
  return { rcode: 2, tc: false, answer, authority: [] };
}

/**
 * One answer object in the resolver's style (DOH-005: Cloudflare quotes TXT
 * strings, Google gives them unquoted and concatenated).
 * @param {'cloudflare' | 'google'} resolver
 * @param {import('./dns-wire.mjs').Rr} rr
 */
function rrJson(resolver, rr) {
  let data = rr.data;
  if (rr.type === TYPES.TXT && resolver === 'google' && rr.strings) {
    data = rr.strings.map((s) => s.toString('utf8')).join('');
  }
  return { name: rr.name, type: rr.type, TTL: rr.ttl, data };
}

/**
 * @param {'cloudflare' | 'google'} resolver
 * @param {import('node:http2').Http2ServerRequest} req
 * @param {import('node:http2').Http2ServerResponse} res
 */
async function handle(resolver, req, res) {
  const started = Date.now();
  const url = new URL(req.url, 'https://x');
  /** @type {Record<string, string>} */
  const cors = { 'access-control-allow-origin': '*' };
  /** @param {number} status @param {string} body @param {string} [type] */
  const send = (status, body, type = resolver === 'cloudflare' ? 'application/dns-json' : 'application/json; charset=UTF-8') => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { ...cors, 'content-type': type, 'cache-control': 'max-age=0' });
    res.end(body);
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'accept' });
    res.end();
    return;
  }
  const path = resolver === 'cloudflare' ? '/dns-query' : '/resolve';
  if (url.pathname !== path || req.method !== 'GET') return send(404, '{"error":"not found"}');
  if (resolver === 'cloudflare') {
    const accept = String(req.headers.accept ?? '');
    if (!accept.includes('application/dns-json') && url.searchParams.get('ct') !== 'application/dns-json') {
      return send(400, '{"error":"send accept: application/dns-json"}');
    }
  }
  const rawName = url.searchParams.get('name') ?? '';
  const type = typeNumber(url.searchParams.get('type') ?? 'A');
  if (!validName(rawName) || !(type >= 1 && type <= 65535)) {
    return send(400, JSON.stringify({ error: 'Invalid name or type' }));
  }
  const name = rawName.toLowerCase().replace(/\.$/, '');
  const fault = faultFor(resolver, name);
  log.push({ resolver, name, type, fault: fault ?? '', ms: 0, at: started });
  const entry = log.at(-1);
  if (log.length > 2000) log.splice(0, log.length - 2000);
  if (state.delayMs > 0) await sleep(state.delayMs);
  if (fault === 'hang') return; // the client's timeout must fire
  if (fault === 'reset') {
    if (req.stream && typeof req.stream.close === 'function' && req.httpVersionMajor === 2) {
      req.stream.close(h2c.NGHTTP2_INTERNAL_ERROR);
    } else {
      req.socket.destroy();
    }
    return;
  }
  if (fault === 'http500') return send(500, 'Internal Server Error', 'text/plain');
  if (fault === 'malformed') {
    // Cloudflare once emitted unescaped quotes in `data` (DOH-002).
    return send(200, `{"Status":0,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,"Question":[{"name":"${name}.","type":${type}}],"Answer":[{"name":"${name}.","type":${type},"TTL":300,"data":""v=STSv1; id=1""}]`);
  }
  /** @type {Record<string, unknown>} */
  let body;
  if (fault === 'servfail') {
    body = { Status: 2, TC: false, RD: true, RA: true, AD: false, CD: false, Question: [{ name: `${name}.`, type }],
      Comment: 'EDE(22): No Reachable Authority (at delegation example.test.)' };
  } else {
    let r;
    try {
      r = await resolve(name, type);
    } catch (e) {
      r = { rcode: 2, tc: false, answer: [], authority: [] };
    }
    body = {
      Status: r.rcode, TC: r.tc, RD: true, RA: true, AD: false, CD: url.searchParams.get('cd') === '1' || url.searchParams.get('cd') === 'true',
      Question: [{ name: `${name}.`, type }],
    };
    if (r.answer.length) body.Answer = r.answer.map((rr) => rrJson(resolver, rr));
    if (r.authority.length && !r.answer.length) body.Authority = r.authority.map((rr) => rrJson(resolver, rr));
    if (resolver === 'google') body.Comment = `Response from ${config.dns.server}.`;
    // The two resolvers disagree on this name (CHK-021): Google serves other TXT data.
    if (resolver === 'google' && name === SPLIT.name && type === TYPES.TXT && Array.isArray(body.Answer)) {
      body.Answer = body.Answer.map((rr) => (/** @type {any} */ (rr).type === TYPES.TXT ? { .../** @type {any} */ (rr), data: SPLIT.google } : rr));
    }
    // DOH-011: Comment is free text the page may show; make it hostile for the XSS scenario.
    if (name === `xss.${ZONE}` || name.endsWith(`.xss.${ZONE}`)) body.Comment = `${XSS.img} ${XSS.textarea}`;
  }
  if (entry) entry.ms = Date.now() - started;
  send(200, JSON.stringify(body));
}

const tls = { cert: readFileSync(config.cert), key: readFileSync(config.key), allowHTTP1: true };

/** @type {Record<'cloudflare' | 'google', { server: import('node:http2').Http2SecureServer, sockets: Set<import('node:net').Socket>, listening: boolean }>} */
const resolvers = /** @type {any} */ ({});
for (const which of /** @type {const} */ (['cloudflare', 'google'])) {
  const server = createSecureServer(tls, (req, res) => {
    handle(which, req, res).catch((e) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
        res.end(String(e));
      }
    });
  });
  const sockets = new Set();
  server.on('secureConnection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('sessionError', () => {});
  server.on('tlsClientError', () => {});
  resolvers[which] = { server, sockets, listening: false };
}

/** @param {'cloudflare' | 'google'} which */
function listen(which) {
  const r = resolvers[which];
  if (r.listening) return Promise.resolve();
  const { host, port } = config.listeners[which];
  return new Promise((ok, fail) => {
    r.server.once('error', fail);
    r.server.listen(port, host, () => {
      r.server.off('error', fail);
      r.listening = true;
      ok(undefined);
    });
  });
}

/** Connection refused from now on: stop listening and drop open connections. @param {'cloudflare' | 'google'} which */
function takeDown(which) {
  const r = resolvers[which];
  if (!r.listening) return Promise.resolve();
  r.listening = false;
  const closed = new Promise((ok) => r.server.close(() => ok(undefined)));
  for (const s of r.sockets) s.destroy();
  return closed;
}

/** @param {import('node:http').IncomingMessage} req */
async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

const control = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  /** @param {number} status @param {unknown} body */
  const json = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  try {
    if (url.pathname === '/health') return json(200, { ok: true, pid: process.pid });
    if (url.pathname === '/log') return json(200, log);
    if (url.pathname === '/delay') {
      // nginx's delaying upstream for the policy hosts.
      const extra = Number(req.headers['x-delay-ms'] ?? 0) || 0;
      const ms = extra + state.delayMs;
      if (ms > 0) await sleep(ms);
      if (res.destroyed) return;
      res.writeHead(200, { 'x-accel-redirect': '@serve', 'content-length': '0' });
      res.end();
      return;
    }
    if (url.pathname === '/reset' && req.method === 'POST') {
      state.delayMs = 0;
      state.faults = { cloudflare: {}, google: {} };
      state.down.clear();
      log.length = 0;
      await Promise.all([listen('cloudflare'), listen('google')]);
      return json(200, { ok: true });
    }
    if (url.pathname === '/control' && req.method === 'POST') {
      const body = await readJson(req);
      if (typeof body.delayMs === 'number') state.delayMs = body.delayMs;
      if (body.faults) state.faults = { cloudflare: {}, google: {}, ...body.faults };
      if (Array.isArray(body.down)) {
        for (const which of /** @type {const} */ (['cloudflare', 'google'])) {
          if (body.down.includes(which)) {
            state.down.add(which);
            await takeDown(which);
          } else {
            state.down.delete(which);
            await listen(which);
          }
        }
      }
      return json(200, { ok: true, delayMs: state.delayMs, down: [...state.down] });
    }
    json(404, { error: 'not found' });
  } catch (e) {
    json(500, { error: String(e) });
  }
});

try {
  await Promise.all([listen('cloudflare'), listen('google')]);
  await new Promise((ok, fail) => {
    control.once('error', fail);
    control.listen(config.control.port, config.control.host, () => ok(undefined));
  });
} catch (e) {
  const err = /** @type {NodeJS.ErrnoException} */ (e);
  console.error(`doh-server: cannot listen: ${err.message}` +
    (err.code === 'EADDRINUSE' ? ' (another process holds the port: ss -ltnp)' : '') +
    (err.code === 'EACCES' ? ' (port 443 needs root or CAP_NET_BIND_SERVICE)' : ''));
  process.exit(1);
}
console.log(`doh-server: ready (pid ${process.pid})`);
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
