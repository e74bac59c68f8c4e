// @ts-check
// Speed of the live checker (issue 4 §4), a benchmark, not a timed test: with
// every server answering 300 ms late (the test DoH server for each lookup and
// nginx for the policy file, e2e/live/servers.mjs), how long from submitting a
// check to the full report (`#check-report[data-state=done]`), against the
// slowest single request of that check (Resource Timing `duration`: fetch
// start to response end, connection set-up included). The A/AAAA/TLSA lookups of
// the MX hosts (CHK-009, CHK-015) can only start once the MX answer is in, so the
// reference is the slowest chain: the slowest first-round request plus the
// slowest MX-host request. Target: report ≤ 1.5 × slowest chain, which only
// parallel gathering reaches (twelve lookups and a policy fetch at once, then
// the MX hosts at once: a sequential checker needs ≥ 19 × 300 ms).
//
// Asserts nothing; writes the figures between `<!-- live:begin -->` and
// `<!-- live:end -->` in docs/performance.md. Starts and stops the servers.
//
//   node scripts/bench-live.mjs [--runs 9] [--delay 300] [--root build/site] [--domain ok.example.test] [--no-write]
// Needs the staged site (scripts/stage-site.sh) and root (port 443 on loopback).

import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createStaticServer } from '../e2e/static-server.mjs';
import { ROOT, control, hostResolverRules, startServers, stopServers } from '../e2e/live/servers.mjs';

/** @param {string} name @param {string} fallback */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const runs = Number(arg('runs', '9'));
const delayMs = Number(arg('delay', '300'));
const siteRoot = join(ROOT, arg('root', process.env.E2E_SITE_ROOT ?? 'build/site'));
const domain = arg('domain', 'ok.example.test');
const write = !process.argv.includes('--no-write');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SETTINGS = JSON.stringify({ resolver: 'cloudflare', customUrl: '', timeoutSeconds: 10 });

if (!existsSync(join(siteRoot, 'index.html'))) {
  console.error(`bench-live: no staged site at ${siteRoot} (run: bash scripts/stage-site.sh ${arg('root', 'build/site')})`);
  process.exit(1);
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (/** @type {number} */ x) => `${Math.round(x)} ms`;

/**
 * One check in a fresh browser context (cold connections, like a first visit):
 * the page is loaded first, then the clock runs from the click to `done`.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 */
async function oneRun(browser, baseUrl) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, serviceWorkers: 'block', locale: 'en-US' });
  await context.addInitScript(([v]) => localStorage.setItem('mtasts.checker.settings', v), [SETTINGS]);
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/#checker`);
    await page.locator('#check-domain').waitFor();
    await page.locator('#check-domain').fill(domain);
    return await page.evaluate(async () => {
      const report = /** @type {HTMLElement} */ (document.querySelector('#check-report'));
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(1000);
      /** @param {string} attr */
      const when = (attr) => new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (report.getAttribute(attr) === 'done') {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(report, { attributes: true, attributeFilter: [attr] });
      });
      const done = when('data-state');
      const refined = when('data-mx-hosts');
      const t0 = performance.now();
      /** @type {HTMLButtonElement} */ (document.querySelector('#check-run')).click();
      const t1 = /** @type {number} */ (await done);
      const t2 = /** @type {number} */ (await refined);
      const requests = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= t0 - 1 && /^https:\/\/(cloudflare-dns\.com|dns\.google|mta-sts\.)/.test(e.name))
        .map((e) => ({ name: e.name, start: e.startTime - t0, duration: e.duration }));
      return { total: t1 - t0, refined: t2 - t0, requests };
    });
  } finally {
    await context.close();
  }
}

const server = createStaticServer({ root: siteRoot });
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const addr = server.address();
const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
/** @type {import('@playwright/test').Browser | undefined} */
let browser;
/** @type {{ total: number, refined: number, single: number, slowest: number, requests: number, sum: number, lastEnd: number, firstStart: number }[]} */
const results = [];
let chromiumVersion = '';
try {
  await startServers();
  await control('control', { delayMs });
  browser = await chromium.launch({ executablePath, args: [`--host-resolver-rules=${hostResolverRules()}`] });
  chromiumVersion = browser.version();
  await oneRun(browser, baseUrl); // warm-up (disk cache of the site, wasm compile cache), not counted
  for (let i = 0; i < runs; i++) {
    const r = await oneRun(browser, baseUrl);
    // The second round: DoH questions about names other than the domain's fixed ones (the MX hosts).
    const fixed = new Set(['', '_mta-sts.', 'mta-sts.', '_smtp._tls.', '_dmarc.', '_mta_sts.', '_smtp-tlsrpt.'].map((p) => `${p}${domain}`));
    const round2 = r.requests.filter((q) => !q.name.includes('mta-sts.txt') && !fixed.has(new URL(q.name).searchParams.get('name') ?? ''));
    const round1 = r.requests.filter((q) => !round2.includes(q));
    const slowest = Math.max(...round1.map((q) => q.duration)) + (round2.length ? Math.max(...round2.map((q) => q.duration)) : 0);
    const single = Math.max(...r.requests.map((q) => q.duration));
    const sum = r.requests.reduce((a, q) => a + q.duration, 0);
    const lastEnd = Math.max(...r.requests.map((q) => q.start + q.duration));
    const firstStart = Math.min(...r.requests.map((q) => q.start));
    results.push({ total: r.total, refined: r.refined, single, slowest, requests: r.requests.length, sum, lastEnd, firstStart });
    console.log(`run ${i + 1}: report ${ms(r.total)}, slowest request ${ms(single)} (ratio ${(r.total / single).toFixed(2)}), slowest chain ${ms(slowest)}, ratio ${(r.total / slowest).toFixed(2)}, ` +
      `first request at ${ms(firstStart)}, last response at ${ms(lastEnd)}, ${r.requests.length} requests (sum ${ms(sum)})`);
  }
} finally {
  await browser?.close();
  server.close();
  await stopServers({ owner: process.pid });
}

