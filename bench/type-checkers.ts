// The `tsc` compilers the baseline rows run, resolved from this repository's node_modules: the `typescript` package
// (TypeScript 5.x's compiler in JavaScript, run by node) and TypeScript 7's native compiler (the Go binary of
// `@typescript/typescript-<platform>-<arch>`, the package `typescript@7` installs beside itself, under whatever name
// or npm alias `typescript@7` itself was installed as). Each is named by the version it reports, never assumed.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..');

export interface TypeChecker {
  /** e.g. "TypeScript 5.9.3". */
  readonly name: string;
  readonly command: string;
  /** Arguments before tsc's own. */
  readonly args: readonly string[];
}

const resolver = (from: string) => createRequire(path.join(from, 'package.json'));

function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** The `typescript` package's compiler, run by node; undefined when not installed. */
export function typescriptJs(from = REPO): TypeChecker | undefined {
  try {
    const pkg = resolver(from).resolve('typescript/package.json');
    return {
      name: `TypeScript ${versionOf(pkg)}`,
      command: process.execPath,
      args: [path.join(path.dirname(pkg), 'bin', 'tsc')],
    };
  } catch {
    return undefined;
  }
}

/**
 * TypeScript 7's native compiler, spawned directly (its `bin/tsc` is a node script that starts it: measuring that too
 * would add a node process to the baseline). Undefined when no TypeScript 7 is installed for this platform. `from` is
 * where node_modules is looked up from: the repository unless BENCH_TS7_FROM names another folder (a scratch install
 * to try it).
 */
export function typescriptNative(from = process.env.BENCH_TS7_FROM ?? REPO): TypeChecker | undefined {
  try {
    const pkg = resolver(from).resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
    const version = versionOf(pkg);
    const exe = path.join(path.dirname(pkg), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
    if (!version.startsWith('7.') || !existsSync(exe)) return undefined;
    return { name: `TypeScript ${version} native`, command: exe, args: [] };
  } catch {
    return undefined;
  }
}
