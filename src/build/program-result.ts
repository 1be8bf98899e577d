import type { CompilerError, CompilerReport } from './compiler-output.ts';

/**
 * What a type-check program's answer depends on besides the project files it read: the cache's context (panelcraft,
 * the SDK, TypeScript and Node, as the build cache keys them), the files the check may read now (a new file can
 * change what an import resolves to) and the root's setup files (package.json, tsconfig).
 */
export interface ProgramInputs {
  readonly key: string;
  /** The hash of a file (absolute) as it is now. */
  readonly hashOf: (file: string) => string;
}

/**
 * The answer of one compiler program, kept beside its state: given the same key and generated tsconfig, and every
 * project file it read (`inputs`, absolute) with the same hash, the compiler would answer the same, so it is not run.
 */
export interface ProgramResult {
  readonly format: typeof RESULT_FORMAT;
  readonly key: string;
  /** sha1 of the generated tsconfig's text (roots, global roots, compiler options). */
  readonly config: string;
  readonly inputs: readonly (readonly [string, string])[];
  readonly errors: readonly CompilerError[];
  readonly configErrors: readonly CompilerError[];
  readonly files: readonly string[];
}

export const RESULT_FORMAT = 'panelcraft-program-result-1';

/** The report a kept result stands for, if it holds for `config` and `inputs` now. */
export function reusedReport(
  result: ProgramResult | undefined,
  config: string,
  inputs: ProgramInputs,
): CompilerReport | undefined {
  if (!result || result.key !== inputs.key || result.config !== config) return undefined;
  if (result.inputs.some(([file, hash]) => inputs.hashOf(file) !== hash)) return undefined;
  return { errors: [...result.errors], configErrors: [...result.configErrors], files: [...result.files] };
}

/** A result of `text` (a file of the cache folder: anything), or undefined when it is not one. */
export function parseProgramResult(text: string): ProgramResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (r.format !== RESULT_FORMAT || typeof r.key !== 'string' || typeof r.config !== 'string') return undefined;
  if (!isPairs(r.inputs) || !isErrors(r.errors) || !isErrors(r.configErrors) || !isStrings(r.files)) return undefined;
  return {
    format: RESULT_FORMAT,
    key: r.key,
    config: r.config,
    inputs: r.inputs,
    errors: r.errors,
    configErrors: r.configErrors,
    files: r.files,
  };
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isPairs = (x: unknown): x is [string, string][] =>
  Array.isArray(x) && x.every((p) => Array.isArray(p) && p.length === 2 && isStrings(p));
const isErrors = (x: unknown): x is CompilerError[] => Array.isArray(x) && x.every(isCompilerError);

function isCompilerError(x: unknown): x is CompilerError {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.file === 'string' &&
    Number.isInteger(e.line) &&
    Number.isInteger(e.column) &&
    typeof e.code === 'string' &&
    typeof e.message === 'string' &&
    (e.severity === 'error' || e.severity === 'warning')
  );
}
