import { isJsonObject, stringAt } from '../../model/json.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** File provisioning does not resolve library panels (grafana/grafana PR #131971: provisioned dashboards intentionally do not support library panels). */
export const libraryPanel: DashboardRule = {
  id: 'library-panel',
  description: 'no library panel references (file provisioning does not support them)',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    return analysisFor(doc, settings, analysis).panels.flatMap(({ panel, pointer }) => {
      const ref = panel.libraryPanel;
      if (ref === undefined) return [];
      const name = isJsonObject(ref) ? (stringAt(ref, 'name') ?? stringAt(ref, 'uid')) : undefined;
      return [
        {
          pointer: `${pointer}/libraryPanel`,
          message:
            `panel references library panel ${name !== undefined ? `"${name}"` : JSON.stringify(ref)}; provisioned dashboards ` +
            'do not support library panels, Grafana shows "Unable to load library panel" wherever it is missing',
          fix: 'inline the panel: copy its model into the dashboard (or build it with a shared panel function in dashboards/_lib)',
        },
      ];
    });
  },
};
