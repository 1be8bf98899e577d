import { ruleFileRules } from './rule-files/rules/index.ts';
import { allRules } from './rules/index.ts';

/** Rule ids the lint front door reports itself, before rules run. */
export const FRONT_DOOR_RULES = [
  'json-invalid',
  'json-too-large',
  'json-too-deep',
  'not-a-dashboard',
  'dashboard-wrapped',
  'dashboard-v2',
] as const;

/** Every rule id `rules:` and `exclusions:` in panelcraft.yaml may name: the rule set, the schema check, lint's own. */
export function configurableRuleIds(): string[] {
  return [...allRules.dashboard, ...allRules.tree, ...ruleFileRules]
    .map((r) => r.id)
    .concat(FRONT_DOOR_RULES, 'schema');
}
