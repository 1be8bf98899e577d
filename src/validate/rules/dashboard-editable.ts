import type { DashboardRule } from '../rule.ts';

/** dashboard-linter's uneditable rule: provisioned dashboards are changed in code, not in the UI. */
export const dashboardEditable: DashboardRule = {
  id: 'dashboard-editable',
  description: 'dashboards are not editable in the UI (editable: false)',
  defaultSeverity: 'warning',
  check({ dashboard }) {
    if (dashboard.editable === false) return [];
    const now =
      dashboard.editable === undefined
        ? 'is not set (Grafana defaults to true)'
        : `is ${JSON.stringify(dashboard.editable)}`;
    return [
      {
        pointer: '/editable',
        message: `"editable" ${now}; edits made in the UI are lost at the next provisioning or cannot be saved`,
        fix: 'set editable: false (`.readonly()` on DashboardBuilder) and change the dashboard in code',
      },
    ];
  },
};
