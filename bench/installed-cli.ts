// The CLI as users run it: the dist/ of a package installed under node_modules (its CLI bundled in dist/cli/), not
// bin/ running src/.
// `prepare` compiles dist/ (scripts/build-package.mjs); the files the tarball ships (package.json "files") are then
// copied to bench/out/install/node_modules/panelcraft, whose npm dependencies resolve from this repository's
// node_modules as a hoisted install would.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..');

/** Compiles dist/ (unless `compile` is false) and installs a copy; returns the path of its bin script. */
export async function installedCli(outDir: string, compile: boolean): Promise<string> {
  if (compile) execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build-package.mjs')], { stdio: 'inherit' });
  const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { files: string[] };
  const target = path.join(outDir, 'install', 'node_modules', 'panelcraft');
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const entry of ['package.json', ...pkg.files]) {
    await cp(path.join(REPO, entry), path.join(target, entry), { recursive: true });
  }
  return path.join(target, 'bin', 'panelcraft.js');
}

/**
 * The CLI as npm's bin link runs it (`panelcraft`, `npx panelcraft`, an npm script): `node` with the flags of the
 * script's `#!` line, then the script. The bench measures those runs, not `node <script>`.
 */
export function cliCommand(cli: string): string[] {
  const shebang = readFileSync(cli, 'utf8').split('\n', 1)[0]!;
  const words = shebang.replace(/^#!\s*/, '').split(/\s+/);
  const node = words.indexOf('node');
  if (node < 0) throw new Error(`${cli}: its #! line does not run node: ${shebang}`);
  return [...words.slice(node + 1), cli];
}
