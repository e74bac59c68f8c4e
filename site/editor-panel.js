// @ts-check
// The text box. A transparent <textarea> sits over a "mirror" <div> that holds
// the same text as text nodes, with <mark> elements over the spans of the
// diagnostics. The mirror is built from text nodes only, never from markup, so
// pasted text can never become HTML.

import { mostSevere, segment } from './highlight.js';

/** @typedef {import('./highlight.js').Span} Span */

/** Above this many spans, only the first ones are highlighted. */
const maxMarks = 2000;
/**
 * The mirror holds at most this many characters at first, and grows as the
 * text box is scrolled past them: a 1 MiB paste is not laid out twice.
 */
const mirrorChunk = 50_000;
/**
 * Above this length lines are not wrapped (in the text box and the mirror):
 * breaking a 1 MiB text into wrapped lines costs the browser more than twice
 * the layout of its plain lines, and a page that hangs on a paste is worse
 * than a horizontal scroll bar.
 */
export const noWrapLength = 100_000;

export class EditorPanel {
  /**
   * @param {HTMLTextAreaElement} textarea
   * @param {HTMLElement} mirror
   */
  constructor(textarea, mirror) {
    this.textarea = textarea;
    this.mirror = mirror;
    /** @type {Map<number, HTMLElement>} first mark starting at an offset */
    this.marksByStart = new Map();
    /** @type {readonly Span[]} */
    this.spans = [];
    this.mirrorLimit = mirrorChunk;
    this.mirrorComplete = true;
    this.wrapped = true;
    /** False until the text box scrolls: a new text then needs no scroll reset (which would force a layout). */
    this.mayBeScrolled = false;
    /** @type {number | undefined} a pending syncLayout (next frame) */
    this.layoutFrame = undefined;
    textarea.addEventListener('input', () => this.syncWrap(), { capture: true });
    textarea.addEventListener('scroll', () => {
      this.mayBeScrolled = true;
      this.syncScroll();
      this.growMirror();
    });
    // Also called once when the text box is first laid out (not forced here:
    // that would lay out the page while it is still being built).
    new ResizeObserver(() => this.syncLayout()).observe(textarea);
  }

  get text() {
    return this.textarea.value;
  }

  /**
   * Replaces the whole text (examples, files, restore).
   * @param {string} text
   */
  set text(text) {
    this.textarea.value = text;
    this.syncWrap();
    if (!this.mayBeScrolled) return;
    this.mayBeScrolled = false;
    this.textarea.scrollTop = 0;
    this.syncScroll();
  }

  /** Wraps lines unless the text is huge (see noWrapLength). */
  syncWrap() {
    const wrapped = this.textarea.value.length <= noWrapLength;
    if (wrapped === this.wrapped) return;
    this.wrapped = wrapped;
    this.textarea.style.whiteSpace = wrapped ? '' : 'pre';
    this.mirror.style.whiteSpace = wrapped ? '' : 'pre';
    this.textarea.dataset.wrap = wrapped ? 'soft' : 'off';
  }

  /** @param {() => void} listener */
  onInput(listener) {
    this.textarea.addEventListener('input', listener);
  }

  /**
   * Redraws the mirror with the given spans (offsets into the textarea text).
   * @param {readonly Span[]} spans
   */
  highlight(spans) {
    this.spans = mostSevere(spans, maxMarks);
    this.mirrorLimit = mirrorChunk;
    this.draw();
    this.growMirror();
  }

  /** Draws the mirror up to mirrorLimit characters. */
  draw() {
    const full = this.textarea.value;
    this.mirrorComplete = full.length <= this.mirrorLimit;
    const text = this.mirrorComplete ? full : full.slice(0, this.mirrorLimit);
    const runs = segment(text.length, this.spans);
    const nodes = [];
    this.marksByStart.clear();
    for (const run of runs) {
      if (run.kind === 'text') {
        nodes.push(document.createTextNode(text.slice(run.start, run.end)));
        continue;
      }
      const mark = document.createElement('mark');
      mark.className = `mark-${run.severity}${run.kind === 'point' ? ' mark-point' : ''}`;
      mark.textContent = text.slice(run.start, run.end);
      mark.dataset.start = String(run.start);
      mark.dataset.end = String(run.end);
      if (!this.marksByStart.has(run.start)) this.marksByStart.set(run.start, mark);
      nodes.push(mark);
    }
    // A final line break only shows as an empty last line with something after it.
    if (this.mirrorComplete && (text.endsWith('\n') || text.length === 0)) {
      nodes.push(document.createTextNode('\u200b'));
    }
    this.mirror.replaceChildren(...nodes);
    // The text may have gained or lost a scroll bar: measured at the next frame,
    // once the page has drawn everything else, rather than by a layout forced now.
    if (this.layoutFrame === undefined) {
      this.layoutFrame = requestAnimationFrame(() => {
        this.layoutFrame = undefined;
        this.syncLayout();
      });
    }
  }

  /**
   * Selects a span in the textarea, focuses it and scrolls it into view.
   * @param {number} start
   * @param {number} end
   */
  select(start, end) {
    const length = this.textarea.value.length;
    const from = Math.max(0, Math.min(length, start));
    const to = Math.max(from, Math.min(length, end));
    this.mayBeScrolled = true;
    this.textarea.focus({ preventScroll: true });
    this.textarea.setSelectionRange(from, to);
    if (!this.mirrorComplete && from > this.mirrorLimit) {
      this.mirrorLimit = Math.max(this.mirrorLimit * 2, to + mirrorChunk);
      this.draw();
    }
    const mark = this.marksByStart.get(from);
    if (mark) {
      const top = mark.offsetTop - this.textarea.clientHeight / 3;
      this.textarea.scrollTop = Math.max(0, top);
    }
    this.syncScroll();
    this.textarea.scrollIntoView({ block: 'nearest' });
  }

  /** Extends a partial mirror when the text box shows (or nearly shows) past its end. */
  growMirror() {
    const ta = this.textarea;
    while (!this.mirrorComplete) {
      const needed = ta.scrollTop + 2 * ta.clientHeight;
      const drawn = this.mirror.scrollHeight;
      if (needed <= drawn) return;
      // Grow in proportion to the height still missing, at least doubling.
      const estimate = Math.ceil((this.mirrorLimit * needed * 1.25) / Math.max(1, drawn));
      this.mirrorLimit = Math.max(this.mirrorLimit * 2, estimate);
      this.draw();
    }
  }

  syncScroll() {
    this.mirror.scrollTop = this.textarea.scrollTop;
    this.mirror.scrollLeft = this.textarea.scrollLeft;
  }

  /** Keeps the mirror's box, including room for the scrollbar, equal to the textarea's. */
  syncLayout() {
    const ta = this.textarea;
    const style = getComputedStyle(ta);
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const scrollbar = Math.max(0, ta.offsetWidth - ta.clientWidth - borders);
    const box = {
      width: `${ta.offsetWidth}px`,
      height: `${ta.offsetHeight}px`,
      paddingRight: `${parseFloat(style.paddingRight) + scrollbar}px`,
    };
    // Written only when changed: an unchanged box needs no new layout.
    for (const [property, value] of Object.entries(box)) {
      const key = /** @type {'width' | 'height' | 'paddingRight'} */ (property);
      if (this.mirror.style[key] !== value) this.mirror.style[key] = value;
    }
    this.syncScroll();
  }
}
