/**
 * A Grafana interval as panels, variables and datasources write it (`15s`, `1m30s`, `0.5s`, `1d`, a bare number of
 * seconds): looser than a Prometheus duration (`prometheus-duration.ts`), following Grafana's `gtime.ParseInterval`
 * (`pkg/components/gtime/gtime.go`), plus the two ways Grafana's backend prints intervals back.
 */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w|y))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g;

/** Milliseconds, or `undefined` when the text is not a duration. A bare number is seconds (Grafana's min interval). */
export function parseGrafanaInterval(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t) * 1_000;
  if (!DURATION.test(t)) return undefined;
  let ms = 0;
  for (const m of t.matchAll(PART)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
  return ms;
}

/** `$__interval` text, the way Grafana's backend formats it (gtime.FormatInterval): the largest whole unit. */
export function formatInterval(ms: number): string {
  const units: Array<[string, number]> = [
    ['y', UNIT_MS.y!],
    ['d', UNIT_MS.d!],
    ['h', UNIT_MS.h!],
    ['m', UNIT_MS.m!],
    ['s', UNIT_MS.s!],
    ['ms', 1],
  ];
  for (const [unit, size] of units) if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  return '1ms';
}

/** `$__rate_interval` text, the way Grafana's backend formats it (Go's time.Duration.String): `6s`, `1m0s`, `1h2m0s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1_000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1_000;
  const s = `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${s}`;
  if (minutes > 0) return `${minutes}m${s}`;
  return s;
}
