import { stringAt } from '../../model/json.ts';
import { isQueryPanel } from '../panels.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** Plugin panels that draw without queries. */
const NO_QUERY_PLUGINS = new Set(['alertlist', 'grafana-clock-panel']);

/** dashboard-linter's panel-no-targets-rule: a query panel without targets draws "No data". */
export const panelTargets: DashboardRule = {
  id: 'panel-targets',
  description: 'every query panel has at least one target',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    return analysisFor(doc, settings, analysis).panels.flatMap(({ panel, pointer }) => {
      const type = stringAt(panel, 'type');
      if (!isQueryPanel(panel) || (type !== undefined && NO_QUERY_PLUGINS.has(type))) return [];
      const targets = panel.targets;
      if (Array.isArray(targets) && targets.length > 0) return [];
      return [
        {
          pointer: `${pointer}/targets`,
          message: `${type} panel has ${targets === undefined ? 'no "targets"' : Array.isArray(targets) ? 'an empty "targets" list' : `"targets" = ${JSON.stringify(targets)}`}; it draws "No data"`,
          fix: "add a query: `.withTarget(new DataqueryBuilder().expr('…'))` from '@grafana/grafana-foundation-sdk/prometheus'",
        },
      ];
    });
  },
};
