import { didYouMean } from '../../catalog/suggest.ts';
import { TARGET_LABELS } from '../../catalog/metric-catalog.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/**
 * With a metric catalog, every matcher names a label the metric has (or `job`/`instance`, which Prometheus adds).
 * A matcher that also matches the empty string (`x=""`, `x!~"…"`, `x=~".*"`) is fine on an absent label.
 */
export const labelUnknown: DashboardRule = {
  id: 'label-unknown',
  description: 'matchers use labels the metric has in the metric catalog (lint --metrics)',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const { catalog } = settings;
    if (!catalog) return [];
    const seen = new Set<string>();
    return analysisFor(doc, settings, analysis).selectors.flatMap(({ pointer, selectors }) =>
      selectors.flatMap((sel) => {
        const metric = sel.metric === undefined ? undefined : catalog.metrics.get(sel.metric);
        if (!metric?.labelsKnown) return [];
        return sel.matchers.flatMap((m) => {
          if (TARGET_LABELS.has(m.label) || metric.labels.has(m.label) || matchesEmpty(m.op, m.value)) return [];
          const key = `${pointer}|${metric.name}|${m.label}`;
          if (seen.has(key)) return [];
          seen.add(key);
          const has = [...metric.labels].sort();
          return [
            {
              pointer,
              message:
                `metric "${metric.name}" has no label "${m.label}"${didYouMean(m.label, metric.labels)}; ` +
                `${m.label}${m.op}${JSON.stringify(m.value)} matches nothing (its labels: ${has.length > 0 ? has.join(', ') : 'none'}, plus job and instance)`,
              fix: 'match on a label the metric has, or drop the matcher',
            },
          ];
        });
      }),
    );
  },
};

function matchesEmpty(op: string, value: string): boolean {
  if (op === '=') return value === '';
  if (op === '!=') return value !== '';
  if (value.includes('$')) return false;
  try {
    const re = new RegExp(`^(?:${value})$`);
    return op === '=~' ? re.test('') : !re.test('');
  } catch {
    return false;
  }
}
