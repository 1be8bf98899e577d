import type { Matchers } from './selector.ts';

/** Which series a rule file keeps: the same scope labels as the dashboard variables, with fixed values. */
export interface RuleScope {
  /** Exact value of the `job` label. */
  readonly job: string;
  /** Regex on the `instance` label. @default every instance */
  readonly instance?: string;
  /** Exact value of the `cluster` label, for federated or multi-cluster Prometheus. @default no cluster matcher */
  readonly cluster?: string;
}

/**
 * Matchers of a rule's selectors: `{job="api"}`, plus `instance=~"…"` and `cluster="…"` when given. Equality on `job`
 * (not a regex) also gives `absent()` its `job` label.
 */
export function ruleScopeMatchers(scope: RuleScope): Matchers {
  return {
    job: scope.job,
    ...(scope.instance !== undefined ? { instance: { re: scope.instance } } : {}),
    ...(scope.cluster !== undefined ? { cluster: scope.cluster } : {}),
  };
}

/** Labels service-level aggregations keep: `job`, and `cluster` when the scope has one. */
export function serviceLabels(scope: RuleScope): string[] {
  return scope.cluster !== undefined ? ['cluster', 'job'] : ['job'];
}
