import { unratedCounters } from '../../promql/metric-kind-misuse.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { originalExcerpt } from '../prometheus-targets.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { perTree } from '../ast-memo.ts';

/** Per parsed query: the same tree gives the same unratedCounters. */
const unratedCountersOf = perTree(unratedCounters);

/** dashboard-linter's rule: counters (`_total`, `_count`, `_sum`, `_bucket`) are only meaningful through rate/irate/increase. */
export const promqlCounterRate: DashboardRule = {
  id: 'promql-counter-rate',
  description: 'counters must be wrapped in rate(), irate() or increase()',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      if (target.ast === undefined) continue;
      for (const { node, metric } of unratedCountersOf(target.ast)) {
        findings.push({
          pointer: target.pointer,
          message: `counter "${metric}" is used without rate(), irate() or increase(): "${originalExcerpt(target, node.from, node.to)}" only ever grows and resets on restart`,
          fix: `wrap it: rate(${metric}[$__rate_interval]) (\`queries.rate()\` from 'panelcraft' writes it this way)`,
        });
      }
    }
    return findings;
  },
};
