import { ratesOnGauges } from '../../promql/metric-kind-misuse.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { originalExcerpt } from '../prometheus-targets.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { perTree } from '../ast-memo.ts';

/** Per parsed query: the same tree gives the same ratesOnGauges. */
const ratesOnGaugesOf = perTree(ratesOnGauges);

/** rate()/irate()/increase() assume a counter; on a gauge they turn every drop into a bogus reset. */
export const promqlRateOnGauge: DashboardRule = {
  id: 'promql-rate-on-gauge',
  description: 'rate/irate/increase must not be applied to gauges',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      if (target.ast === undefined) continue;
      for (const { node, metric } of ratesOnGaugesOf(target.ast)) {
        findings.push({
          pointer: target.pointer,
          message: `${node.func}() is applied to gauge "${metric}": "${originalExcerpt(target, node.from, node.to)}"`,
          fix: `show the gauge itself, or use deriv(${metric}[$__rate_interval]) / delta() for its change`,
        });
      }
    }
    return findings;
  },
};
