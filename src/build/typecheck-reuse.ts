/**
 * Which type-check results can be reused (pure). The compiler's errors in a source file depend on that file and on
 * everything it imports, transitively; installed packages, TypeScript's own lib, the compiler options and the
 * tsconfig are the same for every file and sit in one global key. So a file whose own content and whose imports'
 * contents are unchanged, under the same key, has the same errors as last time, unless some file of the project
 * declares globals (a script, `declare global`, `declare module 'x'`): then every file depends on it and the whole
 * set is checked again.
 */

/** One compiler error in a file of the project, as `tsc` would print it. */
export interface CompilerError {
  /** Posix path relative to the root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** `TS2322` */
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** What one check found for one source file, and what that depended on. */
export interface CheckedFile {
  /** Content hash of the file itself. */
  readonly hash: string;
  /**
   * Content hash of every project file it imports, directly or not (installed packages are in the global key);
   * `ABSENT` for a path the compiler looked for and did not find (creating it may change the result).
   */
  readonly deps: Readonly<Record<string, string>>;
  /** Its errors, in the order the compiler reported them. */
  readonly errors: readonly CompilerError[];
}

/** The stored results: one entry per checked source file (absolute path), valid under `key` only. */
export interface TypecheckResults {
  readonly format: typeof RESULTS_FORMAT;
  readonly key: string;
  /**
   * False when a file of the project declares globals or the check found errors in no one file (options, missing
   * global types): then no file's result may be reused alone, and the whole set is checked in one program.
   */
  readonly reusable: boolean;
  /** Content hash of the `package.json` of every installed package the check read (their versions). */
  readonly packages: Readonly<Record<string, string>>;
  readonly files: Readonly<Record<string, CheckedFile>>;
}

export const RESULTS_FORMAT = 'panelcraft-typecheck-3';

/** The hash recorded for a file that does not exist. */
export const ABSENT = '';

/** The dependency of a file with an import that resolves to nothing: such a file is checked every time. */
export const UNRESOLVED = '\0unresolved import';

/** Whether `value` has the shape of stored results (a foreign, truncated or older file has not). */
export function isTypecheckResults(value: unknown): value is TypecheckResults {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.format !== RESULTS_FORMAT || typeof v.key !== 'string' || typeof v.reusable !== 'boolean') return false;
  if (!isHashRecord(v.packages)) return false;
  if (typeof v.files !== 'object' || v.files === null || Array.isArray(v.files)) return false;
  return Object.values(v.files as Record<string, unknown>).every(isCheckedFile);
}

function isCheckedFile(value: unknown): value is CheckedFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.hash === 'string' && isHashRecord(v.deps) && Array.isArray(v.errors) && v.errors.every(isTypeError);
}

function isHashRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((h) => typeof h === 'string')
  );
}

function isTypeError(value: unknown): value is CompilerError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.file === 'string' &&
    typeof v.line === 'number' &&
    typeof v.column === 'number' &&
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    (v.severity === 'error' || v.severity === 'warning')
  );
}

/** What to check again and what to take from the stored results. */
export interface ReusePlan {
  /** Roots whose result (and the results of everything they import) is still valid. */
  readonly reused: readonly string[];
  /** Roots to check with the compiler. */
  readonly check: readonly string[];
}

/**
 * The stored results when they may be reused at all: same key, reusable, every installed package the check read
 * unchanged (`hashOf` gives a file's current content hash, `undefined` for a file that is gone).
 */
export function usableResults(
  results: TypecheckResults | undefined,
  key: string,
  hashOf: (file: string) => string | undefined,
): TypecheckResults | undefined {
  if (!results || results.key !== key || !results.reusable) return undefined;
  for (const [file, hash] of Object.entries(results.packages)) if (hashOf(file) !== hash) return undefined;
  return results;
}

/**
 * Splits `roots` into reusable and to-check: a root is reusable when it and each file it imported still have the
 * stored content hash.
 */
export function planReuse(
  results: TypecheckResults | undefined,
  roots: readonly string[],
  hashOf: (file: string) => string | undefined,
): ReusePlan {
  if (!results) return { reused: [], check: [...roots] };
  const reused: string[] = [];
  const check: string[] = [];
  for (const root of roots) (isReusable(results, root, hashOf) ? reused : check).push(root);
  return { reused, check };
}

/** Whether the stored result of `file` holds: it and every file it imported are unchanged. */
export function isReusable(
  results: TypecheckResults,
  file: string,
  hashOf: (file: string) => string | undefined,
): boolean {
  const entry = results.files[file];
  if (!entry || hashOf(file) !== entry.hash) return false;
  for (const [dep, hash] of Object.entries(entry.deps)) {
    if (dep === UNRESOLVED) return false;
    if ((hashOf(dep) ?? ABSENT) !== hash || (hash !== ABSENT && !results.files[dep])) return false;
  }
  return true;
}

/** The files whose errors a set of reused roots brings along: each root and everything it imported. */
export function reusedFiles(results: TypecheckResults, roots: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const root of roots) {
    out.add(root);
    for (const [dep, hash] of Object.entries(results.files[root]?.deps ?? {}))
      if (hash !== ABSENT && dep !== UNRESOLVED) out.add(dep);
  }
  return out;
}

/** Errors in a stable order (file, position, code, text), each once: how a full check is compared to a cached one. */
export function sortTypeErrors(errors: Iterable<CompilerError>): CompilerError[] {
  const seen = new Map<string, CompilerError>();
  for (const e of errors) {
    const id = `${e.file}\0${e.line}\0${e.column}\0${e.code}\0${e.severity}\0${e.message}`;
    if (!seen.has(id)) seen.set(id, e);
  }
  return [...seen.values()].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.code, b.code) ||
      compare(a.message, b.message) ||
      compare(a.severity, b.severity),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
