// The CLI as users run it: the compiled dist/ of a package installed under node_modules, not bin/ running src/.
// `prepare` compiles dist/ (scripts/build-package.mjs); the files the tarball ships (package.json "files") are then
// copied to bench/out/install/node_modules/panelcraft, whose npm dependencies resolve from this repository's
// node_modules as a hoisted install would.
import { execFileSync } from 'node:child_process';
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
