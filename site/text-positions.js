// @ts-check
// A textarea normalises CRLF and lone CR to LF. When a file's exact bytes were
// validated, this maps the core's positions (UTF-16 offsets into the decoded
// file) onto the textarea's text.

/** @typedef {'lf' | 'crlf' | 'cr' | 'mixed' | 'none'} LineEndings */

export class NewlineMap {
  /** @param {string} original text as decoded from the file */
  constructor(original) {
    /** @type {number[]} offsets of the CR of each CRLF pair (each removed) */
    this.removed = [];
    let lf = 0;
    let crlf = 0;
    let cr = 0;
    for (let i = 0; i < original.length; i++) {
      const c = original.charCodeAt(i);
      if (c === 13) {
        if (original.charCodeAt(i + 1) === 10) {
          this.removed.push(i);
          crlf++;
          i++;
        } else {
          cr++;
        }
      } else if (c === 10) {
        lf++;
      }
    }
    /** @type {string} what the textarea shows */
    this.text = original.replace(/\r\n?/g, '\n');
    const kinds = [lf > 0, crlf > 0, cr > 0].filter(Boolean).length;
    /** @type {LineEndings} */
    this.lineEndings =
      kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
  }

  /**
   * @param {number} offset UTF-16 offset into the original text
   * @returns {number} the same place in the normalised text
   */
  toNormalized(offset) {
    let lo = 0;
    let hi = this.removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.removed[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  }
}

/**
 * UTF-16 offset of a 1-based line and column in a text broken by LF, CRLF or
 * a lone CR (as the core counts them), clamped to the text.
 * @param {string} text
 * @param {number} line
 * @param {number} column
 */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const lf = text.indexOf('\n', offset);
    const cr = text.indexOf('\r', offset);
    const next = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (next < 0) return text.length;
    offset = next + (text[next] === '\r' && text[next + 1] === '\n' ? 2 : 1);
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
