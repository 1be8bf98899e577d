import { walk } from '../../promql/ast.ts';
import { COUNTER_FUNCTIONS } from '../../promql/metric-kind.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { originalExcerpt } from '../prometheus-targets.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/**
 * dashboard-linter's rule: the range of rate/irate/increase should be `$__rate_interval`, so it covers enough scrapes
 * and follows the zoom. Counter functions only: gauge trend functions (`deriv`, `delta`, `predict_linear`) often use a
 * fixed window on purpose, e.g. a 10m `deriv` that shows sustained goroutine growth instead of scrape-to-scrape noise.
 */
export const promqlRateInterval: DashboardRule = {
  id: 'promql-rate-interval',
  description: 'rate/irate/increase ranges should be $__rate_interval',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      if (target.ast === undefined) continue;
      walk(target.ast, (node) => {
        if (node.type !== 'Call' || !COUNTER_FUNCTIONS.has(node.func)) return;
        const arg = node.args[0];
        if (arg?.type !== 'MatrixSelector') return;
        const fromMacro = target.expansion.segments.some(
          (s) => s.name === '__rate_interval' && s.from >= arg.vector.to && s.to <= arg.to,
        );
        if (fromMacro) return;
        const range = originalExcerpt(target, arg.vector.to, arg.to);
        findings.push({
          pointer: target.pointer,
          message: `${node.func}() uses range ${range}, not [$__rate_interval]: "${originalExcerpt(target, node.from, node.to)}"`,
          fix: `write ${node.func}(…[$__rate_interval]) (\`queries.rate()\` from 'panelcraft' does), so the window always covers at least four scrapes`,
        });
      });
    }
    return findings;
  },
};
