/** How urgent an alert is: `critical` pages someone now, `warning` opens a ticket, `info` only informs. */
export type AlertSeverity = 'critical' | 'warning' | 'info';

/** The dashboard panel that shows an alert's signal; resolved to a link (uid + panel id) at build time. */
export interface PanelLink {
  /** Dashboard uid (explicit, or derived from the path: `go-services/overview.ts` → `go-services-overview`). */
  readonly dashboard: string;
  /** Exact panel title on that dashboard. */
  readonly panel: string;
}

/** One sample series of a promtool unit test, in promtool's expanding notation (`0+10x60`, `1x20`, `_x3`). */
export interface TestSeries {
  readonly series: string;
  readonly values: string;
}

/** A synthetic situation an alert is tested on: `promtool test rules` checks it fires (or stays silent) at `evalTime`. */
export interface AlertCase {
  /** Names the case in promtool's output, e.g. "error burst". */
  readonly name: string;
  /** Spacing of the input samples. @default "15s" */
  readonly interval?: string;
  readonly series: readonly TestSeries[];
  /** When to look, e.g. "5m". */
  readonly evalTime: string;
  /** The expected firing alerts at `evalTime`: each its labels (besides the rule's own) and its value; empty = silent. */
  readonly expect: readonly { readonly labels: Readonly<Record<string, string>>; readonly value: number }[];
}

export interface AlertingRule {
  readonly kind: 'alert';
  /** CamelCase alert name, e.g. `GoServiceHighErrorRatio`. */
  readonly alert: string;
  readonly expr: string;
  /** How long the condition must hold before the alert fires. @default "0s" */
  readonly for?: string;
  readonly severity: AlertSeverity;
  /** Extra labels (severity is added from `severity`). */
  readonly labels: Readonly<Record<string, string>>;
  /** Go-templated one-liner, e.g. `{{ $labels.job }} answers 5xx`. */
  readonly summary: string;
  /** Go-templated explanation with the value, what it means and what to do. */
  readonly description: string;
  readonly runbookUrl?: string;
  readonly panel?: PanelLink;
  /** Unit tests `panelcraft test-alerts` runs with promtool. */
  readonly cases: readonly AlertCase[];
}

export interface RecordingRule {
  readonly kind: 'record';
  /** `level:metric:operations`, e.g. `job:slo_requests:rate5m`. */
  readonly record: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
}

export type Rule = AlertingRule | RecordingRule;

/** A Prometheus rule group: evaluated together, in order, every `interval`. */
export interface RuleGroup {
  readonly name: string;
  /** Evaluation interval. @default Prometheus's global evaluation_interval */
  readonly interval?: string;
  readonly rules: readonly Rule[];
  /** Why something was left out (e.g. no latency SLO without a histogram); written as comments into the rule file. */
  readonly notes: readonly string[];
}

/** What an `alerts/<folder>/<name>.ts` file may default-export: groups plus user-written tests (`alertTest()`). */
export interface RuleFile {
  readonly groups: readonly RuleGroup[];
  readonly tests?: readonly AlertTest[];
}

/** A user-written promtool test of one alert (also of a preset's), added to a rule file with `ruleFile()`. */
export interface AlertTest {
  /** Name of the alert under test; with several rules of that name, the one whose severity the expectations name. */
  readonly alert: string;
  readonly case: AlertCase;
}
