import type { AlertCase, AlertTest } from './rule-types.ts';

export type { AlertTest };

/** Typed helper for a user-written alert test: series in, expected firing alerts (labels and value) out. */
export function alertTest(alert: string, testCase: AlertCase): AlertTest {
  if (testCase.series.length === 0)
    throw new Error(`alertTest("${alert}", "${testCase.name}"): give at least one input series`);
  return { alert, case: testCase };
}
