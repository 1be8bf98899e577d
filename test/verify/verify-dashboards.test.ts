import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import type { PrometheusApi, QueryResult } from '../../src/verify/prometheus-api.ts';
import { verifyDashboards } from '../../src/verify/verify-dashboards.ts';

const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);

/** A fake Prometheus: `up` has data for jobs api and web; `broken(` is a parse error; anything else is empty. */
function fakeApi(calls: string[]): PrometheusApi {
  const answer = (expr: string): QueryResult => {
    calls.push(expr);
    if (expr.includes('broken(')) return { ok: false, error: 'bad_data: 1:1: parse error: unexpected "("' };
    if (expr.startsWith('up') || expr.includes('rate(up'))
      return { ok: true, resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[NOW / 1000, '1']] }] };
    return { ok: true, resultType: 'matrix', result: [] };
  };
  return {
    queryRange: async (expr) => answer(expr),
    query: async (expr) => answer(expr),
    labelValues: async (label, match) => {
      calls.push(`label_values(${match.join(',')}, ${label})`);
      if (label === 'job') return { ok: true, values: ['web', 'api'] };
      if (label === 'instance') return { ok: true, values: match[0]?.includes('api') ? ['a:1', 'b:1'] : [] };
      return { ok: true, values: [] };
    },
    labelNames: async () => ({ ok: true, values: [] }),
    series: async () => ({ ok: true, series: [] }),
  };
}

const dashboard = (targets: JsonObject[][], current: JsonObject = { value: 'api' }): JsonObject => ({
  uid: 'svc',
  title: 'Service',
  time: { from: 'now-1h', to: 'now' },
  templating: {
    list: [
      { name: 'job', type: 'query', query: { query: 'label_values(job)' }, sort: 1, current },
      {
        name: 'instance',
        type: 'query',
        query: 'label_values(up{job="$job"}, instance)',
        includeAll: true,
        multi: true,
        current: { value: ['$__all'] },
      },
    ],
  },
  panels: targets.map((t, i) => ({ id: i + 1, type: 'timeseries', title: `P${i + 1}`, targets: t })),
});

const opts = { now: NOW, scrapeIntervalMs: 15_000, overrides: new Map<string, string[]>(), strict: false };

