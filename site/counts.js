// @ts-check
// "1 error, 0 warnings, 2 infos": the counts of a result's diagnostics, the
// same way in the page, the checker and the widgets (each with its own
// catalogue, whose count.errors / count.warnings / count.infos are plurals).

/**
 * @param {(key: string, params?: Record<string, string | number>) => string} t
 * @param {readonly { severity: string }[]} diagnostics
 */
export function severityCounts(t, diagnostics) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return [t('count.errors', { n: errors }), t('count.warnings', { n: warnings }), t('count.infos', { n: infos })].join(', ');
}
