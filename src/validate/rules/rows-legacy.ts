import { arrayAt, isJsonObject } from '../../model/json.ts';
import type { DashboardRule } from '../rule.ts';

/** The pre-Grafana-5 layout: `rows[].panels[]` with `span`, no `gridPos`. */
export const rowsLegacy: DashboardRule = {
  id: 'rows-legacy',
  description: 'no pre-gridPos `rows` layout',
  defaultSeverity: 'error',
  check({ dashboard }) {
    if (!Array.isArray(dashboard.rows)) return [];
    const rows = arrayAt(dashboard, 'rows').filter(isJsonObject);
    const panels = rows.reduce((n, row) => n + arrayAt(row, 'panels').length, 0);
    return [
      {
        pointer: '/rows',
        message:
          `dashboard uses the pre-Grafana-5 "rows" layout (${rows.length} rows, ${panels} panels, sized by "span"); ` +
          'Grafana converts it to gridPos panels at load and places them itself, and the rules here cannot check ' +
          'panels inside "rows"',
        fix: 'move the panels to top-level "panels" with "gridPos" (rows become panels of type "row"); `panelcraft import` does this',
      },
    ];
  },
};
