import { analysisFor, type DashboardRule } from '../rule.ts';
import { variableNames } from '../template-variables.ts';
import { didYouMean } from '../../catalog/suggest.ts';

/** A panel or row repeated over a variable that does not exist is drawn once, silently. */
export const repeatVariable: DashboardRule = {
  id: 'repeat-variable',
  description: 'panels and rows repeat over declared variables',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const names = variableNames(dashboard);
    return analysisFor(doc, settings, analysis).panels.flatMap(({ panel, pointer }) => {
      const repeat = panel.repeat;
      if (repeat === undefined || repeat === null || repeat === '') return [];
      if (typeof repeat === 'string' && names.has(repeat)) return [];
      return [
        {
          pointer: `${pointer}/repeat`,
          message: `${panel.type === 'row' ? 'row' : 'panel'} repeats over ${JSON.stringify(repeat)}, which is no template variable${typeof repeat === 'string' ? didYouMean(repeat, names) : ''}; Grafana draws it once`,
          fix: 'repeat over a declared variable name (without "$"), e.g. `.repeat(\'instance\')`',
        },
      ];
    });
  },
};
