import { text as panelText, type Locale } from '../i18n/locale.ts';
import type { QueryContext } from '../queries/query-context.ts';
import { ruleScopeMatchers, serviceLabels } from '../queries/rule-scope.ts';
import {
  burnRateCondition,
  errorBudgetRemaining,
  sloLatencyFast,
  sloLatencyRequests,
  sloRequestErrors,
  sloRequests,
  type SliRecords,
} from '../queries/slo.ts';
import { runbookFor, type AlertPresetOptions } from './alert-preset-options.ts';
import { alertRule } from './alert-rule.ts';
import { alertText } from './alert-text.ts';
import {
  PAGE_WINDOWS,
  TICKET_WINDOWS,
  burnFactor,
  pageWindows,
  ticketOnlyWindows,
  type BurnWindow,
} from './burn-rate-windows.ts';
import { durationSeconds } from './duration-seconds.ts';
import { recordingRule } from './recording-rule.ts';
import { ruleGroup } from './rule-group.ts';
import type { AlertCase, AlertingRule, RecordingRule, RuleGroup, TestSeries } from './rule-types.ts';
import { canGenerateCases, targetLabels, testSeries } from './test-series.ts';

export interface LatencyObjective {
  /** Requests at or under this many seconds are good. Must be a bucket bound of the histogram (client_golang's default buckets have 0.5, 1, 2.5). */
  readonly thresholdSeconds: number;
  /** Share of requests that must be good, e.g. 0.99. */
  readonly objective: number;
}

export interface SloObjectives {
  /** Share of requests not answered with 5xx. `false` = no availability SLO. @default 0.999 */
  readonly availability?: number | false;
  /** `false` = no latency SLO. @default { thresholdSeconds: 1, objective: 0.99 } */
  readonly latency?: LatencyObjective | false;
  /** SLO period the budget is counted over; burn-rate factors follow from it. @default "30d" */
  readonly period?: string;
}

export interface GoServiceSloOptions extends AlertPresetOptions {
  readonly objectives?: SloObjectives;
  /**
   * Evaluation interval of the page group: the rates at the page windows (5m, 30m, 1h, 6h) and, after them in the same
   * group, the page alert that divides them, so a page reads rates of the same evaluation and waits for no other
   * group. With a 5 s scrape this keeps a page within 15 s of its condition crossing (docs/alerts.md). @default "5s"
   */
  readonly pageInterval?: string;
  /**
   * Evaluation interval of the ticket group: the rates at the ticket-only windows (2h, 1d, 3d), the error budget left
   * over the period, and the ticket alert (which has a `for` of minutes, so a slower refresh costs it nothing).
   * @default "30s"
   */
  readonly ticketInterval?: string;
  /** `for` of the ticket alerts (the page alerts have none: their short window already filters blips). @default "15m" */
  readonly ticketFor?: string;
}

interface Sli {
  readonly id: 'availability' | 'latency';
  readonly objective: number;
  /** Records at one window, and the names of the recorded series. */
  readonly records: (w: string) => { readonly rules: RecordingRule[]; readonly sli: SliRecords };
  readonly panelTitle: string;
  readonly cases: { readonly page: AlertCase[]; readonly ticket: AlertCase[] };
}

/**
 * SLOs of one Go service from its request metrics: availability (share of non-5xx responses) and latency (share of
 * requests under a threshold, from the histogram's `le` bucket in both spellings). Numerator and denominator are
 * recorded at every window, never averaged ratios. Per SLO two groups:
 * - `<job>-slo-<sli>-pages`, every `pageInterval` (5 s): the rates at the page windows, then the page alert
 *   (1h/5m at 14.4×, 6h/30m at 6×) reading them in the same evaluation;
 * - `<job>-slo-<sli>-tickets`, every `ticketInterval` (30 s): the rates at the ticket-only windows, the error budget
 *   left over the period, then the ticket alert (1d/2h at 3×, 3d/6h at 1×).
 * A page still needs its long window's bad share to cross, which takes about a minute of total outage on a service
 * with an hour of history (docs/alerts.md). Zero traffic gives no sample instead of NaN. A convention without a
 * histogram (gin) gets no latency SLO; the rule file says why.
 */
