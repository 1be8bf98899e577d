import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import { dropNulls } from '../../src/import/drop-nulls.ts';
import { graphToTimeseries } from '../../src/import/migrations/graph-to-timeseries.ts';
import { upgradePanelLink } from '../../src/import/migrations/panel-links.ts';
import { singlestatToStat } from '../../src/import/migrations/singlestat-to-stat.ts';
import { tableOldToTable } from '../../src/import/migrations/table-old-to-table.ts';
import { upgradePanels } from '../../src/import/migrations/upgrade-panels.ts';

// One test per rule, named by the legacy field it reads and the Grafana function the rule follows
// (docs/import-migrations.md has the citations).
const graph = (extra: JsonObject) => graphToTimeseries({ type: 'graph', title: 'G', lines: true, ...extra });
const defaults = (p: JsonObject) => (p.fieldConfig as JsonObject).defaults as JsonObject;
const custom = (p: JsonObject) => defaults(p).custom as JsonObject;
const overrides = (p: JsonObject) => (p.fieldConfig as JsonObject).overrides;
const options = (p: JsonObject) => p.options as JsonObject;

describe('graph → timeseries (graphToTimeseriesOptions)', () => {
  it('yaxes[0] (getFieldConfigFromOldAxis): format → unit, min/max strings → numbers, show false → hidden, label, logBase 10 → log scale', () => {
    const { panel } = graph({
      yaxes: [
        { format: 'bytes', min: '0', max: '100', decimals: 2, show: false, label: 'B', logBase: 10 },
        { show: true },
      ],
    });
    expect(defaults(panel)).toMatchObject({ unit: 'bytes', min: 0, max: 100, decimals: 2 });
    expect(custom(panel)).toMatchObject({
      axisPlacement: 'hidden',
      axisLabel: 'B',
      scaleDistribution: { type: 'log', log: 10 },
    });
  });

  it('seriesOverrides with yaxis 2 (fillY2DynamicValues): what the right axis changes, as override properties', () => {
    const { panel } = graph({
      yaxes: [
        { format: 'short', show: true },
        { format: 'percent', show: true },
      ],
      seriesOverrides: [{ alias: 'errors', yaxis: 2 }],
    });
    expect(overrides(panel)).toEqual([
      { matcher: { id: 'byName', options: 'errors' }, properties: [{ id: 'unit', value: 'percent' }] },
    ]);
  });

  it('seriesOverrides: /regex/ alias → byRegexp; fill ×10, linewidth, color, bars, lines false, dashes, stack group', () => {
    const { panel } = graph({
      seriesOverrides: [
        { alias: '/5xx/', fill: 3, linewidth: 2, color: '#f00', bars: true },
        { alias: 'b', lines: false, dashes: true, stack: 'B' },
      ],
    });
    expect(overrides(panel)).toEqual([
      {
        matcher: { id: 'byRegexp', options: '/5xx/' },
        properties: [
          { id: 'custom.fillOpacity', value: 30 },
          { id: 'custom.lineWidth', value: 2 },
          { id: 'color', value: { fixedColor: '#f00', mode: 'fixed' } },
          { id: 'custom.drawStyle', value: 'bars' },
          { id: 'custom.fillOpacity', value: 100 },
        ],
      },
      {
        matcher: { id: 'byName', options: 'b' },
        properties: [
          { id: 'custom.lineWidth', value: 0 },
          { id: 'custom.stacking', value: { mode: 'normal', group: 'B' } },
          { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
        ],
      },
    ]);
  });

  it('aliasColors → a fixed-color override per series', () => {
    expect(overrides(graph({ aliasColors: { up: 'green', down: '' } }).panel)).toEqual([
      {
        matcher: { id: 'byName', options: 'up' },
        properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: 'green' } }],
      },
    ]);
  });

  it('thresholds (op gt / lt, colorMode, fill, line) → absolute steps with a transparent base, thresholdsStyle line+area', () => {
    const { panel } = graph({
      thresholds: [
        { op: 'gt', value: 80, colorMode: 'critical', fill: true, line: true },
        { op: 'gt', value: 50, colorMode: 'warning', line: true },
      ],
    });
    expect(defaults(panel).thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { color: 'transparent', value: null },
        { value: 50, color: 'orange' },
        { value: 80, color: 'red' },
      ],
    });
    expect(custom(panel).thresholdsStyle).toEqual({ mode: 'line+area' });
  });

  it('legend (show, alignAsTable, rightSide, values with avg/current, sideWidth) → options.legend', () => {
    const { panel } = graph({
      legend: {
        show: true,
        alignAsTable: true,
        rightSide: true,
        values: true,
        avg: true,
        current: true,
        max: false,
        sideWidth: 300,
      },
    });
    expect(options(panel).legend).toEqual({
      displayMode: 'table',
      showLegend: true,
      placement: 'right',
      calcs: ['mean', 'lastNotNull'],
      width: 300,
    });
    expect(options(graph({ legend: { show: false } }).panel).legend).toMatchObject({ showLegend: false });
  });

  it('tooltip.shared / sort → multi with asc/desc, else single', () => {
    expect(options(graph({ tooltip: { shared: true, sort: 2 } }).panel).tooltip).toEqual({
      mode: 'multi',
      sort: 'desc',
    });
    expect(options(graph({ tooltip: { shared: false, sort: 2 } }).panel).tooltip).toEqual({
      mode: 'single',
      sort: 'none',
    });
  });

  it('stack → stacking normal group A; percentage is named as not carried over', () => {
    const up = graph({ stack: true, percentage: true });
    expect(custom(up.panel).stacking).toEqual({ mode: 'normal', group: 'A' });
    expect(up.lost).toEqual(['percentage stacking (set stacking mode "percent" by hand if wanted)']);
  });

  it('nullPointMode: connected → spanNulls true; null as zero is named', () => {
    expect(custom(graph({ nullPointMode: 'connected' }).panel).spanNulls).toBe(true);
    const zero = graph({ nullPointMode: 'null as zero' });
    expect(custom(zero.panel).spanNulls).toBe(false);
    expect(zero.lost).toEqual(['nullPointMode "null as zero" (a time series shows nulls as gaps; spanNulls is off)']);
  });

  it('bars / lines / points, fill, linewidth, steppedLine, pointradius → draw style and line settings', () => {
    expect(custom(graph({ fill: 2, linewidth: 3, steppedLine: true }).panel)).toMatchObject({
      drawStyle: 'line',
      fillOpacity: 20,
      lineWidth: 3,
      lineInterpolation: 'stepAfter',
      showPoints: 'never',
    });
    expect(custom(graph({ bars: true, fill: 1 }).panel)).toMatchObject({ drawStyle: 'bars', fillOpacity: 100 });
    expect(custom(graphToTimeseries({ type: 'graph', points: true, pointradius: 2 }).panel)).toMatchObject({
      drawStyle: 'points',
      showPoints: 'always',
      pointSize: 6,
    });
  });

  it('keeps what every panel has (title, targets, gridPos, links) and removes the flot keys', () => {
    const { panel, consumed } = graph({
      id: 4,
      gridPos: { h: 8, w: 12, x: 0, y: 0 },
      targets: [{ expr: 'up' }],
      renderer: 'flot',
      xaxis: { mode: 'time', show: true },
    });
    expect(Object.keys(panel).sort()).toEqual(['fieldConfig', 'gridPos', 'id', 'options', 'targets', 'title', 'type']);
    expect(consumed).toEqual(['lines', 'renderer', 'xaxis']);
  });
});

