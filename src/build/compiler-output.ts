/**
 * What the TypeScript compiler printed, as data (pure). `tsc --pretty false --listFiles` prints one line per
 * diagnostic, `file(line,col): error TS2322: message` (or `error TS5023: message` for one in no file), a message
 * chain continuing on lines indented by two spaces per level, and the path of every file of the program, one a line.
 */

/** One compiler error in a file of the project, as `tsc` prints it. */
export interface CompilerError {
  /** Posix path relative to the root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** `TS2322` */
  readonly code: string;
  /** The message, chained messages on their own lines with the compiler's indentation. */
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** What one run of the compiler reported. */
export interface CompilerReport {
  /** Errors in files of the project (below the root, not in node_modules), in the compiler's order. */
  readonly errors: CompilerError[];
  /**
   * Errors in the configuration: in a `.json` file (the project's tsconfig, or the generated one `extends` it) or
   * about options (TS5xxx in no file). Reported on `tsconfig.json`.
   */
  readonly configErrors: CompilerError[];
  /** Every file of the program (`--listFiles`), absolute, as the compiler spells them. */
  readonly files: string[];
}

const LOCATED = /^(.+)\((\d+),(\d+)\): (error|warning) (TS\d+): (.*)$/;
const UNLOCATED = /^(error|warning) (TS\d+): (.*)$/;
/**
 * A line of `--diagnostics` statistics (`Parse time:     0.044s`), which the check does not ask for (and turns off in
 * its generated tsconfig); no path the compiler lists looks like one.
 */
const STATISTIC = /^([A-Z][A-Za-z ]*):\s+(\S+)$/;

/**
 * Parses the compiler's output. `relative` turns a path as printed (relative to the compiler's working folder, the
 * root) into a posix path relative to the root, or `undefined` for a file that is not the project's to fix
 * (installed packages, TypeScript's lib, anything outside the root).
 */
export function parseCompilerOutput(text: string, relative: (printed: string) => string | undefined): CompilerReport {
  const errors: CompilerError[] = [];
  const configErrors: CompilerError[] = [];
  const files: string[] = [];
  type Open = { error: CompilerError; lines: string[]; into: CompilerError[] | undefined };
  let open: Open | undefined;
  const close = () => {
    if (open?.into) open.into.push({ ...open.error, message: open.lines.join('\n') });
    open = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (open && line.startsWith('  ')) {
      open.lines.push(line);
      continue;
    }
    close();
    if (line === '') continue;
    const located = LOCATED.exec(line);
    if (located) {
      const [, printed, row, col, severity, code, message] = located as unknown as [
        string,
        string,
        string,
        string,
        'error' | 'warning',
        string,
        string,
      ];
      if (printed.endsWith('.json')) {
        const rel = relative(printed);
        const own = rel === 'tsconfig.json' || (rel !== undefined && /(^|\/)tsconfig[^/]*\.json$/.test(rel));
        const error = own
          ? { file: rel, line: Number(row), column: Number(col), code, message, severity }
          : { file: 'tsconfig.json', line: 1, column: 1, code, message, severity };
        open = { error, lines: [message], into: configErrors };
        continue;
      }
      const file = relative(printed);
      const error = { file: file ?? printed, line: Number(row), column: Number(col), code, message, severity };
      open = { error, lines: [message], into: file === undefined ? undefined : errors };
      continue;
    }
    const unlocated = UNLOCATED.exec(line);
    if (unlocated) {
      const [, severity, code, message] = unlocated as unknown as [string, 'error' | 'warning', string, string];
      const error = { file: 'tsconfig.json', line: 1, column: 1, code, message, severity };
      open = { error, lines: [message], into: /^TS5\d{3}$/.test(code) ? configErrors : errors };
      continue;
    }
    if (STATISTIC.test(line)) continue;
    files.push(line);
  }
  close();
  return { errors, configErrors, files };
}

/** Errors in a stable order (file, position, code, text), each once: how shards add up to one full check. */
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
