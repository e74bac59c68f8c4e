// @ts-check
// Severity icons as inline SVG built with DOM calls (no markup parsing), so
// they work under the strict CSP. Each icon has its own shape: colour is never
// the only signal.

const svgNs = 'http://www.w3.org/2000/svg';

/** @type {Record<string, string[]>} path data per severity, on a 16×16 grid */
const shapes = {
  // a circle with a cross
  error: ['M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z', 'M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6'],
  // a triangle with an exclamation mark
  warning: ['M8 1.5L15 14.5H1z', 'M8 6v4.2M8 11.8v.4'],
  // a circle with an i
  info: ['M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z', 'M8 7v4.8M8 4.3v.4'],
  // a circle with a check mark (a valid output)
  ok: ['M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z', 'M4.8 8.3l2.1 2.1 4.3-4.6'],
};

/**
 * @param {'error' | 'warning' | 'info' | 'ok'} severity
 * @returns {SVGSVGElement}
 */
export function severityIcon(severity) {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon', `icon-${severity}`);
  const [outline, mark] = shapes[severity] ?? shapes.info;
  const body = document.createElementNS(svgNs, 'path');
  body.setAttribute('d', outline);
  body.setAttribute('class', 'icon-body');
  const glyph = document.createElementNS(svgNs, 'path');
  glyph.setAttribute('d', mark);
  glyph.setAttribute('class', 'icon-glyph');
  svg.append(body, glyph);
  return svg;
}
