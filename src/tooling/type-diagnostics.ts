import type { Diagnostic } from '../model/diagnostic.ts';
import { type CompilerError, type TypecheckOptions, typecheckProject } from '../io/typecheck.ts';

/** What one type check of the dashboard sources found. */
export interface TypeCheck {
  /** One error diagnostic per compiler error, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The compiler's own time (summed over its programs). The compiler runs beside load and render, so this is what
   * it cost, not what the build waited for it.
   */
  readonly ms: number;
  /** Files of the project the compiler read (posix, relative to the root; `../` outside it). */
  readonly read: readonly string[];
  /** Compiler programs run (shards). */
  readonly programs: number;
}

/**
 * The compiler's errors in the dashboard sources (and what they import from the project), as diagnostics. The
 * compiler (TypeScript 7) runs as a child process, so the caller loads and renders meanwhile; `signal` stops it.
 */
export async function checkTypes(
  root: string,
  files: readonly string[],
  options: TypecheckOptions = {},
): Promise<TypeCheck> {
  const outcome = await typecheckProject(root, files, options);
  const diagnostics: Diagnostic[] = outcome.missing
    ? [
        {
          rule: 'typescript',
          severity: 'error',
          file: 'package.json',
          pointer: '',
          message: `cannot type-check: ${outcome.missing.problem}`,
          fix: outcome.missing.fix,
        },
      ]
    : outcome.errors.map((e) => typeDiagnostic(e, outcome.configProblem));
  return { diagnostics, ms: outcome.compilerMs, read: outcome.read, programs: outcome.programs };
}

function typeDiagnostic(e: CompilerError, configProblem: string | undefined): Diagnostic {
  return {
    rule: 'typescript',
    severity: e.severity,
    file: e.file,
    pointer: '',
    line: e.line,
    column: e.column,
    message: `${e.code}: ${e.message}`,
    fix: configProblem
      ? `${configProblem}: fix tsconfig.json as the compiler says (panelcraft checks with TypeScript 7, as \`npx tsc\` does with typescript@7)`
      : 'fix the type error at the position shown (the same check as `tsc --noEmit`)',
  };
}
