import * as units from '@grafana/grafana-foundation-sdk/units';
import { describe, expect, it } from 'vitest';
import { panelValidators } from '../../schema/index.ts';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import type { Convention } from '../../src/conventions/convention.ts';
import { custom } from '../../src/conventions/custom.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { fdHeatmap } from '../../src/panels/fd-heatmap.ts';
import { goroutineHeatmap } from '../../src/panels/goroutine-heatmap.ts';
import type { PanelOptions } from '../../src/panels/panel-options.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the built JSON loosely
const raw = (builder: { build(): unknown }): any => JSON.parse(JSON.stringify(builder.build()));

const S = '{instance=~"$instance",job=~"$job"}';
const conventions: readonly Convention[] = [clientGolang(), otel(), gin()];

const heatmaps = {
  goroutineHeatmap: {
    fn: goroutineHeatmap,
    unit: units.Short,
    expr: `sum by (instance) (go_goroutines${S})`,
    color: { mode: 'scheme', scheme: 'Spectral', scale: 'linear', steps: 64, reverse: false },
    value: { en: 'Goroutines', 'zh-CN': 'Goroutine 数' },
  },
  fdHeatmap: {
    fn: fdHeatmap,
    unit: units.PercentUnit,
    expr: `max by (instance) (process_open_fds${S} / process_max_fds${S})`,
    color: { mode: 'scheme', scheme: 'RdYlGn', scale: 'linear', steps: 64, reverse: false, min: 0, max: 1 },
    value: { en: 'fd limit used', 'zh-CN': '文件描述符上限占用' },
  },
} as const;

describe.each(Object.entries(heatmaps))('%s', (_, { fn, unit, expr, color, value }) => {
  it.each(conventions.map((c) => [c.name, c] as const))(
    'draws one row per instance from the named query with %s',
    (_, convention) => {
      const panel = raw(fn({ convention }));
      expect(panel.type).toBe('heatmap');
      expect(panel.targets).toEqual([{ expr, range: true, instant: false, legendFormat: '{{instance}}' }]);
      expect(panel.options).toMatchObject({
        calculate: false,
        rowsFrame: { layout: 'unknown', value: value.en },
        cellValues: { unit },
        yAxis: { axisPlacement: 'left', reverse: false },
        legend: { show: true },
      });
    },
  );

  it('colours cells by value on a scheme Grafana draws cold to hot on both themes', () => {
    const panel = raw(fn({ convention: clientGolang() }));
    expect(panel.options.color).toEqual({ ...color, fill: 'dark-orange', exponent: 0.5 });
    if (!('min' in color)) expect(panel.options.color).not.toHaveProperty('min');
  });

  it('puts unit and colour range in the panel options, where Grafana reads them, not in the ignored field defaults', () => {
    const panel = raw(fn({ convention: clientGolang() }));
    expect(panel.fieldConfig.defaults).toEqual({ custom: {} });
  });

  it('has options and field config that @grafana/schema accepts', () => {
    const panel = raw(fn({ convention: clientGolang(), locale: 'zh-CN' }));
    const validators = panelValidators.heatmap;
    expect(validators?.options(panel.options), JSON.stringify(validators?.options.errors)).toBe(true);
    expect(validators?.fieldConfig?.(panel.fieldConfig.defaults.custom)).toBe(true);
  });

  it('has a title, description and value name in English and Chinese', () => {
    const texts = (locale: Locale) => raw(fn({ convention: clientGolang(), locale }));
    const en = texts('en');
    const zh = texts('zh-CN');
    expect(en.title).toMatch(/heatmap/);
    expect(zh.title).toMatch(/热力图/);
    expect(en.description).toMatch(/One row per instance/);
    expect(zh.description).toMatch(/每个实例一行/);
    expect(zh.options.rowsFrame.value).toBe(value['zh-CN']);
    expect(zh.description).not.toBe(en.description);
  });

  it('returns the SDK builder so callers keep chaining, a new one per call', () => {
    const a = fn({ convention: clientGolang(), title: 'Mine', description: 'Why', span: 6 } satisfies PanelOptions);
    const b = fn({ convention: clientGolang() });
    expect(a).not.toBe(b);
    expect(raw(a.cellGap(2).transparent(true))).toMatchObject({
      title: 'Mine',
      description: 'Why',
      transparent: true,
      gridPos: { w: 6, h: 8 },
      options: { cellGap: 2 },
    });
    expect(raw(b).gridPos).toMatchObject({ w: 12, h: 8 });
  });

  it('rejects a span outside 1-24, naming the panel', () => {
    expect(() => fn({ convention: clientGolang(), span: 0 })).toThrow(
      /^panel ".+ \(heatmap\)": span must be an integer 1-24, got 0$/,
    );
  });
});

describe('heatmap queries', () => {
  it("take the custom convention's metric names and the given scope", () => {
    const mine = custom({
      name: 'mine',
      metrics: {
        requests: 'reqs_total',
        requestDuration: 'req_seconds',
        goroutines: 'my_goroutines',
        openFds: 'my_open_fds',
        maxFds: 'my_max_fds',
      },
      labels: { route: 'route', status: 'status', method: 'method' },
    });
    const scope = { job: 'api' };
    expect(raw(goroutineHeatmap({ convention: mine, scope })).targets[0].expr).toBe(
      'sum by (instance) (my_goroutines{job="api"})',
    );
    expect(raw(fdHeatmap({ convention: mine, scope })).targets[0].expr).toBe(
      'max by (instance) (my_open_fds{job="api"} / my_max_fds{job="api"})',
    );
  });
});
