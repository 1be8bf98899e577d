import type { Diagnostic } from '../model/diagnostic.ts';
import type { CompilerError } from '../io/typecheck.ts';
import { typecheckThread } from '../io/typecheck-thread.ts';

/** What one type check of the dashboard sources found. */
export interface TypeCheck {
  /** One error diagnostic per compiler error, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Wall time from the request until the checker's thread had the answer. */
  readonly ms: number;
  /** Root files the compiler checked, and root files whose stored result was reused. */
  readonly checked: number;
  readonly reused: number;
}

/**
 * The compiler's errors in the dashboard sources (and what they import from the project), as diagnostics, checked
 * on the process's type-check thread, so the caller loads and renders meanwhile.
 */
export async function checkTypes(
  root: string,
  files: readonly string[],
  cacheDir?: string,
  /** A long-lived caller (`dev`): keep the thread ready for the next check. */
  warm = false,
  /** The token of the thread's `prepare` for this check, when the caller had it prepared. */
  prepared?: number,
): Promise<TypeCheck> {
  const start = performance.timeOrigin + performance.now();
  const outcome = await typecheckThread().check(root, files, cacheDir === undefined ? {} : { cacheDir }, {
    warm,
    ...(prepared !== undefined ? { prepared } : {}),
  });
  return {
    diagnostics: outcome.errors.map(typeDiagnostic),
    ms: outcome.doneAt - start,
    checked: outcome.checked,
    reused: outcome.reused,
  };
}

function typeDiagnostic(e: CompilerError): Diagnostic {
  return {
    rule: 'typescript',
    severity: e.severity,
    file: e.file,
    pointer: '',
    line: e.line,
    column: e.column,
    message: `${e.code}: ${e.message}`,
    fix: 'fix the type error at the position shown (the same check as `tsc --noEmit`)',
  };
}
