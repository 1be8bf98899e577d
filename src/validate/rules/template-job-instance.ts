import { analysisFor, type DashboardRule } from '../rule.ts';
import { variableNames } from '../template-variables.ts';
import { usesPrometheus } from '../uses-prometheus.ts';

const REQUIRED = ['job', 'instance'] as const;

/** dashboard-linter's template-job-rule and template-instance-rule. */
export const templateJobInstance: DashboardRule = {
  id: 'template-job-instance',
  description: 'a Prometheus dashboard declares `job` and `instance` template variables',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    if (!usesPrometheus(dashboard, analysisFor(doc, settings, analysis).datasourceRefs)) return [];
    const names = variableNames(dashboard);
    return REQUIRED.filter((name) => !names.has(name)).map((name) => ({
      pointer: '/templating',
      message: `dashboard has no "${name}" variable; viewers cannot narrow the panels to one ${name}`,
      fix: `add a query variable: \`new QueryVariableBuilder('${name}').query('label_values(up, ${name})')\` with .refresh(VariableRefresh.OnTimeRangeChanged), and match on ${name}=~"$${name}" in every selector`,
    }));
  },
};
