import { walk, type Expr } from '../../promql/ast.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { originalExcerpt } from '../prometheus-targets.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** histogram_quantile over classic `_bucket` series needs `le`; an aggregation that drops it leaves nothing to compute. */
export const promqlHistogramQuantileLe: DashboardRule = {
  id: 'promql-histogram-quantile-le',
  description: 'histogram_quantile must aggregate buckets by le',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      if (target.ast === undefined) continue;
      walk(target.ast, (node) => {
        if (node.type !== 'Call' || node.func !== 'histogram_quantile') return;
        let inner = node.args[1];
        while (inner?.type === 'ParenExpr') inner = inner.expr;
        if (inner?.type !== 'AggregateExpr' || !readsBuckets(inner)) return;
        const g = inner.grouping;
        const keepsLe = g !== undefined && (g.without ? !g.labels.includes('le') : g.labels.includes('le'));
        if (keepsLe) return;
        const clause = g === undefined ? 'no by clause' : `${g.without ? 'without' : 'by'} (${g.labels.join(', ')})`;
        findings.push({
          pointer: target.pointer,
          message: `histogram_quantile() aggregates buckets with ${clause}, which drops "le": "${originalExcerpt(target, inner.from, inner.to)}"; Grafana shows no data`,
          fix: `keep le in the aggregation: ${inner.op} by (le${g !== undefined && !g.without && g.labels.length > 0 ? `, ${g.labels.join(', ')}` : ''}) (…)`,
        });
      });
    }
    return findings;
  },
};

function readsBuckets(node: Expr): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.type === 'VectorSelector' && (n.name?.endsWith('_bucket') || n.matchers.some((m) => m.label === 'le')))
      found = true;
  });
  return found;
}
