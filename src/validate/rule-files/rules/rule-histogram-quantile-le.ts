import { aggregationsDroppingLe } from '../../../promql/histogram-quantile-le.ts';
import type { Finding } from '../../../model/diagnostic.ts';
import type { RuleFileRule } from '../rule-file-rule.ts';
import { ruleLabel } from '../rule-file-document.ts';
import { parsedEntries } from './parsed-entries.ts';

/** The dashboards' rule for rule files: histogram_quantile() over classic buckets keeps `le` in every aggregation. */
export const ruleHistogramQuantileLe: RuleFileRule = {
  id: 'promql-histogram-quantile-le',
  description: 'histogram_quantile must aggregate buckets by le',
  defaultSeverity: 'error',
  check(doc) {
    const findings: Finding[] = [];
    for (const { entry, expr, ast } of parsedEntries(doc)) {
      for (const { aggregation, clause, keepingLe } of aggregationsDroppingLe(ast)) {
        findings.push({
          pointer: `${entry.pointer}/expr`,
          message: `${ruleLabel(entry)}: histogram_quantile() aggregates buckets with ${clause}, which drops "le": "${expr.slice(aggregation.from, aggregation.to)}"; the quantile is always empty, so the rule never records or fires`,
          fix: `keep le in the aggregation: ${keepingLe} (…)`,
        });
      }
    }
    return findings;
  },
};
