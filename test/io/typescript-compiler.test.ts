import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'panelcraft');

/** A fresh process that loads the compiler through the code cache, checks one snippet and stores the cache. */
async function freshLoad(): Promise<string> {
  const script = `
    import { ts, keepCompiledTypeScript } from ${JSON.stringify(path.join(ROOT, 'src/io/typescript-compiler.ts'))};
    const file = ts.createSourceFile('x.ts', 'const n: number = 1;', ts.ScriptTarget.ES2022);
    keepCompiledTypeScript();
    process.stdout.write(ts.version + ' ' + file.statements.length);
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
  });
  return stdout;
}

describe('the TypeScript code cache', () => {
  it('is written next to the install, and a damaged one costs only time', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'node_modules/typescript/package.json'), 'utf8'));
    expect(await freshLoad()).toBe(`${version} 1`);
    const name = `typescript-${version}-${process.version}-${process.arch}.v8cache`;
    expect(await readdir(CACHE)).toContain(name);
    await writeFile(path.join(CACHE, name), 'not a code cache');
    expect(await freshLoad()).toBe(`${version} 1`);
    expect((await readFile(path.join(CACHE, name))).length).toBeGreaterThan(100_000);
  }, 60_000);
});