describe('singlestat → stat / gauge (sharedSingleStatPanelChangedHandler, statPanelChangedHandler, gaugePanelChangedHandler)', () => {
  const stat = (extra: JsonObject) => singlestatToStat({ type: 'singlestat', title: 'S', ...extra });

  it('valueName → reduceOptions.calcs (current → lastNotNull, total → sum, unknown → mean); tableColumn → fields', () => {
    expect(options(stat({ valueName: 'current' }).panel).reduceOptions).toEqual({ calcs: ['lastNotNull'] });
    expect(options(stat({ valueName: 'total', tableColumn: 'Value' }).panel).reduceOptions).toEqual({
      calcs: ['sum'],
      fields: '/^Value$/',
    });
    expect(options(stat({ valueName: 'name' }).panel)).toMatchObject({
      reduceOptions: { calcs: ['mean'] },
      textMode: 'name',
    });
  });

  it('format, decimals, nullText → unit, decimals, noValue', () => {
    expect(defaults(stat({ format: 'percentunit', decimals: 1, nullText: 'n/a' }).panel)).toEqual({
      unit: 'percentunit',
      decimals: 1,
      noValue: 'n/a',
    });
  });

  it('thresholds "50,80" with three colors → steps (base, 50, 80)', () => {
    expect(defaults(stat({ thresholds: '50,80', colors: ['green', 'orange', 'red'] }).panel).thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { value: null, color: 'green' },
        { value: 50, color: 'orange' },
        { value: 80, color: 'red' },
      ],
    });
  });

  it('valueMaps (mappingType 1) → value mappings, "null" → a special null mapping; rangeMaps (2) → range mappings', () => {
    expect(
      defaults(
        stat({
          mappingType: 1,
          valueMaps: [
            { op: '=', text: 'N/A', value: 'null' },
            { op: '=', text: 'down', value: '0' },
          ],
        }).panel,
      ).mappings,
    ).toEqual([
      { type: 'special', options: { match: 'null', result: { text: 'N/A', index: 0 } } },
      { type: 'value', options: { 0: { text: 'down', index: 1 } } },
    ]);
    expect(
      defaults(stat({ mappingType: 2, rangeMaps: [{ from: '0', to: '10', text: 'low' }] }).panel).mappings,
    ).toEqual([{ type: 'range', options: { from: 0, to: 10, result: { text: 'low', index: 0 } } }]);
  });

  it('sparkline.show → graphMode area (and its lineColor as a fixed color when no color mode); colorBackground / colorValue → colorMode', () => {
    const spark = stat({ sparkline: { show: true, lineColor: 'rgb(31, 120, 193)' } }).panel;
    expect(options(spark)).toMatchObject({ graphMode: 'area', colorMode: 'none' });
    expect(defaults(spark).color).toEqual({ mode: 'fixed', fixedColor: 'rgb(31, 120, 193)' });
    expect(options(stat({ colorBackground: true }).panel)).toMatchObject({
      graphMode: 'none',
      colorMode: 'background',
    });
    expect(options(stat({ colorValue: true }).panel).colorMode).toBe('value');
  });

  it('gauge.show → a gauge panel with minValue/maxValue as min/max and thresholdMarkers/Labels', () => {
    const up = stat({
      gauge: { show: true, minValue: 0, maxValue: 100, thresholdMarkers: true, thresholdLabels: false },
    });
    expect(up.to).toBe('gauge');
    expect(up.panel.type).toBe('gauge');
    expect(defaults(up.panel)).toMatchObject({ min: 0, max: 100 });
    expect(options(up.panel)).toMatchObject({ showThresholdMarkers: true, showThresholdLabels: false });
  });

  it('prefix / postfix are named as not carried over', () => {
    expect(stat({ prefix: '$', postfix: ' req' }).lost).toEqual([
      'prefix "$" (stat has no prefix; put it in the unit or the title)',
      'postfix " req" (stat has no postfix; put it in the unit or the title)',
    ]);
  });
});

