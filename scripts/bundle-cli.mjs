// How the CLI is bundled: src/cli/main.ts and what it imports, split into chunks at every dynamic import (one per
// command, as src/cli/main.ts loads them), npm packages left external. bin/panelcraft.js runs the repository's CLI
// from such a bundle (cached under node_modules/.cache/panelcraft), and scripts/build-package.mjs ships one in
// dist/cli/, which the installed CLI runs.
import path from 'node:path';

/** Bundles the CLI of the repository at `root` into `outdir` (its entry: `main.mjs`). */
export async function bundleCli(root, outdir, banner) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: { main: path.join(root, 'src', 'cli', 'main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    banner: { js: banner },
    logLevel: 'silent',
  });
}
