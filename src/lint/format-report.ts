import type { Diagnostic } from '../model/diagnostic.ts';

/**
 * Human report: one block per file, findings grouped under the panel they land in (dashboard-level first),
 * each with its rule, pointer, message and fix; then the summary line.
 */
export function formatReport(diagnostics: readonly Diagnostic[], files: number): string {
  const lines: string[] = [];
  const byFile = groupBy(diagnostics, (d) => d.file);
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
        lines.push(`${indent}${d.severity} ${d.rule}${d.pointer === '' ? '' : ` (${d.pointer})`}: ${d.message}`);
        if (d.fix !== undefined) lines.push(`${indent}  fix: ${d.fix}`);
      }
    }
    lines.push('');
  }
  lines.push(summaryLine(diagnostics, files));
  return `${lines.join('\n')}\n`;
}

/** `2 errors, 1 warning in 3 files`. */
export function summaryLine(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}

/** The diagnostics as one JSON array with a fixed key order. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    rule: d.rule,
    severity: d.severity,
    file: d.file,
    ...(d.panel !== undefined ? { panel: d.panel } : {}),
    pointer: d.pointer,
    message: d.message,
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
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