describe('table-old → table (tablePanelChangedHandler)', () => {
  it('transform timeseries_aggregations with columns → a reduce transformation with the reducers', () => {
    const { panel } = tableOldToTable({
      type: 'table-old',
      transform: 'timeseries_aggregations',
      columns: [
        { text: 'Avg', value: 'avg' },
        { text: 'Current', value: 'current' },
      ],
    });
    expect(panel.transformations).toEqual([
      { id: 'reduce', options: { reducers: ['mean', 'lastNotNull'], includeTimeField: false } },
    ]);
  });

  it('styles: "/.*/" → field defaults; others → overrides (alias, unit, decimals, date, link, colorMode, thresholds)', () => {
    const { panel } = tableOldToTable({
      type: 'table-old',
      styles: [
        { pattern: '/.*/', unit: 'short', decimals: 2, thresholds: [], colorMode: null },
        { pattern: 'Time', type: 'date', dateFormat: 'YYYY-MM-DD', alias: 'When' },
        {
          pattern: 'Value',
          unit: 'percent',
          colorMode: 'cell',
          thresholds: ['50', '80'],
          colors: ['green', 'orange', 'red'],
          link: true,
          linkUrl: '/d/x',
        },
      ],
    });
    expect(defaults(panel)).toEqual({ unit: 'short', decimals: 2, custom: {} });
    expect(overrides(panel)).toEqual([
      {
        matcher: { id: 'byName', options: 'Time' },
        properties: [
          { id: 'displayName', value: 'When' },
          { id: 'unit', value: 'time: YYYY-MM-DD' },
        ],
      },
      {
        matcher: { id: 'byName', options: 'Value' },
        properties: [
          { id: 'unit', value: 'percent' },
          { id: 'links', value: [{ title: '', url: '/d/x', targetBlank: false }] },
          { id: 'custom.cellOptions', value: { type: 'color-background' } },
          {
            id: 'thresholds',
            value: {
              mode: 'absolute',
              steps: [
                { color: 'green', value: null },
                { color: 'orange', value: 50 },
                { color: 'red', value: 80 },
              ],
            },
          },
        ],
      },
    ]);
  });

  it('a "table" with Angular styles below schemaVersion 24 is the old table (DashboardMigrator, schemaVersion 24)', () => {
    const old = upgradePanels({ panels: [{ type: 'table', title: 'T', styles: [] }] }, 16);
    expect(old.outcomes.map((o) => o.kind)).toEqual(['upgraded']);
    const modern = upgradePanels({ panels: [{ type: 'table', title: 'T', styles: [] }] }, 30);
    expect(modern.outcomes.map((o) => o.kind)).toEqual(['kept']);
  });
});

