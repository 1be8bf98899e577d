import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderAlertTests } from '../../build/render-alert-tests.ts';
import { buildProject } from '../../tooling/build-project.ts';
import { PromtoolMissing, promtoolPath, runPromtool } from '../../io/promtool.ts';
import { hasErrors, sortDiagnostics } from '../../model/diagnostic.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Command } from '../context.ts';
import { countLine, formatDiagnostics } from '../../tooling/format-diagnostics.ts';
import { parseArgs } from '../parse-args.ts';

export const MISSING_PROMTOOL =
  'promtool is not installed (or $PROMTOOL does not point at it). Install it with `apt-get install prometheus` (Debian/Ubuntu; ' +
  'any promtool ≥ 2.42 works), or download a Prometheus release and set PROMTOOL=/path/to/promtool.';

interface FileResult {
  readonly source: string;
  readonly output: string;
  readonly tests: number;
  readonly ok: boolean;
  /** promtool's own words on failure. */
  readonly log: string;
}

/**
 * `panelcraft test-alerts`: builds the rules in memory, then for each rule file runs `promtool check rules
 * --lint-fatal` and `promtool test rules` on the unit tests panelcraft generates for every alert (a bad series it must
 * fire on in time, a healthy one it must stay silent on) plus the file's `alertTest()`s. Exit 0 all pass, 1 any rule
 * or test fails, 2 usage error or promtool missing.
 */
export const testAlerts: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args: [...args],
    options: { root: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const root = path.resolve(ctx.cwd, values.root ?? '.');
  const build = await buildProject({ root });
  const generated = build.ruleFiles.map((file) => ({
    file,
    tests: renderAlertTests(file, path.basename(file.output)),
  }));
  const diagnostics = sortDiagnostics([...build.diagnostics, ...generated.flatMap((g) => g.tests.diagnostics)]);
  if (hasErrors(diagnostics)) {
    if (values.json) ctx.stdout(`${JSON.stringify({ ok: false, files: [], diagnostics }, null, 2)}\n`);
    else
      ctx.stderr(
        `${formatDiagnostics(diagnostics)}panelcraft test-alerts: ${countLine(diagnostics)}; fix them before testing the rules.\n`,
      );
    return EXIT_FINDINGS;
  }
  const bin = promtoolPath(ctx.env);
  const results: FileResult[] = [];
  const work = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-test-alerts-'));
  try {
    for (const [i, { file, tests }] of generated.entries()) {
      const dir = path.join(work, String(i));
      await mkdir(dir);
      const rules = path.basename(file.output);
      await writeFile(path.join(dir, rules), file.prometheusYaml, 'utf8');
      const testFiles = tests.files.map((_, j) => `tests-${j}.yaml`);
      for (const [j, t] of tests.files.entries()) await writeFile(path.join(dir, testFiles[j]!), t.contents, 'utf8');
      const check = await runPromtool(bin, ['check', 'rules', '--lint-fatal', rules], dir);
      const run =
        check.code === 0 && testFiles.length > 0
          ? await runPromtool(bin, ['test', 'rules', ...testFiles], dir)
          : { code: 0, output: '' };
      const count = tests.files.reduce((n, t) => n + t.tests, 0);
      results.push({
        source: file.source,
        output: file.output,
        tests: count,
        ok: check.code === 0 && run.code === 0,
        log: check.code !== 0 ? check.output : run.code !== 0 ? run.output : '',
      });
    }
  } catch (err) {
    if (!(err instanceof PromtoolMissing)) throw err;
    ctx.stderr(`panelcraft test-alerts: ${MISSING_PROMTOOL}\n`);
    return EXIT_USAGE;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const ok = results.every((r) => r.ok);
  if (values.json) {
    ctx.stdout(`${JSON.stringify({ ok, files: results, diagnostics }, null, 2)}\n`);
    return ok ? EXIT_OK : EXIT_FINDINGS;
  }
  if (diagnostics.length > 0) ctx.stderr(formatDiagnostics(diagnostics));
  for (const r of results) {
    if (r.ok) ctx.stdout(`ok     ${r.output} (${r.source}): rules valid, ${r.tests} tests passed\n`);
    else ctx.stderr(`FAILED ${r.output} (${r.source}):\n${r.log.trimEnd().replace(/^/gm, '  ')}\n`);
  }
  const total = results.reduce((n, r) => n + r.tests, 0);
  if (results.length === 0) ctx.stdout('panelcraft test-alerts: no rule files (add alerts/<folder>/<name>.ts)\n');
  else if (ok) ctx.stdout(`panelcraft test-alerts: ${results.length} rule files, ${total} tests passed (${bin})\n`);
  else
    ctx.stderr(
      `panelcraft test-alerts: ${results.filter((r) => !r.ok).length} of ${results.length} rule files failed\n`,
    );
  return ok ? EXIT_OK : EXIT_FINDINGS;
};
