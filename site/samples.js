// @ts-check
// The eight examples behind the Examples buttons: a valid and a broken sample
// of each format. Each broken sample shows several distinct problems.

/** @typedef {'sts-record' | 'policy' | 'tls-rpt' | 'dmarc'} Format */
/** @typedef {{ format: Format, kind: 'valid' | 'broken', text: string }} Sample */

/** @type {readonly Sample[]} */
export const samples = [
  { format: 'sts-record', kind: 'valid', text: 'v=STSv1; id=20240115120000Z' },
  {
    format: 'sts-record',
    kind: 'broken',
    // space before the first ';', an id with dashes, a doubled ';',
    // a space before '=' and a second id
    text: 'v=STSv1 ; id=2024-01-15;; ext =1; id=20240115',
  },
  {
    format: 'policy',
    kind: 'valid',
    text: 'version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.backup.example.net\nmax_age: 1209600\n',
  },
  {
    format: 'policy',
    kind: 'broken',
    // wrong case of a mode value, a trailing dot, a double wildcard,
    // a max_age above one year, a space before ':'
    text:
      'version: STSv1\nmode: Enforce\nmx: mail.example.com.\nmx: *.*.example.net\nmax_age: 31557601\nreport_uri : https://example.com/r\n',
  },
  {
    format: 'tls-rpt',
    kind: 'valid',
    text: 'v=TLSRPTv1; rua=mailto:tlsrpt@example.com',
  },
  {
    format: 'tls-rpt',
    kind: 'broken',
    // an http URI, a DMARC-style size suffix, a doubled ';', a bad extension name
    text: 'v=TLSRPTv1; rua=http://reports.example.com/tls,mailto:tls@example.com!10m;; _x=1',
  },
  {
    format: 'dmarc',
    kind: 'valid',
    text: 'v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com; adkim=s; aspf=s',
  },
  {
    format: 'dmarc',
    kind: 'broken',
    // p not second, a URI without scheme, an unknown policy, a bad alignment
    // value, pct out of range
    text: 'v=DMARC1; rua=dmarc@example.com; p=block; adkim=strict; pct=150',
  },
];
