import type { AlertCase, AlertingRule, AlertSeverity, PanelLink } from './rule-types.ts';

export interface AlertRuleOptions {
  /** CamelCase name, also names the alert in every error. */
  readonly name: string;
  /** Built with the queries of 'panelcraft' (`queries.*`), never hand-written PromQL. */
  readonly expr: string;
  readonly severity: AlertSeverity;
  /** @default "0s": fires on the first evaluation that sees the condition */
  readonly for?: string;
  readonly summary: string;
  readonly description: string;
  /** Extra labels; `severity` comes from `severity`. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Full runbook address of this alert. */
  readonly runbookUrl?: string;
  /** The panel that shows the same signal. */
  readonly panel?: PanelLink;
  /** promtool unit tests: a bad series it fires on, a healthy one it stays silent on. */
  readonly cases?: readonly AlertCase[];
}

const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

/** An alerting rule. Throws for programmer errors (empty expression, bad duration), naming the alert. */
export function alertRule(options: AlertRuleOptions): AlertingRule {
  const { name, expr } = options;
  if (expr.trim() === '') throw new Error(`alertRule("${name}"): expr is empty`);
  if (options.for !== undefined && !DURATION.test(options.for))
    throw new Error(
      `alertRule("${name}"): for must be a Prometheus duration like "5m", got ${JSON.stringify(options.for)}`,
    );
  if ('severity' in (options.labels ?? {}))
    throw new Error(`alertRule("${name}"): set severity with the severity option, not in labels`);
  return {
    kind: 'alert',
    alert: name,
    expr,
    ...(options.for !== undefined ? { for: options.for } : {}),
    severity: options.severity,
    labels: { ...options.labels },
    summary: options.summary,
    description: options.description,
    ...(options.runbookUrl !== undefined ? { runbookUrl: options.runbookUrl } : {}),
    ...(options.panel !== undefined ? { panel: options.panel } : {}),
    cases: [...(options.cases ?? [])],
  };
}
