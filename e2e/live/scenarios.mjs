// @ts-check
// The live checker's test world: one sub-domain of example.test per scenario,
// its DNS records (zone-file lines, relative to example.test.) and how its
// policy host mta-sts.<scenario>.example.test behaves in nginx. servers.mjs
// turns this table into the knot zone, the nginx server blocks and the
// certificate's names; checker-live.spec.mjs asserts what the checker says.
//
// Faults of the Cloudflare side of the test DoH server are chosen by name:
// any query for a name under `<label>.example.test` where <label> is one of
// FAULT_LABELS gets that fault from cloudflare-dns.com while dns.google
// answers normally (doh-server.mjs).

export const ZONE = 'example.test';
export const PROVIDER_ZONE = 'provider.test';

/** Cloudflare-side faults chosen by the scenario label. */
export const FAULT_LABELS = /** @type {const} */ ({
  cfservfail: 'servfail', // HTTP 200, Status 2
  cfdown: 'reset', // the request is reset (the browser sees a network error)
  cfhang: 'hang', // never answers (the checker's timeout must fire)
  cfmalformed: 'malformed', // HTTP 200 with a body that is not JSON
  cf500: 'http500', // HTTP 500
});

const id = 'id=20240115000000Z';

/**
 * A name whose TXT data dns.google answers differently from cloudflare-dns.com
 * (doh-server.mjs): the two resolvers disagree (CHK-021), as during a change
 * still propagating or with a split-horizon zone.
 */
export const SPLIT = Object.freeze({ name: `_mta-sts.split.${ZONE}`, google: 'v=STSv1; id=20230101000000Z' });

/**
 * A policy body.
 * @param {string} mode
 * @param {string[]} mx
 * @param {number} [maxAge]
 */
export function policy(mode, mx, maxAge = 1209600) {
  return `version: STSv1\nmode: ${mode}\n${mx.map((m) => `mx: ${m}\n`).join('')}max_age: ${maxAge}\n`;
}

/**
 * The usual records of a healthy deployment for `<s>.example.test`.
 * @param {string} s
 * @param {{ txt?: boolean, host?: boolean, mx?: boolean, dmarc?: boolean }} [omit]
 */
function healthy(s, omit = {}) {
  const lines = [];
  if (!omit.txt) lines.push(`_mta-sts.${s} 300 TXT "v=STSv1; ${id}"`);
  if (!omit.mx) lines.push(`${s} MX 10 mx1.${s}.example.test.`, `${s} MX 20 mx2.${s}.example.test.`);
  lines.push(`mx1.${s} A 127.0.0.1`, `mx2.${s} A 127.0.0.1`);
  if (!omit.host) lines.push(`mta-sts.${s} A 127.0.0.1`);
  lines.push(`_smtp._tls.${s} TXT "v=TLSRPTv1; rua=mailto:tlsrpt@${s}.example.test"`);
  if (!omit.dmarc) lines.push(`_dmarc.${s} TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${s}.example.test"`);
  return lines;
}

/** The correct policy of `<s>.example.test` (both MX hosts listed). */
const goodPolicy = (/** @type {string} */ s) => policy('enforce', [`mx1.${s}.example.test`, `mx2.${s}.example.test`]);

/** Hostile strings (issue 5 §3): none may run or become an element. */
export const XSS = {
  img: '<img src=x onerror=window.__xss=1>',
  textarea: '</textarea><script>window.__xss=1</script>',
  svg: '"><svg onload=window.__xss=1>',
  js: 'javascript:window.__xss=1',
};

