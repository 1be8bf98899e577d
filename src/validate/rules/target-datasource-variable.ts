import { isJsonObject, stringAt } from '../../model/json.ts';
import { BUILTIN_DATASOURCE_UIDS, datasourceVariableName } from '../datasource-refs.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { templateVariables } from '../template-variables.ts';

/**
 * dashboard-linter's panel-datasource-rule: when the dashboard has a Prometheus datasource variable, panels and
 * targets use it rather than a fixed uid (the template-datasource rule reports dashboards without one).
 */
export const targetDatasourceVariable: DashboardRule = {
  id: 'target-datasource-variable',
  description: 'Prometheus panels and targets use the datasource variable, not a fixed uid',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const variable = templateVariables(dashboard).find(
      (v) => v.type === 'datasource' && v.variable.query === 'prometheus',
    );
    if (!variable) return [];
    return analysisFor(doc, settings, analysis).datasourceRefs.flatMap(({ value, pointer, where }) => {
      if ((where !== 'panel' && where !== 'target') || !isJsonObject(value)) return [];
      const type = stringAt(value, 'type');
      const uid = stringAt(value, 'uid');
      if (type !== 'prometheus' || uid === undefined) return [];
      if (BUILTIN_DATASOURCE_UIDS.has(uid) || datasourceVariableName(uid) !== undefined) return [];
      return [
        {
          pointer: `${pointer}/uid`,
          message: `${where} uses the fixed datasource uid "${uid}" instead of the "${variable.name}" variable, so switching datasources skips it`,
          fix: `set {"type": "prometheus", "uid": "\${${variable.name}}"}`,
        },
      ];
    });
  },
};