export function goServiceSlo(options: GoServiceSloOptions): RuleGroup[] {
  const { convention, job } = options;
  const locale: Locale = options.locale ?? 'en';
  const objectives = options.objectives ?? {};
  const period = objectives.period ?? '30d';
  const pageInterval = options.pageInterval ?? '5s';
  const ticketInterval = options.ticketInterval ?? '30s';
  const ticketFor = options.ticketFor ?? '15m';
  const by = serviceLabels(options);
  const level = by.join('_');
  const raw = ruleScopeMatchers(options);
  const recorded = { job, ...(options.cluster !== undefined ? { cluster: options.cluster } : {}) };
  const rawCtx = (rateWindow: string): QueryContext => ({ convention, scope: raw, rateWindow });
  const recordCtx: QueryContext = { convention, scope: recorded };
  const cases = canGenerateCases(options);
  const target = targetLabels(options);
  const { metrics, labels: names } = convention;
  const notes: string[] = [];

  const slis: Sli[] = [];
  const availability = objectives.availability ?? 0.999;
  if (availability !== false) {
    checkObjective(availability, 'availability');
    const requests = (errors: number, ok: number): TestSeries[] => [
      testSeries(
        metrics.requests,
        { ...target, [names.route]: 'api', [names.method]: 'GET', [names.status]: '500' },
        `0+${errors}x100`,
      ),
      testSeries(
        metrics.requests,
        { ...target, [names.route]: 'api', [names.method]: 'GET', [names.status]: '200' },
        `0+${ok}x100`,
      ),
    ];
    slis.push({
      id: 'availability',
      objective: availability,
      records: (w) => {
        const total = `${level}:slo_requests:rate${w}`;
        const bad = `${level}:slo_requests_errors:rate${w}`;
        return {
          rules: [
            recordingRule(total, sloRequests(rawCtx(w), by)),
            recordingRule(bad, sloRequestErrors(rawCtx(w), by)),
          ],
          sli: { kind: 'bad', bad, total },
        };
      },
      panelTitle: panelText(locale, 'errorRate.title'),
      cases: {
        page: [
          {
            name: 'fast burn: 10 % 5xx',
            interval: '30s',
            series: requests(3, 27),
            evalTime: '10m',
            expect: [{ labels: recorded, value: 0.1 }],
          },
          {
            name: 'within budget: 0.05 % 5xx',
            interval: '30s',
            series: requests(1, 1999),
            evalTime: '40m',
            expect: [],
          },
          { name: 'no traffic at all', interval: '30s', series: requests(0, 0), evalTime: '40m', expect: [] },
        ],
        ticket: [
          {
            name: 'slow burn: 0.5 % 5xx',
            interval: '30s',
            series: requests(1, 199),
            evalTime: '30m',
            expect: [{ labels: recorded, value: 0.005 }],
          },
          {
            name: 'within budget: 0.05 % 5xx',
            interval: '30s',
            series: requests(1, 1999),
            evalTime: '40m',
            expect: [],
          },
        ],
      },
    });
  }
  const latency = objectives.latency ?? { thresholdSeconds: 1, objective: 0.99 };
  if (latency !== false && !convention.capabilities.latencyHistogram) {
    notes.push(alertText(locale, 'note.noLatencySlo', { job, convention: convention.name }));
  } else if (latency !== false) {
    checkObjective(latency.objective, 'latency');
    const le = Number.isInteger(latency.thresholdSeconds)
      ? (spelling: 'short' | 'float') =>
          spelling === 'float' ? `${latency.thresholdSeconds}.0` : String(latency.thresholdSeconds)
      : () => String(latency.thresholdSeconds);
    const histogram = (fast: number, all: number, spelling: 'short' | 'float'): TestSeries[] => {
      const series = { ...target, [names.route]: 'api', [names.method]: 'GET', [names.status]: '200' };
      return [
        testSeries(`${metrics.requestDuration}_bucket`, { ...series, le: le(spelling) }, `0+${fast}x100`),
        testSeries(`${metrics.requestDuration}_bucket`, { ...series, le: '+Inf' }, `0+${all}x100`),
        testSeries(`${metrics.requestDuration}_count`, series, `0+${all}x100`),
      ];
    };
    slis.push({
      id: 'latency',
      objective: latency.objective,
      records: (w) => {
        const total = `${level}:slo_latency_requests:rate${w}`;
        const good = `${level}:slo_latency_requests_good:rate${w}`;
        return {
          rules: [
            recordingRule(total, sloLatencyRequests(rawCtx(w), by)),
            recordingRule(good, sloLatencyFast(rawCtx(w), latency.thresholdSeconds, by)),
          ],
          sli: { kind: 'good', good, total },
        };
      },
      panelTitle: panelText(locale, 'latency.title'),
      cases: {
        page: [
          {
            name: `half the requests slower than ${latency.thresholdSeconds} s, bucket le="${le('float')}"`,
            interval: '30s',
            series: histogram(5, 10, 'float'),
            evalTime: '10m',
            expect: [{ labels: recorded, value: 0.5 }],
          },
          {
            name: `half the requests slower than ${latency.thresholdSeconds} s, bucket le="${le('short')}"`,
            interval: '30s',
            series: histogram(5, 10, 'short'),
            evalTime: '10m',
            expect: [{ labels: recorded, value: 0.5 }],
          },
          {
            name: 'every request fast',
            interval: '30s',
            series: histogram(10, 10, 'short'),
            evalTime: '40m',
            expect: [],
          },
          { name: 'no traffic at all', interval: '30s', series: histogram(0, 0, 'short'), evalTime: '40m', expect: [] },
        ],
        ticket: [
          {
            name: '4 % of requests slow',
            interval: '30s',
            series: histogram(96, 100, 'float'),
            evalTime: '30m',
            expect: [{ labels: recorded, value: 0.04 }],
          },
        ],
      },
    });
  }

  if (slis.length === 0)
    throw new Error(`goServiceSlo("${job}"): no SLO left to build${notes.length > 0 ? `: ${notes.join(' ')}` : ''}`);
  return slis.flatMap((sli) => {
    const at = new Map([...pageWindows(), ...ticketOnlyWindows()].map((w) => [w, sli.records(w)]));
    const recordsAt = (windows: readonly string[]) => windows.flatMap((w) => at.get(w)!.rules);
    const shortest = at.get(pageWindows()[0]!)!.sli;
    const sliName = alertText(locale, `slo.${sli.id}`);
    const budget: RecordingRule = recordingRule(
      `${level}:slo_${sli.id}_error_budget_remaining:ratio`,
      errorBudgetRemaining(recordCtx, shortest, period, sli.objective),
    );
    const condition = (windows: readonly [BurnWindow, BurnWindow]) =>
      windows
        .map(
          (w) =>
            `(${burnRateCondition(recordCtx, at.get(w.long)!.sli, at.get(w.short)!.sli, burnFactor(w, period), sli.objective)})`,
        )
        .join(' or ');
    const name = `GoService${sli.id === 'availability' ? 'Availability' : 'Latency'}BudgetBurn`;
    const params = (windows: readonly [BurnWindow, BurnWindow]) => ({
      slo: sliName,
      objective: `${Number((sli.objective * 100).toPrecision(6))} %`,
      period,
      fastFactor: String(burnFactor(windows[0], period)),
      slowFactor: String(burnFactor(windows[1], period)),
      daysLeft: String(
        Number((durationSeconds(period, 'SLO period') / 86400 / burnFactor(windows[1], period)).toPrecision(2)),
      ),
      // With every request bad, the long window's bad share of a full window grows by 1 ÷ its length per second.
      outage: outageText(
        burnFactor(windows[0], period) * (1 - sli.objective) * durationSeconds(windows[0].long, 'burn-rate window'),
      ),
    });
    const common = {
      ...(options.labels !== undefined ? { labels: options.labels } : {}),
      ...(options.runbookUrl !== undefined ? { runbookUrl: runbookFor(options.runbookUrl, name)! } : {}),
      ...(options.dashboard !== undefined ? { panel: { dashboard: options.dashboard, panel: sli.panelTitle } } : {}),
    };
    const page: AlertingRule = alertRule({
      name,
      expr: condition(PAGE_WINDOWS),
      severity: 'critical',
      ...common,
      summary: alertText(locale, 'sloPage.summary', params(PAGE_WINDOWS)),
      description: alertText(locale, 'sloPage.description', params(PAGE_WINDOWS)),
      cases: cases ? sli.cases.page : [],
    });
    const ticket: AlertingRule = alertRule({
      name,
      expr: condition(TICKET_WINDOWS),
      severity: 'warning',
      for: ticketFor,
      ...common,
      summary: alertText(locale, 'sloTicket.summary', params(TICKET_WINDOWS)),
      description: alertText(locale, 'sloTicket.description', params(TICKET_WINDOWS)),
      cases: cases ? sli.cases.ticket : [],
    });
    // Rules of one group run in order at one timestamp: each alert reads the rates recorded just before it.
    return [
      ruleGroup({
        name: `${job}-slo-${sli.id}-pages`,
        interval: pageInterval,
        rules: [...recordsAt(pageWindows()), page],
        notes: sli === slis[0] ? notes : [],
      }),
      ruleGroup({
        name: `${job}-slo-${sli.id}-tickets`,
        interval: ticketInterval,
        rules: [...recordsAt(ticketOnlyWindows()), budget, ticket],
      }),
    ];
  });
}

function checkObjective(objective: number, what: string): void {
  if (!(objective > 0 && objective < 1))
    throw new Error(
      `goServiceSlo(): objectives.${what} must be a share between 0 and 1 (e.g. 0.999), got ${objective}`,
    );
}

/** "52 s" under two minutes, else "8.6 min". */
function outageText(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} s` : `${Number((seconds / 60).toPrecision(2))} min`;
}
