/**
 * Grafana's interval rounding (`roundInterval` in Grafana's interval calculator): a raw `range / maxDataPoints`
 * becomes the nearest "nice" step. Upper bounds (exclusive) in ms, each with the step it rounds to.
 */
const STEPS: ReadonlyArray<readonly [number, number]> = [
  [15, 10],
  [35, 20],
  [75, 50],
  [150, 100],
  [350, 200],
  [750, 500],
  [1_500, 1_000],
  [3_500, 2_000],
  [7_500, 5_000],
  [12_500, 10_000],
  [17_500, 15_000],
  [25_000, 20_000],
  [45_000, 30_000],
  [90_000, 60_000],
  [210_000, 120_000],
  [450_000, 300_000],
  [750_000, 600_000],
  [1_050_000, 900_000],
  [1_500_000, 1_200_000],
  [2_700_000, 1_800_000],
  [5_400_000, 3_600_000],
  [9_000_000, 7_200_000],
  [16_200_000, 10_800_000],
  [32_400_000, 21_600_000],
  [86_400_000, 43_200_000],
  [604_800_000, 86_400_000],
  [1_814_400_000, 604_800_000],
  [3_628_800_000, 2_592_000_000],
];

export function roundInterval(ms: number): number {
  for (const [below, step] of STEPS) if (ms < below) return step;
  return 31_536_000_000;
}
