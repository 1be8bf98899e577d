import * as units from '@grafana/grafana-foundation-sdk/units';
import { describe, expect, it } from 'vitest';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import type { Convention } from '../../src/conventions/convention.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { availability, availabilityRatio } from '../../src/panels/availability.ts';
import { cpu } from '../../src/panels/cpu.ts';
import { errorRate } from '../../src/panels/error-rate.ts';
import { gcFrequency, gcPause } from '../../src/panels/gc.ts';
import { goroutines } from '../../src/panels/goroutines.ts';
import { fdUsage, handleLeak } from '../../src/panels/handles.ts';
import { inFlightRequests } from '../../src/panels/in-flight.ts';
import { KPI_KINDS, kpiStat } from '../../src/panels/kpi-stat.ts';
import { latency } from '../../src/panels/latency.ts';
import { memory } from '../../src/panels/memory.ts';
import { moduleErrors } from '../../src/panels/module-errors.ts';
import type { PanelOptions } from '../../src/panels/panel-options.ts';
import { requestRate } from '../../src/panels/request-rate.ts';
import { routeMatrixTable } from '../../src/panels/route-matrix.ts';

interface BuiltPanel {
  title?: string;
  description?: string;
  fieldConfig?: { defaults?: { unit?: string; thresholds?: { steps?: unknown[] } } };
  targets?: { expr?: string }[];
}

type PanelFn = (options: PanelOptions) => { build(): unknown };

const families: Record<string, { fn: PanelFn; unit: string }> = {
  availability: { fn: availability, unit: units.Short },
  availabilityRatio: { fn: availabilityRatio, unit: units.PercentUnit },
  requestRate: { fn: requestRate, unit: units.RequestsPerSecond },
  errorRate: { fn: errorRate, unit: units.PercentUnit },
  latency: { fn: latency, unit: units.Seconds },
  routeMatrixTable: { fn: routeMatrixTable, unit: units.Short },
  goroutines: { fn: goroutines, unit: units.Short },
  handleLeak: { fn: handleLeak, unit: units.Short },
  fdUsage: { fn: fdUsage, unit: units.PercentUnit },
  memory: { fn: memory, unit: units.BytesIEC },
  gcFrequency: { fn: gcFrequency, unit: units.OpsPerSecond },
  gcPause: { fn: gcPause, unit: units.Seconds },
  inFlightRequests: { fn: inFlightRequests, unit: units.Short },
  cpu: { fn: cpu, unit: units.PercentUnit },
  moduleErrors: { fn: moduleErrors, unit: units.PercentUnit },
  ...Object.fromEntries(
    KPI_KINDS.map((kpi) => [
      `kpiStat(${kpi})`,
      {
        fn: (o: PanelOptions) => kpiStat({ ...o, kpi }),
        unit: {
          availability: units.PercentUnit,
          p95: units.Seconds,
          errors: units.PercentUnit,
          qps: units.RequestsPerSecond,
          uptime: units.DurationSeconds,
          goroutines: units.Short,
        }[kpi],
      },
    ]),
  ),
};

const conventions: Convention[] = [clientGolang(), otel(), gin()];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the built JSON loosely
const raw = (builder: { build(): unknown }): any => JSON.parse(JSON.stringify(builder.build()));
const built = (fn: PanelFn, options: PanelOptions): BuiltPanel => fn(options).build() as BuiltPanel;

