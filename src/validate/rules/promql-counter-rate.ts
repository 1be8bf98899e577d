import { walk, type Expr } from '../../promql/ast.ts';
import { isCounterName } from '../../promql/metric-kind.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { originalExcerpt } from '../prometheus-targets.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** Functions and aggregations under which a raw counter is fine (they use the rate, or only count series). */
const COUNTER_SAFE_CALLS = new Set([
  'rate',
  'irate',
  'increase',
  'resets',
  'changes',
  'absent',
  'absent_over_time',
  'present_over_time',
  'count_over_time',
  'timestamp',
]);
const COUNTER_SAFE_AGGREGATIONS = new Set(['count', 'group', 'count_values']);

/** dashboard-linter's rule: counters (`_total`, `_count`, `_sum`, `_bucket`) are only meaningful through rate/irate/increase. */
export const promqlCounterRate: DashboardRule = {
  id: 'promql-counter-rate',
  description: 'counters must be wrapped in rate(), irate() or increase()',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      if (target.ast === undefined) continue;
      walk(target.ast, (node, parents) => {
        if (node.type !== 'VectorSelector') return;
        const metric = node.name ?? node.matchers.find((m) => m.label === '__name__' && m.op === '=')?.value;
        if (metric === undefined || !isCounterName(metric) || parents.some(isSafe)) return;
        findings.push({
          pointer: target.pointer,
          message: `counter "${metric}" is used without rate(), irate() or increase(): "${originalExcerpt(target, node.from, node.to)}" only ever grows and resets on restart`,
          fix: `wrap it: rate(${metric}[$__rate_interval]) (\`queries.rate()\` from 'panelcraft' writes it this way)`,
        });
      });
    }
    return findings;
  },
};

function isSafe(node: Expr): boolean {
  return (
    (node.type === 'Call' && COUNTER_SAFE_CALLS.has(node.func)) ||
    (node.type === 'AggregateExpr' && COUNTER_SAFE_AGGREGATIONS.has(node.op))
  );
}
