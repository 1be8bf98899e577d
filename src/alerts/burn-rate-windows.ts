import { durationSeconds } from './duration-seconds.ts';

/** One multiwindow burn-rate condition: both windows must burn `budgetConsumed` of the period's budget this fast. */
export interface BurnWindow {
  readonly long: string;
  readonly short: string;
  /** Share of the whole period's error budget this condition stands for (SRE workbook: 2 %, 5 %, 10 %, 10 %). */
  readonly budgetConsumed: number;
}

/** The SRE workbook's windows (reference §4): page on 1h/5m and 6h/30m, ticket on 1d/2h and 3d/6h. */
export const PAGE_WINDOWS: readonly [BurnWindow, BurnWindow] = [
  { long: '1h', short: '5m', budgetConsumed: 0.02 },
  { long: '6h', short: '30m', budgetConsumed: 0.05 },
];
export const TICKET_WINDOWS: readonly [BurnWindow, BurnWindow] = [
  { long: '1d', short: '2h', budgetConsumed: 0.1 },
  { long: '3d', short: '6h', budgetConsumed: 0.1 },
];

/** Burn-rate factor = budget consumed × period ÷ long window: 14.4, 6, 3, 1 for 30 days; 13.44, 5.6, 2.8, 0.93 for 28. */
export function burnFactor(window: BurnWindow, period: string): number {
  const factor =
    (window.budgetConsumed * durationSeconds(period, 'SLO period')) / durationSeconds(window.long, 'burn-rate window');
  return Number(factor.toPrecision(4));
}

/**
 * The windows the page alerts read (5m, 30m, 1h, 6h), shortest first. goServiceSlo records them in the page group,
 * evaluated as often as the page alerts, so a page never waits for a slower group's recording.
 */
export function pageWindows(): string[] {
  return byLength(PAGE_WINDOWS.flatMap((w) => [w.short, w.long]));
}

/** The windows only the ticket alerts read (2h, 1d, 3d; 6h is a page window too), shortest first. */
export function ticketOnlyWindows(): string[] {
  const page = new Set(pageWindows());
  return byLength(TICKET_WINDOWS.flatMap((w) => [w.short, w.long]).filter((w) => !page.has(w)));
}

function byLength(windows: readonly string[]): string[] {
  return [...new Set(windows)].sort((a, b) => durationSeconds(a, 'window') - durationSeconds(b, 'window'));
}
