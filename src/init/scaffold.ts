import { dashboardPath, dashboardSource } from './dashboard-source.ts';
import { composeSource, prometheusSource } from './deploy-files.ts';
import { addScripts, newPackageJson, type PackageVersions } from './package-json.ts';
import { configSource, gitignoreSource, tsconfigSource } from './project-files.ts';
import type { ServiceSpec } from './service-spec.ts';
import { weeklyReportWorkflow } from '../report/schedule-workflow.ts';
import { workflowSource } from './workflow-source.ts';

export interface ScaffoldInput {
  readonly services: readonly ServiceSpec[];
  /** Name for a new package.json (the folder's name, as npm would take it). */
  readonly packageName: string;
  readonly versions: PackageVersions;
  /** Paths (relative to the target folder) that exist already, with the text of `package.json` if it is one. */
  readonly existing: ReadonlySet<string>;
  readonly packageJson?: string;
}

export interface ScaffoldPlan {
  /** New files, created only where nothing exists. */
  readonly create: ReadonlyArray<{ readonly path: string; readonly contents: string }>;
  /** An existing package.json that gains scripts (the only file `init` ever changes). */
  readonly update?: { readonly path: string; readonly contents: string; readonly added: readonly string[] };
  /** Paths left as they are, each with why. */
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/**
 * What `init` does in a folder, as data. Pure: the caller passes in which files exist. Never replaces a file;
 * the one exception is an existing `package.json`, which only gains the scripts it lacks.
 */
export function planScaffold(input: ScaffoldInput): ScaffoldPlan {
  const wanted: Array<{ path: string; contents: string }> = [
    { path: 'tsconfig.json', contents: tsconfigSource() },
    { path: 'panelcraft.yaml', contents: configSource() },
    { path: '.gitignore', contents: gitignoreSource() },
    { path: '.github/workflows/dashboards.yml', contents: workflowSource() },
    // The weekly report for the default zone (UTC); `panelcraft report --workflow --tz ZONE` prints it for another.
    { path: '.github/workflows/weekly-report.yml', contents: weeklyReportWorkflow('UTC') },
    { path: 'deploy/docker-compose.yml', contents: composeSource() },
    { path: 'deploy/prometheus.yml', contents: prometheusSource(input.services) },
    ...input.services.map((s) => ({ path: dashboardPath(s), contents: dashboardSource(s) })),
  ];
  const create: Array<{ path: string; contents: string }> = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  let update: ScaffoldPlan['update'];

  if (input.packageJson === undefined) {
    create.push({ path: 'package.json', contents: newPackageJson(input.packageName, input.versions) });
  } else {
    const merged = addScripts(input.packageJson);
    if (!merged.ok) skipped.push({ path: 'package.json', reason: `${merged.message}; add the scripts by hand` });
    else if (merged.added.length > 0) update = { path: 'package.json', contents: merged.text, added: merged.added };
    else skipped.push({ path: 'package.json', reason: 'has every script already' });
    if (merged.ok && merged.kept.length > 0 && merged.added.length > 0) {
      skipped.push({
        path: 'package.json',
        reason: `kept the existing script${merged.kept.length > 1 ? 's' : ''} ${merged.kept.join(', ')}`,
      });
    }
  }
  for (const file of wanted) {
    if (input.existing.has(file.path)) skipped.push({ path: file.path, reason: 'exists' });
    else create.push(file);
  }
  if (!input.existing.has('dashboards') && input.services.length === 0)
    create.push({ path: 'dashboards/.gitkeep', contents: '' });
  return { create, ...(update ? { update } : {}), skipped };
}
