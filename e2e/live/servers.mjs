// @ts-check
// Starts and stops the live checker's real servers on loopback, generating
// their files under build/e2e-live/ from the committed templates and the
// scenario table:
//   knotd   127.0.0.1:5353 (or the next free port)  zones example.test, provider.test
//   DoH     cloudflare-dns.com → 127.0.0.2:443, dns.google → 127.0.0.3:443 (doh-server.mjs),
//           plus its control/delay listener on 127.0.0.1:<free port>
//   nginx   127.0.0.1:443  mta-sts.<scenario>.example.test (policy hosts)
// Every process is started detached with its PID recorded in
// build/e2e-live/state.json; stopServers() kills exactly those PIDs (and
// startServers() first stops whatever a crashed run left behind).
//
//   node e2e/live/servers.mjs start|stop|status

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { connect } from 'node:tls';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { query, TYPES } from './dns-wire.mjs';
import { PROVIDER_DNS, PROVIDER_ZONE, SCENARIOS, ZONE, policyHosts } from './scenarios.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const DIR = join(ROOT, 'build/e2e-live');
const STATE = join(DIR, 'state.json');

export const ADDRESSES = { nginx: '127.0.0.1', cloudflare: '127.0.0.2', google: '127.0.0.3' };

/**
 * Chromium's --host-resolver-rules: the test domains to nginx, the public
 * resolvers' names to our DoH server; a host that must not exist fails to resolve.
 */
export function hostResolverRules() {
  const missing = SCENARIOS.filter((s) => s.unresolvableHost).map((s) => `MAP mta-sts.${s.name}.${ZONE} ~NOTFOUND`);
  return [
    ...missing,
    `MAP *.${ZONE} ${ADDRESSES.nginx}`,
    `MAP cloudflare-dns.com ${ADDRESSES.cloudflare}`,
    `MAP dns.google ${ADDRESSES.google}`,
  ].join(', ');
}

/**
 * @typedef {{ knotPort: number, controlPort: number, pids: { knot?: number, doh?: number, nginx?: number },
 *             owner: number, startedAt: string }} LiveState
 */

class SetupError extends Error {}

const hint = 'run `bash scripts/setup.sh` (as root) to install nginx, knot and knot-dnsutils';

/** @param {string} bin */
function need(bin) {
  for (const d of ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin']) {
    if (existsSync(join(d, bin))) return join(d, bin);
  }
  throw new SetupError(`live e2e: \`${bin}\` is missing: ${hint}`);
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Can we listen on host:port (TCP, and UDP when asked)?
 * @param {string} host @param {number} port @param {boolean} [udp]
 * @returns {Promise<string | null>} null when free, else the error code
 */
function probePort(host, port, udp = false) {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', (/** @type {NodeJS.ErrnoException} */ e) => ok(e.code ?? 'error'));
    s.listen(port, host, () =>
      s.close(() => {
        if (!udp) return ok(null);
        const u = createSocket('udp4');
        u.once('error', (/** @type {NodeJS.ErrnoException} */ e) => {
          u.close();
          ok(e.code ?? 'error');
        });
        u.bind(port, host, () => u.close(() => ok(null)));
      }),
    );
  });
}

/** A free TCP port chosen by the kernel. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The command line of a PID (to never kill a PID the kernel reused for something else). @param {number} pid */
function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** @returns {LiveState | null} */
export function readState() {
  try {
    return JSON.parse(readFileSync(STATE, 'utf8'));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Generated files

/** @param {string} file @param {Record<string, string>} vars */
function fill(file, vars) {
  let text = readFileSync(join(here, 'templates', file), 'utf8');
  for (const [k, v] of Object.entries(vars)) text = text.split(`@${k}@`).join(v);
  return text;
}

/** Self-signed certificate for every test host name (and the resolvers' names). */
function makeCertificate() {
  const dir = join(DIR, 'tls');
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const names = ['cloudflare-dns.com', 'dns.google', `*.${ZONE}`, ...policyHosts()];
  const sans = names.map((n) => `DNS:${n}`).join(',');
  const stamp = join(dir, 'sans.txt');
  if (existsSync(cert) && existsSync(key) && existsSync(stamp) && readFileSync(stamp, 'utf8') === sans) return { cert, key };
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=MTA-STS Kit live e2e',
      '-addext', `subjectAltName=${sans}`, '-keyout', key, '-out', cert], { stdio: 'pipe' });
  } catch (e) {
    throw new SetupError(`live e2e: openssl failed to make the test certificate: ${String(/** @type {any} */ (e).stderr ?? e)}`);
  }
  writeFileSync(stamp, sans);
  return { cert, key };
}

