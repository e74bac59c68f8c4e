// @ts-check
// Turns a diagnostic's `ref` ("RFC 8461 §3.2", "RFC 7489 §6.3",
// "RFC 9989 App. A.6") into a link to the RFC Editor's HTML rendering.

/**
 * @param {string} ref
 * @returns {string | null} the URL, or null when ref names no RFC
 */
export function rfcUrl(ref) {
  const rfc = /\bRFC\s*(\d{3,5})\b/i.exec(ref);
  if (!rfc) return null;
  const base = `https://www.rfc-editor.org/rfc/rfc${Number(rfc[1])}`;
  const rest = ref.slice(rfc.index + rfc[0].length);
  const appendix = /^\s*(?:§\s*)?(?:App\.|Appendix)\s*([A-Z](?:\.\d+)*)/i.exec(rest);
  if (appendix) return `${base}#appendix-${appendix[1].toUpperCase()}`;
  const section = /^\s*(?:§|section|sect\.)\s*(\d+(?:\.\d+)*)/i.exec(rest);
  if (section) return `${base}#section-${section[1]}`;
  return base;
}

/**
 * Splits a `ref` that names several sources ("RFC 8461 §3.2; erratum 6253",
 * "RFC 8461 §3.2; RFC 5321 §4.1.2") into parts, each with its link if any.
 * @param {string} ref
 * @returns {{ text: string, url: string | null }[]}
 */
export function refLinks(ref) {
  return ref
    .split(/;|,(?=\s*errat)/i)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((text) => {
      const erratum = /^errat(?:um|a)\s*(?:eid\s*)?(\d+)$/i.exec(text);
      if (erratum) return { text, url: `https://www.rfc-editor.org/errata/eid${erratum[1]}` };
      return { text, url: rfcUrl(text) };
    });
}
