// @ts-check
// The text box. A transparent <textarea> sits over a "mirror" <div> that holds
// the same text as text nodes, with <mark> elements over the spans of the
// diagnostics. The mirror is built from text nodes only, never from markup, so
// pasted text can never become HTML.

import { segment } from './highlight.js';

/** @typedef {import('./highlight.js').Span} Span */

/** Above this many spans, only the first ones are highlighted. */
const maxMarks = 2000;

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
    textarea.addEventListener('scroll', () => this.syncScroll());
    new ResizeObserver(() => this.syncLayout()).observe(textarea);
    this.syncLayout();
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
    this.textarea.scrollTop = 0;
    this.syncScroll();
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
    const text = this.textarea.value;
    const runs = segment(text.length, spans.slice(0, maxMarks));
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
    if (text.endsWith('\n') || text.length === 0) nodes.push(document.createTextNode('\u200b'));
    this.mirror.replaceChildren(...nodes);
    this.syncLayout();
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
    this.textarea.focus({ preventScroll: true });
    this.textarea.setSelectionRange(from, to);
    const mark = this.marksByStart.get(from);
    if (mark) {
      const top = mark.offsetTop - this.textarea.clientHeight / 3;
      this.textarea.scrollTop = Math.max(0, top);
    }
    this.syncScroll();
    this.textarea.scrollIntoView({ block: 'nearest' });
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
    this.mirror.style.width = `${ta.offsetWidth}px`;
    this.mirror.style.height = `${ta.offsetHeight}px`;
    this.mirror.style.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;
    this.syncScroll();
  }
}
