// The type check a bare-SDK team runs beside its build (`tsc --noEmit` in CI), over the same synthetic tree and with
// the compiler settings `panelcraft init` writes (a project without tsconfig.json is checked alike): the fairer
// baseline for a type-checked build.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tsconfigSource } from '../src/init/project-files.ts';
import { runNode, type Sample } from './measure.ts';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs `tsc --noEmit -p` on a tsconfig (kept outside the tree, so panelcraft's own build does not read it). */
export async function tscNoEmit(tree: string, configDir: string): Promise<Sample> {
  await mkdir(configDir, { recursive: true });
  const { compilerOptions } = JSON.parse(tsconfigSource()) as { compilerOptions: Record<string, unknown> };
  const config = {
    compilerOptions,
    include: [`${path.relative(configDir, tree).split(path.sep).join('/')}/dashboards/**/*.ts`],
  };
  await writeFile(path.join(configDir, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
  return runNode([TSC, '-p', configDir]);
}
