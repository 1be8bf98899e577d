import { describe, expect, it } from 'vitest';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import type { Convention } from '../../src/conventions/convention.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';
import { defenseKpis } from '../../src/presets/defense-kpis.ts';
import { goServiceOverview } from '../../src/presets/go-service-overview.ts';
import type { PresetOptions } from '../../src/presets/preset-options.ts';
import { routeMatrix } from '../../src/presets/route-matrix.ts';
import { teachingDemo } from '../../src/presets/teaching-demo.ts';

type Preset = (options: PresetOptions) => { build(): unknown };
const presets: Record<string, Preset> = { goServiceOverview, routeMatrix, teachingDemo, defenseKpis };
const conventions: Record<string, () => Convention> = { clientGolang, otel, gin };

interface Dash {
  title: string;
  uid?: string;
  refresh?: string;
  liveNow?: boolean;
  panels: {
    type: string;
    title: string;
    targets?: { expr: string; legendFormat?: string }[];
    gridPos: { w: number };
  }[];
  templating: {
    list: { name: string; type: string; query?: unknown; refresh?: number; includeAll?: boolean; current?: unknown }[];
  };
}

const build = (preset: Preset, options: PresetOptions): Dash => preset(options).build() as Dash;
const cases = Object.entries(presets).flatMap(([p, preset]) =>
  Object.entries(conventions).map(([c, conv]) => [p, c, preset, conv] as const),
);

// One golden per preset, drawn with client_golang's names; convention-queries.test.ts pins what other conventions
// change (the PromQL), exactly.
describe.each(Object.entries(presets))('%s', (presetName, preset) => {
  it('renders as before', async () => {
    const json = `${JSON.stringify(build(preset, { convention: clientGolang(), job: 'go-service' }), null, 2)}\n`;
    await expect(json).toMatchFileSnapshot(`./golden/${presetName}.json`);
  });
});

describe.each(cases)('%s with %s', (_presetName, _conventionName, preset, convention) => {
  it('defines every $variable its queries and legends use, and has the datasource, job and instance variables', () => {
    const dash = build(preset, { convention: convention(), cluster: true });
    const defined = new Set(dash.templating.list.map((v) => v.name));
    for (const name of ['datasource', 'cluster', 'job', 'instance']) expect(defined.has(name), name).toBe(true);
    const used = new Set<string>();
    const text = JSON.stringify(dash.panels) + JSON.stringify(dash.templating.list.map((v) => v.query));
    for (const match of text.matchAll(/\$\{?([a-zA-Z_]\w*)/g))
      if (!match[1]?.startsWith('__')) used.add(match[1] ?? '');
    for (const name of used) expect(defined.has(name), `$${name} used but not defined`).toBe(true);
    expect(JSON.stringify(dash.panels)).toContain('cluster=~\\"$cluster\\"');
  });

  it('has no panel without queries, ids, refIds, datasources or unique-title collisions', () => {
    const dash = build(preset, { convention: convention() });
    const titles = dash.panels.map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const panel of dash.panels.filter((p) => p.type !== 'row')) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      expect(panel).not.toHaveProperty('id');
      expect(panel).not.toHaveProperty('datasource');
      for (const target of panel.targets ?? []) {
        expect(target).not.toHaveProperty('refId');
        expect(target).not.toHaveProperty('datasource');
      }
    }
  });

  it('is written in Chinese with locale zh-CN and takes title and uid', () => {
    const dash = build(preset, { convention: convention(), locale: 'zh-CN', title: '我的服务', uid: 'my-svc' });
    expect(dash).toMatchObject({ title: '我的服务', uid: 'my-svc' });
    for (const panel of dash.panels) expect(panel.title, panel.title).toMatch(/[\u4e00-\u9fff]|^(P\d+|QPS|SLO)/);
  });
});

describe('variables', () => {
  it('job and instance are query variables on up, refreshed on time range change; All only for instance', () => {
    const dash = build(goServiceOverview, { convention: clientGolang(), job: 'go-service' });
    expect(dash.templating.list).toEqual([
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
      expect.objectContaining({
        name: 'job',
        type: 'query',
        query: 'label_values(up, job)',
        refresh: 2,
        datasource: { type: 'prometheus', uid: '${datasource}' },
        current: { selected: true, text: 'go-service', value: 'go-service' },
      }),
      expect.objectContaining({
        name: 'instance',
        type: 'query',
        query: 'label_values(up{job=~"$job"}, instance)',
        refresh: 2,
        includeAll: true,
        allValue: '.*',
        multi: true,
      }),
    ]);
    expect(dash.templating.list[1]).not.toHaveProperty('includeAll', true);
  });
});

describe('teachingDemo', () => {
  it('refreshes every 5 s, shows live data, and overlays every series $compare ago', () => {
    const dash = build(teachingDemo, { convention: clientGolang() });
    expect(dash).toMatchObject({ refresh: '5s', liveNow: true });
    expect(dash.templating.list.find((v) => v.name === 'compare')).toMatchObject({
      type: 'custom',
      query: '1h,5m,1d,7d',
      current: { text: '1h', value: '1h' },
    });
    const rate = dash.panels.find((p) => p.title === 'Request rate');
    expect(rate?.targets?.map((t) => t.legendFormat)).toEqual(['{{code}}', '{{code}} ($compare ago)']);
    expect(rate?.targets?.[1]?.expr).toBe(
      'sum by (code) (rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
    );
  });
});

describe('goServiceOverview', () => {
  it('has the review panels in rows and leaves out in-flight only when the convention has no gauge', () => {
    const titles = (c: Convention) => build(goServiceOverview, { convention: c }).panels.map((p) => p.title);
    expect(titles(clientGolang())).toEqual([
      'Key indicators',
      'Availability',
      'P95 latency',
      'Error rate',
      'QPS',
      'Uptime',
      'Goroutines',
      'Traffic, errors and latency',
      'Availability over the range',
      'Targets up',
      'Request rate',
      'HTTP error rate',
      'Latency P50 / P95 / P99',
      'Error rate by handler',
      'Leaks and resources',
      'Goroutines (leak check)',
      'Goroutines per instance (heatmap)',
      'Open file descriptors (leak check)',
      'File descriptors used per instance (heatmap)',
      'Memory trend',
      'File descriptors used',
      'GC frequency',
      'GC pause',
      'CPU usage',
      'In-flight requests',
      'Routes',
      'Route matrix',
    ]);
    expect(titles(gin())).not.toContain('In-flight requests');
    expect(titles(gin())).toContain('Mean latency (no percentiles)');
  });

  it('puts each leak heatmap beside its time series, two 12-column panels per line', () => {
    const dash = build(goServiceOverview, { convention: clientGolang() });
    const leaks = dash.panels.slice(dash.panels.findIndex((p) => p.title === 'Leaks and resources') + 1).slice(0, 4);
    expect(leaks.map((p) => [p.type, p.gridPos.w])).toEqual([
      ['timeseries', 12],
      ['heatmap', 12],
      ['timeseries', 12],
      ['heatmap', 12],
    ]);
  });
});

describe('defenseKpis', () => {
  it('has only big stat cards', () => {
    const dash = build(defenseKpis, { convention: clientGolang() });
    expect(dash.panels.map((p) => [p.type, p.gridPos.w])).toEqual(Array.from({ length: 6 }, () => ['stat', 8]));
  });
});