/**
 * @typedef {{ status?: number, body?: string, bodyBytes?: number, cors?: boolean,
 *             contentType?: string, location?: string, delayMs?: number, cacheControl?: string }} HostBehaviour
 * @typedef {{ name: string, what: string, dns: string[], host: HostBehaviour | null,
 *             unresolvableHost?: boolean }} Scenario
 */

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: 'ok',
    what: 'a correct enforce deployment, the policy readable by browsers (CORS)',
    // Two character-strings in one TXT RR: the checker must join them with no separator.
    dns: [
      `_mta-sts.ok 300 TXT "v=STSv1; id=2024011500" "0000Z"`,
      ...healthy('ok', { txt: true }),
    ],
    host: { body: goodPolicy('ok') },
  },
  {
    name: 'nocors',
    what: 'the policy host answers without Access-Control-Allow-Origin',
    dns: healthy('nocors'),
    host: { body: goodPolicy('nocors'), cors: false },
  },
  {
    name: 'redirect',
    what: 'the policy URL answers 301 (with CORS, so the browser sees an opaque redirect)',
    dns: healthy('redirect'),
    host: { status: 301, location: 'https://www.redirect.example.test/.well-known/mta-sts.txt' },
  },
  {
    name: 'redirectnocors',
    what: 'the policy URL answers 301 without CORS (the browser cannot tell)',
    dns: healthy('redirectnocors'),
    host: { status: 301, location: 'https://www.redirectnocors.example.test/.well-known/mta-sts.txt', cors: false },
  },
  {
    name: 'notfound',
    what: 'the policy URL answers 404',
    dns: healthy('notfound'),
    host: { status: 404, body: 'not found\n' },
  },
  {
    name: 'html',
    what: 'the policy is served as text/html',
    dns: healthy('html'),
    host: { body: goodPolicy('html'), contentType: 'text/html' },
  },
  {
    name: 'big',
    what: 'a 70 KB policy body (over the 64 KiB limit)',
    dns: healthy('big'),
    host: { bodyBytes: 70 * 1024 },
  },
  {
    name: 'slow',
    what: 'the policy host answers after 20 s (past the checker timeout)',
    dns: healthy('slow'),
    host: { body: goodPolicy('slow'), delayMs: 20_000 },
  },
  {
    name: 'mxnotcovered',
    what: 'enforce, but MX mx2 is covered by no pattern',
    dns: healthy('mxnotcovered'),
    host: { body: policy('enforce', ['mx1.mxnotcovered.example.test']) },
  },
  {
    name: 'stale',
    what: 'a pattern that matches no MX host (left over from an old provider)',
    dns: healthy('stale'),
    host: { body: policy('enforce', ['mx1.stale.example.test', 'mx2.stale.example.test', '*.oldprovider.test']) },
  },
  {
    name: 'twotxt',
    what: 'two v=STSv1 TXT records',
    dns: [`_mta-sts.twotxt TXT "v=STSv1; id=a1"`, `_mta-sts.twotxt TXT "v=STSv1; id=b2"`, ...healthy('twotxt', { txt: true })],
    host: { body: goodPolicy('twotxt') },
  },
  {
    name: 'dmarcext',
    what: 'DMARC reports sent to two other organisations: one accepts them (DMARC-021 authorisation record), one does not',
    dns: [
      `_dmarc.dmarcext TXT "v=DMARC1; p=reject; rua=mailto:agg@reports.${PROVIDER_ZONE},mailto:d@dmarcext.${ZONE}; ruf=mailto:f@elsewhere.${PROVIDER_ZONE}"`,
      ...healthy('dmarcext', { dmarc: true }),
    ],
    host: { body: goodPolicy('dmarcext') },
  },
  {
    name: 'dane',
    what: 'a correct deployment whose first MX host also publishes a DANE TLSA record (the zone is not signed)',
    dns: [`_25._tcp.mx1.dane TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef`, ...healthy('dane')],
    host: { body: goodPolicy('dane') },
  },
  {
    name: 'straycopy',
    what: 'a correct deployment with a forgotten v=STSv1 copy at the domain itself',
    dns: [`straycopy TXT "v=STSv1; id=20190101000000Z"`, `straycopy TXT "v=spf1 -all"`, ...healthy('straycopy')],
    host: { body: goodPolicy('straycopy') },
  },
  {
    name: 'nopolicyhost',
    what: 'a TXT record but no policy host (mta-sts.<d> does not exist)',
    dns: healthy('nopolicyhost', { host: true }),
    host: null,
    unresolvableHost: true,
  },
  {
    name: 'notxt',
    what: 'a policy is served but there is no TXT record',
    dns: healthy('notxt', { txt: true }),
    host: { body: goodPolicy('notxt') },
  },
  {
    name: 'cname',
    what: '_mta-sts delegated by CNAME to a provider zone',
    dns: [`_mta-sts.cname CNAME _mta-sts.cname.${PROVIDER_ZONE}.`, ...healthy('cname', { txt: true })],
    host: { body: goodPolicy('cname') },
  },
  {
    name: 'nullmx',
    what: 'Null MX (the domain accepts no mail)',
    dns: [
      `_mta-sts.nullmx TXT "v=STSv1; ${id}"`,
      'nullmx MX 0 .',
      'mta-sts.nullmx A 127.0.0.1',
      '_smtp._tls.nullmx TXT "v=TLSRPTv1; rua=mailto:tlsrpt@nullmx.example.test"',
      '_dmarc.nullmx TXT "v=DMARC1; p=reject"',
    ],
    host: { body: policy('none', [], 86400) },
  },
  {
    name: 'nomx',
    what: 'no MX records: the implicit MX is the domain itself, listed in the policy',
    dns: [
      `_mta-sts.nomx TXT "v=STSv1; ${id}"`,
      'nomx A 127.0.0.1',
      'mta-sts.nomx A 127.0.0.1',
      '_smtp._tls.nomx TXT "v=TLSRPTv1; rua=mailto:tlsrpt@nomx.example.test"',
      '_dmarc.nomx TXT "v=DMARC1; p=reject"',
    ],
    host: { body: policy('enforce', ['nomx.example.test']) },
  },
  {
    name: 'mxalias',
    what: 'the MX host is a CNAME alias of the real server (RFC 5321 §5.1 forbids it)',
    dns: [
      `_mta-sts.mxalias TXT "v=STSv1; ${id}"`,
      `mxalias MX 10 mx1.mxalias.example.test.`,
      'mx1.mxalias CNAME real.mxalias.example.test.',
      'real.mxalias A 127.0.0.1',
      'mta-sts.mxalias A 127.0.0.1',
      '_smtp._tls.mxalias TXT "v=TLSRPTv1; rua=mailto:tlsrpt@mxalias.example.test"',
      '_dmarc.mxalias TXT "v=DMARC1; p=reject"',
    ],
    host: { body: policy('enforce', ['mx1.mxalias.example.test']) },
  },
  {
    name: 'split',
    what: 'Cloudflare and Google answer different _mta-sts TXT data (SPLIT)',
    dns: healthy('split'),
    host: { body: goodPolicy('split') },
  },
  ...Object.keys(FAULT_LABELS).map((label) => ({
    name: label,
    what: `Cloudflare fails (${FAULT_LABELS[/** @type {keyof typeof FAULT_LABELS} */ (label)]}) for this domain; Google answers`,
    dns: healthy(label),
    host: { body: goodPolicy(label) },
  })),
  {
    name: 'xss',
    what: 'hostile text in TXT data, the policy body and the TLS-RPT/DMARC rua',
    dns: [
      `_mta-sts.xss TXT "v=STSv1; id=${XSS.img.replace(/"/g, '\\"')}"`,
      `_mta-sts.xss TXT "${XSS.textarea}"`,
      // Control characters and a right-to-left override (ESC [2J, NUL, U+202E) in TXT data.
      '_mta-sts.xss TXT "ctl\\027[2J\\000\\226\\128\\174end"',
      `_mta_sts.xss TXT "v=STSv1; id=1; x=${XSS.svg.replace(/"/g, '\\"')}"`,
      `xss TXT "v=STSv1; id=1${XSS.textarea}"`,
      'xss MX 10 mx1.xss.example.test.',
      'mx1.xss A 127.0.0.1',
      'mta-sts.xss A 127.0.0.1',
      `_smtp._tls.xss TXT "v=TLSRPTv1; rua=${XSS.js}"`,
      `_smtp-tlsrpt.xss TXT "v=TLSRPTv1; rua=mailto:${XSS.img}"`,
      `_dmarc.xss TXT "v=DMARC1; p=reject; rua=${XSS.js},mailto:${XSS.svg.replace(/"/g, '\\"')}"`,
    ],
    host: {
      body:
        `version: STSv1\nmode: enforce\nmx: ${XSS.img}\nmx: ${XSS.svg}\nmx: mx1.xss.example.test\n` +
        `max_age: 1209600\n${XSS.textarea}\nnote: ${XSS.js}\n`,
    },
  },
  {
    name: 'xsshtml',
    what: 'a hostile HTML page served as the policy, readable (CORS)',
    dns: healthy('xsshtml'),
    host: {
      body: `<!doctype html><title>x</title>${XSS.img}${XSS.textarea}${XSS.svg}<a href="${XSS.js}">x</a>\n`,
      contentType: 'text/html',
    },
  },
];

/** Records of the provider zone (CNAME target of cname.example.test). */
export const PROVIDER_DNS = [
  `_mta-sts.cname 300 TXT "v=STSv1; ${id}"`,
  // reports.provider.test accepts the DMARC reports of dmarcext.example.test (DMARC-021).
  `dmarcext.${ZONE}._report._dmarc.reports 300 TXT "v=DMARC1"`,
];

/** Every policy host name that nginx serves (and the certificate names). */
export function policyHosts() {
  return SCENARIOS.filter((s) => s.host).map((s) => `mta-sts.${s.name}.${ZONE}`);
}