/** @param {string} origin @param {string[]} lines */
function zoneFile(origin, lines) {
  return [
    `$ORIGIN ${origin}.`,
    '$TTL 300',
    `@ 3600 SOA ns.${origin}. hostmaster.${origin}. 2024011501 3600 600 86400 300`,
    `@ 3600 NS ns.${origin}.`,
    'ns A 127.0.0.1',
    ...lines,
    '',
  ].join('\n');
}

/** @param {number} knotPort */
function writeKnot(knotPort) {
  const dir = join(DIR, 'knot');
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['run', 'db', 'zones']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'zones', `${ZONE}.zone`), zoneFile(ZONE, SCENARIOS.flatMap((s) => s.dns)));
  writeFileSync(join(dir, 'zones', `${PROVIDER_ZONE}.zone`), zoneFile(PROVIDER_ZONE, PROVIDER_DNS));
  const conf = join(dir, 'knot.conf');
  writeFileSync(conf, fill('knot.conf.in', { DIR: dir, PORT: String(knotPort) }));
  return conf;
}

/** A 70 KB policy-looking body (valid lines, far over 64 KiB). @param {number} bytes */
function bigBody(bytes) {
  let s = 'version: STSv1\nmode: enforce\nmx: mx1.big.example.test\nmx: mx2.big.example.test\nmax_age: 1209600\n';
  let i = 0;
  while (s.length < bytes) s += `ext${i++}: ${'x'.repeat(60)}\n`;
  return s.slice(0, bytes - 1) + '\n';
}

/** @param {{ cert: string, key: string }} tls @param {number} controlPort */
function writeNginx(tls, controlPort) {
  const dir = join(DIR, 'nginx');
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['tmp', 'www']) mkdirSync(join(dir, d), { recursive: true });
  const blocks = [];
  for (const s of SCENARIOS) {
    const h = s.host;
    if (!h) continue;
    const root = join(dir, 'www', s.name);
    mkdirSync(join(root, '.well-known'), { recursive: true });
    const status = h.status ?? 200;
    if (status === 200) {
      writeFileSync(join(root, '.well-known', 'mta-sts.txt'), h.bodyBytes ? bigBody(h.bodyBytes) : (h.body ?? ''));
    }
    const serve = [
      `root ${root};`,
      `default_type ${h.contentType ?? 'text/plain'};`,
      ...(h.cors === false ? [] : ['add_header Access-Control-Allow-Origin "*" always;']),
      `add_header Cache-Control "${h.cacheControl ?? 'max-age=60'}" always;`,
      ...(status >= 300 && status < 400 ? [`return ${status} ${h.location};`] : []),
      ...(status >= 400 ? [`return ${status} ${JSON.stringify(h.body ?? '')};`] : []),
    ];
    blocks.push(`    server {
        listen 127.0.0.1:443 ssl http2;
        server_name mta-sts.${s.name}.${ZONE};
        # Every answer goes through the delaying upstream (doh-server.mjs /delay),
        # which hands back to @serve after X-Delay-Ms (+ the benchmark's delay).
        location = /.well-known/mta-sts.txt {
            proxy_pass http://127.0.0.1:${controlPort}/delay;
            proxy_set_header X-Delay-Ms ${h.delayMs ?? 0};
            proxy_pass_request_body off;
            proxy_read_timeout 120s;
        }
        location @serve {
            ${serve.join('\n            ')}
        }
        location / {
            return 404;
        }
    }`);
  }
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, fill('nginx.conf.in', { DIR: dir, CERT: tls.cert, KEY: tls.key, SERVERS: blocks.join('\n\n') }));
  return conf;
}

// ---------------------------------------------------------------------------
// Processes

/**
 * @param {string} name
 * @param {string} bin
 * @param {string[]} args
 */
function launch(name, bin, args) {
  const out = openSync(join(DIR, `${name}.out.log`), 'w');
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', out, out], cwd: ROOT });
  child.unref();
  if (!child.pid) throw new SetupError(`live e2e: could not start ${bin}`);
  return child.pid;
}

