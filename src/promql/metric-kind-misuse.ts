import { walk, type Call, type Expr, type VectorSelectorNode } from './ast.ts';
import { COUNTER_FUNCTIONS, isCounterName, isGaugeName } from './metric-kind.ts';

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

const counterSafe = (node: Expr): boolean =>
  (node.type === 'Call' && COUNTER_SAFE_CALLS.has(node.func)) ||
  (node.type === 'AggregateExpr' && COUNTER_SAFE_AGGREGATIONS.has(node.op));

/** A selector's metric name, also when written as `{__name__="…"}`. */
const metricName = (node: VectorSelectorNode): string | undefined =>
  node.name ?? node.matchers.find((m) => m.label === '__name__' && m.op === '=')?.value;

export interface MetricUse<N> {
  readonly node: N;
  readonly metric: string;
}

/**
 * Counters (`_total`, `_count`, `_sum`, `_bucket`) read raw, outside rate/irate/increase and the functions that
 * only count series: they only ever grow and reset on restart. Shared by the dashboard and rule-file rules.
 */
export function unratedCounters(ast: Expr): MetricUse<VectorSelectorNode>[] {
  const found: MetricUse<VectorSelectorNode>[] = [];
  walk(ast, (node, parents) => {
    if (node.type !== 'VectorSelector') return;
    const metric = metricName(node);
    if (metric !== undefined && isCounterName(metric) && !parents.some(counterSafe)) found.push({ node, metric });
  });
  return found;
}

/** rate/irate/increase over a gauge's range or subquery: every drop of the gauge would read as a counter reset. */
export function ratesOnGauges(ast: Expr): MetricUse<Call>[] {
  const found: MetricUse<Call>[] = [];
  walk(ast, (node) => {
    if (node.type !== 'Call' || !COUNTER_FUNCTIONS.has(node.func)) return;
    const arg = node.args[0];
    const selector = arg?.type === 'MatrixSelector' ? arg.vector : arg?.type === 'SubqueryExpr' ? arg.expr : undefined;
    if (selector?.type !== 'VectorSelector') return;
    const metric = metricName(selector);
    if (metric !== undefined && isGaugeName(metric)) found.push({ node, metric });
  });
  return found;
}
