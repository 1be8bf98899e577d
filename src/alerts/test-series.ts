import { selector } from '../queries/selector.ts';
import type { RuleScope } from '../queries/rule-scope.ts';
import type { TestSeries } from './rule-types.ts';

/** Instance label of generated test series. */
export const TEST_INSTANCE = 'app-1:8080';

/** Labels a scraped target of the scope carries in generated tests: job, instance, and cluster when scoped. */
export function targetLabels(scope: RuleScope): Record<string, string> {
  return {
    job: scope.job,
    instance: TEST_INSTANCE,
    ...(scope.cluster !== undefined ? { cluster: scope.cluster } : {}),
  };
}

/** One input series of a promtool test: `metric{labels}` and its values in promtool's notation. */
export function testSeries(metric: string, labels: Readonly<Record<string, string>>, values: string): TestSeries {
  return { series: selector(metric, labels), values };
}

/** Generated tests need a concrete instance; a regex scope gets none (the preset notes it). */
export function canGenerateCases(scope: RuleScope): boolean {
  return scope.instance === undefined;
}
