import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonReport } from '../../tooling/json-report.ts';
import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';
import { cacheDirOption } from '../cache-dir.ts';
import { DEFAULT_CACHE_DIR } from '../../io/build-cache.ts';
import { dashboardSetFromFiles, type DashboardSet } from '../../diff/dashboard-set.ts';
import { diffDashboards } from '../../diff/diff-dashboards.ts';
import { diffRules } from '../../diff/diff-rules.ts';
import type { DashboardChange, DiffReport } from '../../diff/diff-report.ts';
import { layoutSvg } from '../../diff/layout-svg.ts';
import { renderMarkdown } from '../../diff/render-markdown.ts';
import { renderText } from '../../diff/render-text.ts';
import { buildProject } from '../../tooling/build-project.ts';
import { ruleSetFromFiles, type RuleEntry } from '../../diff/rule-set.ts';
import { checkoutToTemp, existsAtRef, GitRefError, readFilesAtRef, resolveRef } from '../../io/git.ts';
import { PROVISIONED_DASHBOARDS_DIR, readDashboardJsonFiles } from '../../io/read-dashboard-json.ts';
import { readRuleFiles, RULE_FILES_DIR } from '../../io/read-rule-files.ts';
import { loadConfig } from '../../io/load-config.ts';
import { hasErrors, type Diagnostic } from '../../model/diagnostic.ts';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliContext, type Command } from '../context.ts';
import { countLine, formatDiagnostics } from '../../tooling/format-diagnostics.ts';

const FORMATS = ['markdown', 'json', 'text'] as const;
type Format = (typeof FORMATS)[number];

type Files = { path: string; contents: string }[];

/**
 * `panelcraft diff --base REF [--format markdown|json|text] [--out DIR] [--root DIR]`: the dashboards and Prometheus
 * rule files at REF (its committed provisioning/ and prometheus/rules/, or REF's sources built in a temp worktree)
 * against the current build. Exit 0; 1 when the current build has errors; 2 on a bad ref or flag.
 */
export const diff: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      base: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      root: { type: 'string' },
      'cache-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: false,
  });
  if (values.base === undefined || values.base === '')
    throw new UsageError('--base REF is required, e.g. `panelcraft diff --base origin/main`');
  const format = (values.json ? 'json' : (values.format ?? 'text')) as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
  const root = projectRoot(ctx, values.root, false);
  const base = values.base;

  let commit: string;
  try {
    commit = await resolveRef(root, base);
  } catch (err) {
    if (err instanceof GitRefError) throw new UsageError(err.message);
    throw err;
  }

  const rulesDir = await rulesDirOf(root);
  const isRuleFile = isRuleFileIn(rulesDir);
  // REF's sources are built in a temp checkout: they find the working tree's entries of every unchanged dashboard,
  // and store nothing (the cache and its record stay the working tree's).
  const cacheDir = cacheDirOption(ctx, values['cache-dir']).cacheDir ?? path.join(root, DEFAULT_CACHE_DIR);
  const current = await currentFiles(root, rulesDir, cacheDir);
  if ('diagnostics' in current) {
    ctx.stderr(formatDiagnostics(current.diagnostics));
    ctx.stderr(`panelcraft diff: the current build has ${countLine(current.diagnostics)}; fix them first.\n`);
    return EXIT_FINDINGS;
  }
  const atRef = await filesAtRef(root, base, commit, ctx, rulesDir, cacheDir);
  const before = toSet(atRef.filter(isDashboardFile), `${base}`, ctx);
  const after = toSet(current.files.filter(isDashboardFile), 'the current build', ctx);
  const ruleFiles = [atRef.filter(isRuleFile), current.files.filter(isRuleFile)] as const;
  const report: DiffReport = {
    ...diffDashboards(before, after),
    // Projects without rule files get no rules section.
    ...(ruleFiles[0].length + ruleFiles[1].length > 0
      ? { rules: diffRules(toRules(ruleFiles[0], `${base}`, ctx), toRules(ruleFiles[1], 'the current build', ctx)) }
      : {}),
  };

  const pictureFile = (d: DashboardChange) => `${pictureName(d)}.svg`;
  const rendered =
    format === 'json'
      ? jsonReport('diff', [], { base, ...report })
      : format === 'markdown'
        ? renderMarkdown(report, { base, ...(values.out ? { pictureFile } : {}) })
        : renderText(report);
  ctx.stdout(rendered);

  if (values.out !== undefined)
    await writeOut(path.resolve(ctx.cwd, values.out), report, before, after, base, pictureFile);
  return EXIT_OK;
};

