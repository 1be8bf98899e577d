import { panelTitleAt } from '../model/json-pointer.ts';
import type { Diagnostic, Finding } from '../model/diagnostic.ts';
import { analyseDocument, analysisRun, type AnalysisRun } from './document-analysis.ts';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth.ts';
import type { DashboardDocument, DashboardRule, RuleSettings, TreeRule } from './rule.ts';

export interface RuleSet {
  readonly dashboard: readonly DashboardRule[];
  readonly tree: readonly TreeRule[];
}

/**
 * Runs every rule on every document and returns all diagnostics at the rules' own severities (never throws for bad
 * input: a rule that crashes becomes a diagnostic naming the rule). The project's rule levels and exclusions are
 * applied by the caller, with `applyRuleConfig`, to these and its own diagnostics alike.
 */
export function runRules(
  allDocs: readonly DashboardDocument[],
  ruleSet: RuleSet,
  settings: RuleSettings,
  /** Analyses of PromQL expressions documents share; a caller running the rules document by document shares one. */
  run: AnalysisRun = analysisRun(settings.prometheusVersion),
  /** `tooDeepAt(doc.dashboard)`, from a caller that already walked the document for it (the build, once per render). */
  tooDeep: (doc: DashboardDocument) => string | undefined = (doc) => tooDeepAt(doc.dashboard),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  let docs = allDocs;
  const byFile = new Map(docs.map((d) => [d.file, d]));
  const emit = (rule: DashboardRule | TreeRule, doc: DashboardDocument | undefined, file: string, f: Finding) => {
    const panel = doc ? panelTitleAt(doc.dashboard, f.pointer) : undefined;
    const severity = f.severity ?? rule.defaultSeverity;
    out.push({
      rule: rule.id,
      severity,
      file,
      ...(panel !== undefined ? { panel } : {}),
      pointer: f.pointer,
      message: f.message,
      ...(f.fix !== undefined ? { fix: f.fix } : {}),
    });
  };
  // Nesting deeper than any real dashboard would overflow recursive code in rules: report it once, check the rest.
  const checked: DashboardDocument[] = [];
  for (const doc of docs) {
    const deep = tooDeep(doc);
    if (deep === undefined) checked.push(doc);
    else {
      out.push({
        rule: 'json-too-deep',
        severity: 'error',
        file: doc.file,
        pointer: deep,
        message: `the dashboard nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep here; no Grafana dashboard does, so it was not checked further`,
        fix: 'remove the deeply nested value (it is generated or corrupt data)',
      });
    }
  }
  docs = checked;
  byFile.clear();
  for (const d of docs) byFile.set(d.file, d);
  // Without per-dashboard rules (the checks across dashboards alone, over 5 000 summaries on a `dev` save) nothing
  // reads an analysis.
  for (const doc of ruleSet.dashboard.length > 0 ? docs : []) {
    const analysis = analyseDocument(doc.dashboard, run);
    for (const rule of ruleSet.dashboard) {
      for (const finding of guard(rule.id, () => rule.check(doc, settings, analysis)))
        emit(rule, doc, doc.file, finding);
    }
  }
  for (const rule of ruleSet.tree) {
    for (const finding of guard(rule.id, () => rule.checkTree(docs, settings), docs[0]?.file ?? '')) {
      emit(rule, byFile.get(finding.file), finding.file, finding);
    }
  }
  return out;
}

function guard<T extends Finding>(ruleId: string, run: () => T[], fallbackFile?: string): T[] {
  try {
    return run();
  } catch (err) {
    return [
      {
        ...(fallbackFile !== undefined ? { file: fallbackFile } : {}),
        pointer: '',
        severity: 'error',
        message: `rule ${ruleId} crashed: ${err instanceof Error ? err.message : String(err)}`,
        fix: 'this is a panelcraft bug; please report it with the dashboard that triggers it',
      } as unknown as T,
    ];
  }
}
