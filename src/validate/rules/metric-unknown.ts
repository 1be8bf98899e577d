import { didYouMean } from '../../catalog/suggest.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/**
 * With a metric catalog (`lint --metrics`), every selector's metric name exists in it: a typo draws an empty panel.
 * Names with `$` (templated) or `:` (recording rules, never in /metrics) are not judged.
 */
export const metricUnknown: DashboardRule = {
  id: 'metric-unknown',
  description: 'selected metric names exist in the metric catalog (lint --metrics)',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const { catalog } = settings;
    if (!catalog) return [];
    const seen = new Set<string>();
    return analysisFor(doc, settings, analysis).selectors.flatMap(({ pointer, selectors }) =>
      selectors.flatMap((sel) => {
        const name = sel.metric;
        if (name === undefined || name.includes('$') || name.includes(':') || catalog.metrics.has(name)) return [];
        const key = `${pointer}|${name}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [
          {
            pointer,
            message: `metric "${name}" is not in the metric catalog (${catalog.sources.join(', ')})${didYouMean(name, catalog.metrics.keys())}; the panel stays empty`,
            fix: 'use a metric the service exposes (check the name against its /metrics), or pass the exposition that has it with --metrics',
          },
        ];
      }),
    );
  },
};
