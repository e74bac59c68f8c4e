// @ts-check
// Measures the site the way a first-time visitor meets it and writes the
// figures to docs/performance.md (between <!-- site:begin --> and
// <!-- site:end -->; the rest of the file is left as it is):
//
// - transfer: every byte the server sends on a first visit (bodies gzip-
//   compressed as a static host would, plus headers), split into what the page
//   loads until the validator is ready and what the service worker adds when
//   it precaches the rest of the app; the biggest files, and what the wasm is
//   made of;
// - time to an interactive validator: from navigation start to the first
//   result of the validator for a sample text already in the text box
//   (restored from localStorage, as on any visit), in headless Chromium on
//   localhost. Cold (first visit: empty HTTP cache, no service worker) and
//   warm (a later visit, served by the service worker), median of N runs.
//
//   node scripts/bench-site.mjs [--root build/site] [--runs 11] [--out docs/performance.md] [--no-write]
//
// BENCH_DEBUG=1 prints every request the server answers (path, bytes, fetch
// destination and mode).
// A benchmark, not a test: it never fails on a target; it reports.

import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { mimeTypes, responseHeaders } from '../e2e/static-server.mjs';

const args = process.argv.slice(2);
const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(arg('root', 'build/site'));
const runs = Math.max(1, Number(arg('runs', '11')));
const out = arg('out', 'docs/performance.md');
const write = !args.includes('--no-write');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const targets = { transferKB: 250, interactiveMs: 300 };
const sample = 'version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.mx.example.net\nmax_age: 604800\n';

// ---------------------------------------------------------------------------
// A static server that compresses like a production host (gzip, level 6, for
// everything but PNG) and counts the bytes it sends per path.

/** @type {Map<string, Buffer>} */
const gzCache = new Map();
/** @type {Record<string, [string, string]>} */
const floorFiles = {
  '/__floor/index.html': [
    'text/html; charset=utf-8',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="floor.js"></script></head><body><p id="summary"></p></body></html>',
  ],
  '/__floor/floor.js': ['text/javascript; charset=utf-8', "document.getElementById('summary').dataset.state = 'ok';"],
};
/** @type {{ path: string, bytes: number, header: number, sw: boolean, at: number }[]} */
let sent = [];