describe('other load-time migrations', () => {
  it('old panel links {type: dashboard, dashboard, keepTime, includeVars} → data links (upgradePanelLink)', () => {
    expect(
      upgradePanelLink({
        type: 'dashboard',
        dashboard: 'Thanos / Query',
        keepTime: true,
        includeVars: true,
        title: 'Q',
        targetBlank: true,
      }),
    ).toEqual({
      title: 'Q',
      url: 'dashboard/db/thanos-query?$__url_time_range&$__all_variables',
      targetBlank: true,
    });
    expect(upgradePanelLink({ title: 'new', url: '/d/x' })).toEqual({ title: 'new', url: '/d/x' });
  });

  it('null values are dropped (getSaveModelClone → sortedDeepCloneWithoutNulls), except threshold base steps and open ranges', () => {
    const { dashboard, dropped } = dropNulls({
      gnetId: null,
      panels: [{ fieldConfig: { defaults: { min: null, thresholds: { steps: [{ color: 'green', value: null }] } } } }],
      m: [{ type: 'range', options: { from: null, to: 5 } }],
    });
    expect(dropped).toBe(2);
    expect(dashboard).toEqual({
      panels: [{ fieldConfig: { defaults: { thresholds: { steps: [{ color: 'green', value: null }] } } } }],
      m: [{ type: 'range', options: { from: null, to: 5 } }],
    });
  });

  it('graph with xaxis mode "series" or "histogram", and plugin panels without a rule, stay as they were and are named', () => {
    const { dashboard, outcomes } = upgradePanels(
      {
        panels: [
          { type: 'graph', title: 'By series', xaxis: { mode: 'series' } },
          { type: 'grafana-worldmap-panel', title: 'Map' },
        ],
      },
      16,
    );
    expect(dashboard.panels).toEqual([
      { type: 'graph', title: 'By series', xaxis: { mode: 'series' } },
      { type: 'grafana-worldmap-panel', title: 'Map' },
    ]);
    expect(outcomes.map((o) => [o.kind, o.title])).toEqual([
      ['not-upgradable', 'By series'],
      ['not-upgradable', 'Map'],
    ]);
  });
});
