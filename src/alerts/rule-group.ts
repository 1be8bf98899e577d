import type { Rule, RuleGroup } from './rule-types.ts';

export interface RuleGroupOptions {
  readonly name: string;
  /** @default Prometheus's global evaluation_interval */
  readonly interval?: string;
  readonly rules: readonly Rule[];
  readonly notes?: readonly string[];
}

/** A rule group. Throws when it is empty or repeats an alert or record with the same labels (promtool's duplicate lint). */
export function ruleGroup(options: RuleGroupOptions): RuleGroup {
  const { name, rules } = options;
  if (name.trim() === '') throw new Error('ruleGroup(): name is empty');
  if (rules.length === 0) throw new Error(`ruleGroup("${name}"): has no rules`);
  const seen = new Set<string>();
  for (const rule of rules) {
    const key = JSON.stringify([
      rule.kind === 'alert' ? rule.alert : rule.record,
      rule.labels,
      rule.kind === 'alert' ? rule.severity : '',
    ]);
    if (seen.has(key))
      throw new Error(
        `ruleGroup("${name}"): ${rule.kind === 'alert' ? rule.alert : rule.record} appears twice with the same labels`,
      );
    seen.add(key);
  }
  return {
    name,
    ...(options.interval !== undefined ? { interval: options.interval } : {}),
    rules: [...rules],
    notes: [...(options.notes ?? [])],
  };
}
