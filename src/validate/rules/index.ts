import type { RuleSet } from '../engine.ts';

/**
 * The one rule set: `build` and `lint` both run it (one engine, two front doors).
 * One import per rule file; keep the lists sorted by rule id.
 */
export const allRules: RuleSet = {
  dashboard: [],
  tree: [],
};
