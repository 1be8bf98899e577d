// The type check a bare-SDK team runs beside its build (`tsc --noEmit` in CI), over the same synthetic tree and with
// the settings panelcraft checks a project without tsconfig.json with: the fairer baseline for a type-checked build.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runNode, type Sample } from './measure.ts';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs `tsc --noEmit -p` on a tsconfig (kept outside the tree, so panelcraft's own build does not read it). */
export async function tscNoEmit(tree: string, configDir: string): Promise<Sample> {
  await mkdir(configDir, { recursive: true });
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      types: [],
    },
    include: [`${path.relative(configDir, tree).split(path.sep).join('/')}/dashboards/**/*.ts`],
  };
  await writeFile(path.join(configDir, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
  return runNode([TSC, '-p', configDir]);
}
