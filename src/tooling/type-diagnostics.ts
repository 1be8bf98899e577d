import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ProgramInputs } from '../build/program-result.ts';
import type { BuildCache } from '../io/build-cache.ts';
import { type CompilerError, type TypecheckOptions, typecheckProject } from '../io/typecheck.ts';

/** What one type check of the dashboard sources found. */
export interface TypeCheck {
  /** One error diagnostic per compiler error, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The compiler's wall time, start to exit, summed over its programs. The compiler runs beside load and render, so
   * this is what it took, not what the build waited for it.
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

/**
 * What a type-check program's kept answer is compared by, besides the project files it read: the build cache's
 * context (panelcraft, the SDK, TypeScript, Node, the config), the files the check may read now (`scan`, from
 * `typecheckScope`: one added or removed can change what an import resolves to) and the bytes of the root's setup
 * files among them (tsconfig, package.json). File hashes are the build cache's, taken once per build.
 */
export function programInputs(cache: BuildCache, scan: readonly string[]): ProgramInputs {
  const hash = createHash('sha256').update(`${cache.recordContext()}\0`);
  for (const file of scan) hash.update(`${file}\n`);
  for (const file of scan)
    if (!file.includes('/') && !/\.[cm]?tsx?$/.test(file)) hash.update(`${file} ${cache.hashOf(file)}\n`);
  return { key: hash.digest('hex'), hashOf: cache.hashOf };
}
