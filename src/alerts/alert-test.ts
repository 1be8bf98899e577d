import type { AlertCase } from './rule-types.ts';

/** A user-written promtool test of one alert (also of a preset's), added to a rule file with `ruleFile()`. */
export interface AlertTest {
  /** Name of the alert under test; with several rules of that name, the one whose severity the expectations name. */
  readonly alert: string;
  readonly case: AlertCase;
}

/** Typed helper for a user-written alert test: series in, expected firing alerts (labels and value) out. */
export function alertTest(alert: string, testCase: AlertCase): AlertTest {
  if (testCase.series.length === 0)
    throw new Error(`alertTest("${alert}", "${testCase.name}"): give at least one input series`);
  return { alert, case: testCase };
}
