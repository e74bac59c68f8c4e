// @ts-check
// Copy and download helpers for the generator's outputs, and a polite live
// region that says what happened ("Policy file copied.").

/**
 * Writes text to the clipboard, exactly (CRLF kept).
 * @param {string} text
 * @returns {Promise<boolean>} false when the browser refused (no permission, no API)
 */
export async function copyText(text) {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Selects the text of an element, so that the user can copy it by hand when
 * the clipboard API is refused.
 * @param {Node} node
 */
export function selectContents(node) {
  const selection = globalThis.getSelection?.();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Saves text as a file with exactly these bytes (UTF-8; CRLF kept).
 * @param {string} filename
 * @param {string} text
 */
export function downloadText(filename, text) {
  const blob = new Blob([new TextEncoder().encode(text)], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class Announcer {
  /** @param {HTMLElement} region an aria-live="polite" element */
  constructor(region) {
    this.region = region;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  /**
   * Says text; the same text twice in a row is said twice.
   * @param {string} text
   */
  say(text) {
    clearTimeout(this.timer);
    this.region.textContent = '';
    this.timer = setTimeout(() => {
      this.region.textContent = text;
    }, 50);
  }
}