/**
 * The current build: built from `dashboards/` when the project has sources, else the working tree's dashboard JSON
 * and rule files.
 */
async function currentFiles(
  root: string,
  rulesDir: string,
  cacheDir: string,
): Promise<{ files: Files } | { diagnostics: readonly Diagnostic[] }> {
  const isRuleFile = isRuleFileIn(rulesDir);
  if (!(await isDir(path.join(root, 'dashboards'))))
    return { files: [...(await readDashboardJsonFiles(root)), ...(await readRuleFiles(root, rulesDir))] };
  const build = await buildProject({ root, cacheDir });
  if (hasErrors(build.diagnostics)) return { diagnostics: build.diagnostics.filter((d) => d.severity === 'error') };
  return {
    files: build.files
      .filter((f) => isDashboardFile(f) || isRuleFile(f))
      .map((f) => ({ path: f.path, contents: f.contents })),
  };
}

/** REF's committed dashboards and rule files, or REF's sources built in a temp worktree when it committed none. */
async function filesAtRef(
  root: string,
  base: string,
  commit: string,
  ctx: CliContext,
  rulesDir: string,
  cacheDir: string,
): Promise<Files> {
  const isRuleFile = isRuleFileIn(rulesDir);
  const committed = [
    ...(await readFilesAtRef(root, commit, PROVISIONED_DASHBOARDS_DIR)),
    ...(await readFilesAtRef(root, commit, rulesDir, '.yaml')),
    ...(await readFilesAtRef(root, commit, rulesDir, '.yml')),
  ];
  if (committed.length > 0 || !(await existsAtRef(root, commit, 'dashboards'))) return committed;
  const checkout = await checkoutToTemp(root, commit);
  try {
    const build = await buildProject({ root: checkout.root, cacheDir, cache: { write: false } });
    if (hasErrors(build.diagnostics)) {
      ctx.stderr(
        `panelcraft diff: the sources at ${base} do not build cleanly (${build.diagnostics.filter((d) => d.severity === 'error').length} errors); comparing against what they produced\n`,
      );
    }
    return build.files
      .filter((f) => isDashboardFile(f) || isRuleFile(f))
      .map((f) => ({ path: f.path, contents: f.contents }));
  } finally {
    await checkout.dispose();
  }
}

function toSet(files: Files, label: string, ctx: CliContext): DashboardSet {
  const { set, unreadable } = dashboardSetFromFiles(files);
  for (const u of unreadable) ctx.stderr(`panelcraft diff: skipped ${u.file} in ${label}: ${u.message}\n`);
  return set;
}

function toRules(files: Files, label: string, ctx: CliContext): RuleEntry[] {
  const { rules, unreadable } = ruleSetFromFiles(files);
  for (const u of unreadable) ctx.stderr(`panelcraft diff: skipped ${u.file} in ${label}: ${u.message}\n`);
  return [...rules];
}

async function writeOut(
  dir: string,
  report: DiffReport,
  before: DashboardSet,
  after: DashboardSet,
  base: string,
  pictureFile: (d: DashboardChange) => string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'diff.md'), renderMarkdown(report, { base, pictureFile }));
  for (const d of report.dashboards) {
    const svg = layoutSvg(before.get(d.key)?.dashboard, after.get(d.key)?.dashboard);
    await writeFile(path.join(dir, pictureFile(d)), svg);
  }
}

/** `<uid>` when it is a safe file name, else the key with unsafe characters replaced. */
function pictureName(d: DashboardChange): string {
  return (d.uid ?? d.key).replace(/[^A-Za-z0-9_-]/g, '-') || 'dashboard';
}

/** Rule files are YAML below the configured `alerts.dir`. */
function isRuleFileIn(dir: string): (f: { path: string }) => boolean {
  return (f) => f.path.startsWith(`${dir}/`) && /\.ya?ml$/.test(f.path);
}

/** `alerts.dir` of panelcraft.yaml; the default when the config cannot be read (build reports that itself). */
async function rulesDirOf(root: string): Promise<string> {
  try {
    return (await loadConfig(root)).config.alerts.dir;
  } catch {
    return RULE_FILES_DIR;
  }
}

function isDashboardFile(f: { path: string }): boolean {
  return f.path.startsWith(`${PROVISIONED_DASHBOARDS_DIR}/`) && f.path.endsWith('.json');
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
