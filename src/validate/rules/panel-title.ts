import { isQueryPanel, walkPanels } from '../panels.ts';
import type { DashboardRule } from '../rule.ts';

/** dashboard-linter's panel-title-description-rule (title part). */
export const panelTitle: DashboardRule = {
  id: 'panel-title',
  description: 'every query panel has a title',
  defaultSeverity: 'error',
  check({ dashboard }) {
    return walkPanels(dashboard).flatMap(({ panel, pointer }) => {
      if (!isQueryPanel(panel)) return [];
      const title = panel.title;
      if (typeof title === 'string' && title.trim() !== '') return [];
      return [
        {
          pointer: `${pointer}/title`,
          message: `${String(panel.type)} panel has no title; readers, diagnostics and exclusions cannot name it`,
          fix: "give it a title: `.title('Request rate')`",
        },
      ];
    });
  },
};
