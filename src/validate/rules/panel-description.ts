import { isQueryPanel } from '../panels.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** dashboard-linter's panel-title-description-rule (description part). */
export const panelDescription: DashboardRule = {
  id: 'panel-description',
  description: 'every query panel has a description',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    return analysisFor(doc, settings, analysis).panels.flatMap(({ panel, pointer }) => {
      if (!isQueryPanel(panel)) return [];
      const description = panel.description;
      if (typeof description === 'string' && description.trim() !== '') return [];
      return [
        {
          pointer: `${pointer}/description`,
          message: 'panel has no description; reviewers cannot tell what it shows or why it matters',
          fix: "add `.description('What it shows and why it matters')`",
        },
      ];
    });
  },
};
