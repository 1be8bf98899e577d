#!/usr/bin/env -S node --max-semi-space-size=8 --initial-old-space-size=128
// `--max-semi-space-size=8`: V8's young generation at 2 x 8 MB instead of growing to 2 x 16 MB. A build allocates about
// 1 MB per dashboard that dies young. A cold build of 1 000 dashboards scavenged ~205 times for ~300 ms of pauses at
// 2 x 4 MB, ~113 times for ~200 ms at 2 x 8 MB, and finished a median 76 ms sooner (faster in 22 of 30 alternating
// pairs); its peak (this process and the compiler) was 281-288 MB against 264-280 MB at 2 x 4 MB and ~290-298 MB at
// 2 x 16 MB.
// `--initial-old-space-size=128`: no full collection before the old generation holds 128 MB. Its default start is a
// few MB, and with `--heap-growing-percent=30` (below) a cold build of 1 000 dashboards ran six full collections on
// the way up (at 14, 26, 33, 45, 64 and 78 MB; most of what they marked was alive and stayed), none with the flag. In
// 16 alternating pairs it finished a median 132 ms sooner (faster in 14) with ~0.3 s less CPU, V8's marking threads
// no longer taking the core the compiler and esbuild run on; its peak rose ~10 MB, which the smaller last program of
// the type check (typecheck-shards.ts) gives back. Past 128 MB (5 000 dashboards) collections run as before.
// V8 reads both flags only at startup, so they are in the line above, which npm's bin link (`panelcraft`,
// `npx panelcraft`, an npm script) runs; `node bin/panelcraft.js` runs without them.
// The panelcraft CLI, bundled by esbuild (scripts/bundle-cli.mjs): split into chunks at every dynamic import (one per
// command, as src/cli/main.ts loads them), so a start loads the dispatcher and the chunks of the one command it runs,
// a few files instead of a module per source file. Installed as a package it runs the bundle the package ships in
// dist/cli/ (made from src/ when packed; the tarball holds no src/). Against the compiled modules of dist/src/, a cold
// build of 1 000 dashboards started its work ~0.1 s sooner and finished a median 97 ms sooner (20 alternating pairs,
// faster in 17). In this repository it runs straight from src/, so an edit needs no compile step: the sources are
// bundled into node_modules/.cache/panelcraft/cli-<key>/ and reused while they are unchanged. If bundling fails, tsx
// runs src/.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// A build allocates about 1 MB per dashboard that dies young, yet V8 promotes some of it at every scavenge, and by
// default lets the old generation grow to up to four times what survived the last full collection before the next
// one. Letting it grow by 30 % instead collects that garbage (mostly concurrently) long before it doubles the
// process's footprint (a cold build of 5 000 dashboards peaked at ~1 GB, about half of it garbage), for a few percent
// more CPU time.
v8.setFlagsFromString('--heap-growing-percent=30');
// A command runs for seconds: TurboFan's time to optimize hot functions is paid on the same two cores the build's
// compiler and bundler use, and most of it went to inlining. Without inlining, a cold build of 1 000 dashboards used
// ~0.4-0.5 s less CPU (6.98 -> 6.56 s and 7.68 -> 6.67 s, medians of 6 alternating runs) and its wall time was
// 0.15-0.5 s shorter; one-file rebuilds and `dev` saves at 5 000 dashboards did not move beyond the noise.
v8.setFlagsFromString('--no-turbo-inlining');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'main.mjs';
/** Bundles of other sources are removed once they have not been used for this long (a running `dev` may hold one). */
const STALE_MS = 24 * 60 * 60 * 1000;

/** A key that changes whenever a file the CLI is built from changes: paths, sizes and mtimes (stat only, no reads). */
function sourceKey() {
  const hash = createHash('sha256');
  for (const dir of ['src', 'schema']) {
    const base = path.join(root, dir);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => path.join(e.parentPath ?? e.path, e.name))
      .sort()) {
      const s = statSync(entry);
      hash.update(`${entry}\0${s.size}\0${s.mtimeMs}\n`);
    }
  }
  // How the CLI is bundled (this script and scripts/bundle-cli.mjs) is part of the key too.
  for (const file of [fileURLToPath(import.meta.url), path.join(root, 'scripts', 'bundle-cli.mjs')]) {
    const s = statSync(file);
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}

async function bundleCli(cacheDir, outdir) {
  const { bundleCli: bundle } = await import('../scripts/bundle-cli.mjs');
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${outdir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  await bundle(root, temp, '// Generated by bin/panelcraft.js from src/: a cache, safe to delete.');
  writeFileSync(path.join(temp, 'README'), 'panelcraft CLI bundled from src/ by bin/panelcraft.js; safe to delete.\n');
  try {
    renameSync(temp, outdir);
  } catch (err) {
    // Another process finished the same bundle first: use that one.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(path.join(outdir, ENTRY))) throw err;
  }
  removeStaleBundles(cacheDir, path.basename(outdir));
}

function removeStaleBundles(cacheDir, keep) {
  const now = Date.now();
  for (const name of readdirSync(cacheDir)) {
    if (!/^cli-/.test(name) || name === keep) continue;
    const abs = path.join(cacheDir, name);
    try {
      if (now - statSync(abs).mtimeMs > STALE_MS) rmSync(abs, { recursive: true, force: true });
    } catch {
      // a cache only
    }
  }
}

async function loadMain() {
  if (!existsSync(path.join(root, 'src', 'cli', 'main.ts'))) {
    // Installed: the bundle the package ships (dist/cli/), or the compiled modules if it has none.
    return existsSync(path.join(root, 'dist', 'cli', ENTRY))
      ? import('../dist/cli/main.mjs')
      : import('../dist/src/cli/main.js');
  }
  if (process.env.PANELCRAFT_NO_CACHE !== '1') {
    try {
      const cacheDir = path.join(root, 'node_modules', '.cache', 'panelcraft');
      const outdir = path.join(cacheDir, `cli-${sourceKey()}`);
      if (!existsSync(path.join(outdir, ENTRY))) await bundleCli(cacheDir, outdir);
      return await import(pathToFileURL(path.join(outdir, ENTRY)).href);
    } catch {
      // fall through to tsx
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
