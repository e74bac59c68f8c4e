// @ts-check
// A redrawn list must not drop a keyboard user's focus. Results are
// redrawn when a validation finishes, which may be after the user has tabbed
// from the text into the list (typing ahead of a slow validation, a change of
// language or format): the button they were on is replaced, and the focus
// would fall back to the top of the page. Used by the page's and the widgets'
// diagnostic lists.

const controls = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Runs `redraw`; if the focus was on a control inside `region` and that
 * control is gone, focuses the control at the same place among the redrawn
 * ones (the last if there are fewer now), else `fallback` (made focusable by
 * script if it is not).
 * @param {Element} region
 * @param {() => void} redraw
 * @param {HTMLElement | null} [fallback]
 */
export function redrawKeepingFocus(region, redraw, fallback = null) {
  const root = region.getRootNode();
  const active = root instanceof Document || root instanceof ShadowRoot ? root.activeElement : null;
  if (!active || !region.contains(active)) {
    redraw();
    return;
  }
  const index = [...region.querySelectorAll(controls)].indexOf(active);
  redraw();
  if (active.isConnected && region.contains(active)) return;
  const now = [...region.querySelectorAll(controls)].filter(
    (el) => el instanceof HTMLElement && el.getClientRects().length > 0,
  );
  const target = now[Math.min(Math.max(index, 0), now.length - 1)] ?? fallback;
  if (!(target instanceof HTMLElement)) return;
  if (target === fallback && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}
