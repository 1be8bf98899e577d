import { arrayAt, isJsonObject, stringAt } from '../../model/json.ts';
import { isQueryPanel } from '../panels.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** Two panels with the same title, type and queries are a copy-paste leftover. */
export const panelDuplicate: DashboardRule = {
  id: 'panel-duplicate',
  description: 'no two query panels share title, type and queries',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const first = new Map<string, string>();
    return analysisFor(doc, settings, analysis).panels.flatMap(({ panel, pointer }) => {
      if (!isQueryPanel(panel)) return [];
      const queries = arrayAt(panel, 'targets')
        .filter(isJsonObject)
        .map((t) => stringAt(t, 'expr') ?? JSON.stringify({ ...t, refId: null, datasource: null }))
        .sort();
      const key = JSON.stringify([stringAt(panel, 'title') ?? '', stringAt(panel, 'type') ?? '', queries]);
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, pointer);
        return [];
      }
      return [
        {
          pointer,
          message: `panel duplicates ${earlier} (same title "${stringAt(panel, 'title') ?? ''}", type and ${queries.length} ${queries.length === 1 ? 'query' : 'queries'})`,
          fix: 'delete one of them, or change what one shows and its title',
        },
      ];
    });
  },
};
