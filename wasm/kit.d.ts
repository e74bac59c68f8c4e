// MTA-STS Kit — types of the JS module (hand-written; see README "Using the JS module").

export type Severity = 'error' | 'warning' | 'info';
export type Language = 'en' | 'fr';
export type DmarcSpec = 'rfc7489' | 'rfc9989';
export type TextFormat = 'sts-record' | 'policy' | 'tls-rpt' | 'dmarc' | 'unknown';

/** One problem found, with its rule id from the catalogue. */
export interface Diagnostic {
  /** Rule id, e.g. "STS-POL-021". */
  code: string;
  severity: Severity;
  /** One sentence quoting the offending text, in the requested language. */
  message: string;
  /** The fix (may be empty). */
  hint: string;
  /** 1-based line (LF, CRLF or a lone CR break lines). */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** Half-open range in UTF-16 code units of the input (setSelectionRange-ready). */
  start: number;
  end: number;
  /** Specification reference, e.g. "RFC 8461 §3.2". */
  ref: string;
  /** Index of the record in a TXT RRset input (absent for a single record). */
  record?: number;
}

export interface Result<T> {
  /** True when no diagnostic has severity "error". */
  ok: boolean;
  /** What a sender understands, best effort even when there are errors. */
  value: T;
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

export interface StsRecord {
  version?: string;
  id?: string;
  extensions: Record<string, string>;
}

export interface Policy {
  version?: string;
  mode?: 'testing' | 'enforce' | 'none';
  maxAge?: number;
  mx: string[];
  extensions: Record<string, string>;
}

export interface TlsRptRecord {
  version?: string;
  rua: string[];
  extensions: Record<string, string>;
}

/** DMARC tags as a receiver understands them; absent tags are omitted. */
export interface DmarcRecord {
  v?: string;
  p?: string;
  sp?: string;
  np?: string;
  adkim?: string;
  aspf?: string;
  pct?: number;
  fo?: string;
  rf?: string;
  ri?: number;
  rua?: string[];
  ruf?: string[];
  t?: string;
  psd?: string;
}

/** A TXT RRset as DNS returns it: records, each an array of character-strings. */
export type TxtRrset = string[][];

export interface Options {
  /** Language of messages and hints (default "en"). */
  lang?: Language;
}

/** A diagnostic about one generator input field. */
export interface FieldDiagnostic extends Diagnostic {
  /** "domain", "mode", "mx[2]", "maxAge", "id", "rua[0]", "p", … ("" = the whole artefact).
   *  Positions are in the text of that field; start = end = 0 means the field as a whole. */
  field: string;
}

/** A generated artefact: `text` is valid (re-checked by the validators) or empty when !ok. */
export interface Generated {
  ok: boolean;
  text: string;
  diagnostics: FieldDiagnostic[];
}

export interface GeneratedPolicy extends Generated {
  mode: string;
  /** Normalised patterns: lower-case A-labels, no trailing dot, de-duplicated, input order. */
  mx: string[];
  maxAge: number;
}

export interface GeneratedStsRecord extends Generated {
  domain: string;
  /** `_mta-sts.<domain>. 3600 IN TXT "v=STSv1; id=<id>"` */
  zoneLine: string;
  policyHost: string;
  policyUrl: string;
  /** Commented A/AAAA/CNAME guidance for the policy host. */
  hostHint: string;
}

export interface GeneratedTlsRpt extends Generated {
  domain: string;
  rua: string[];
  zoneLine: string;
}

export interface DmarcAuthorization {
  destination: string;
  name: string;
  zoneLine: string;
}

export interface GeneratedDmarc extends Generated {
  domain: string;
  rua: string[];
  ruf: string[];
  /** `text` split into TXT strings of at most 255 octets. */
  strings: string[];
  zoneLine: string;
  /** Records external report destinations must publish (DMARC-021). */
  authorizations: DmarcAuthorization[];
}

export interface HostingSnippet {
  id: 'nginx' | 'apache' | 'caddy' | 'cloudflare-worker' | 'github-pages' | 'zone';
  title: string;
  syntax: string;
  text: string;
  files: { path: string; content: string }[];
}

export interface GeneratedHosting {
  ok: boolean;
  snippets: HostingSnippet[];
  diagnostics: FieldDiagnostic[];
}

export interface ProviderPreset {
  id: string;
  name: string;
  patterns: { pattern: string; optional: boolean; note: { en: string; fr: string } }[];
  explanation: { en: string; fr: string };
  /** Where the host names come from. */
  source: string;
  /** True when a DANE pattern can be derived from a real MX host (Microsoft 365). */
  dane: boolean;
}

export interface Kit {
  readonly version: string;
  validateStsRecord(input: string | TxtRrset, opts?: Options): Result<StsRecord>;
  /** A string is encoded as UTF-8; pass the raw bytes to check them as served. */
  validatePolicy(input: string | Uint8Array | ArrayBuffer, opts?: Options): Result<Policy>;
  validateTlsRptRecord(input: string | TxtRrset, opts?: Options): Result<TlsRptRecord>;
  validateDmarcRecord(
    input: string | TxtRrset,
    opts?: Options & { spec?: DmarcSpec },
  ): Result<DmarcRecord>;
  /** RFC 8461 §4.1: one whole left-most label for "*.", case-insensitive, host's trailing dot ignored. */
  mxPatternMatches(pattern: string, host: string): boolean;
  /** GEN-002: version first, CRLF after every line; mode defaults to testing. */
  generatePolicy(
    input: { mode?: string; mx?: string[]; maxAge?: number | string; domain?: string },
    opts?: Options,
  ): GeneratedPolicy;
  /** GEN-001: `v=STSv1; id=<id>`; the domain may be Unicode (converted to its A-label). */
  generateStsRecord(input: { id: string; domain?: string }, opts?: Options): GeneratedStsRecord;
  /** GEN-006: bare e-mail addresses get `mailto:`. */
  generateTlsRptRecord(input: { rua: string | string[]; domain?: string }, opts?: Options): GeneratedTlsRpt;
  /** GEN-007: `p` second; pct/rf/ri only with `legacy: true`. */
  generateDmarcRecord(
    input: {
      domain?: string; p?: string; sp?: string; np?: string; adkim?: string; aspf?: string;
      fo?: string; rua?: string | string[]; ruf?: string | string[]; t?: string;
      legacy?: boolean; pct?: number | string; rf?: string; ri?: number | string;
    },
    opts?: Options,
  ): GeneratedDmarc;
  /** GEN-008: nginx, Apache, Caddy, Cloudflare Worker, GitHub Pages and zone lines. */
  generateHosting(
    input: { domain: string; policy: string; id?: string; tlsrpt?: string },
    opts?: Options,
  ): GeneratedHosting;
  /** `contoso-com.a-v1.mx.microsoft` → `*.a-v1.mx.microsoft` (never `*.mx.microsoft`). */
  deriveMicrosoftDanePattern(host: string, opts?: Options): Generated;
  /** GEN-001: the UTC time as `YYYYMMDDhhmmss` (default: now). */
  policyIdFromDate(date?: Date): string;
  /** GEN-005: provider presets, one table in the core. */
  readonly presets: readonly ProviderPreset[];
  /** Which of the four formats a text looks like. */
  detectFormat(text: string): TextFormat;
  /** DOH-001…013: one DNS-over-HTTPS JSON response (HTTP status 0 = the request failed). */
  dohAnswer(body: string, httpStatus: number, qtype: number, opts?: Options): DohAnswer;
  /** CHK-025: what a pasted bounce (NDR) says about MTA-STS (Exchange Online 4.4.8/5.4.8, 4.7.5/5.7.5). */
  explainBounce(text: string, opts?: Options): Diagnostic[];
  /**
   * The rua/ruf destinations of a DMARC record that lie outside the domain's
   * organizational domain, each with the name where it must publish a TXT
   * record starting "v=DMARC1" to accept the reports (DMARC-021; the checker
   * asks these names and `assess` judges the answers given as
   * `facts.dmarcAuth`). In URI order, each host once; IP literals left out.
   */
  dmarcExternalDestinations(domain: string, record: string): { host: string; name: string }[];
  /** The live checker's judge: every STS-HTTP-*, CHK-*, DOH-* and text rule over the gathered facts. */
  assess(facts: CheckFacts, opts?: Options): Assessment;
}

/** One raw DoH exchange as the page saw it. */
export interface RawLookup {
  /** 'cloudflare', 'google' or the custom resolver's URL. */
  resolver: string;
  /** HTTP status; 0 when the request failed, timed out or was refused. */
  status: number;
  /** The response text as received. */
  body: string;
}

export type LookupName =
  | 'stsTxt' | 'mx' | 'hostA' | 'hostAaaa' | 'hostCname'
  | 'tlsRpt' | 'dmarc' | 'apexTxt' | 'stsUnderscore' | 'tlsRptWrong'
  /** The same TXT and MX questions asked of the other resolver (CHK-021). */
  | 'stsTxtOther' | 'mxOther';

export type FetchOutcome =
  | 'not_attempted' | 'ok' | 'opaque_redirect' | 'cors_blocked_but_host_answers'
  | 'network_error' | 'timeout' | 'too_large' | 'pasted';

export interface CheckFacts {
  /** The domain checked (A-label). */
  domain: string;
  lookups?: Partial<Record<LookupName, RawLookup>>;
  /**
   * Asked once the MX answer is in, per MX host: A and AAAA (CHK-009) and the
   * TLSA record at `_25._tcp.<host>` (DANE, CHK-015).
   */
  mxHosts?: Record<string, { a?: RawLookup; aaaa?: RawLookup; tlsa?: RawLookup }>;
  /**
   * TXT `<domain>._report._dmarc.<host>` of each external DMARC report
   * destination, keyed by host (kit.dmarcExternalDestinations; DMARC-021).
   */
  dmarcAuth?: Record<string, RawLookup>;
  policy?: {
    outcome: FetchOutcome;
    status?: number;
    /** null when the header was absent. */
    contentType?: string | null;
    cacheControl?: string | null;
    /** The bytes read (at most 65 537). */
    body?: string | Uint8Array;
    elapsedMs?: number;
  };
  /** From the previous report of the same domain (CHK-018…020). */
  history?: { lastId: string; lastBodyHash: string };
}

export interface DohRecord {
  name: string; type: number; ttl: number; data: string; text: string; hex: boolean;
  strings?: number; preference?: number; nullMx?: boolean;
}

export interface DohAnswer {
  status: 'dns' | 'transport_error' | 'bad_request' | 'malformed';
  httpStatus: number;
  kind: 'data' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'other';
  /** False when this resolver failed: ask another one; never read as "no record". */
  conclusive: boolean;
  ad: boolean; tc: boolean; cd: boolean;
  rcode?: number;
  comment?: string;
  question: string;
  qtype: number;
  cnameChain: string[];
  records: DohRecord[];
  diagnostics: Diagnostic[];
}

export type CheckArea = 'txt' | 'policy_host' | 'policy' | 'mx' | 'tlsrpt' | 'dmarc' | 'browser';

export interface Assessment {
  verdict: 'deployed_ok' | 'problems' | 'not_deployed' | 'unverified';
  checks: Array<Diagnostic & { area: CheckArea }>;
  mx: Array<{ preference: number; host: string; pattern: string | null; implicit: boolean }>;
  nullMx: boolean;
  policyUnverified: boolean;
  txtTtl: number | null;
  txtAd: boolean;
  mxAd: boolean;
  txtResolver: string;
  sts: Result<any> | null;
  policy: Result<any> | null;
  tlsrpt: Result<any> | null;
  dmarc: Result<any> | null;
  /** 16 hex digits; keep it with the id for the next check's history. */
  policyHash: string | null;
  lookups: Record<LookupName, (DohAnswer & { resolver: string }) | null>;
}

export interface LoadOptions {
  /**
   * mtasts-core.wasm already compiled, e.g. by a page with
   * `WebAssembly.compileStreaming(fetch(url))` while its worker starts, then
   * posted to the worker. Null, or a promise that fails: the core is fetched as
   * usual. A module that is not this core makes loadKit reject.
   */
  module?: WebAssembly.Module | PromiseLike<WebAssembly.Module | null> | null;
}

/**
 * Loads the WebAssembly core once (memoized) — no arguments needed in browsers
 * or Node ≥ 20. Only the first call's options count.
 */
export function loadKit(options?: LoadOptions): Promise<Kit>;
export default loadKit;
