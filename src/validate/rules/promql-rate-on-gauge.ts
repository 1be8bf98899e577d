import { walk } from '../../promql/ast.ts';
import { COUNTER_FUNCTIONS, isGaugeName } from '../../promql/metric-kind.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { originalExcerpt } from '../prometheus-targets.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** rate()/irate()/increase() assume a counter; on a gauge they turn every drop into a bogus reset. */
export const promqlRateOnGauge: DashboardRule = {
  id: 'promql-rate-on-gauge',
  description: 'rate/irate/increase must not be applied to gauges',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      if (target.ast === undefined) continue;
      walk(target.ast, (node) => {
        if (node.type !== 'Call' || !COUNTER_FUNCTIONS.has(node.func)) return;
        const arg = node.args[0];
        const selector =
          arg?.type === 'MatrixSelector' ? arg.vector : arg?.type === 'SubqueryExpr' ? arg.expr : undefined;
        if (selector?.type !== 'VectorSelector' || selector.name === undefined || !isGaugeName(selector.name)) return;
        findings.push({
          pointer: target.pointer,
          message: `${node.func}() is applied to gauge "${selector.name}": "${originalExcerpt(target, node.from, node.to)}"`,
          fix: `show the gauge itself, or use deriv(${selector.name}[$__rate_interval]) / delta() for its change`,
        });
      });
    }
    return findings;
  },
};
