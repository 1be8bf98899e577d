import { toOriginalOffset } from '../../promql/expand-macros.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** Every Prometheus query must be accepted by Prometheus's own parser, after Grafana expands its macros. */
export const promqlSyntax: DashboardRule = {
  id: 'promql-syntax',
  description: 'PromQL must parse and type-check as Prometheus does (after expanding Grafana macros and variables)',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const findings: Finding[] = [];
    for (const target of analysisFor(doc, settings, analysis).targets) {
      const problem = target.problems[0];
      if (problem === undefined) continue;
      const at = Math.min(toOriginalOffset(target.expansion, problem.from), target.expr.length);
      const line = target.expr.slice(0, at).split('\n').length;
      const column = at - target.expr.lastIndexOf('\n', at - 1);
      const excerpt = target.expr.slice(Math.max(0, at - 20), at + 20).replace(/\s+/g, ' ');
      findings.push({
        pointer: target.pointer,
        message: `PromQL error at ${line > 1 ? `line ${line}, ` : ''}column ${column} (near "${excerpt}"): ${problem.message}`,
        fix: 'correct the expression so `promtool check rules` accepts it; build queries with the panelcraft helpers (`selector()`, `queries.rate()` from "panelcraft") instead of hand-written PromQL',
      });
    }
    return findings;
  },
};
