/**
 * A Prometheus duration as PromQL range selectors, `offset` and the HTTP API take it: integer amounts with units in
 * descending order, each at most once (`1h30m`, `500ms`). Prometheus's `model.ParseDuration`
 * (`github.com/prometheus/common/model/time.go`) is the reference: same units, same errors, same int64 limit on
 * nanoseconds. Not to be confused with a Grafana interval (`grafana-interval.ts`), which allows fractions and bare
 * seconds.
 */
const UNITS: ReadonlyArray<readonly [string, bigint]> = [
  ['y', 365n * 24n * 3600n * 1000n],
  ['w', 7n * 24n * 3600n * 1000n],
  ['d', 24n * 3600n * 1000n],
  ['h', 3600n * 1000n],
  ['m', 60n * 1000n],
  ['s', 1000n],
  ['ms', 1n],
];
const PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const MAX_NANOS = (1n << 63n) - 1n;
const MAX_INT64 = (1n << 63n) - 1n;

/**
 * Parses a Prometheus duration (`1h30m`, units in descending order, each at most once) into
 * milliseconds, or returns the error message Prometheus gives.
 */
export function parsePrometheusDuration(text: string): { ms: number } | { error: string } {
  const m = PATTERN.exec(text);
  if (text === '' || m === null) return { error: `not a valid duration string: "${text}"` };
  let ms = 0n;
  for (let i = 0; i < UNITS.length; i++) {
    const digits = m[i + 1];
    if (digits === undefined) continue;
    const n = BigInt(digits);
    if (n > MAX_INT64) return { error: 'duration out of range' };
    ms += n * UNITS[i]![1];
    if (ms * 1_000_000n > MAX_NANOS) return { error: 'duration out of range' };
  }
  return { ms: Number(ms) };
}
