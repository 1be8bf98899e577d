import type { JsonObject } from '../../../src/model/json.ts';
import type { DashboardDocument } from '../../../src/validate/rule.ts';

/** A dashboard with one timeseries panel per expression (`Panel 0`, `Panel 1`, …), one target each. */
export function dashboardWith(...exprs: string[]): DashboardDocument {
  const panels: JsonObject[] = exprs.map((expr, i) => ({
    type: 'timeseries',
    title: `Panel ${i}`,
    datasource: { type: 'prometheus', uid: '${datasource}' },
    targets: [{ refId: 'A', expr }],
  }));
  return { file: 'dashboards/demo/overview.ts', dashboard: { title: 'Demo', uid: 'demo', panels } };
}
