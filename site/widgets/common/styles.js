// @ts-check
// The widgets' one stylesheet, built once and adopted by every shadow root
// (a constructable stylesheet: no <style> element and no style attribute, so
// a host page whose CSP forbids inline styles still shows styled widgets).
//
// Themable with CSS custom properties set on the element or any ancestor:
//   --mtasts-font, --mtasts-mono-font, --mtasts-font-size, --mtasts-line-height,
//   --mtasts-fg, --mtasts-bg, --mtasts-muted, --mtasts-border, --mtasts-radius,
//   --mtasts-accent, --mtasts-accent-fg, --mtasts-focus,
//   --mtasts-error, --mtasts-warning, --mtasts-info, --mtasts-ok
// and with ::part(): root, label, input, select, button, help, summary,
// results, diagnostic, code, output, verdict, check, mx-table, status.
//
// The host page's global rules cannot reach inside the shadow root, but
// inherited properties (color, font-size, font-family, line-height…) cross
// it: every one of them is set again on the inner root, in px, so
// `* { font-size: 40px !important; color: red !important }` on the host page
// changes nothing inside.

const css = String.raw`
:host {
  display: block;
  contain: content;
  max-width: 100%;
}
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: var(--mtasts-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--mtasts-font-size, 16px);
  line-height: var(--mtasts-line-height, 1.5);
  font-weight: 400;
  font-style: normal;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-transform: none;
  text-indent: 0;
  white-space: normal;
  visibility: visible;
  cursor: auto;
  color: var(--mtasts-fg, #1b1b1f);
  background: var(--mtasts-bg, #ffffff);
  border: 1px solid var(--mtasts-border, #8d8d96);
  border-radius: var(--mtasts-radius, 8px);
  padding: 1em;
  overflow-wrap: anywhere;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
p, ol, ul, dl, dd, pre, fieldset, table { margin: 0; }
.stack > * + * { margin-top: 0.75em; }
.title {
  font-weight: 700;
  font-size: 1.05em;
}
.row {
  display: flex;
  flex-wrap: wrap;
  gap: 0.75em;
  align-items: flex-end;
}
.field { display: flex; flex-direction: column; gap: 0.25em; min-width: 0; }
.field.grow { flex: 1 1 14em; }
label, .label { font-weight: 600; font-size: 0.9375em; }
.help { color: var(--mtasts-muted, #4a4a55); font-size: 0.875em; }
code, pre, textarea, .mono {
  font-family: var(--mtasts-mono-font, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
  font-size: 0.875em;
}
input, select, textarea, button {
  font: inherit;
  color: inherit;
  margin: 0;
}
textarea, pre, code { font-size: 0.875em; }
input, select, textarea {
  display: block;
  width: 100%;
  min-height: 2.5em;
  padding: 0.45em 0.6em;
  border: 1px solid var(--mtasts-border, #8d8d96);
  border-radius: calc(var(--mtasts-radius, 8px) / 2);
  background: var(--mtasts-bg, #ffffff);
  color: var(--mtasts-fg, #1b1b1f);
}
select { width: auto; max-width: 100%; }
textarea { resize: vertical; min-height: 7em; line-height: 1.45; white-space: pre-wrap; }
button {
  display: inline-flex;
  align-items: center;
  gap: 0.3em;
  min-height: 2.5em;
  padding: 0.4em 0.9em;
  border: 1px solid var(--mtasts-accent, #0b57d0);
  border-radius: calc(var(--mtasts-radius, 8px) / 2);
  background: var(--mtasts-accent, #0b57d0);
  color: var(--mtasts-accent-fg, #ffffff);
  font-weight: 600;
  cursor: pointer;
  visibility: visible;
  opacity: 1;
}
button.secondary, button.link {
  background: transparent;
  color: var(--mtasts-accent, #0b57d0);
}
button.link {
  border: none;
  padding: 0;
  min-height: 0;
  text-decoration: underline;
  font-weight: 400;
}
a { color: var(--mtasts-accent, #0b57d0); }
:focus-visible {
  outline: 3px solid var(--mtasts-focus, #0b57d0);
  outline-offset: 2px;
}
.summary {
  padding: 0.5em 0.75em;
  border-radius: calc(var(--mtasts-radius, 8px) / 2);
  border-left: 4px solid var(--mtasts-border, #8d8d96);
  background: color-mix(in srgb, var(--mtasts-border, #8d8d96) 10%, var(--mtasts-bg, #ffffff));
}
.summary[data-state="ok"] { border-left-color: var(--mtasts-ok, #1a6b32); }
.summary[data-state="error"] { border-left-color: var(--mtasts-error, #b3261e); }
.summary[data-state="warning"] { border-left-color: var(--mtasts-warning, #8a5100); }
.diags { list-style: none; padding: 0; }
.diag {
  padding: 0.5em 0;
  border-top: 1px solid color-mix(in srgb, var(--mtasts-border, #8d8d96) 50%, transparent);
}
.diag:first-child { border-top: none; }
.diag-head { display: flex; flex-wrap: wrap; gap: 0.25em 0.6em; align-items: baseline; }
.sev {
  font-weight: 700;
  font-size: 0.8125em;
  text-transform: uppercase;
  letter-spacing: 0.03em;
}
.sev[data-severity="error"] { color: var(--mtasts-error, #b3261e); }
.sev[data-severity="warning"] { color: var(--mtasts-warning, #8a5100); }
.sev[data-severity="info"] { color: var(--mtasts-info, #0b4f8a); }
.code { font-weight: 600; }
.hint, .ref, .muted { color: var(--mtasts-muted, #4a4a55); font-size: 0.9375em; }
.understood { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 0.9em; }
.understood dt { font-weight: 600; }
.understood dd { margin: 0; }
pre.output {
  white-space: pre-wrap;
  padding: 0.6em 0.75em;
  border-radius: calc(var(--mtasts-radius, 8px) / 2);
  border: 1px solid color-mix(in srgb, var(--mtasts-border, #8d8d96) 60%, transparent);
  background: color-mix(in srgb, var(--mtasts-border, #8d8d96) 8%, var(--mtasts-bg, #ffffff));
  overflow: auto;
  max-height: 20em;
}
.out-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5em; }
.verdict {
  font-weight: 700;
  padding: 0.5em 0.75em;
  border-radius: calc(var(--mtasts-radius, 8px) / 2);
  border-left: 4px solid var(--mtasts-border, #8d8d96);
}
.verdict[data-verdict="deployed_ok"] { border-left-color: var(--mtasts-ok, #1a6b32); }
.verdict[data-verdict="problems"] { border-left-color: var(--mtasts-error, #b3261e); }
.verdict[data-verdict="not_deployed"], .verdict[data-verdict="unverified"] {
  border-left-color: var(--mtasts-warning, #8a5100);
}
table { border-collapse: collapse; width: 100%; font-size: 0.9375em; }
th, td {
  text-align: start;
  padding: 0.3em 0.5em;
  border-bottom: 1px solid color-mix(in srgb, var(--mtasts-border, #8d8d96) 50%, transparent);
  vertical-align: top;
}
th { font-weight: 600; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}
`;

/** @type {CSSStyleSheet | undefined} */
let sheet;

/** The shared stylesheet (created on first use, then reused by every widget). */
export function widgetSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
