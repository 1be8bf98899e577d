// Compiles src/ (and the generated schema/ validators) to dist/: ESM JavaScript plus .d.ts, the form the package
// ships in (`npm pack` runs this through `prepare`; so does an install from a git URL), and bundles the CLI into
// dist/cli/, which the installed bin runs. dist/ is rebuilt from scratch so a renamed or deleted module never
// lingers in the tarball.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli } from './bundle-cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
// tsc does not copy JavaScript inputs: the ajv-standalone validators are generated JS with a hand-written .d.ts.
for (const file of ['validators.js', 'validators.d.ts']) {
  copyFileSync(path.join(root, 'schema', file), path.join(dist, 'schema', file));
}
await bundleCli(
  root,
  path.join(dist, 'cli'),
  '// The panelcraft CLI, bundled from its sources by scripts/build-package.mjs.',
);
