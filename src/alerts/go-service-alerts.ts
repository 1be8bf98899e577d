import { text as panelText, type Locale } from '../i18n/locale.ts';
import type { MessageKey } from '../i18n/locale.ts';
import {
  fdsExhaustedWithin,
  gcCyclesPerSecond,
  goroutineGrowth,
  inFlightSeries,
  residentMemoryGrowthRatio,
  targetAbsent,
  targetDown,
} from '../queries/alert-signals.ts';
import { compare } from '../queries/compare.ts';
import { errorRatio } from '../queries/errors.ts';
import { latencyMean, latencyQuantile } from '../queries/latency.ts';
import type { QueryContext } from '../queries/query-context.ts';
import { ruleScopeMatchers, serviceLabels } from '../queries/rule-scope.ts';
import { runbookFor, type AlertPresetOptions } from './alert-preset-options.ts';
import { alertRule } from './alert-rule.ts';
import { alertText, type AlertTextKey } from './alert-text.ts';
import { durationSeconds } from './duration-seconds.ts';
import { ruleGroup } from './rule-group.ts';
import type { AlertCase, AlertingRule, AlertSeverity, RuleGroup } from './rule-types.ts';
import { canGenerateCases, targetLabels, testSeries } from './test-series.ts';

/** The review thresholds. */
export interface GoServiceThresholds {
  /** P95 request duration in seconds. @default 0.8 */
  readonly latencyP95Seconds?: number;
  /** Share of 5xx responses (0-1). @default 0.005 */
  readonly errorRatio?: number;
  /** Requests in flight per instance. @default 12000 */
  readonly inFlight?: number;
  /** Goroutines gained per second, sustained. @default 0.1 (360 an hour) */
  readonly goroutineGrowthPerSecond?: number;
  /** Resident memory `forecastHorizon` ahead divided by now. @default 1.5 */
  readonly memoryGrowthRatio?: number;
  /** GC cycles per second. @default 10 */
  readonly gcCyclesPerSecond?: number;
}

/** Evaluation intervals, windows and `for` durations. */
export interface GoServiceAlertTiming {
  /** Evaluation interval of the page group. @default "5s" */
  readonly pageInterval?: string;
  /** Window of the page alerts' rate(); at least 4 scrape intervals. @default "1m" */
  readonly pageWindow?: string;
  /** Evaluation interval of the resource (ticket) group. @default "1m" */
  readonly resourceInterval?: string;
  /** deriv() window and `for` of the goroutine leak alert. @default "10m" each */
  readonly leakWindow?: string;
  readonly leakFor?: string;
  /** predict_linear() window, horizon and `for` of the fd and memory alerts. @default "1h", "4h", "15m" */
  readonly forecastWindow?: string;
  readonly forecastHorizon?: string;
  readonly forecastFor?: string;
  /** rate() window and `for` of the GC alert. @default "5m", "15m" */
  readonly gcWindow?: string;
  readonly gcFor?: string;
}

export interface GoServiceAlertsOptions extends AlertPresetOptions {
  readonly thresholds?: GoServiceThresholds;
  readonly timing?: GoServiceAlertTiming;
}

/** Everything one alert definition needs besides its query. */
interface Spec {
  readonly name: string;
  readonly expr: string;
  readonly severity: AlertSeverity;
  readonly for?: string;
  readonly text:
    | 'targetDown'
    | 'targetMissing'
    | 'errorRatio'
    | 'latencyP95'
    | 'latencyMean'
    | 'inFlight'
    | 'goroutineLeak'
    | 'fdsRunningOut'
    | 'memoryGrowth'
    | 'gcPressure';
  readonly params?: Readonly<Record<string, string>>;
  readonly panelKey: MessageKey;
  readonly fast?: boolean;
  readonly cases: readonly AlertCase[];
}

