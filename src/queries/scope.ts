import type { Matchers } from './selector.ts';

/** Dashboard variables that narrow every query, in the order they appear on the dashboard. */
export type ScopeLabel = 'cluster' | 'job' | 'instance';

/** @default ['job', 'instance'] */
export const DEFAULT_SCOPE: readonly ScopeLabel[] = ['job', 'instance'];

/**
 * Matchers derived once from the dashboard's variables: each label matches its own variable as a regex
 * (`{instance=~"$instance",job=~"$job"}`), so "All" and multi-value selections work.
 */
export function scopeMatchers(labels: readonly ScopeLabel[] = DEFAULT_SCOPE): Matchers {
  return Object.fromEntries(labels.map((label) => [label, { re: `$${label}` }]));
}
