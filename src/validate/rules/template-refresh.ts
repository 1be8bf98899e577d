import type { DashboardRule } from '../rule.ts';
import { templateVariables } from '../template-variables.ts';

const ON_TIME_RANGE_CHANGE = 2;

/** dashboard-linter's template-on-time-change-reload-rule. */
export const templateRefresh: DashboardRule = {
  id: 'template-refresh',
  description: 'query variables refresh on time range change (refresh: 2)',
  defaultSeverity: 'warning',
  check({ dashboard }) {
    return templateVariables(dashboard).flatMap((v) => {
      if (v.type !== 'query') return [];
      const refresh = v.variable.refresh;
      if (refresh === ON_TIME_RANGE_CHANGE) return [];
      const now =
        refresh === undefined
          ? 'is not set (never)'
          : refresh === 1
            ? 'is 1 (on dashboard load)'
            : `is ${JSON.stringify(refresh)}`;
      return [
        {
          pointer: `${v.pointer}/refresh`,
          message: `query variable "${v.name}" refresh ${now}; its values go stale when the time range changes`,
          fix: 'set refresh: 2 (`.refresh(VariableRefresh.OnTimeRangeChanged)` on QueryVariableBuilder)',
        },
      ];
    });
  },
};
