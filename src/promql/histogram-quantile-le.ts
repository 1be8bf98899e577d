import { walk, type AggregateExpr, type Call, type Expr } from './ast.ts';

/** Aggregations whose grouping only picks which series to keep, not which labels: every label survives. */
const LABEL_KEEPING = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);

export interface LeDrop {
  /** The histogram_quantile() call. */
  readonly call: Call;
  /** The aggregation (between the call and the bucket series) that drops `le`. */
  readonly aggregation: AggregateExpr;
  /** How the aggregation groups, as written: `no by clause`, `by (job)`, `without (le)`. */
  readonly clause: string;
  /** The aggregation's head rewritten to keep `le`: `sum by (le, job)`, `sum without (instance)`. */
  readonly keepingLe: string;
}

/**
 * Aggregations that drop the `le` label between histogram_quantile() and the classic-histogram buckets it reads
 * (series named `…_bucket`, or selected by `le`): without `le` there is no bucket boundary left, and the quantile
 * comes out empty. Only the outermost offending aggregation per path is reported. Native histograms (no `_bucket`,
 * no `le`) carry their buckets inside each sample and are never reported. Shared by the dashboard and rule-file rules.
 */
export function aggregationsDroppingLe(ast: Expr): LeDrop[] {
  const found: LeDrop[] = [];
  walk(ast, (node) => {
    if (node.type !== 'Call' || node.func !== 'histogram_quantile' || node.args[1] === undefined) return;
    walk(node.args[1], (inner, parents) => {
      if (inner.type !== 'AggregateExpr' || !dropsLe(inner) || !readsBuckets(inner)) return;
      if (
        parents.some(
          (p) => (p.type === 'Call' && p.func === 'histogram_quantile') || (p.type === 'AggregateExpr' && dropsLe(p)),
        )
      )
        return; // a nested histogram_quantile() is checked on its own; an outer drop is reported already
      found.push({ call: node, aggregation: inner, clause: clauseOf(inner), keepingLe: keepingLe(inner) });
    });
  });
  return found;
}

function dropsLe(node: AggregateExpr): boolean {
  if (LABEL_KEEPING.has(node.op)) return false;
  const g = node.grouping;
  if (g === undefined) return true;
  return g.without ? g.labels.includes('le') : !g.labels.includes('le');
}

function readsBuckets(node: Expr): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.type === 'VectorSelector' && (n.name?.endsWith('_bucket') || n.matchers.some((m) => m.label === 'le')))
      found = true;
  });
  return found;
}

function clauseOf(node: AggregateExpr): string {
  const g = node.grouping;
  return g === undefined ? 'no by clause' : `${g.without ? 'without' : 'by'} (${g.labels.join(', ')})`;
}

function keepingLe(node: AggregateExpr): string {
  const g = node.grouping;
  if (g?.without) {
    const rest = g.labels.filter((l) => l !== 'le');
    return rest.length > 0 ? `${node.op} without (${rest.join(', ')})` : `${node.op} by (le)`;
  }
  return `${node.op} by (${['le', ...(g?.labels ?? [])].join(', ')})`;
}