describe('verifyDashboards', () => {
  it('expands chained variables and macros, and passes panels with data', async () => {
    const calls: string[] = [];
    const r = await verifyDashboards(
      [
        {
          file: 'd.json',
          dashboard: dashboard([
            [{ refId: 'A', expr: 'rate(up{job="$job",instance=~"$instance"}[$__rate_interval])' }],
          ]),
        },
      ],
      fakeApi(calls),
      opts,
    );
    expect(calls).toEqual([
      'label_values(, job)',
      'label_values(up{job="api"}, instance)',
      'rate(up{job="api",instance=~"(a:1|b:1)"}[1m0s])',
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.panels.map((p) => p.status)).toEqual(['ok']);
  });

  it('keeps a saved value Prometheus lacks and fails naming it (no fallback to another job); --var overrides', async () => {
    const calls: string[] = [];
    const gone = await verifyDashboards(
      [{ file: 'd.json', dashboard: dashboard([[{ refId: 'A', expr: 'up{job="$job"}' }]], { value: 'gone' }) }],
      fakeApi(calls),
      opts,
    );
    expect(calls.at(-1)).toBe('up{job="gone"}');
    expect(gone.diagnostics.map((x) => [x.rule, x.severity, x.pointer, x.message])).toEqual([
      [
        'verify-variable-value',
        'error',
        '/templating/list/0',
        'dashboard "Service": variable "$job" is set to "gone" (the dashboard\'s saved value), which Prometheus does not have: it returns "api", "web" for "label_values(job)"; its panels would show another service\'s data or none',
      ],
      [
        'verify-variable',
        'warning',
        '/templating/list/1',
        'dashboard "Service": variable "$instance" has no values, so every query using it selects nothing',
      ],
    ]);
    await verifyDashboards(
      [{ file: 'd.json', dashboard: dashboard([[{ refId: 'A', expr: 'up{job="$job"}' }]]) }],
      fakeApi(calls),
      { ...opts, overrides: new Map([['job', ['web']]]) },
    );
    expect(calls.at(-1)).toBe('up{job="web"}');
  });

  it('takes the first sorted option when no value is saved', async () => {
    const calls: string[] = [];
    const r = await verifyDashboards(
      [{ file: 'd.json', dashboard: dashboard([[{ refId: 'A', expr: 'up{job="$job"}' }]], {}) }],
      fakeApi(calls),
      opts,
    );
    expect(calls.at(-1)).toBe('up{job="api"}');
    expect(r.diagnostics).toEqual([]);
  });

  it('reports a panel without data, naming dashboard, panel, refId and query', async () => {
    const r = await verifyDashboards(
      [{ file: 'd.json', dashboard: dashboard([[{ refId: 'A', expr: 'http_requestz_total{job="$job"}' }]]) }],
      fakeApi([]),
      opts,
    );
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'verify-no-data',
        severity: 'error',
        file: 'd.json',
        panel: 'P1',
        pointer: '/panels/0',
        message:
          'dashboard "Service", panel "P1" has no data: query A `http_requestz_total{job="$job"}` (evaluated as: http_requestz_total{job="api"}) returned nothing',
      }),
    ]);
  });

  it('reports query errors, and partly empty panels as warnings (errors with strict)', async () => {
    const d = dashboard([
      [{ refId: 'A', expr: 'broken(' }],
      [
        { refId: 'A', expr: 'up' },
        { refId: 'B', expr: 'old_series offset 1y' },
      ],
    ]);
    const r = await verifyDashboards([{ file: 'd.json', dashboard: d }], fakeApi([]), opts);
    expect(r.diagnostics.map((x) => [x.rule, x.severity, x.pointer, x.message])).toEqual([
      [
        'verify-query-error',
        'error',
        '/panels/0/targets/0',
        'dashboard "Service", panel "P1": query A `broken(` failed: bad_data: 1:1: parse error: unexpected "("',
      ],
      [
        'verify-partial-data',
        'warning',
        '/panels/1/targets/1',
        'dashboard "Service", panel "P2": query B `old_series offset 1y` returned no data while other queries of the panel did',
      ],
    ]);
    const strict = await verifyDashboards([{ file: 'd.json', dashboard: d }], fakeApi([]), { ...opts, strict: true });
    expect(strict.diagnostics.map((x) => x.severity)).toEqual(['error', 'error']);
  });

  it('skips hidden targets, expressions and non-query panels, and reports progress', async () => {
    const d = dashboard([
      [
        { refId: 'A', expr: 'up' },
        { refId: 'B', expr: 'nothing', hide: true },
        { refId: 'C', datasource: { type: '__expr__', uid: '__expr__' }, expression: '$A' },
      ],
    ]);
    (d.panels as JsonObject[]).push({ id: 9, type: 'text', title: 'Notes' });
    const progress: string[] = [];
    const r = await verifyDashboards([{ file: 'd.json', dashboard: d }], fakeApi([]), {
      ...opts,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(r.panels.map((p) => p.targets.map((t) => t.refId))).toEqual([['A']]);
    expect(r.diagnostics).toEqual([]);
    expect(progress).toEqual(['1/1']);
  });

  it('warns when a variable has no values', async () => {
    const d = dashboard([[{ refId: 'A', expr: 'up' }]]);
    const r = await verifyDashboards([{ file: 'd.json', dashboard: d }], fakeApi([]), {
      ...opts,
      overrides: new Map([['job', ['web']]]),
    });
    expect(r.diagnostics.map((x) => [x.rule, x.severity, x.pointer, x.message])).toEqual([
      [
        'verify-variable',
        'warning',
        '/templating/list/1',
        'dashboard "Service": variable "$instance" has no values, so every query using it selects nothing',
      ],
    ]);
  });
});
