import type { RuleFileRule } from '../rule-file-rule.ts';
import { alertAnnotations, alertFor, alertNameCamelcase, alertSeverity } from './alert-style.ts';
import { alertTemplate } from './alert-template.ts';
import { ruleFileShape } from './rule-file-shape.ts';
import { ruleHistogramQuantileLe } from './rule-histogram-quantile-le.ts';
import { ruleCounterRate, ruleRangeScrape, ruleRateOnGauge } from './rule-promql-kinds.ts';
import { rulePromqlSyntax } from './rule-promql-syntax.ts';

/** The rule-file rules: `build` runs them on generated files, `lint` on any `groups:` YAML. Sorted by id. */
export const ruleFileRules: readonly RuleFileRule[] = [
  alertAnnotations,
  alertFor,
  alertNameCamelcase,
  alertSeverity,
  alertTemplate,
  ruleCounterRate,
  ruleHistogramQuantileLe,
  ruleRangeScrape,
  ruleRateOnGauge,
  rulePromqlSyntax,
  ruleFileShape,
];
