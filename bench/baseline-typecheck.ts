// The type check a bare-SDK team runs beside its build (`tsc --noEmit` in CI), over the same synthetic tree and with
// the compiler settings `panelcraft init` writes (a project without tsconfig.json is checked alike): the fairer
// baseline for a type-checked build. Run with TypeScript 5.x's compiler and with TypeScript 7's native one.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tsconfigSource } from '../src/init/project-files.ts';
import { runProcess, type Sample } from './measure.ts';
import type { TypeChecker } from './type-checkers.ts';

/**
 * Runs `tsc --noEmit -p` on a tsconfig (kept in `configDir`, outside the tree, so panelcraft's own build does not read
 * it); rejects when the tree does not type-check.
 */
export async function tscNoEmit(checker: TypeChecker, tree: string, configDir: string): Promise<Sample> {
  await mkdir(configDir, { recursive: true });
  const { compilerOptions } = JSON.parse(tsconfigSource()) as { compilerOptions: Record<string, unknown> };
  const config = {
    compilerOptions,
    include: [`${path.relative(configDir, tree).split(path.sep).join('/')}/dashboards/**/*.ts`],
  };
  await writeFile(path.join(configDir, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
  return runProcess(checker.command, [...checker.args, '-p', configDir]);
}
