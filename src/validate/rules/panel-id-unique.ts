import { stringAt } from '../../model/json.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** Grafana keys panel state, links (`viewPanel=`) and repeats by id; duplicates make panels swap or vanish. */
export const panelIdUnique: DashboardRule = {
  id: 'panel-id-unique',
  description: 'every panel has an integer id, unique in its dashboard',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const seen = new Map<number, string>();
    const out: Finding[] = [];
    for (const { panel, pointer } of analysisFor(doc, settings, analysis).panels) {
      const id = panel.id;
      const title = stringAt(panel, 'title') ?? '';
      if (typeof id !== 'number' || !Number.isInteger(id)) {
        out.push({
          pointer: `${pointer}/id`,
          message: `panel has no integer id (found ${JSON.stringify(id ?? null)})`,
          fix: 'give every panel a unique integer id (panelcraft build assigns them)',
        });
        continue;
      }
      const other = seen.get(id);
      if (other !== undefined) {
        out.push({
          pointer: `${pointer}/id`,
          message: `panel id ${id} is also used by panel "${other}"`,
          fix: 'remove the explicit `.id(...)` so panelcraft derives one, or pick an unused id',
        });
      } else {
        seen.set(id, title);
      }
    }
    return out;
  },
};
