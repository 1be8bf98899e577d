import type { Convention } from '../conventions/convention.ts';
import type { Locale } from '../i18n/locale.ts';
import type { RuleScope } from '../queries/rule-scope.ts';

/** What every alert preset takes: the same convention and scope as the dashboards, with fixed values. */
export interface AlertPresetOptions extends RuleScope {
  /** Which metric and label names the service exposes. */
  readonly convention: Convention;
  /** Language of summaries and descriptions. @default 'en' */
  readonly locale?: Locale;
  /**
   * uid of the dashboard whose panels show the alerts' signals (the overview preset). Each alert then links to its
   * panel; the build resolves the panel id and fails if the panel is missing. @default no links
   */
  readonly dashboard?: string;
  /** Runbook address; `{alert}` is replaced by the alert name. @default no runbook_url */
  readonly runbookUrl?: string;
  /** Labels added to every alert, e.g. `{ team: 'payments' }`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** The runbook address of one alert, or `undefined` when none is configured. */
export function runbookFor(pattern: string | undefined, alert: string): string | undefined {
  if (pattern === undefined) return undefined;
  return pattern.includes('{alert}') ? pattern.replaceAll('{alert}', alert) : `${pattern}#${alert.toLowerCase()}`;
}
