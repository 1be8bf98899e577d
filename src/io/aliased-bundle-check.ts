import { isBuiltin } from 'node:module';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import type { PackageResolution } from './package-resolutions.ts';

/**
 * Why a bundle made without the resolving plugin (bare names left to `packages: 'external'`, each name in `aliases`
 * mapped to its package file and that file marked external) may import something else than the plugin's bundle of
 * the same files would, or undefined when it imports the same: every external import left in the bundle is an alias's
 * file, a `node:` module or a Node builtin, and every file of the bundle that imported a name esbuild mapped or left
 * alone resolves that name, from its own folder, as the plugin would have (`resolve`, the plugin's own answers).
 *
 * esbuild's metafile does not say which name an aliased external import was written as, so each name mapped to
 * that file is checked for the importing folder. An import elided by TypeScript (a name only used as a type) is
 * listed but never resolved in either bundle, and is not in the output: it is not checked.
 */
export async function aliasedBundleDifference(
  root: string,
  metafile: esbuild.Metafile,
  aliases: ReadonlyMap<string, string>,
  resolve: (kind: esbuild.ImportKind, dir: string, spec: string) => Promise<PackageResolution>,
): Promise<string | undefined> {
  const namesOf = new Map<string, string[]>();
  for (const [spec, file] of aliases) namesOf.set(file, [...(namesOf.get(file) ?? []), spec]);
  const builtins = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      const p = imported.path;
      if (!imported.external || p.startsWith('node:') || namesOf.has(p)) continue;
      if (isBare(p) && isBuiltin(p)) builtins.add(p);
      else return `the bundle imports ${JSON.stringify(p)}, which no alias maps`;
    }
  }
  const expected: { kind: esbuild.ImportKind; dir: string; spec: string; resolution: PackageResolution }[] = [];
  for (const [key, input] of Object.entries(metafile.inputs)) {
    const dir = path.dirname(path.resolve(root, key));
    for (const imported of input.imports) {
      const { kind } = imported;
      if (imported.external) {
        const file = imported.path;
        for (const spec of namesOf.get(file) ?? []) expected.push({ kind, dir, spec, resolution: { external: file } });
        if (builtins.has(file)) expected.push({ kind, dir, spec: file, resolution: 'native' });
      } else if (imported.original !== undefined && imported.original !== 'panelcraft' && isBare(imported.original)) {
        // esbuild resolved a bare name by itself (tsconfig `paths`, package.json `imports`) and bundled the file.
        expected.push({ kind, dir, spec: imported.original, resolution: 'native' });
      }
    }
  }
  const answers = await Promise.all(expected.map((e) => resolve(e.kind, e.dir, e.spec)));
  for (const [i, e] of expected.entries()) {
    const answer = answers[i]!;
    const same =
      answer === 'native'
        ? e.resolution === 'native'
        : e.resolution !== 'native' && answer.external === e.resolution.external;
    if (!same)
      return `${JSON.stringify(e.spec)} from ${e.dir} resolves to ${describe(answer)}, the bundle has ${describe(e.resolution)}`;
  }
  return undefined;
}

function isBare(spec: string): boolean {
  return !spec.startsWith('.') && !path.isAbsolute(spec);
}

function describe(r: PackageResolution): string {
  return r === 'native' ? "esbuild's own resolution" : r.external;
}
