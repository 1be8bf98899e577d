import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type TS from 'typescript';

/**
 * TypeScript's compiler, loaded with V8's code cache: compiling its 9 MB `typescript.js` costs a fresh process
 * 0.2–0.4 s before any check starts (a one-file build pays it in full); with the cache, kept in
 * `node_modules/.cache/panelcraft` next to the install, about a third of that. V8 checks the cache against the
 * source and its own version and flags, and compiles afresh when it does not match; any problem here falls back to
 * a plain `require`. Required, not imported: importing it as ESM costs 0.3 s more (export lexing).
 */
const require = createRequire(import.meta.url);
const file = require.resolve('typescript');
let script: vm.Script | undefined;
let cacheFile: string | undefined;
let saved = false;

export const ts: typeof TS = load();

function load(): typeof TS {
  try {
    const parts = file.split(path.sep);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) return require(file) as typeof TS;
    const { version } = require('typescript/package.json') as { version: string };
    cacheFile = path.join(
      parts.slice(0, at + 1).join(path.sep),
      '.cache',
      'panelcraft',
      `typescript-${version}-${process.version}-${process.arch}.v8cache`,
    );
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    });
    saved = cachedData !== undefined && !script.cachedDataRejected;
    const module = { exports: {} as unknown };
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      module.exports,
      module.exports,
      createRequire(file),
      module,
      file,
      path.dirname(file),
    );
    return module.exports as typeof TS;
  } catch {
    script = undefined;
    return require(file) as typeof TS;
  }
}

/**
 * Stores the code cache once per process, after a check (V8 then includes the functions the check compiled).
 * Atomic; a cache only, so failures are ignored.
 */
export function keepCompiledTypeScript(): void {
  if (saved || !script || !cacheFile) return;
  saved = true;
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    rmSync(temp, { force: true });
  }
}
