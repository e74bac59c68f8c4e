// The host page's own script: records the widgets' events and any CSP
// violation, for the test to read.
window.__events = [];
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
});
for (const type of ['mtasts-result', 'mtasts-generate', 'mtasts-report', 'mtasts-error']) {
  // On document: the events bubble and are composed.
  document.addEventListener(type, (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    window.__events.push({ type, target: target.id, detail: JSON.parse(JSON.stringify(e.detail)) });
  });
}
