import { stringAt } from '../../model/json.ts';
import { angularReplacement } from '../angular-panels.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** graph, singlestat, table-old, … are Angular panels; Grafana 12 removed Angular support. */
export const angularPanel: DashboardRule = {
  id: 'angular-panel',
  description: 'no Angular panel types (graph, singlestat, table-old, …): Grafana 12 removed them',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    return analysisFor(doc, settings, analysis).panels.flatMap(({ panel, pointer }) => {
      const type = stringAt(panel, 'type');
      const replacement = angularReplacement(type);
      if (replacement === undefined) return [];
      return [
        {
          pointer: `${pointer}/type`,
          message:
            `panel type "${type}" is an Angular panel; Grafana 12 removed Angular support and converts it to ` +
            `"${replacement}" at load at best, so what renders is not what this JSON says`,
          fix: `rebuild it as a "${replacement}" panel (the ${replacement} builder in '@grafana/grafana-foundation-sdk/${replacement}')`,
        },
      ];
    });
  },
};
