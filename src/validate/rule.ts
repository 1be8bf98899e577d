import type { PrometheusVersion } from '../model/prometheus-version.ts';
import { analyseDocument, analysisRun, type DocumentAnalysis } from './document-analysis.ts';
import type { JsonObject } from '../model/json.ts';
import type { MetricCatalog } from '../catalog/metric-catalog.ts';
import type { Finding, Severity } from '../model/diagnostic.ts';

/** One dashboard as the rules see it: normalized output in `build`, the file as found in `lint`. */
export interface DashboardDocument {
  /** Posix path shown to users: the `.ts` source in `build`, the JSON file in `lint`. */
  readonly file: string;
  /** Grafana folder title the dashboard lands in (`undefined` = General). */
  readonly folder?: string;
  /** The uid the build derives from the source path (build only); equal to the dashboard's uid when none was set. */
  readonly derivedUid?: string;
  /** The dashboard JSON (unwrapped from `{dashboard: …}` or a k8s resource by the lint front door). */
  readonly dashboard: JsonObject;
}

/** Settings every rule may read. Filled by the front door (`build` or `lint`). */
export interface RuleSettings {
  /** Which front door runs the rules. Some checks only make sense on foreign files. */
  readonly origin: 'build' | 'lint';
  /** Metrics the service exposes (`lint --metrics`); rules that need it do nothing without it. */
  readonly catalog?: MetricCatalog;
  /** The Prometheus the queries must run on (`prometheus.version`). @default the shipped stack's, 3.5 */
  readonly prometheusVersion?: PrometheusVersion;
}

/** A check on one dashboard. One file per rule under `src/validate/rules/`. */
export interface DashboardRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  /**
   * `analysis` is what the engine computed once for this document (parsed PromQL, selectors, strings); read it
   * instead of walking the dashboard again. Callers other than the engine may leave it out.
   */
  check(doc: DashboardDocument, settings: RuleSettings, analysis?: DocumentAnalysis): Finding[];
}

/** A finding of a tree rule names the document it is about. */
export interface TreeFinding extends Finding {
  readonly file: string;
}

/** A check across all dashboards of one tree (uid uniqueness, titles per folder). */
export interface TreeRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  checkTree(docs: readonly DashboardDocument[], settings: RuleSettings): TreeFinding[];
}

/** The analysis the engine handed over, or a fresh one for callers that run a rule on its own. */
export function analysisFor(
  doc: DashboardDocument,
  settings: RuleSettings,
  analysis: DocumentAnalysis | undefined,
): DocumentAnalysis {
  return analysis ?? analyseDocument(doc.dashboard, analysisRun(settings.prometheusVersion));
}
