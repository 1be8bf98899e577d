import type { JsonObject } from '../model/json.ts';
import { DEFAULT_PROMETHEUS, type PrometheusVersion } from '../model/prometheus-version.ts';
import { type PrometheusTarget, prometheusTargets, SharedAnalyses } from './prometheus-targets.ts';
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

/** Shared by the documents of one engine run: the PromQL version and the analyses of expressions they share. */
export interface AnalysisRun {
  readonly version: PrometheusVersion;
  readonly expressions: SharedAnalyses;
}

export function analysisRun(version: PrometheusVersion = DEFAULT_PROMETHEUS): AnalysisRun {
  return { version, expressions: new SharedAnalyses() };
}

/** The analysis of one dashboard; nothing is computed until a rule reads it. */
export function analyseDocument(dashboard: JsonObject, run: AnalysisRun = analysisRun()): DocumentAnalysis {
  return new LazyAnalysis(dashboard, run);
}

/**
 * A class, not an object literal with getters: V8 gives each such literal a hidden class of its own, made in the old
 * generation and holding the getters' closures. Until the next full collection, that dead hidden class kept the
 * dashboard and every part computed of it alive through each scavenge, which copied and promoted all of it: a cold
 * build of 1 000 dashboards promoted 101 MB, 68 MB with this class (`--trace-gc-nvp`; young generations of 1 to 64 MB
 * promoted about as much as each other before).
 */
class LazyAnalysis implements DocumentAnalysis {
  private panelsOf: readonly PanelRef[] | undefined = undefined;
  private refs: readonly DatasourceRefAt[] | undefined = undefined;
  private targetsOf: readonly PrometheusTarget[] | undefined = undefined;
  private selectorsOf: readonly TargetSelectors[] | undefined = undefined;
  private stringsOf: readonly StringAt[] | undefined = undefined;
  private referencesOf: readonly ReferenceString[] | undefined = undefined;

  constructor(
    private readonly dashboard: JsonObject,
    private readonly run: AnalysisRun,
  ) {}

  get panels(): readonly PanelRef[] {
    this.panelsOf ??= walkPanels(this.dashboard);
    return this.panelsOf;
  }

  get datasourceRefs(): readonly DatasourceRefAt[] {
    this.refs ??= datasourceRefs(this.dashboard, this.panels);
    return this.refs;
  }

  get targets(): readonly PrometheusTarget[] {
    this.targetsOf ??= prometheusTargets(this.dashboard, this.run.version, this.run.expressions, this.panels);
    return this.targetsOf;
  }

  get selectors(): readonly TargetSelectors[] {
    this.selectorsOf ??= targetSelectors(this.dashboard, this.targets);
    return this.selectorsOf;
  }

  get strings(): readonly StringAt[] {
    this.stringsOf ??= stringValues(this.dashboard);
    return this.stringsOf;
  }

  get references(): readonly ReferenceString[] {
    this.referencesOf ??= referenceStrings(this.dashboard);
    return this.referencesOf;
  }
}
