import { checkPromql } from '../../../promql/check.ts';
import type { Finding } from '../../../model/diagnostic.ts';
import type { RuleFileRule } from '../rule-file-rule.ts';
import { ruleEntries, ruleLabel } from '../rule-file-document.ts';

/** Every rule expression must be accepted by Prometheus's parser; Grafana macros and variables do not exist in rule files. */
export const rulePromqlSyntax: RuleFileRule = {
  id: 'promql-syntax',
  description: 'PromQL must parse and type-check as Prometheus does',
  defaultSeverity: 'error',
  check(doc) {
    const findings: Finding[] = [];
    for (const entry of ruleEntries(doc)) {
      if (entry.expr === undefined) continue;
      const problem = checkPromql(entry.expr)[0];
      if (problem === undefined) continue;
      const excerpt = entry.expr.slice(Math.max(0, problem.from - 20), problem.from + 20).replace(/\s+/g, ' ');
      const macro = /\$(__\w+|\{?\w+)/.exec(entry.expr);
      findings.push({
        pointer: `${entry.pointer}/expr`,
        message: `${ruleLabel(entry)}: PromQL error at column ${problem.from + 1} (near "${excerpt}"): ${problem.message}`,
        fix: macro
          ? `rule files have no Grafana variables or macros ("${macro[0]}"): give the rule fixed values (queries with a fixed rateWindow and job)`
          : 'correct the expression; build it with the panelcraft queries (`queries.*` from "panelcraft")',
      });
    }
    return findings;
  },
};
