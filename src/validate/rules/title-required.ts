import type { DashboardRule } from '../rule.ts';

const MAX_TITLE = 5000;

/** Grafana skips a provisioned file whose title is empty ("Dashboard title cannot be empty", `ErrDashboardTitleEmpty` in Grafana's `pkg/services/provisioning/dashboards/types.go`). */
export const titleRequired: DashboardRule = {
  id: 'title-required',
  description: 'dashboard title is present and at most 5000 characters',
  defaultSeverity: 'error',
  check({ dashboard }) {
    const title = dashboard.title;
    if (typeof title !== 'string' || title.trim() === '') {
      return [
        {
          pointer: '/title',
          message: 'dashboard has no title; Grafana skips the file ("Dashboard title cannot be empty")',
          fix: "give it a title: `new DashboardBuilder('Checkout service')`",
        },
      ];
    }
    if (title.length > MAX_TITLE) {
      return [
        {
          pointer: '/title',
          message: `title is ${title.length} characters; Grafana allows ${MAX_TITLE}`,
          fix: 'shorten the title',
        },
      ];
    }
    return [];
  },
};
