import type { Diagnostic } from '../model/diagnostic.ts';

/**
 * Human report: grouped by file, then by panel, each finding with its rule, pointer and fix.
 * ```
 * dashboards/payments/overview.ts › panel "Request rate"
 *   error panel-unit (/panels/3/fieldConfig/defaults/unit): unit "req/s" is not a Grafana unit id
 *     fix: use a constant from '@grafana/grafana-foundation-sdk/units', e.g. units.RequestsPerSecond
 * ```
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.panel === undefined ? d.file : `${d.file} › panel "${d.panel}"`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const out: string[] = [];
  for (const [heading, items] of groups) {
    out.push(heading);
    for (const d of items) {
      const where = d.pointer === '' ? '' : ` (${d.pointer})`;
      out.push(`  ${d.severity} ${d.rule}${where}: ${d.message}`);
      if (d.fix) out.push(`    fix: ${d.fix}`);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** `2 errors, 1 warning` */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
