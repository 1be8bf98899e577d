import { parseGrafanaInterval } from '../model/grafana-interval.ts';

/** An absolute time range in epoch milliseconds. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

const RELATIVE = /^now(?:([+-])(\d+)(ms|s|m|h|d|w|M|y))?(?:\/(s|m|h|d|w|M|y))?$/;
const FIXED_UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Resolves one end of a Grafana time range (`now`, `now-6h`, `now-1d/d`, an ISO date or epoch ms) against `now`.
 * Rounding (`/d`) is done in UTC; `roundUp` picks the end of the unit, as Grafana does for `to`.
 * Returns `undefined` for text it cannot read.
 */
export function resolveTime(text: string, now: number, roundUp: boolean): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = RELATIVE.exec(t);
  if (!m) {
    const parsed = Date.parse(t);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  const [, sign, amount, unit, roundTo] = m;
  let time = now;
  if (sign && amount && unit) {
    const n = Number(amount) * (sign === '-' ? -1 : 1);
    time = addUnits(time, n, unit);
  }
  if (roundTo) time = roundUtc(time, roundTo, roundUp);
  return time;
}

/** Both ends, or a message naming the bad value. */
export function resolveTimeRange(raw: { from: string; to: string }, now: number): TimeRange | string {
  const from = resolveTime(raw.from, now, false);
  const to = resolveTime(raw.to, now, true);
  if (from === undefined) return `time.from "${raw.from}" is not a Grafana time`;
  if (to === undefined) return `time.to "${raw.to}" is not a Grafana time`;
  if (from >= to) return `time range "${raw.from}" to "${raw.to}" is empty`;
  return { from, to };
}

/** Panel-level overrides: `timeFrom` replaces the range with the last N, `timeShift` moves it back by N. */
export function panelTimeRange(
  range: TimeRange,
  timeFrom: string | undefined,
  timeShift: string | undefined,
  now: number,
): TimeRange {
  let { from, to } = range;
  const last = timeFrom ? durationOf(timeFrom) : undefined;
  if (last !== undefined) {
    from = now - last;
    to = now;
  }
  const shift = timeShift ? durationOf(timeShift) : undefined;
  if (shift !== undefined) {
    from -= shift;
    to -= shift;
  }
  return { from, to };
}

function durationOf(text: string): number | undefined {
  const t = text.trim().replace(/^now-/, '');
  return parseGrafanaInterval(t);
}

function addUnits(time: number, n: number, unit: string): number {
  const fixed = FIXED_UNIT_MS[unit];
  if (fixed !== undefined) return time + n * fixed;
  const d = new Date(time);
  if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.getTime();
}

function roundUtc(time: number, unit: string, up: boolean): number {
  const d = new Date(time);
  switch (unit) {
    case 'y':
      d.setUTCMonth(0, 1);
      d.setUTCHours(0, 0, 0, 0);
      break;
    case 'M':
      d.setUTCDate(1);
      d.setUTCHours(0, 0, 0, 0);
      break;
    case 'w':
      d.setUTCDate(d.getUTCDate() - d.getUTCDay());
      d.setUTCHours(0, 0, 0, 0);
      break;
    case 'd':
      d.setUTCHours(0, 0, 0, 0);
      break;
    case 'h':
      d.setUTCMinutes(0, 0, 0);
      break;
    case 'm':
      d.setUTCSeconds(0, 0);
      break;
    default:
      d.setUTCMilliseconds(0);
  }
  const start = d.getTime();
  if (!up) return start;
  return addUnits(start, 1, unit) - 1;
}
