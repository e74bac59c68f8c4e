// @ts-check
// Splits a text into plain runs and marked runs from diagnostic spans. Spans
// may overlap: a run covered by several spans takes the most severe one.
// Empty spans (start === end) become points, drawn as a thin caret.

/** @typedef {'error' | 'warning' | 'info'} Severity */
/** @typedef {{ start: number, end: number, severity: Severity }} Span */
/**
 * @typedef {{ kind: 'text', start: number, end: number }
 *   | { kind: 'mark', start: number, end: number, severity: Severity }
 *   | { kind: 'point', start: number, end: number, severity: Severity }} Run
 */

/** @type {Record<Severity, number>} */
const rank = { error: 0, warning: 1, info: 2 };
/** @type {Severity[]} */
const bySeverity = ['error', 'warning', 'info'];

/**
 * @param {number} length text length in UTF-16 units
 * @param {readonly Span[]} spans
 * @returns {Run[]}
 */
export function segment(length, spans) {
  /** @type {{ at: number, delta: number, rank: number }[]} */
  const events = [];
  /** @type {Map<number, number>} point offset -> best rank */
  const points = new Map();
  for (const span of spans) {
    const r = rank[span.severity] ?? 2;
    const start = clamp(span.start, length);
    const end = clamp(Math.max(span.start, span.end), length);
    if (end === start) {
      points.set(start, Math.min(points.get(start) ?? 2, r));
    } else {
      events.push({ at: start, delta: 1, rank: r }, { at: end, delta: -1, rank: r });
    }
  }
  const cuts = new Set([0, length, ...events.map((e) => e.at), ...points.keys()]);
  const boundaries = [...cuts].sort((a, b) => a - b);
  events.sort((a, b) => a.at - b.at);

  /** @type {Run[]} */
  const runs = [];
  const open = [0, 0, 0];
  let next = 0;
  for (let i = 0; i < boundaries.length; i++) {
    const at = boundaries[i];
    while (next < events.length && events[next].at === at) {
      open[events[next].rank] += events[next].delta;
      next++;
    }
    const point = points.get(at);
    if (point !== undefined) runs.push({ kind: 'point', start: at, end: at, severity: bySeverity[point] });
    const to = boundaries[i + 1];
    if (to === undefined || to === at) continue;
    const best = open.findIndex((count) => count > 0);
    const last = runs[runs.length - 1];
    if (best < 0) {
      if (last && last.kind === 'text') last.end = to;
      else runs.push({ kind: 'text', start: at, end: to });
    } else if (last && last.kind === 'mark' && last.severity === bySeverity[best] && last.end === at) {
      last.end = to;
    } else {
      runs.push({ kind: 'mark', start: at, end: to, severity: bySeverity[best] });
    }
  }
  return runs;
}

/**
 * @param {number} n
 * @param {number} length
 */
function clamp(n, length) {
  return Math.max(0, Math.min(length, Number.isFinite(n) ? Math.trunc(n) : 0));
}

/**
 * At most max items, errors first, then warnings, then info, kept in their
 * original (text) order: a flood of info never hides an error.
 * @template {{ severity: Severity }} T
 * @param {readonly T[]} items
 * @param {number} max
 * @returns {T[]}
 */
export function mostSevere(items, max) {
  if (items.length <= max) return [...items];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (rank[a.item.severity] ?? 2) - (rank[b.item.severity] ?? 2) || a.index - b.index)
    .slice(0, max)
    .sort((a, b) => a.index - b.index)
    .map(({ item }) => item);
}
