// @ts-check
// Fetched text (TXT data, MX hosts, the policy body, resolver comments, error
// text) shown safely: every character that is invisible or changes how the
// rest displays (C0/C1 controls, DEL, bidi controls, zero-width characters,
// U+FEFF, line/paragraph separators) is replaced by a visible stand-in in its
// own <span class="ctl"> with a title naming the code point. DOM nodes and
// textContent only, never innerHTML.

/**
 * The characters made visible. Tab, LF and CR are kept as they are when
 * `multiline` is set (a policy body in a <pre>).
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const HIDDEN_TEST = new RegExp(HIDDEN.source);
const KEEP_MULTILINE = new Set(['\t', '\n', '\r']);

/** Short names for the title of common ones. */
const NAMES = /** @type {Record<number, string>} */ ({
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x09: 'TAB', 0x0a: 'LF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'BYTE ORDER MARK',
});

/** @param {number} cp */
function hex(cp) {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The visible stand-in of one hidden character: a Control Picture for C0
 * controls and DEL (␛, ␀, ␡), `\u{202E}` otherwise.
 * @param {string} ch
 */
export function standIn(ch) {
  const cp = /** @type {number} */ (ch.codePointAt(0));
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** Whether a string holds a character that would be shown raw. @param {string} text @param {boolean} [multiline] */
export function hasHidden(text, multiline = false) {
  if (!HIDDEN_TEST.test(text)) return false;
  if (!multiline) return true;
  for (const m of text.matchAll(HIDDEN)) if (!KEEP_MULTILINE.has(m[0])) return true;
  return false;
}

/**
 * Appends `text` to `parent` with hidden characters made visible.
 * @param {Node} parent
 * @param {string} text
 * @param {{ multiline?: boolean }} [o]
 * @returns {Node} parent
 */
export function appendSafe(parent, text, o = {}) {
  const doc = parent.ownerDocument ?? document;
  const s = String(text ?? '');
  let at = 0;
  for (const m of s.matchAll(HIDDEN)) {
    const ch = m[0];
    const i = /** @type {number} */ (m.index);
    if (o.multiline && KEEP_MULTILINE.has(ch)) continue;
    if (i > at) parent.appendChild(doc.createTextNode(s.slice(at, i)));
    const cp = /** @type {number} */ (ch.codePointAt(0));
    const span = doc.createElement('span');
    span.className = 'ctl';
    span.textContent = standIn(ch);
    span.title = `U+${hex(cp)}${NAMES[cp] ? ` ${NAMES[cp]}` : ''}`;
    parent.appendChild(span);
    at = i + ch.length;
  }
  if (at < s.length) parent.appendChild(doc.createTextNode(s.slice(at)));
  return parent;
}

/**
 * An element holding `text` safely.
 * @param {string} tag
 * @param {string | undefined} className
 * @param {string} text
 * @param {{ multiline?: boolean }} [o]
 */
export function safeEl(tag, className, text, o) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  appendSafe(e, text, o);
  return e;
}

/**
 * The safety net: rewrites every text node under `root` that still holds a
 * hidden character (text inside <pre>/<textarea> keeps tab, LF and CR).
 * @param {Node} root
 */
export function revealHidden(root) {
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  /** @type {Text[]} */
  const found = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent?.closest('textarea, script, style')) continue;
    const multiline = Boolean(parent?.closest('pre'));
    if (hasHidden(n.textContent ?? '', multiline)) found.push(/** @type {Text} */ (n));
  }
  for (const n of found) {
    const frag = doc.createDocumentFragment();
    appendSafe(frag, n.textContent ?? '', { multiline: Boolean(n.parentElement?.closest('pre')) });
    n.replaceWith(frag);
  }
}
