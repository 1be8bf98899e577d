import type { JsonObject } from '../model/json.ts';
import { DEFAULT_PROMETHEUS, type PrometheusVersion } from '../model/prometheus-version.ts';
import { type Analysis, type PrometheusTarget, prometheusTargets } from './prometheus-targets.ts';
import { type DatasourceRefAt, datasourceRefs } from './datasource-refs.ts';
import { type PanelRef, walkPanels } from './panels.ts';
import { type ReferenceString, referenceStrings } from './reference-strings.ts';
import { type StringAt, stringValues } from './string-values.ts';
import { type TargetSelectors, targetSelectors } from './target-selectors.ts';

/**
 * What several rules read of one dashboard, computed at most once per document and handed to every rule by the
 * engine: its panels, its datasource refs, the Prometheus targets (expanded, parsed and checked for the target
 * version), their selectors, every string of the document and the strings that refer to variables. Each part is
 * computed on first use; every part is read-only to the rules.
 */
export interface DocumentAnalysis {
  /** `walkPanels` of the dashboard. */
  readonly panels: readonly PanelRef[];
  /** `datasourceRefs` of the dashboard. */
  readonly datasourceRefs: readonly DatasourceRefAt[];
  readonly targets: readonly PrometheusTarget[];
  readonly selectors: readonly TargetSelectors[];
  readonly strings: readonly StringAt[];
  /** The strings (of `strings`, in their order) that hold variable references, with the references. */
  readonly references: readonly ReferenceString[];
}

/** Shared by the documents of one engine run: the PromQL version and the analyses of expressions seen so far. */
export interface AnalysisRun {
  readonly version: PrometheusVersion;
  readonly expressions: Map<string, Analysis>;
}

export function analysisRun(version: PrometheusVersion = DEFAULT_PROMETHEUS): AnalysisRun {
  return { version, expressions: new Map() };
}

/** The analysis of one dashboard; nothing is computed until a rule reads it. */
export function analyseDocument(dashboard: JsonObject, run: AnalysisRun = analysisRun()): DocumentAnalysis {
  let panels: readonly PanelRef[] | undefined;
  let refs: readonly DatasourceRefAt[] | undefined;
  let targets: readonly PrometheusTarget[] | undefined;
  let selectors: readonly TargetSelectors[] | undefined;
  let strings: readonly StringAt[] | undefined;
  let references: readonly ReferenceString[] | undefined;
  return {
    get panels() {
      panels ??= walkPanels(dashboard);
      return panels;
    },
    get datasourceRefs() {
      refs ??= datasourceRefs(dashboard, this.panels);
      return refs;
    },
    get targets() {
      targets ??= prometheusTargets(dashboard, run.version, run.expressions, this.panels);
      return targets;
    },
    get selectors() {
      selectors ??= targetSelectors(dashboard, this.targets);
      return selectors;
    },
    get strings() {
      strings ??= stringValues(dashboard);
      return strings;
    },
    get references() {
      references ??= referenceStrings(dashboard);
      return references;
    },
  };
}
