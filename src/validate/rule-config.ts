import type { Severity } from '../model/diagnostic.ts';

/** Severity a user may set per rule; `off` drops the rule's findings. */
export type RuleLevel = Severity | 'off';

/** Silences one rule for one dashboard or panel, and says why (reviewed like code). */
export interface RuleExclusion {
  readonly rule: string;
  /** Dashboard uid or file path (as shown in diagnostics); omitted = every dashboard. */
  readonly dashboard?: string;
  /** Panel title; omitted = the whole dashboard. */
  readonly panel?: string;
  readonly reason: string;
}

export interface RuleConfig {
  /** Per-rule level overrides, by rule id. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  readonly exclusions?: readonly RuleExclusion[];
}