const totals = results.map((r) => r.total);
const slowests = results.map((r) => r.slowest);
const ratios = results.map((r) => r.total / r.slowest);
const singles = results.map((r) => r.single);
const singleRatios = results.map((r) => r.total / r.single);
const summary = {
  medianTotal: median(totals), maxTotal: Math.max(...totals),
  medianRefined: median(results.map((r) => r.refined)), maxRefined: Math.max(...results.map((r) => r.refined)),
  medianSlowest: median(slowests), maxSlowest: Math.max(...slowests),
  medianRatio: median(ratios), maxRatio: Math.max(...ratios),
  medianSingle: median(singles), maxSingle: Math.max(...singles),
  medianSingleRatio: median(singleRatios), maxSingleRatio: Math.max(...singleRatios),
  requests: median(results.map((r) => r.requests)), medianSum: median(results.map((r) => r.sum)),
  medianLastEnd: median(results.map((r) => r.lastEnd)), medianFirstStart: median(results.map((r) => r.firstStart)),
};
console.log(`median: report ${ms(summary.medianTotal)}, slowest request ${ms(summary.medianSingle)} ` +
  `(ratio ${summary.medianSingleRatio.toFixed(2)}, max ${summary.maxSingleRatio.toFixed(2)}; target ≤ 1.5), slowest chain ${ms(summary.medianSlowest)}, ratio ${summary.medianRatio.toFixed(2)} ` +
  `(max ratio ${summary.maxRatio.toFixed(2)}; target ≤ 1.5)`);

if (write) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // keep os.cpus()
  }
  const date = new Date().toISOString().slice(0, 10);
  const loadAvg = loadavg().map((x) => x.toFixed(1)).join(' / ');
  const section = `<!-- live:begin -->
## Live checker: full report vs slowest request

Measured by \`node scripts/bench-live.mjs\` on ${date}: ${nproc} cores (${cpu}), Chromium ${chromiumVersion} headless,
node ${process.versions.node}.

Method: the e2e servers of \`e2e/live/\` on loopback (knotd, our DNS-over-HTTPS JSON server under the names
cloudflare-dns.com and dns.google, nginx serving \`mta-sts.${domain}\`), with **every answer delayed by ${delayMs} ms**
(each DoH answer and the policy file). Each run checks \`${domain}\` (a correct deployment) in a fresh browser
context, so connections are cold as on a first visit; the clock runs from the click on "Check" to
\`#check-report[data-state=done]\`. The slowest request is the largest Resource Timing \`duration\` of any request
of that run (the issue's reference). The slowest chain is the largest Resource Timing \`duration\` (fetch start to
response end, connection set-up included) among the first-round DoH and policy requests of that run, plus the largest
among the A/AAAA/TLSA lookups of the MX hosts, which start once the MX answer is in (${summary.requests} requests in all).
${runs} runs after one warm-up run. Target (issue 4 §4): report ≤ 1.5 × slowest single request. The chain is
shown too: the A/AAAA/TLSA lookups of the MX hosts (CHK-009, CHK-015) depend on the MX answer, so no checker can beat it; the
report is drawn when the first round is in and refined in place when the MX hosts' answers arrive.

| | median | max |
|---|---|---|
| full report | ${ms(summary.medianTotal)} | ${ms(summary.maxTotal)} |
| slowest single request | ${ms(summary.medianSingle)} | ${ms(summary.maxSingle)} |
| **ratio report / slowest request** (target ≤ 1.5) | **${summary.medianSingleRatio.toFixed(2)}** | ${summary.maxSingleRatio.toFixed(2)} |
| report refined with the MX hosts' addresses (CHK-009, \`data-mx-hosts=done\`) | ${ms(summary.medianRefined)} | ${ms(summary.maxRefined)} |
| slowest chain (first round + MX hosts) | ${ms(summary.medianSlowest)} | ${ms(summary.maxSlowest)} |
| ratio report / slowest chain | ${summary.medianRatio.toFixed(2)} | ${summary.maxRatio.toFixed(2)} |
| first request sent (after the click) | ${ms(summary.medianFirstStart)} | |
| last response received (after the click) | ${ms(summary.medianLastEnd)} | |
| sum of all request durations | ${ms(summary.medianSum)} | |

A sequential checker would wait at least ${summary.requests} × ${delayMs} ms = ${ms(summary.requests * delayMs)} for the answers alone.

Load average (1 / 5 / 15 min) at the end of the run: ${loadAvg}. The time between the last response and the report is the core's
judging (wasm \`assess\`) and the page's rendering.
<!-- live:end -->`;
  const file = join(ROOT, 'docs/performance.md');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n\n';
  const re = /<!-- live:begin -->[\s\S]*?<!-- live:end -->/;
  text = re.test(text) ? text.replace(re, section) : `${text.replace(/\n*$/, '\n\n')}${section}\n`;
  writeFileSync(file, text);
  console.log('bench-live: wrote docs/performance.md (live section)');
}