const server = createServer(async (req, res) => {
  const arrived = performance.timeOrigin + performance.now(); // epoch ms, as the page's clock
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(join(root, path));
  // The headers of site/_headers: the page policy on documents and worker scripts only.
  const headers = responseHeaders(path);
  /** @param {number} status @param {Record<string, string | number>} h @param {Buffer} [body] */
  const send = (status, h, body) => {
    const all = { ...headers, ...h };
    res.writeHead(status, all);
    res.end(body);
    const header = Object.entries(all).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 17);
    sent.push({ path: path.slice(1), bytes: body?.length ?? 0, header, sw: req.headers['service-worker'] === 'script', at: arrived });
    if (process.env.BENCH_DEBUG) console.error(path, body?.length, req.headers['sec-fetch-dest'], req.headers['sec-fetch-mode'], req.headers['cache-control'] ?? '');
  };
  // The floor: a page with one module script that shows a result at once.
  if (floorFiles[path]) {
    const [type, body] = floorFiles[path];
    return send(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) }, Buffer.from(body));
  }
  if (!file.startsWith(root + sep)) return send(404, {}, Buffer.from('Not Found'));
  try {
    if (!(await stat(file)).isFile()) return send(404, {}, Buffer.from('Not Found'));
  } catch {
    return send(404, {}, Buffer.from('Not Found'));
  }
  const raw = await readFile(file);
  const type = mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // A validator, as production hosts send: a file the browser holds is asked
  // again with If-None-Match (a module the worker loads after the page did)
  // and costs an empty 304.
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && !file.endsWith('.png');
  // One tag per body: the gzip body is another representation.
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}${gzip ? '-gz' : ''}"`;
  if (String(req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim()).includes(etag)) {
    return send(304, { ETag: etag });
  }
  if (gzip) {
    let body = gzCache.get(file);
    if (!body) gzCache.set(file, (body = gzipSync(raw, { level: 6 })));
    return send(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length, Vary: 'Accept-Encoding', ETag: etag }, body);
  }
  return send(200, { 'Content-Type': type, 'Content-Length': raw.length, ETag: etag }, raw);
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}/`;

// ---------------------------------------------------------------------------

/** @param {number[]} xs */
const median = (xs) => {
  // A run where app.js ran before boot.js has no boot mark (boot.js then does nothing).
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1);

/**
 * Marks the moments the validator becomes ready and shows its first result
 * (performance.now(), i.e. ms since navigation start).
 */
function initScript(/** @type {string} */ text) {
  try {
    localStorage.setItem('mtasts-kit:text', text);
    localStorage.setItem('mtasts-kit:lang', 'en');
  } catch {
    // storage unavailable: the run then times out and says so
  }
  const marks = /** @type {any} */ (globalThis).__bench = { ready: 0, result: 0 };
  new MutationObserver(() => {
    if (!marks.ready && document.documentElement.dataset.kit === 'ready') marks.ready = performance.now();
    const state = document.getElementById('summary')?.dataset.state;
    if (!marks.result && (state === 'ok' || state === 'bad')) {
      marks.result = performance.now();
      // Tells the bench without it running any script in the page (polling
      // from Playwright would load its own helper there while the page starts).
      console.debug('mtasts-bench:result');
    }
    // Only the two attributes that tell: watching every change of the page
    // would add its own cost to what is measured.
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-kit'] });
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} [url]
 */
async function visit(page, url = base) {
  const shown = page.waitForEvent('console', { predicate: (m) => m.text() === 'mtasts-bench:result', timeout: 20_000 });
  shown.catch(() => {}); // a failed goto throws below; this one is then of no interest
  await page.goto(url, { waitUntil: 'commit' });
  await shown;
  return page.evaluate(() => {
    const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
    const marks = /** @type {any} */ (globalThis).__bench;
    const mark = (/** @type {string} */ name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      result: marks.result,
      ready: marks.ready,
      dcl: nav.domContentLoadedEventEnd,
      boot: mark('mtasts:boot'),
      paint: mark('first-contentful-paint'),
    };
  });
}

const loadBefore = os.loadavg()[0];
const browser = await chromium.launch({ executablePath });
const chromiumVersion = browser.version();

// One first visit, counted byte by byte, until the service worker is ready.
const transfer = await (async () => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  await context.addInitScript(initScript, sample);
  const page = await context.newPage();
  sent = [];
  await visit(page);
  // The moment the first result showed, on the page's clock (epoch ms): what
  // the server was asked for before it is the page's; the rest (the other
  // views, then the service worker's precache) comes after.
  const resultAt = await page.evaluate(() => performance.timeOrigin + /** @type {any} */ (globalThis).__bench.result);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await page.locator('#pwa-status[data-sw="ready"]').waitFor({ timeout: 20_000 });
  const all = sent;
  sent = [];
  await context.close();
  return { page: all.filter((r) => r.at <= resultAt), worker: all.filter((r) => r.at > resultAt) };
})();

/** @typedef {{ result: number, ready: number, dcl: number, boot: number, paint: number }} Visit */
/** @type {Visit[]} */
const cold = [];
/** @type {Visit[]} */
const warm = [];
/** @type {Visit[]} */
const floor = [];
{
  // A warm-up of the browser itself, not counted.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(initScript, sample);
  await visit(await context.newPage());
  await context.close();
}
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  await context.addInitScript(initScript, sample);
  const page = await context.newPage();
  cold.push(await visit(page));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await page.locator('#pwa-status[data-sw="ready"]').waitFor({ timeout: 20_000 });
  warm.push(await visit(page));
  await context.close();
  // The same fresh context for the floor page.
  const bare = await browser.newContext({ serviceWorkers: 'block' });
  await bare.addInitScript(initScript, sample);
  floor.push(await visit(await bare.newPage(), `${base}__floor/`));
  await bare.close();
}
await browser.close();
server.close();

// ---------------------------------------------------------------------------
// What is big: per file, and the sections of the wasm.

/** @param {{ path: string, bytes: number, header: number }[]} list */
const total = (list) => list.reduce((n, r) => n + r.bytes + r.header, 0);
/** @type {Map<string, number>} */
const perFile = new Map();
for (const r of [...transfer.page, ...transfer.worker]) perFile.set(r.path, (perFile.get(r.path) ?? 0) + r.bytes);
const biggest = [...perFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);

/** Sizes of the wasm's code and data sections (raw and gzip-compressed). */
async function wasmSections() {
  const bytes = await readFile(join(root, 'kit/mtasts-core.wasm'));
  /** @type {Record<string, { raw: number, gzip: number }>} */
  const sections = {};
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return value;
    }
  };
  const names = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const name = names[id] ?? `section ${id}`;
    const part = bytes.subarray(at, at + size);
    const entry = (sections[name] ??= { raw: 0, gzip: 0 });
    entry.raw += size;
    entry.gzip += gzipSync(part, { level: 6 }).length;
    at += size;
  }
  return sections;
}
const sections = await wasmSections();

/**
 * The same requests with brotli (quality 11) bodies, as hosts such as
 * Cloudflare Pages or Netlify serve them: compressed from the files on disk.
 * @param {{ path: string, bytes: number, header: number }[]} list
 */
async function brotliTotal(list) {
  let n = 0;
  for (const r of list) {
    n += r.header;
    if (r.path.endsWith('.png') || r.bytes === 0) {
      n += r.bytes;
      continue;
    }
    try {
      const raw = await readFile(join(root, r.path));
      n += brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    } catch {
      n += r.bytes;
    }
  }
  return n;
}
const brotliPage = await brotliTotal(transfer.page);
const brotliAll = brotliPage + (await brotliTotal(transfer.worker));

const pageKB = total(transfer.page) / 1024;
const allKB = (total(transfer.page) + total(transfer.worker)) / 1024;
const coldMedian = median(cold.map((r) => r.result));
const warmMedian = median(warm.map((r) => r.result));
const verdict = (/** @type {boolean} */ ok) => (ok ? 'within target' : '**over target**');
const date = new Date().toISOString().slice(0, 10);
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}

const lines = [
  '## Site: first visit and time to an interactive validator',
  '',
  `Measured ${date} (commit ${commit}, plus the working tree) by \`node scripts/bench-site.mjs\` on ${os.availableParallelism()} CPU cores`,
  `(${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}; load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end),`,
  `headless Chromium ${chromiumVersion}, the staged site served from localhost with gzip (level 6; PNG as is),`,
  'a fresh browser context per run.',
  '',
  '| figure | measured | target |',
  '| --- | --- | --- |',
  `| first-visit transfer, page until the validator is ready | ${kb(total(transfer.page))} KB (${transfer.page.length} requests) | ≤ ${targets.transferKB} KB: ${verdict(pageKB <= targets.transferKB)} |`,
  `| first-visit transfer, the whole app: the page, then the other views and the service worker's precache | ${kb(total(transfer.page) + total(transfer.worker))} KB (+${transfer.worker.length} requests) | ≤ ${targets.transferKB} KB: ${verdict(allKB <= targets.transferKB)} |`,
  `| the same two with brotli instead of gzip (computed from the files) | ${kb(brotliPage)} KB; ${kb(brotliAll)} KB | ≤ ${targets.transferKB} KB: ${verdict(brotliPage / 1024 <= targets.transferKB)}; ${verdict(brotliAll / 1024 <= targets.transferKB)} |`,
  `| navigation → first validator result, first visit (median of ${runs}) | ${coldMedian.toFixed(0)} ms (min ${Math.min(...cold.map((r) => r.result)).toFixed(0)}, max ${Math.max(...cold.map((r) => r.result)).toFixed(0)}) | ≤ ${targets.interactiveMs} ms: ${verdict(coldMedian <= targets.interactiveMs)} |`,
  `| navigation → first validator result, later visit from the service worker (median of ${runs}) | ${warmMedian.toFixed(0)} ms (min ${Math.min(...warm.map((r) => r.result)).toFixed(0)}, max ${Math.max(...warm.map((r) => r.result)).toFixed(0)}) | ≤ ${targets.interactiveMs} ms: ${verdict(warmMedian <= targets.interactiveMs)} |`,
  '',
  `For scale: on this machine a page with nothing but one module script that shows a result at once takes ${median(floor.map((r) => r.result)).toFixed(0)} ms`,
  `(median of ${runs}, min ${Math.min(...floor.map((r) => r.result)).toFixed(0)}; same server, same browser, a fresh context each time).`,
  '',
  `Where the time goes, first visit (medians): the browser first paints the page (its HTML and stylesheet) at ${median(cold.map((r) => r.paint)).toFixed(0)} ms;`,
  `boot.js runs at ${median(cold.map((r) => r.boot)).toFixed(0)} ms and starts compiling the core, whose bytes were asked for with the page's first requests`,
  `(the browser compiles off the main thread as the bytes arrive); the page's bundle has run by DOMContentLoaded (${median(cold.map((r) => r.dcl)).toFixed(0)} ms);`,
  `the kit, instantiated on the page from the compiled module, is ready at ${median(cold.map((r) => r.ready)).toFixed(0)} ms; the first result is drawn`,
  `${median(cold.map((r) => r.result - r.ready)).toFixed(0)} ms after that. ${transfer.page.filter((r) => /\.m?js$/.test(r.path)).length} script files until the first result.`,
  `Later visit, from the service worker (medians): boot.js ${median(warm.map((r) => r.boot)).toFixed(0)} ms, DOMContentLoaded ${median(warm.map((r) => r.dcl)).toFixed(0)} ms, kit ready`,
  `${median(warm.map((r) => r.ready)).toFixed(0)} ms.`,
  '',
  'Method. Transfer: the bytes the server wrote (compressed bodies plus response headers) during one first',
  'visit, split by the moment the validator shows its first result (requests that reached the server before it are',
  "the page's); after it the page loads the generator's and the checker's code and registers the service worker,",
  'which precaches the files the page has not loaded yet (what the page loaded, index.html included, is reused from',
  'the HTTP cache after an integrity check, so it is not downloaded twice). The server sends `Cache-Control: no-cache`',
  'with an ETag, as static hosts do: a module loaded again by the validation worker (started once the first result',
  'is drawn, for huge texts) costs an empty 304.',
  'Time: `performance.now()` when the result summary first shows a',
  'verdict for a sample policy restored from localStorage, i.e. the page, the kit module and the wasm are loaded,',
  'compiled and instantiated and one validation has run.',
  '',
  `Biggest files on a first visit (compressed bytes sent; the wasm alone is ${((100 * (perFile.get('kit/mtasts-core.wasm') ?? 0)) / (total(transfer.page) + total(transfer.worker))).toFixed(0)} % of all bytes):`,
  '',
  '| file | KB |',
  '| --- | --- |',
  ...biggest.map(([path, bytes]) => `| \`${path}\` | ${kb(bytes)} |`),
  '',
  'The wasm, by section (KB raw / KB gzip): ' +
    Object.entries(sections)
      .sort((a, b) => b[1].raw - a[1].raw)
      .map(([name, s]) => `${name} ${kb(s.raw)} / ${kb(s.gzip)}`)
      .join('; ') +
    '.',
];
const section = `<!-- site:begin -->\n${lines.join('\n')}\n<!-- site:end -->`;
console.log(lines.join('\n'));

if (write) {
  let doc = '';
  try {
    doc = await readFile(out, 'utf8');
  } catch {
    doc = '# Performance\n\nFigures measured by committed scripts; each section is rewritten by the script named in it.\n';
  }
  const re = /<!-- site:begin -->[\s\S]*?<!-- site:end -->/;
  doc = re.test(doc) ? doc.replace(re, () => section) : `${doc.replace(/\n*$/, '\n\n')}${section}\n`;
  await writeFile(out, doc);
  console.log(`\nwrote ${out}`);
}
