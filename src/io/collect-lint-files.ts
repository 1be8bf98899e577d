import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../model/source-file.ts';
import { MAX_JSON_BYTES } from '../lint/parse-json-source.ts';
import { listFiles } from './list-files.ts';

/** A path given on the command line that does not exist. */
export class MissingPathError extends Error {
  override readonly name = 'MissingPathError';
}

/** A YAML file found in a folder is linted only when it is a Prometheus rule file: `groups:` at the top level. */
const RULE_FILE_START = /^groups[ \t]*:/m;

/**
 * Reads the files `lint` checks: each FILE as given (whatever its extension), each DIR recursively for `*.json` and
 * for `*.yaml`/`*.yml` rule files (other YAML in a folder, such as provisioning provider files, is left out), skipping
 * dot-directories and node_modules, as Grafana skips dot-directories. Paths are posix, relative to `root` when inside
 * it; sorted and de-duplicated.
 */
export async function collectLintFiles(root: string, paths: readonly string[]): Promise<SourceFile[]> {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const files = await listFiles(dir, {
      descend: (name) => !name.startsWith('.') && name !== 'node_modules',
      include: (name) => name.endsWith('.json') || /\.ya?ml$/.test(name),
    });
    for (const file of files) {
      if (file.abs.endsWith('.json')) found.add(file.abs);
      else if ((await stat(file.abs)).size > MAX_JSON_BYTES || RULE_FILE_START.test(await readFile(file.abs, 'utf8')))
        found.add(file.abs);
    }
  };
  for (const p of paths) {
    const abs = path.resolve(root, p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new MissingPathError(`path "${p}" does not exist`);
    }
    if (info.isDirectory()) await walk(abs);
    else found.add(abs);
  }
  const sources: SourceFile[] = [];
  for (const abs of [...found].sort()) {
    const rel = path.relative(root, abs);
    const file = (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
    const { size } = await stat(abs);
    // A file too large to lint is not read at all: its size is the finding.
    sources.push(size > MAX_JSON_BYTES ? { file, text: '', bytes: size } : { file, text: await readFile(abs, 'utf8') });
  }
  return sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
