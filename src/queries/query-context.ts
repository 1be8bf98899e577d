import type { Convention } from '../conventions/convention.ts';
import type { Matchers } from './selector.ts';

/** What every named query needs: whose names to use, which series to keep, and an optional time shift. */
export interface QueryContext {
  readonly convention: Convention;
  /** Matchers from the dashboard variables, see `scopeMatchers()`. */
  readonly scope: Matchers;
  /** PromQL offset applied to every selector, e.g. "1d" or "$compare" to overlay an earlier period. */
  readonly offset?: string;
  /** Window of every `rate()`: Grafana's `$__rate_interval` on panels, a fixed duration in rule files ("1m"). */
  readonly rateWindow?: string;
}
