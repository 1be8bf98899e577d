import { isQueryPanel } from '../panels.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** dashboard-linter's panel-title-description-rule (title part). */
export const panelTitle: DashboardRule = {
  id: 'panel-title',
  description: 'every query panel has a title',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    return analysisFor(doc, settings, analysis).panels.flatMap(({ panel, pointer }) => {
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
