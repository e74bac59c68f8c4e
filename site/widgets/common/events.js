// @ts-check
// The widgets' typed events. All bubble and are composed (they cross the
// shadow boundary), so a page can listen on the element or on document.
//
//   mtasts-result   <mtasts-validator>  detail: { format, spec, lang, result, reason }
//                   format: 'sts-record'|'policy'|'tls-rpt'|'dmarc'|'unknown' (the one used),
//                   result: the core's { ok, value, diagnostics } or null (empty,
//                   unknown or too large text; reason says which: 'empty'|'unknown'|'too-large'|null)
//   mtasts-generate <mtasts-generator>  detail: { ok, lang, policy, record, tlsRpt }
//                   policy: kit.generatePolicy's result, record: kit.generateStsRecord's,
//                   tlsRpt: kit.generateTlsRptRecord's or null when no report address;
//                   all three null (ok false) when a field is over 64 KiB
//   mtasts-report   <mtasts-checker>    detail: { domain, lang, report }
//                   report: kit.assess's report ({ verdict, checks, mx, … })
//   mtasts-error    any widget          detail: { message } (the core could not load, a check failed)

/**
 * @template T
 */
export class MtastsEvent extends CustomEvent {
  /**
   * @param {string} type
   * @param {T} detail
   */
  constructor(type, detail) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

/** @extends {MtastsEvent<{ format: string, spec: string, lang: string, result: any, reason: string | null }>} */
export class MtastsResultEvent extends MtastsEvent {
  static type = 'mtasts-result';
  /** @param {{ format: string, spec: string, lang: string, result: any, reason: string | null }} detail */
  constructor(detail) {
    super(MtastsResultEvent.type, detail);
  }
}

/** @extends {MtastsEvent<{ ok: boolean, lang: string, policy: any, record: any, tlsRpt: any }>} */
export class MtastsGenerateEvent extends MtastsEvent {
  static type = 'mtasts-generate';
  /** @param {{ ok: boolean, lang: string, policy: any, record: any, tlsRpt: any }} detail */
  constructor(detail) {
    super(MtastsGenerateEvent.type, detail);
  }
}

/** @extends {MtastsEvent<{ domain: string, lang: string, report: any }>} */
export class MtastsReportEvent extends MtastsEvent {
  static type = 'mtasts-report';
  /** @param {{ domain: string, lang: string, report: any }} detail */
  constructor(detail) {
    super(MtastsReportEvent.type, detail);
  }
}

/** @extends {MtastsEvent<{ message: string }>} */
export class MtastsErrorEvent extends MtastsEvent {
  static type = 'mtasts-error';
  /** @param {{ message: string }} detail */
  constructor(detail) {
    super(MtastsErrorEvent.type, detail);
  }
}
