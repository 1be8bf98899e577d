import { describe, expect, it } from 'vitest';
import { goServiceSlo } from '../../src/alerts/go-service-slo.ts';
import { burnFactor, PAGE_WINDOWS, TICKET_WINDOWS } from '../../src/alerts/burn-rate-windows.ts';
import type { AlertingRule, RecordingRule, RuleGroup } from '../../src/alerts/rule-types.ts';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';
import { leMatcher } from '../../src/queries/slo.ts';

const records = (g: RuleGroup) => g.rules.filter((r): r is RecordingRule => r.kind === 'record');
const alerts = (g: RuleGroup) => g.rules.filter((r): r is AlertingRule => r.kind === 'alert');
const PAGE = ['5m', '30m', '1h', '6h'];
const TICKET = ['2h', '1d', '3d'];

describe('goServiceSlo()', () => {
  it('clientGolang: per SLO a 5 s page group (page windows, then the page) and a 30 s ticket group', () => {
    const groups = goServiceSlo({ convention: clientGolang(), job: 'api' });
    const layout = (g: RuleGroup) => g.rules.map((r) => (r.kind === 'alert' ? `${r.alert} ${r.severity}` : r.record));
    expect(groups.map((g) => [g.name, g.interval, layout(g)])).toEqual([
      [
        'api-slo-availability-pages',
        '5s',
        [
          ...PAGE.flatMap((w) => [`job:slo_requests:rate${w}`, `job:slo_requests_errors:rate${w}`]),
          'GoServiceAvailabilityBudgetBurn critical',
        ],
      ],
      [
        'api-slo-availability-tickets',
        '30s',
        [
          ...TICKET.flatMap((w) => [`job:slo_requests:rate${w}`, `job:slo_requests_errors:rate${w}`]),
          'job:slo_availability_error_budget_remaining:ratio',
          'GoServiceAvailabilityBudgetBurn warning',
        ],
      ],
      [
        'api-slo-latency-pages',
        '5s',
        [
          ...PAGE.flatMap((w) => [`job:slo_latency_requests:rate${w}`, `job:slo_latency_requests_good:rate${w}`]),
          'GoServiceLatencyBudgetBurn critical',
        ],
      ],
      [
        'api-slo-latency-tickets',
        '30s',
        [
          ...TICKET.flatMap((w) => [`job:slo_latency_requests:rate${w}`, `job:slo_latency_requests_good:rate${w}`]),
          'job:slo_latency_error_budget_remaining:ratio',
          'GoServiceLatencyBudgetBurn warning',
        ],
      ],
    ]);
  });

  it('every recorded series a page reads comes from its own group, recorded before it (no lag from another group)', () => {
    const pageGroups = goServiceSlo({ convention: clientGolang(), job: 'api' }).filter((g) =>
      g.name.endsWith('-pages'),
    );
    expect(pageGroups).toHaveLength(2);
    for (const group of pageGroups) {
      const page = alerts(group)[0]!;
      const read = [...page.expr.matchAll(/job:slo_[a-z_]+:rate\w+/g)].map((m) => m[0]);
      expect(new Set(read)).toEqual(new Set(records(group).map((r) => r.record)));
      expect(group.rules.at(-1)).toBe(page);
    }
  });

  it('intervals are options: pageInterval and ticketInterval', () => {
    const groups = goServiceSlo({
      convention: clientGolang(),
      job: 'api',
      pageInterval: '10s',
      ticketInterval: '1m',
      objectives: { latency: false },
    });
    expect(groups.map((g) => [g.name, g.interval])).toEqual([
      ['api-slo-availability-pages', '10s'],
      ['api-slo-availability-tickets', '1m'],
    ]);
  });

  it('availability: numerator and denominator recorded at every window, errors 0 (not absent) while there is traffic', () => {
    const groups = goServiceSlo({ convention: clientGolang(), job: 'api' });
    const all = [...records(groups[0]!), ...records(groups[1]!)];
    expect(all.map((r) => r.record).sort()).toEqual(
      [
        ...[...PAGE, ...TICKET].flatMap((w) => [`job:slo_requests:rate${w}`, `job:slo_requests_errors:rate${w}`]),
        'job:slo_availability_error_budget_remaining:ratio',
      ].sort(),
    );
    const byName = new Map(all.map((r) => [r.record, r.expr]));
    expect(byName.get('job:slo_requests:rate5m')).toBe('sum by (job) (rate(http_requests_total{job="api"}[5m]))');
    expect(byName.get('job:slo_requests_errors:rate1h')).toBe(
      'sum by (job) (rate(http_requests_total{code=~"5..",job="api"}[1h])) or (sum by (job) (rate(http_requests_total{job="api"}[1h])) * 0)',
    );
    expect(byName.get('job:slo_availability_error_budget_remaining:ratio')).toBe(
      '(1 - (sum_over_time(job:slo_requests_errors:rate5m{job="api"}[30d]) / (sum_over_time(job:slo_requests:rate5m{job="api"}[30d]) > 0)) / 0.001) ' +
        'or ((sum_over_time(job:slo_requests:rate5m{job="api"}[30d]) == 0) + 1)',
    );
  });

  it('availability: page 1h/5m at 14.4× or 6h/30m at 6×, ticket 1d/2h at 3× or 3d/6h at 1×; zero traffic gives no sample', () => {
    const groups = goServiceSlo({ convention: clientGolang(), job: 'api' });
    const [page] = alerts(groups[0]!);
    const [ticket] = alerts(groups[1]!);
    const ratio = (w: string) =>
      `job:slo_requests_errors:rate${w}{job="api"} / (job:slo_requests:rate${w}{job="api"} > 0)`;
    expect(page).toMatchObject({ alert: 'GoServiceAvailabilityBudgetBurn', severity: 'critical' });
    expect(page!.for).toBeUndefined();
    expect(page!.expr).toBe(
      `((${ratio('1h')} > 0.0144) and (${ratio('5m')} > 0.0144)) or ((${ratio('6h')} > 0.006) and (${ratio('30m')} > 0.006))`,
    );
    expect(ticket).toMatchObject({ alert: 'GoServiceAvailabilityBudgetBurn', severity: 'warning', for: '15m' });
    expect(ticket!.expr).toBe(
      `((${ratio('1d')} > 0.003) and (${ratio('2h')} > 0.003)) or ((${ratio('3d')} > 0.001) and (${ratio('6h')} > 0.001))`,
    );
    expect(page!.description).toContain(
      'on a service with an hour of traffic the 1h window crosses only after 52 s of nothing but bad requests.',
    );
  });

  it('latency: good requests from the le bucket in both spellings, bad = total - good', () => {
    const groups = goServiceSlo({
      convention: clientGolang(),
      job: 'api',
      objectives: { latency: { thresholdSeconds: 1, objective: 0.99 } },
    });
    const byName = new Map(records(groups[2]!).map((r) => [r.record, r.expr]));
    expect(alerts(groups[2]!)[0]!.description).toContain('the 1h window crosses only after 8.6 min of nothing but bad');
    expect(byName.get('job:slo_latency_requests_good:rate5m')).toBe(
      'sum by (job) (rate(http_request_duration_seconds_bucket{job="api",le=~"1(\\\\.0)?"}[5m]))',
    );
    expect(byName.get('job:slo_latency_requests:rate5m')).toBe(
      'sum by (job) (rate(http_request_duration_seconds_count{job="api"}[5m]))',
    );
    expect(alerts(groups[2]!)[0]!.expr).toContain(
      '(job:slo_latency_requests:rate1h{job="api"} - job:slo_latency_requests_good:rate1h{job="api"}) / (job:slo_latency_requests:rate1h{job="api"} > 0) > 0.144',
    );
  });

  it('le matcher: integers match "1" and "1.0", other bounds their decimal with the dot escaped', () => {
    expect(leMatcher(1)).toEqual({ re: '1(\\.0)?' });
    expect(leMatcher(10)).toEqual({ re: '10(\\.0)?' });
    expect(leMatcher(0.25)).toEqual({ re: '0\\.25' });
    expect(() => leMatcher(0)).toThrow('bucket bound must be a positive number');
    const re = new RegExp(`^(?:${(leMatcher(1) as { re: string }).re})$`);
    expect(['1', '1.0', '10', '1.5', '0.1'].map((v) => re.test(v))).toEqual([true, true, false, false, false]);
  });

  it('otel: its histogram and status label; cluster scope recorded at cluster_job level', () => {
    const groups = goServiceSlo({ convention: otel(), job: 'checkout', cluster: 'eu' });
    const names = groups.flatMap(records).map((r) => r.record);
    expect(names).toContain('cluster_job:slo_requests_errors:rate5m');
    const errors = groups.flatMap(records).find((r) => r.record === 'cluster_job:slo_requests_errors:rate5m')!;
    expect(errors.expr).toContain(
      'sum by (cluster, job) (rate(http_server_request_duration_seconds_count{cluster="eu",http_response_status_code=~"5..",job="checkout"}[5m]))',
    );
  });

  it('gin: no latency SLO (summary, no histogram), and the rule file says why', () => {
    const groups = goServiceSlo({ convention: gin(), job: 'shop' });
    expect(groups.map((g) => g.name)).toEqual(['shop-slo-availability-pages', 'shop-slo-availability-tickets']);
    expect(groups[0]!.notes).toEqual([
      'No latency SLO for job shop: the "gin" metrics have no latency histogram (gin\'s duration is a summary without quantiles), so the share of requests under a threshold cannot be counted. The latency panels show the mean for the same reason.',
    ]);
    expect(() => goServiceSlo({ convention: gin(), job: 'shop', objectives: { availability: false } })).toThrow(
      'goServiceSlo("shop"): no SLO left to build: No latency SLO',
    );
  });

  it('burn factors follow the period (reference §4) and bad objectives are refused', () => {
    expect([...PAGE_WINDOWS, ...TICKET_WINDOWS].map((w) => burnFactor(w, '30d'))).toEqual([14.4, 6, 3, 1]);
    expect([...PAGE_WINDOWS, ...TICKET_WINDOWS].map((w) => burnFactor(w, '28d'))).toEqual([13.44, 5.6, 2.8, 0.9333]);
    expect(() => goServiceSlo({ convention: clientGolang(), job: 'api', objectives: { availability: 99.9 } })).toThrow(
      'objectives.availability must be a share between 0 and 1',
    );
  });
});
