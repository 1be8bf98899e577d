import { analysisFor, type DashboardRule } from '../rule.ts';
import { variableNames } from '../template-variables.ts';

const SCOPE = ['job', 'instance'] as const;

/**
 * dashboard-linter's target-job-rule and target-instance-rule: when the dashboard declares `job`/`instance`
 * variables, every selector matches on them (`job=~"$job"`), otherwise the variable picker changes nothing.
 * Dashboards without the variables are reported once by template-job-instance.
 */
export const targetJobInstance: DashboardRule = {
  id: 'target-job-instance',
  description: 'selectors match on the declared job and instance variables',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const names = variableNames(dashboard);
    const scope = SCOPE.filter((s) => names.has(s));
    if (scope.length === 0) return [];
    return analysisFor(doc, settings, analysis).selectors.flatMap(({ pointer, refId, selectors }) => {
      const missing = new Map<string, string[]>();
      for (const sel of selectors) {
        for (const label of scope) {
          const ok = sel.matchers.some(
            (m) =>
              m.label === label &&
              (m.op === '=~' || m.op === '=') &&
              /\$\{?\w/.test(m.value) &&
              m.value.includes(label),
          );
          if (!ok) missing.set(label, [...(missing.get(label) ?? []), sel.metric ?? '{…}']);
        }
      }
      return [...missing].map(([label, all]) => {
        const metrics = [...new Set(all)];
        const one = metrics.length === 1;
        return {
          pointer,
          message:
            `query${refId ? ` ${refId}` : ''} selector${one ? '' : 's'} ${metrics.map((m) => `"${m}"`).join(', ')} ${one ? 'has' : 'have'} ` +
            `no ${label}=~"$${label}" matcher; the "${label}" variable does not filter ${one ? 'it' : 'them'}`,
          fix: `add ${label}=~"$${label}" to every selector (build selectors with \`selector()\` and \`scopeMatchers()\` from 'panelcraft', which derive them from the declared variables)`,
        };
      });
    });
  },
};
