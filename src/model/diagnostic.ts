/** How bad a finding is: errors fail `build` and `lint`; warnings are printed and never fail. */
export type Severity = 'error' | 'warning';

/**
 * One finding, with enough context for a person to fix it without opening the JSON:
 * which rule, which source file, which panel, where in the dashboard JSON, what is wrong, how to fix it.
 */
export interface Diagnostic {
  /** Rule id, e.g. `promql-syntax`, `grid-overlap`. */
  readonly rule: string;
  readonly severity: Severity;
  /** The file the user edits: the `.ts` source for `build`, the JSON file for `lint`. Posix path relative to the root. */
  readonly file: string;
  /** Title of the panel the pointer lands in, when it lands in one. */
  readonly panel?: string;
  /** JSON pointer into the dashboard JSON (RFC 6901), `''` for the whole document. */
  readonly pointer: string;
  /** 1-based position in `file`, for findings in text the user wrote (a TypeScript error, a line of panelcraft.yaml). */
  readonly line?: number;
  readonly column?: number;
  /** What is wrong; quotes the bad value. */
  readonly message: string;
  /** Imperative, names the API to use. */
  readonly fix?: string;
}

/** A finding as a rule reports it; the engine adds rule id, file, panel title and the final severity. */
export interface Finding {
  readonly pointer: string;
  readonly message: string;
  readonly fix?: string;
  /** Overrides the rule's default severity for this one finding. */
  readonly severity?: Severity;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for reports: file, position in it, pointer, rule, message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) =>
    [
      d.file,
      String(d.line ?? 0).padStart(9, '0'),
      String(d.column ?? 0).padStart(9, '0'),
      d.pointer,
      d.rule,
      d.message,
    ] as const;
  return [...diagnostics].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  });
}