describe.each(Object.entries(families))('%s', (name, { fn, unit }) => {
  const applicable = conventions.filter((c) => name !== 'inFlightRequests' || c.capabilities.inFlight);

  it.each(applicable.map((c) => [c.name, c] as const))(
    'has unit, thresholds, title, description and non-empty queries with %s',
    (_, convention) => {
      const panel = built(fn, { convention });
      expect(panel.fieldConfig?.defaults?.unit).toBe(unit);
      expect(panel.fieldConfig?.defaults?.thresholds?.steps?.length).toBeGreaterThan(0);
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.expr).toMatch(/\S/);
    },
  );

  it('has a title and description in English and Chinese, different from each other', () => {
    const texts = (locale: Locale) => built(fn, { convention: clientGolang(), locale });
    const en = texts('en');
    const zh = texts('zh-CN');
    for (const panel of [en, zh]) {
      expect(panel.title).toMatch(/\S/);
      expect(panel.description?.length).toBeGreaterThan(20);
    }
    expect(zh.description).not.toBe(en.description);
    expect(zh.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it('returns the SDK builder so callers keep chaining, a new one per call', () => {
    const a = fn({ convention: clientGolang(), title: 'Mine', description: 'Why', span: 6 });
    const b = fn({ convention: clientGolang() });
    expect(a).not.toBe(b);
    const panel = (a as unknown as { transparent(v: boolean): { build(): unknown } }).transparent(true).build();
    expect(panel).toMatchObject({ title: 'Mine', description: 'Why', transparent: true, gridPos: { w: 6 } });
  });
});

describe('panel options', () => {
  it('rejects a span outside 1-24, naming the panel', () => {
    expect(() => requestRate({ convention: clientGolang(), span: 30 })).toThrow(
      'panel "Request rate": span must be an integer 1-24, got 30',
    );
  });
  it('narrows queries by a custom scope', () => {
    const panel = built(cpu, { convention: clientGolang(), scope: { cluster: { re: '$cluster' }, job: 'api' } });
    expect(panel.targets?.[0]?.expr).toBe(
      'sum by (instance) (rate(process_cpu_seconds_total{cluster=~"$cluster",job="api"}[$__rate_interval]))',
    );
  });
});

describe('latency', () => {
  it('draws P50/P95/P99 from the histogram with the SLO as a threshold line', () => {
    const panel = raw(latency({ convention: clientGolang(), sloSeconds: 0.5 }));
    expect(panel.targets?.map((t: { legendFormat?: string }) => t.legendFormat)).toEqual(['P50', 'P95', 'P99']);
    expect(panel.fieldConfig.defaults.thresholds?.steps).toEqual([
      { value: null, color: 'green' },
      { value: 0.5, color: 'red' },
    ]);
    expect(panel.fieldConfig.defaults.custom).toMatchObject({ thresholdsStyle: { mode: 'line' } });
  });

  it('with gin degrades visibly to the mean from _sum/_count, never an empty panel', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const panel = raw(latency({ convention: gin(), locale }));
      expect(panel.targets).toHaveLength(1);
      expect((panel.targets?.[0] as { expr: string }).expr).toBe(
        'sum(rate(gin_request_duration_seconds_sum{instance=~"$instance",job=~"$job"}[$__rate_interval])) / ' +
          'sum(rate(gin_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      );
      expect(panel.title).toBe(locale === 'en' ? 'Mean latency (no percentiles)' : '平均延迟（无分位数）');
      expect(panel.description).toContain(
        locale === 'en' ? 'Note: the "gin" metrics have no latency histogram' : '注意："gin" 指标没有延迟直方图',
      );
    }
  });

  it('overlays the same series offset ago when asked', () => {
    const panel = raw(latency({ convention: clientGolang(), compare: '$compare', compareLegendSuffix: ' (then)' }));
    const targets = panel.targets as { expr: string; legendFormat: string }[];
    expect(targets.map((t) => t.legendFormat)).toEqual(['P50', 'P95', 'P99', 'P50 (then)', 'P95 (then)', 'P99 (then)']);
    expect(targets[3]?.expr).toContain('[$__rate_interval] offset $compare');
  });
});

describe('route matrix', () => {
  it('is a sorted table of instant table queries, merged and organized, with coloured cells', () => {
    const panel = raw(routeMatrixTable({ convention: clientGolang() }));
    expect(panel.type).toBe('table');
    expect(panel.targets).toHaveLength(4);
    for (const t of panel.targets as { instant: boolean; range: boolean; format: string }[]) {
      expect(t).toMatchObject({ instant: true, range: false, format: 'table' });
    }
    expect(panel.transformations).toEqual([
      { id: 'merge', options: {} },
      {
        id: 'organize',
        options: {
          excludeByName: { Time: true },
          indexByName: { handler: 0, 'Value #A': 1, 'Value #B': 2, 'Value #C': 3, 'Value #D': 4 },
          renameByName: {
            handler: 'Route',
            'Value #A': 'QPS',
            'Value #B': 'Error %',
            'Value #C': 'P95',
            'Value #D': 'P99',
          },
        },
      },
    ]);
    expect(panel.options).toMatchObject({ sortBy: [{ displayName: 'QPS', desc: true }] });
    const errors = panel.fieldConfig.overrides.find(
      (o: { matcher: { options: string } }) => o.matcher.options === 'Error %',
    );
    expect(errors?.properties).toContainEqual({ id: 'custom.cellOptions', value: { type: 'color-background' } });
  });

  it('with gin leaves out the percentile columns and says so', () => {
    const panel = raw(routeMatrixTable({ convention: gin() }));
    expect(panel.targets).toHaveLength(2);
    expect(panel.description).toContain(
      'Note: the "gin" metrics have no per-route latency histogram, so this table has no P95/P99 columns.',
    );
  });
});

describe('in-flight requests', () => {
  it('warns at 12 000', () => {
    const panel = raw(inFlightRequests({ convention: clientGolang() }));
    expect(panel.fieldConfig.defaults.thresholds?.steps?.[1]).toEqual({ value: 12000, color: 'yellow' });
  });
  it('fails at build time for a convention without the gauge, naming panel and convention', () => {
    expect(() => inFlightRequests({ convention: gin() })).toThrow(
      `panel inFlightRequests(): convention "gin" has no in-flight gauge; name one with gin({ metrics: { inFlight: '<gauge name>' } }) or leave this panel out`,
    );
  });
});

describe('error rate', () => {
  it('warns at 0.5 % and is bad at 1 %', () => {
    const panel = raw(errorRate({ convention: otel() }));
    expect(panel.fieldConfig.defaults.thresholds?.steps).toEqual([
      { value: null, color: 'green' },
      { value: 0.005, color: 'yellow' },
      { value: 0.01, color: 'red' },
    ]);
  });
});

describe('module errors', () => {
  it('splits by a configurable label and names it in the title', () => {
    const panel = raw(moduleErrors({ convention: clientGolang(), label: 'module' }));
    expect(panel.title).toBe('Error rate by module');
    expect((panel.targets?.[0] as { expr: string; legendFormat: string }).legendFormat).toBe('{{module}}');
    expect((panel.targets?.[0] as { expr: string }).expr).toContain(
      'sum by (module) (rate(http_requests_total{code=~"5.."',
    );
  });
});

describe('leak views', () => {
  it.each([
    ['goroutines', goroutines, 'go_goroutines'],
    ['handleLeak', handleLeak, 'process_open_fds'],
  ] as const)('%s draws the growth line on a right axis of its own', (_name, fn, metric) => {
    const panel = fn({ convention: clientGolang() }).build();
    expect(panel.targets?.map((t) => (t as { expr?: string }).expr)).toEqual([
      `sum by (instance) (${metric}{instance=~"$instance",job=~"$job"})`,
      `sum by (instance) (deriv(${metric}{instance=~"$instance",job=~"$job"}[10m]))`,
    ]);
    expect(panel.fieldConfig?.overrides).toEqual([
      {
        matcher: { id: 'byRegexp', options: '^growth/s .*' },
        properties: [
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'custom.gradientMode', value: 'none' },
          { id: 'color', value: { mode: 'palette-classic' } },
        ],
      },
    ]);
  });
});
