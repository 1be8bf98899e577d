import { aggregationsDroppingLe } from '../../promql/histogram-quantile-le.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { originalExcerpt } from '../prometheus-targets.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { perTree } from '../ast-memo.ts';

/** Per parsed query: the same tree gives the same aggregationsDroppingLe. */
const aggregationsDroppingLeOf = perTree(aggregationsDroppingLe);

/** histogram_quantile over classic `_bucket` series needs `le`; an aggregation that drops it leaves nothing to compute. */
export const promqlHistogramQuantileLe: DashboardRule = {
  id: 'promql-histogram-quantile-le',
  description: 'histogram_quantile must aggregate buckets by le',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      if (target.ast === undefined) continue;
      for (const { aggregation, clause, keepingLe } of aggregationsDroppingLeOf(target.ast)) {
        findings.push({
          pointer: target.pointer,
          message: `histogram_quantile() aggregates buckets with ${clause}, which drops "le": "${originalExcerpt(target, aggregation.from, aggregation.to)}"; Grafana shows no data`,
          fix: `keep le in the aggregation: ${keepingLe} (…)`,
        });
      }
    }
    return findings;
  },
};
