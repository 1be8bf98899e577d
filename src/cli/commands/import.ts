import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatImportReport, importDiagnostics, panelSummary } from '../../import/format-import-report.ts';
import { planImports, type ImportEntry } from '../../import/plan-imports.ts';
import { loadConfig } from '../../io/load-config.ts';
import { existingFiles, writeNewFiles } from '../../io/write-new-files.ts';
import { grafanaTarget } from '../../model/grafana-version.ts';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Command } from '../context.ts';
import { jsonReport } from '../../tooling/json-report.ts';
import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';

export const IMPORT_USAGE =
  'usage: panelcraft import FILE.json… --out DIR [--use-panelcraft] [--factor] [--root DIR] [--json]';

/**
 * `panelcraft import`: turns dashboard JSON files into `.ts` sources under `--out` (e.g. `dashboards/payments`),
 * one per file, named from the title. Never overwrites a file; all-or-nothing: if any input cannot be imported,
 * nothing is written. Paths are relative to `--root` (default: the current directory).
 * Exit 0 imported, 1 problems (nothing written), 2 usage or internal error.
 */
export const importCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      out: { type: 'string' },
      root: { type: 'string' },
      json: { type: 'boolean', default: false },
      'use-panelcraft': { type: 'boolean', default: false },
      factor: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    ctx.stdout(`${IMPORT_USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError(`no dashboard JSON files given\n${IMPORT_USAGE}`);
  if (values.out === undefined || values.out.trim() === '')
    throw new UsageError(`--out DIR is required (e.g. --out dashboards/payments)\n${IMPORT_USAGE}`);
  const root = projectRoot(ctx, values.root, false);
  // Paths are relative to --root when it is given, else to the working directory (which may be below the root).
  const base = values.root === undefined ? ctx.cwd : root;
  const shown = (abs: string) => {
    const rel = path.relative(root, abs);
    return (rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
  };

  const inputs = [];
  for (const file of positionals) {
    const abs = path.resolve(base, file);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `file "${file}" does not exist` : `cannot read "${file}": ${code ?? String(err)}`,
      );
    }
    inputs.push({ file: shown(abs), text });
  }
  const { config } = await loadConfig(root).catch(() => ({ config: undefined }));
  const planned = planImports(inputs, {
    outDir: shown(path.resolve(base, values.out)),
    grafana: grafanaTarget(config?.grafanaVersion),
    ...(config ? { datasource: config.datasource } : {}),
    usePanelcraft: values['use-panelcraft'] === true,
    factor: values.factor === true,
  });

  const taken = new Set(
    await existingFiles(
      root,
      planned.flatMap((e) => (e.output ? [e.output] : [])),
    ),
  );
  const entries: ImportEntry[] = planned.map((e) =>
    e.output !== undefined && taken.has(e.output)
      ? {
          source: e.source,
          findings: [
            ...e.findings,
            {
              kind: 'error',
              rule: 'import-exists',
              pointer: '',
              message: `${e.output} already exists; panelcraft import never overwrites a file: move or delete it, or import into another --out folder`,
            },
          ],
        }
      : e,
  );
  const failed = entries.filter((e) => e.findings.some((f) => f.kind === 'error'));
  if (failed.length === 0)
    await writeNewFiles(
      root,
      entries.map((e) => ({ path: e.output!, contents: e.contents! })),
    );

  if (values.json)
    ctx.stdout(
      jsonReport('import', importDiagnostics(entries), {
        written: failed.length === 0,
        files: entries.map(({ contents: _contents, panels, ...rest }) => ({
          ...rest,
          ...(panels ? { panels: panels.map(panelSummary) } : {}),
        })),
      }),
    );
  else ctx.stdout(formatImportReport(entries));
  const warnings = entries.reduce((n, e) => n + e.findings.filter((f) => f.kind === 'warning').length, 0);
  if (failed.length > 0) {
    if (!values.json)
      ctx.stderr(
        `panelcraft import: ${failed.length} of ${entries.length} files cannot be imported; nothing was written.\n`,
      );
    return EXIT_FINDINGS;
  }
  if (!values.json) {
    ctx.stdout(
      `panelcraft import: ${entries.length} ${entries.length === 1 ? 'dashboard' : 'dashboards'} written` +
        `${warnings > 0 ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (run \`panelcraft build\` to see them as diagnostics)` : ''}.\n`,
    );
  }
  return EXIT_OK;
};
