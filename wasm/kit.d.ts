// MTA-STS Kit — types of the JS module (hand-written; see README "Using the module").

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
  /** Which of the four formats a text looks like. */
  detectFormat(text: string): TextFormat;
}

/** Loads the WebAssembly core once (memoized) — no arguments in browsers or Node ≥ 20. */
export function loadKit(): Promise<Kit>;
export default loadKit;
