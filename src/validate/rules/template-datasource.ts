import { analysisFor, type DashboardRule } from '../rule.ts';
import { templateVariables } from '../template-variables.ts';
import { usesPrometheus } from '../uses-prometheus.ts';

/** dashboard-linter's template-datasource-rule: queries go through a Prometheus datasource variable. */
export const templateDatasource: DashboardRule = {
  id: 'template-datasource',
  description: 'a Prometheus dashboard has a datasource template variable (type datasource, query prometheus)',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    if (!usesPrometheus(dashboard, analysisFor(doc, settings, analysis).datasourceRefs)) return [];
    if (templateVariables(dashboard).some((v) => v.type === 'datasource' && v.variable.query === 'prometheus'))
      return [];
    return [
      {
        pointer: '/templating',
        message:
          'dashboard has no datasource variable of type "prometheus"; every panel is tied to one fixed datasource',
        fix: 'add `new DatasourceVariableBuilder(\'datasource\').type(\'prometheus\')` (\'@grafana/grafana-foundation-sdk/dashboard\') and point panels at {"type": "prometheus", "uid": "${datasource}"}',
      },
    ];
  },
};
