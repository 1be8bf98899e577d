import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';

/** A colour from `from` upwards; the first step has no lower bound. */
export interface Step {
  readonly from: number | null;
  readonly color: string;
}

/** Absolute thresholds from a list of steps, e.g. green → yellow at 0.005 → red at 0.01. */
export function thresholdSteps(steps: readonly Step[]): dashboard.ThresholdsConfigBuilder {
  return new dashboard.ThresholdsConfigBuilder()
    .mode(dashboard.ThresholdsMode.Absolute)
    .steps(steps.map((step) => ({ value: step.from, color: step.color })));
}

/** Thresholds for "higher is worse": green, yellow from `warn`, red from `bad`. */
export function higherIsWorse(warn: number, bad: number): dashboard.ThresholdsConfigBuilder {
  return thresholdSteps([
    { from: null, color: 'green' },
    { from: warn, color: 'yellow' },
    { from: bad, color: 'red' },
  ]);
}

/** Thresholds for "lower is worse": red, yellow from `warn`, green from `good`. */
export function lowerIsWorse(warn: number, good: number): dashboard.ThresholdsConfigBuilder {
  return thresholdSteps([
    { from: null, color: 'red' },
    { from: warn, color: 'yellow' },
    { from: good, color: 'green' },
  ]);
}