/** @param {string} name */
function logTail(name) {
  try {
    return readFileSync(join(DIR, `${name}.out.log`), 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/**
 * Polls `probe` until it resolves truthy, the process dies or the time is up.
 * @param {string} name @param {number} pid @param {() => Promise<boolean>} probe
 */
async function waitReady(name, pid, probe, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive(pid)) throw new SetupError(`live e2e: ${name} exited at start:\n${logTail(name)}`);
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    await sleep(50);
  }
  throw new SetupError(`live e2e: ${name} not ready after ${timeoutMs} ms:\n${logTail(name)}`);
}

/** @param {string} host @param {string} servername @param {number} port */
function tlsProbe(host, servername, port = 443) {
  return new Promise((ok) => {
    const s = connect({ host, port, servername, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }, () => {
      s.end();
      ok(true);
    });
    s.on('error', () => ok(false));
    s.setTimeout(1000, () => {
      s.destroy();
      ok(false);
    });
  });
}

/**
 * Stops the servers recorded in state.json (QUIT for nginx, TERM for the
 * others), waits for them to exit, then removes the state.
 * @param {{ owner?: number }} [o] when given, leave alone servers that another
 *   live run (a different, living owner) is using.
 */
export async function stopServers(o = {}) {
  const st = readState();
  if (!st) return;
  if (o.owner !== undefined && st.owner && st.owner !== o.owner && alive(st.owner)) return;
  /** @type {[string, number | undefined, NodeJS.Signals, string][]} */
  const list = [
    ['nginx', st.pids.nginx, 'SIGQUIT', 'nginx'],
    ['doh', st.pids.doh, 'SIGTERM', 'doh-server.mjs'],
    ['knot', st.pids.knot, 'SIGTERM', 'knotd'],
  ];
  /** @type {Set<number>} */
  const ours = new Set();
  for (const [, pid, sig, marker] of list) {
    // Never signal a PID the kernel has since given to another program.
    if (pid && alive(pid) && cmdline(pid).includes(marker)) {
      ours.add(pid);
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
  }
  for (const [name, pid] of list) {
    if (!pid || !ours.has(pid)) continue;
    // Graceful first; then TERM (nginx: fast shutdown); then KILL the process
    // group we started (nginx's workers share its group: we spawned it detached).
    for (const [sig, waitMs] of /** @type {[NodeJS.Signals | null, number][]} */ ([[null, 5000], ['SIGTERM', 2000], ['SIGKILL', 1000]])) {
      if (!alive(pid)) break;
      if (sig) {
        console.warn(`live e2e: ${name} (pid ${pid}) still running; sending ${sig}`);
        try {
          process.kill(sig === 'SIGKILL' ? -pid : pid, sig);
        } catch {
          // gone
        }
      }
      const until = Date.now() + waitMs;
      while (alive(pid) && Date.now() < until) await sleep(25);
    }
  }
  rmSync(STATE, { force: true });
}

/**
 * Generates the files and starts knot, the DoH server and nginx; resolves when
 * all three answer. Throws a SetupError with a clear message otherwise (and
 * stops whatever it had started).
 * @param {{ owner?: number }} [o] the PID of the process whose run uses the
 *   servers (Playwright's runner, the benchmark); while it lives, another run
 *   refuses to start rather than kill its servers. 0: nobody (CLI start).
 * @returns {Promise<LiveState>}
 */
export async function startServers(o = {}) {
  const owner = o.owner ?? process.pid;
  const prev = readState();
  if (prev && prev.owner && prev.owner !== owner && alive(prev.owner) && Object.values(prev.pids).some((p) => p && alive(p))) {
    throw new SetupError(`live e2e: the servers are in use by another run (pid ${prev.owner}, started ${prev.startedAt}); ` +
      'wait for it, or stop them with `node e2e/live/servers.mjs stop`');
  }
  await stopServers(); // leftovers of a crashed run
  const knotd = need('knotd');
  const nginx = need('nginx');
  need('openssl');
  if (process.getuid && process.getuid() !== 0) {
    // Port 443 needs root (or CAP_NET_BIND_SERVICE); say so rather than fail obscurely.
    const busy = await probePort(ADDRESSES.nginx, 443);
    if (busy === 'EACCES') throw new SetupError('live e2e: binding port 443 needs root (the tests run as root in CI)');
  }
  for (const [what, host] of Object.entries(ADDRESSES)) {
    const err = await probePort(host, 443);
    if (err) {
      throw new SetupError(`live e2e: cannot listen on ${host}:443 for ${what} (${err})` +
        (err === 'EADDRINUSE' ? `: another process holds it (see \`ss -ltnp 'sport = :443'\`)` : ''));
    }
  }
  let knotPort = Number(process.env.E2E_LIVE_DNS_PORT ?? 5353);
  for (let i = 0; (await probePort('127.0.0.1', knotPort, true)) !== null; i++) {
    if (i > 50) throw new SetupError('live e2e: no free port for knotd near 5353');
    knotPort++;
  }
  const controlPort = await freePort();
  mkdirSync(DIR, { recursive: true });
  const tls = makeCertificate();
  const knotConf = writeKnot(knotPort);
  const dohConf = join(DIR, 'doh.json');
  writeFileSync(dohConf, JSON.stringify({
    cert: tls.cert, key: tls.key,
    listeners: { cloudflare: { host: ADDRESSES.cloudflare, port: 443 }, google: { host: ADDRESSES.google, port: 443 } },
    control: { host: '127.0.0.1', port: controlPort },
    dns: { server: '127.0.0.1', port: knotPort },
  }, null, 2));
  const nginxConf = writeNginx(tls, controlPort);
  // -p and -e keep even nginx's start-up error log inside build/e2e-live/nginx.
  const nginxDir = dirname(nginxConf);
  const nginxArgs = ['-p', nginxDir, '-e', join(nginxDir, 'error.log'), '-c', nginxConf];

  /** @type {LiveState} */
  const st = { knotPort, controlPort, pids: {}, owner, startedAt: new Date().toISOString() };
  const save = () => writeFileSync(STATE, JSON.stringify(st, null, 2));
  try {
    // Check the nginx configuration first: a clear message beats a dead process.
    try {
      execFileSync(nginx, [...nginxArgs, '-t', '-q'], { stdio: 'pipe' });
    } catch (e) {
      throw new SetupError(`live e2e: nginx -t failed:\n${String(/** @type {any} */ (e).stderr ?? e)}`);
    }
    st.pids.knot = launch('knot', knotd, ['-c', knotConf]);
    save();
    await waitReady('knot', st.pids.knot, async () => {
      const m = await query({ server: '127.0.0.1', port: knotPort, name: ZONE, type: TYPES.SOA, timeoutMs: 300 });
      return m.rcode === 0 && m.answer.length > 0;
    });
    st.pids.doh = launch('doh', process.execPath, [join(here, 'doh-server.mjs'), dohConf]);
    save();
    await waitReady('doh', st.pids.doh, async () => {
      const r = await fetch(`http://127.0.0.1:${controlPort}/health`);
      return r.ok && (await tlsProbe(ADDRESSES.cloudflare, 'cloudflare-dns.com')) && (await tlsProbe(ADDRESSES.google, 'dns.google'));
    });
    st.pids.nginx = launch('nginx', nginx, nginxArgs);
    save();
    await waitReady('nginx', st.pids.nginx, () => tlsProbe(ADDRESSES.nginx, `mta-sts.ok.${ZONE}`));
  } catch (e) {
    await stopServers();
    throw e;
  }
  return st;
}

/**
 * Sends a control command to the DoH server (and the policy hosts' delay).
 * @param {'control' | 'reset'} what
 * @param {Record<string, unknown>} [body]
 */
export async function control(what, body = {}) {
  const st = readState();
  if (!st) throw new Error('live e2e: the servers are not running (no build/e2e-live/state.json)');
  const r = await fetch(`http://127.0.0.1:${st.controlPort}/${what}`, { method: 'POST', body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`live e2e: control ${what} failed: ${r.status} ${await r.text()}`);
  return r.json();
}

/** The DoH server's request log (which resolver was asked what). */
export async function dohLog() {
  const st = readState();
  if (!st) throw new Error('live e2e: the servers are not running');
  const r = await fetch(`http://127.0.0.1:${st.controlPort}/log`);
  return /** @type {Promise<{ resolver: string, name: string, type: number, fault: string, ms: number }[]>} */ (r.json());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cmd = process.argv[2];
  try {
    if (cmd === 'start') {
      const st = await startServers({ owner: 0 });
      console.log(`live e2e servers up: knot 127.0.0.1:${st.knotPort}, DoH ${ADDRESSES.cloudflare}:443 + ${ADDRESSES.google}:443 ` +
        `(control 127.0.0.1:${st.controlPort}), nginx ${ADDRESSES.nginx}:443; pids ${JSON.stringify(st.pids)}`);
      console.log(`chromium --host-resolver-rules="${hostResolverRules()}"`);
    } else if (cmd === 'stop') {
      await stopServers();
      console.log('live e2e servers stopped');
    } else if (cmd === 'status') {
      const st = readState();
      console.log(st ? JSON.stringify({ ...st, alive: Object.fromEntries(Object.entries(st.pids).map(([k, p]) => [k, alive(p)])) }, null, 2) : 'not running');
    } else {
      console.error('usage: node e2e/live/servers.mjs start|stop|status');
      process.exit(2);
    }
  } catch (e) {
    console.error(e instanceof SetupError ? e.message : e);
    process.exit(1);
  }
}
