import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Type-checks generated sources as a user's project would, under the repository's strict compiler options. They are
 * written below node_modules/.cache (inside the package, so '@grafana/…' and 'panelcraft' resolve as in a project).
 * Returns the diagnostics as `file:line: message`.
 */
export async function typecheckSources(sources: Record<string, string>): Promise<string[]> {
  const dir = await scratchDir();
  try {
    const files = await writeAll(dir, sources);
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    if (!config) throw new Error('cannot read tsconfig.json');
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Sources `biome format` would change (run with the repository's biome.json, on stdin), as `name: first differing
 * line`; [] when the generator already writes Biome's style.
 */
export async function biomeFormatChanges(sources: Record<string, string>): Promise<string[]> {
  const bin = path.join(ROOT, 'node_modules/@biomejs/biome/bin/biome');
  const changed: string[] = [];
  for (const [name, text] of Object.entries(sources)) {
    const formatted = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [bin, 'format', `--config-path=${ROOT}`, `--stdin-file-path=dashboards/${name}`],
        { cwd: ROOT, maxBuffer: 64 << 20 },
        (err, stdout, stderr) =>
          err ? reject(new Error(`biome format failed on ${name}: ${stderr}`)) : resolve(stdout),
      );
      child.stdin?.end(text);
    });
    if (formatted !== text) {
      const a = text.split('\n');
      const b = formatted.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      changed.push(`${name}:${line + 1}: ${JSON.stringify(a[line])} → ${JSON.stringify(b[line])}`);
    }
  }
  return changed;
}

async function scratchDir(): Promise<string> {
  const base = path.join(ROOT, 'node_modules/.cache/panelcraft-import-test');
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, 'run-'));
}

async function writeAll(dir: string, sources: Record<string, string>): Promise<string[]> {
  const files: string[] = [];
  for (const [name, text] of Object.entries(sources)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    files.push(file);
  }
  return files;
}