/**
 * The review alerts of one Go service, in two groups. `<job>-pages` (every 5 s, no `for`): instance down, target
 * missing, 5xx share above 0.5 %, P95 above 800 ms (mean latency without a histogram), more than 12 000 requests in
 * flight (when the convention has the gauge) — fast pages that reach Alertmanager within 15 s of a fault.
 * `<job>-resources` (every minute, with `for`): goroutine leak (sustained growth), fds running out (predict_linear to
 * the limit), memory growth, GC pressure — tickets, slow by nature. Every alert carries a promtool unit test.
 */
export function goServiceAlerts(options: GoServiceAlertsOptions): RuleGroup[] {
  const { convention, job } = options;
  const locale: Locale = options.locale ?? 'en';
  const th = {
    latencyP95Seconds: 0.8,
    errorRatio: 0.005,
    inFlight: 12000,
    goroutineGrowthPerSecond: 0.1,
    memoryGrowthRatio: 1.5,
    gcCyclesPerSecond: 10,
    ...options.thresholds,
  };
  const tm = {
    pageInterval: '5s',
    pageWindow: '1m',
    resourceInterval: '1m',
    leakWindow: '10m',
    leakFor: '10m',
    forecastWindow: '1h',
    forecastHorizon: '4h',
    forecastFor: '15m',
    gcWindow: '5m',
    gcFor: '15m',
    ...options.timing,
  };
  const horizon = durationSeconds(tm.forecastHorizon, 'goServiceAlerts(): timing.forecastHorizon');
  const scope = ruleScopeMatchers(options);
  const by = serviceLabels(options);
  const ctx = (rateWindow?: string): QueryContext => ({
    convention,
    scope,
    ...(rateWindow !== undefined ? { rateWindow } : {}),
  });
  const target = targetLabels(options);
  const service = { job, ...(options.cluster !== undefined ? { cluster: options.cluster } : {}) };
  const { metrics, labels: names, capabilities } = convention;
  const cases = canGenerateCases(options);
  const notes: string[] = [];
  const percent = (v: number) => `${Number((v * 100).toPrecision(6))} %`;

  const requests = (errorsPerStep: number, okPerStep: number) => [
    testSeries(
      metrics.requests,
      { ...target, [names.route]: 'api', [names.method]: 'GET', [names.status]: '500' },
      `0+${errorsPerStep}x40`,
    ),
    testSeries(
      metrics.requests,
      { ...target, [names.route]: 'api', [names.method]: 'GET', [names.status]: '200' },
      `0+${okPerStep}x40`,
    ),
  ];

  const pages: Spec[] = [
    {
      name: 'GoServiceTargetDown',
      expr: targetDown(ctx()),
      severity: 'critical',
      text: 'targetDown',
      panelKey: 'availability.title',
      fast: true,
      cases: [
        {
          name: 'scrape fails',
          series: [testSeries(metrics.up, target, '1x4 0x20')],
          evalTime: '3m',
          expect: [{ labels: target, value: 0 }],
        },
        { name: 'scrapes succeed', series: [testSeries(metrics.up, target, '1x20')], evalTime: '3m', expect: [] },
      ],
    },
    {
      name: 'GoServiceTargetMissing',
      expr: targetAbsent(ctx()),
      severity: 'critical',
      text: 'targetMissing',
      panelKey: 'availability.title',
      fast: true,
      cases: [
        {
          name: 'no target of the job',
          series: [testSeries(metrics.up, { ...target, job: `not-${job}` }, '1x20')],
          evalTime: '2m',
          expect: [{ labels: service, value: 1 }],
        },
        { name: 'target present', series: [testSeries(metrics.up, target, '1x20')], evalTime: '2m', expect: [] },
      ],
    },
    {
      name: 'GoServiceHighErrorRatio',
      expr: compare(errorRatio(ctx(tm.pageWindow), by), '>', th.errorRatio),
      severity: 'critical',
      text: 'errorRatio',
      params: { window: tm.pageWindow, threshold: percent(th.errorRatio) },
      panelKey: 'errorRate.title',
      fast: true,
      cases: [
        {
          name: 'error burst (10 % 5xx)',
          series: requests(1, 9),
          evalTime: '5m',
          expect: [{ labels: service, value: 0.1 }],
        },
        { name: 'no errors', series: requests(0, 10), evalTime: '5m', expect: [] },
      ],
    },
  ];
  if (capabilities.latencyHistogram) {
    const bucket = (le: string, values: string) =>
      testSeries(
        `${metrics.requestDuration}_bucket`,
        { ...target, [names.route]: 'api', [names.method]: 'GET', [names.status]: '200', le },
        values,
      );
    const buckets = (fast: string, slow: string) => [
      bucket('0.5', fast),
      bucket('1', fast),
      bucket('2.5', slow),
      bucket('+Inf', slow),
    ];
    pages.push({
      name: 'GoServiceHighLatencyP95',
      expr: compare(latencyQuantile(ctx(tm.pageWindow), 0.95, by), '>', th.latencyP95Seconds),
      severity: 'critical',
      text: 'latencyP95',
      params: { window: tm.pageWindow, threshold: String(th.latencyP95Seconds) },
      panelKey: 'latency.title',
      fast: true,
      cases: [
        {
          name: 'every request between 1 s and 2.5 s',
          series: buckets('0x40', '0+10x40'),
          evalTime: '5m',
          expect: [{ labels: service, value: 2.425 }],
        },
        { name: 'every request under 0.5 s', series: buckets('0+10x40', '0+10x40'), evalTime: '5m', expect: [] },
      ],
    });
  } else {
    notes.push(alertText(locale, 'note.meanLatency', { job, convention: convention.name }));
    const sumCount = (sum: string) => [
      testSeries(`${metrics.requestDuration}_sum`, target, sum),
      testSeries(`${metrics.requestDuration}_count`, target, '0+10x40'),
    ];
    pages.push({
      name: 'GoServiceHighMeanLatency',
      expr: compare(latencyMean(ctx(tm.pageWindow), by), '>', th.latencyP95Seconds),
      severity: 'critical',
      text: 'latencyMean',
      params: { window: tm.pageWindow, threshold: String(th.latencyP95Seconds), convention: convention.name },
      panelKey: 'latency.meanTitle',
      fast: true,
      cases: [
        { name: 'mean 1.5 s', series: sumCount('0+15x40'), evalTime: '5m', expect: [{ labels: service, value: 1.5 }] },
        { name: 'mean 0.1 s', series: sumCount('0+1x40'), evalTime: '5m', expect: [] },
      ],
    });
  }
  if (capabilities.inFlight) {
    const gauge = (values: string) => [testSeries(metrics.inFlight!, target, values)];
    pages.push({
      name: 'GoServiceTooManyInFlight',
      expr: compare(inFlightSeries(ctx()), '>', th.inFlight),
      severity: 'critical',
      text: 'inFlight',
      params: { threshold: String(th.inFlight) },
      panelKey: 'inFlight.title',
      fast: true,
      cases: [
        {
          name: '13 000 in flight',
          series: gauge('13000x20'),
          evalTime: '2m',
          expect: [{ labels: target, value: 13000 }],
        },
        { name: '100 in flight', series: gauge('100x20'), evalTime: '2m', expect: [] },
      ],
    });
  } else {
    notes.push(alertText(locale, 'note.noInFlight', { job, convention: convention.name }));
  }

  const fdSeries = (open: string) => [
    testSeries(metrics.openFds, target, open),
    testSeries(metrics.maxFds, target, '1024x200'),
  ];
  const rss = (values: string) => [testSeries(metrics.residentMemory, target, values)];
  const gc = (values: string) => [testSeries(`${metrics.gcDuration}_count`, target, values)];
  const resources: Spec[] = [
    {
      name: 'GoServiceGoroutineLeak',
      expr: compare(goroutineGrowth(ctx(), tm.leakWindow), '>', th.goroutineGrowthPerSecond),
      for: tm.leakFor,
      severity: 'warning',
      text: 'goroutineLeak',
      params: { window: tm.leakWindow, for: tm.leakFor },
      panelKey: 'goroutines.title',
      cases: [
        {
          name: 'steady climb of 2 goroutines/s',
          series: [testSeries(metrics.goroutines, target, '100+30x120')],
          evalTime: '25m',
          expect: [{ labels: target, value: 2 }],
        },
        {
          name: 'one burst that comes back down',
          series: [testSeries(metrics.goroutines, target, '100x20 5000x4 100x95')],
          evalTime: '25m',
          expect: [],
        },
        { name: 'flat', series: [testSeries(metrics.goroutines, target, '100x120')], evalTime: '25m', expect: [] },
      ],
    },
    {
      name: 'GoServiceFdsRunningOut',
      expr: fdsExhaustedWithin(ctx(), tm.forecastWindow, horizon),
      for: tm.forecastFor,
      severity: 'warning',
      text: 'fdsRunningOut',
      params: { window: tm.forecastWindow, horizon: tm.forecastHorizon },
      panelKey: 'handles.title',
      cases: [
        {
          name: 'one more fd every 15 s',
          series: fdSeries('100+1x200'),
          evalTime: '30m',
          expect: [{ labels: target, value: 220 + horizon / 15 }],
        },
        { name: 'flat', series: fdSeries('100x200'), evalTime: '30m', expect: [] },
      ],
    },
    {
      name: 'GoServiceMemoryGrowth',
      expr: compare(residentMemoryGrowthRatio(ctx(), tm.forecastWindow, horizon), '>', th.memoryGrowthRatio),
      for: tm.forecastFor,
      severity: 'warning',
      text: 'memoryGrowth',
      params: {
        window: tm.forecastWindow,
        horizon: tm.forecastHorizon,
        threshold: String(th.memoryGrowthRatio),
        for: tm.forecastFor,
      },
      panelKey: 'memory.title',
      cases: [
        {
          name: 'one more MB every 15 s',
          series: rss('100000000+1000000x200'),
          evalTime: '30m',
          expect: [{ labels: target, value: (220e6 + (horizon / 15) * 1e6) / 220e6 }],
        },
        { name: 'flat', series: rss('100000000x200'), evalTime: '30m', expect: [] },
      ],
    },
    {
      name: 'GoServiceGcPressure',
      expr: compare(gcCyclesPerSecond(ctx(tm.gcWindow)), '>', th.gcCyclesPerSecond),
      for: tm.gcFor,
      severity: 'warning',
      text: 'gcPressure',
      params: { window: tm.gcWindow, for: tm.gcFor, threshold: String(th.gcCyclesPerSecond) },
      panelKey: 'gcFrequency.title',
      cases: [
        {
          name: '20 collections per second',
          series: gc('0+300x200'),
          evalTime: '30m',
          expect: [{ labels: target, value: 20 }],
        },
        { name: 'one collection per second', series: gc('0+15x200'), evalTime: '30m', expect: [] },
      ],
    },
  ];

  const build = (spec: Spec): AlertingRule => {
    const params = { ...spec.params, convention: convention.name };
    const fastNote = spec.fast ? ` ${alertText(locale, 'fastPage', { interval: tm.pageInterval })}` : '';
    return alertRule({
      name: spec.name,
      expr: spec.expr,
      severity: spec.severity,
      ...(spec.for !== undefined ? { for: spec.for } : {}),
      summary: alertText(locale, `${spec.text}.summary` as AlertTextKey, params),
      description: alertText(locale, `${spec.text}.description` as AlertTextKey, params) + fastNote,
      ...(options.labels !== undefined ? { labels: options.labels } : {}),
      ...(options.runbookUrl !== undefined ? { runbookUrl: runbookFor(options.runbookUrl, spec.name)! } : {}),
      ...(options.dashboard !== undefined
        ? {
            panel: {
              dashboard: options.dashboard,
              panel: panelText(locale, spec.panelKey, { convention: convention.name }),
            },
          }
        : {}),
      cases: cases ? spec.cases : [],
    });
  };
  if (!cases) notes.push(alertText(locale, 'note.noCases', { job }));
  return [
    ruleGroup({ name: `${job}-pages`, interval: tm.pageInterval, rules: pages.map(build), notes }),
    ruleGroup({ name: `${job}-resources`, interval: tm.resourceInterval, rules: resources.map(build) }),
  ];
}
