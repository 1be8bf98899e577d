import { hasErrors } from '../../model/diagnostic.ts';
import path from 'node:path';
import { OutputStage } from '../../io/output-stage.ts';
import {
  buildProject,
  OUT_DIR,
  outputRoots,
  type ProjectBuild,
  type WriteOutcome,
  writeProject,
} from '../../tooling/build-project.ts';
import { EXIT_FINDINGS, EXIT_OK, type CliContext, type Command } from '../context.ts';
import { countLine, formatDiagnostics } from '../../tooling/format-diagnostics.ts';
import { jsonReport } from '../../tooling/json-report.ts';
import { buildCommand } from '../../io/build-hint.ts';
import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';
import { cacheDirOption } from '../cache-dir.ts';

export const BUILD_USAGE =
  'usage: panelcraft build [--root DIR] [--check] [--committed] [--force] [--cache-dir DIR] [--json]';

/**
 * `panelcraft build`: load, normalize, validate, write `provisioning/` all-or-nothing.
 * `--check` writes nothing and lists every stale, missing, orphan, foreign or hand-edited file;
 * `--committed` also compares the fresh output with what HEAD has committed.
 * Exit 0 clean, 1 diagnostics or differences, 2 usage or internal error.
 */
export const build: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      root: { type: 'string' },
      check: { type: 'boolean', default: false },
      committed: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const root = projectRoot(ctx, values.root);
  const check = values.check || values.committed;
  // Without --check, each rendered dashboard's file is written ahead into a hidden stage folder while the build goes
  // on; the write then moves them into place, and anything left is removed.
  const stage = check ? undefined : new OutputStage(path.join(root, OUT_DIR));
  let result: ProjectBuild;
  let outcome: WriteOutcome;
  try {
    result = await buildProject({
      root,
      ...cacheDirOption(ctx, values['cache-dir']),
      stopBundler: true,
      deferCacheWrites: true,
      ...(stage ? { stage } : {}),
    });
    outcome = await writeProject(root, result, { check, force: values.force, ...(stage ? { stage } : {}) });
  } finally {
    await stage?.discard();
  }
  // After the write: an entry whose output file now holds its bytes keeps no copy of them.
  await result.storeInCache?.(outcome.onDisk);
  const changes = check ? outcome.changes : [];
  // git (simple-git) is loaded only for --committed.
  const committed =
    values.committed && !hasErrors(result.diagnostics)
      ? await (await import('../../io/committed-output.ts')).compareWithCommitted(
          root,
          result.files,
          outputRoots(result.config),
        )
      : [];
  const failed = hasErrors(outcome.diagnostics) || changes.length > 0 || committed.length > 0;

  if (values.json) {
    ctx.stdout(
      jsonReport(
        'build',
        outcome.diagnostics,
        {
          written: outcome.written,
          dashboards: result.dashboards.map((d) => ({
            source: d.source,
            uid: d.uid,
            output: `${OUT_DIR}/${d.output}`,
          })),
          ruleFiles: result.ruleFiles.map((f) => ({ source: f.source, output: f.output })),
          changes,
          committed,
          timings: result.timings,
          ...(result.cache ? { cache: result.cache } : {}),
        },
        !failed,
      ),
    );
    return failed ? EXIT_FINDINGS : EXIT_OK;
  }
  report(ctx, outcome.diagnostics);
  if (hasErrors(outcome.diagnostics)) {
    ctx.stderr(`panelcraft build: ${countLine(outcome.diagnostics)}; nothing was written.\n`);
    return EXIT_FINDINGS;
  }
  if (check) {
    for (const c of changes) ctx.stderr(`${c.status.padEnd(9)} ${c.path}\n`);
    for (const c of committed) ctx.stderr(`${c.status.padEnd(9)} ${c.path}\n`);
    if (changes.length > 0 || committed.length > 0) {
      ctx.stderr(
        `panelcraft build --check: ${changes.length + committed.length} file(s) out of date; run \`${buildCommand(root)}\` and commit ${outputRoots(result.config).join('/ and ')}/.\n`,
      );
      return EXIT_FINDINGS;
    }
    ctx.stdout(
      `panelcraft build --check: ${result.dashboards.length} dashboards, ${result.ruleFiles.length} rule files, ${OUT_DIR}/ is up to date.\n`,
    );
    return EXIT_OK;
  }
  const { writes, deletes } = outcome;
  const unchanged = result.files.length - writes;
  const rules = result.ruleFiles.length > 0 ? `, ${result.ruleFiles.length} rule files` : '';
  ctx.stdout(
    `panelcraft build: ${result.dashboards.length} dashboards${rules} → ${OUT_DIR}/ (${writes} written, ${deletes} deleted, ${unchanged} unchanged)\n`,
  );
  return EXIT_OK;
};

function report(ctx: CliContext, diagnostics: Parameters<typeof formatDiagnostics>[0]): void {
  const text = formatDiagnostics(diagnostics);
  if (text !== '') ctx.stderr(text);
}
