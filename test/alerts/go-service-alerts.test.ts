import { describe, expect, it } from 'vitest';
import { goServiceAlerts } from '../../src/alerts/go-service-alerts.ts';
import type { AlertingRule, RuleGroup } from '../../src/alerts/rule-types.ts';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';

const alerts = (groups: readonly RuleGroup[]) =>
  groups.flatMap((g) => g.rules).filter((r): r is AlertingRule => r.kind === 'alert');
const find = (groups: readonly RuleGroup[], name: string) => alerts(groups).find((a) => a.alert === name)!;

describe('goServiceAlerts()', () => {
  it('clientGolang: fast pages in a 5 s group without `for`, tickets with `for` in a 1 m group', () => {
    const groups = goServiceAlerts({ convention: clientGolang(), job: 'api' });
    expect(
      groups.map((g) => [
        g.name,
        g.interval,
        g.rules.map((r) => (r.kind === 'alert' ? `${r.alert}/${r.severity}/${r.for ?? '-'}` : r.record)),
      ]),
    ).toEqual([
      [
        'api-pages',
        '5s',
        [
          'GoServiceTargetDown/critical/-',
          'GoServiceTargetMissing/critical/-',
          'GoServiceHighErrorRatio/critical/-',
          'GoServiceHighLatencyP95/critical/-',
          'GoServiceTooManyInFlight/critical/-',
        ],
      ],
      [
        'api-resources',
        '1m',
        [
          'GoServiceGoroutineLeak/warning/10m',
          'GoServiceFdsRunningOut/warning/15m',
          'GoServiceMemoryGrowth/warning/15m',
          'GoServiceGcPressure/warning/15m',
        ],
      ],
    ]);
    expect(groups[0]!.notes).toEqual([]);
  });

  it('clientGolang: the review thresholds, in PromQL from src/queries with fixed windows', () => {
    const groups = goServiceAlerts({ convention: clientGolang(), job: 'api' });
    expect(find(groups, 'GoServiceTargetDown').expr).toBe('up{job="api"} == 0');
    expect(find(groups, 'GoServiceTargetMissing').expr).toBe('absent(up{job="api"})');
    expect(find(groups, 'GoServiceHighErrorRatio').expr).toBe(
      '((sum by (job) (rate(http_requests_total{code=~"5..",job="api"}[1m])) / sum by (job) (rate(http_requests_total{job="api"}[1m]))) ' +
        'or (sum by (job) (rate(http_requests_total{job="api"}[1m])) * 0)) > 0.005',
    );
    expect(find(groups, 'GoServiceHighLatencyP95').expr).toBe(
      'histogram_quantile(0.95, sum by (le, job) (rate(http_request_duration_seconds_bucket{job="api"}[1m]))) > 0.8',
    );
    expect(find(groups, 'GoServiceTooManyInFlight').expr).toBe('http_requests_in_flight{job="api"} > 12000');
    expect(find(groups, 'GoServiceGoroutineLeak').expr).toBe('deriv(go_goroutines{job="api"}[10m]) > 0.1');
    expect(find(groups, 'GoServiceFdsRunningOut').expr).toBe(
      'predict_linear(process_open_fds{job="api"}[1h], 14400) >= process_max_fds{job="api"}',
    );
    expect(find(groups, 'GoServiceMemoryGrowth').expr).toBe(
      '(predict_linear(process_resident_memory_bytes{job="api"}[1h], 14400) / process_resident_memory_bytes{job="api"}) > 1.5',
    );
    expect(find(groups, 'GoServiceGcPressure').expr).toBe('rate(go_gc_duration_seconds_count{job="api"}[5m]) > 10');
  });

  it('otel: its metric and label names, and no in-flight alert (no gauge), with a note saying why', () => {
    const groups = goServiceAlerts({ convention: otel(), job: 'checkout' });
    expect(find(groups, 'GoServiceHighErrorRatio').expr).toContain(
      'sum by (job) (rate(http_server_request_duration_seconds_count{http_response_status_code=~"5..",job="checkout"}[1m]))',
    );
    expect(find(groups, 'GoServiceHighLatencyP95').expr).toContain(
      'http_server_request_duration_seconds_bucket{job="checkout"}[1m]',
    );
    expect(find(groups, 'GoServiceTooManyInFlight')).toBeUndefined();
    expect(groups[0]!.notes).toEqual([
      'No in-flight alert for job checkout: the "otel" metrics have no in-flight gauge; name one with otel({ metrics: { inFlight: \'<gauge>\' } }).',
    ]);
  });

  it('gin: mean latency instead of P95 (summary without quantiles), said in the alert and in a note', () => {
    const groups = goServiceAlerts({ convention: gin(), job: 'shop' });
    expect(find(groups, 'GoServiceHighLatencyP95')).toBeUndefined();
    const mean = find(groups, 'GoServiceHighMeanLatency');
    expect(mean.expr).toBe(
      '(sum by (job) (rate(gin_request_duration_seconds_sum{job="shop"}[1m])) / sum by (job) (rate(gin_request_duration_seconds_count{job="shop"}[1m]))) > 0.8',
    );
    expect(mean.description).toContain(
      'The "gin" metrics have no latency histogram, so this alert watches the mean (_sum / _count) instead of P95',
    );
    expect(groups[0]!.notes).toContain(
      'The latency alert of job shop watches the mean duration, not P95: the "gin" metrics have no latency histogram.',
    );
    expect(find(groups, 'GoServiceHighErrorRatio').expr).toContain('gin_requests_total{code=~"5..",job="shop"}');
  });

  it('scope: cluster is matched and kept, instance narrows by regex; a regex instance gets no generated tests', () => {
    const groups = goServiceAlerts({ convention: clientGolang(), job: 'api', cluster: 'eu-1', instance: 'web-.*' });
    expect(find(groups, 'GoServiceHighErrorRatio').expr).toContain(
      'sum by (cluster, job) (rate(http_requests_total{cluster="eu-1",code=~"5..",instance=~"web-.*",job="api"}[1m]))',
    );
    expect(alerts(groups).every((a) => a.cases.length === 0)).toBe(true);
    expect(groups[0]!.notes.at(-1)).toContain('instance matcher is a regex');
  });

  it('texts: templated English and Chinese, a dashboard link, a runbook address, and which alerts are fast pages', () => {
    const en = find(
      goServiceAlerts({
        convention: clientGolang(),
        job: 'api',
        dashboard: 'svc',
        runbookUrl: 'https://runbooks.example/{alert}',
      }),
      'GoServiceHighErrorRatio',
    );
    expect(en.summary).toBe('{{ $labels.job }} answers {{ $value | humanizePercentage }} of requests with 5xx');
    expect(en.description).toContain('above the 0.5 % review threshold');
    expect(en.description).toContain('Fast page: no `for` and a 5s evaluation interval');
    expect(en.panel).toEqual({ dashboard: 'svc', panel: 'HTTP error rate' });
    expect(en.runbookUrl).toBe('https://runbooks.example/GoServiceHighErrorRatio');
    const zh = find(
      goServiceAlerts({ convention: clientGolang(), job: 'api', locale: 'zh-CN', dashboard: 'svc' }),
      'GoServiceGoroutineLeak',
    );
    expect(zh.summary).toBe('{{ $labels.instance }} 的 goroutine 持续增长');
    expect(zh.description).toContain('工单级：天然较慢');
    expect(
      find(goServiceAlerts({ convention: clientGolang(), job: 'api' }), 'GoServiceGcPressure').description,
    ).toContain('forces one at least every 2 minutes');
  });

  it('thresholds and timing are options', () => {
    const groups = goServiceAlerts({
      convention: clientGolang(),
      job: 'api',
      thresholds: { errorRatio: 0.01, latencyP95Seconds: 0.5, inFlight: 500 },
      timing: { pageInterval: '10s', pageWindow: '2m', leakWindow: '30m', leakFor: '1h' },
    });
    expect(groups[0]!.interval).toBe('10s');
    expect(find(groups, 'GoServiceHighErrorRatio').expr).toMatch(/\[2m\].* > 0\.01$/);
    expect(find(groups, 'GoServiceHighLatencyP95').expr).toMatch(/ > 0\.5$/);
    expect(find(groups, 'GoServiceTooManyInFlight').expr).toMatch(/ > 500$/);
    expect(find(groups, 'GoServiceGoroutineLeak')).toMatchObject({
      expr: 'deriv(go_goroutines{job="api"}[30m]) > 0.1',
      for: '1h',
    });
  });

  it('every alert has a firing and a silent generated case', () => {
    for (const convention of [clientGolang(), otel(), gin()]) {
      for (const alert of alerts(goServiceAlerts({ convention, job: 'api' }))) {
        expect(
          alert.cases.some((c) => c.expect.length > 0),
          alert.alert,
        ).toBe(true);
        expect(
          alert.cases.some((c) => c.expect.length === 0),
          alert.alert,
        ).toBe(true);
      }
    }
  });
});
