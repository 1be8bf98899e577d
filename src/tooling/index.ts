// The programmatic API the CLI itself calls (`panelcraft/tooling`): re-exports only.
// Pure front doors: data in, data out (verify talks to Prometheus only through the api it is given).
export { buildTree, type BuildMemo, type RenderedDashboard, type TreeBuild } from './build-tree.ts';
export { lintFiles, type LintOptions, type LintResult } from './lint-files.ts';
export { verifyDashboards, type DashboardFile, type VerifyOptions } from '../verify/verify-dashboards.ts';
export { diffDashboards } from '../diff/diff-dashboards.ts';
export { dashboardSetFromFiles, type DashboardSet } from '../diff/dashboard-set.ts';
export { planImports, type ImportEntry, type ImportInput, type ImportOptions } from '../import/plan-imports.ts';
// One report shape.
export { countLine, formatDiagnostics, summaryLine } from './format-diagnostics.ts';
export { jsonReport, type JsonReport } from './json-report.ts';
export { applyRuleConfig, type RuleConfig, type RuleExclusion, type RuleLevel } from '../validate/rule-config.ts';
// The shell around them: load the project's sources, write the output.
export {
  buildProject,
  writeProject,
  OUT_DIR,
  type BuildProjectOptions,
  type ProjectBuild,
  type WriteOutcome,
} from './build-project.ts';
export type { Diagnostic, Severity } from '../model/diagnostic.ts';
export type { LoadedDashboard } from '../model/loaded-dashboard.ts';
export type { OutputFile } from '../model/output-file.ts';
export type { SourceFile } from '../model/source-file.ts';
