import type { Diagnostic } from '../model/diagnostic.ts';
import { escapeField } from './terminal-text.ts';

/**
 * The one terminal rendering of diagnostics, for every command: one block per file, dashboard-level findings first,
 * then findings grouped under the panel they land in, each with its rule, pointer, message and fix. Each block ends
 * with an empty line. `''` when there is nothing to report.
 * ```
 * dashboards/payments/overview.ts
 *   panel "Request rate" (/panels/3)
 *     error panel-units (/panels/3/fieldConfig/defaults/unit): unit "req/s" is not a Grafana unit id
 *       fix: use a constant from '@grafana/grafana-foundation-sdk/units', e.g. units.RequestsPerSecond
 * ```
 */
export function formatDiagnostics(raw: readonly Diagnostic[]): string {
  const lines: string[] = [];
  // Titles, paths and messages come from dashboards and servers: none may move the cursor or fake a line.
  const diagnostics = raw.map(escapeDiagnostic);
  // A finding in text the user wrote (a type error, a line of panelcraft.yaml) is headed by its position, file:line:col.
  const byFile = groupBy(diagnostics, (d) => (d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`));
  for (const [file, inFile] of byFile) {
    lines.push(file);
    const byPanel = groupBy(
      [...inFile].sort((a, b) => (a.panel === undefined ? 0 : 1) - (b.panel === undefined ? 0 : 1)),
      (d) => (d.panel === undefined ? '' : `panel "${d.panel}" (${panelPointer(d.pointer)})`),
    );
    for (const [heading, group] of byPanel) {
      const indent = heading === '' ? '  ' : '    ';
      if (heading !== '') lines.push(`  ${heading}`);
      for (const d of group) {
        // The compiler's message chain (each line escaped on its own) continues on lines indented under it.
        const message = d.rule === 'typescript' ? d.message.split('\n').join(`\n${indent}  `) : d.message;
        lines.push(`${indent}${d.severity} ${d.rule}${d.pointer === '' ? '' : ` (${d.pointer})`}: ${message}`);
        if (d.fix !== undefined) lines.push(`${indent}  fix: ${d.fix}`);
      }
    }
    lines.push('');
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Every text field with control characters and line breaks escaped (`\u001b`); `--json` keeps the raw data. */
export function escapeDiagnostic(d: Diagnostic): Diagnostic {
  return {
    ...d,
    file: escapeField(d.file),
    ...(d.panel !== undefined ? { panel: escapeField(d.panel) } : {}),
    pointer: escapeField(d.pointer),
    message: d.rule === 'typescript' ? d.message.split('\n').map(escapeField).join('\n') : escapeField(d.message),
    ...(d.fix !== undefined ? { fix: escapeField(d.fix) } : {}),
  };
}

/** `2 errors, 1 warning` */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** `2 errors, 1 warning in 3 files`. */
export function summaryLine(diagnostics: readonly Diagnostic[], files: number): string {
  return `${countLine(diagnostics)} in ${plural(files, 'file')}`;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** `/panels/2/panels/0/targets/1/expr` → `/panels/2/panels/0`. */
function panelPointer(ptr: string): string {
  const m = /^((?:\/spec|\/dashboard)?\/panels\/\d+(?:\/panels\/\d+)?)/.exec(ptr);
  return m ? m[1]! : ptr;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
