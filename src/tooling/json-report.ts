import { hasErrors, type Diagnostic } from '../model/diagnostic.ts';
import { countDiagnostics } from './format-diagnostics.ts';

/**
 * The one shape every command prints with `--json` (documented in docs/cli-json.md): what ran, whether it
 * succeeded, the diagnostics with their counts, then the command's own fields.
 */
export interface JsonReport {
  readonly command: string;
  readonly ok: boolean;
  readonly summary: { readonly errors: number; readonly warnings: number };
  readonly diagnostics: readonly Diagnostic[];
  readonly [field: string]: unknown;
}

/** Diagnostics with a fixed key order, so the JSON reads the same for every command. */
export function diagnosticJson(d: Diagnostic): Diagnostic {
  return {
    rule: d.rule,
    severity: d.severity,
    file: d.file,
    ...(d.panel !== undefined ? { panel: d.panel } : {}),
    pointer: d.pointer,
    ...(d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}),
    message: d.message,
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
  };
}

/**
 * `--json` output: 2-space indent, final newline. `ok` defaults to "no error diagnostics"; a command whose failure
 * is not a diagnostic (stale files, empty panels) passes its own.
 */
export function jsonReport(
  command: string,
  diagnostics: readonly Diagnostic[],
  fields: Readonly<Record<string, unknown>> = {},
  ok: boolean = !hasErrors(diagnostics),
): string {
  const report: JsonReport = {
    command,
    ok,
    summary: countDiagnostics(diagnostics),
    diagnostics: diagnostics.map(diagnosticJson),
    ...fields,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
