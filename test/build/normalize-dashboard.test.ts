import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { describe, expect, it } from 'vitest';
import { dashboardValue } from '../../src/build/dashboard-value.ts';
import type { JsonObject } from '../../src/model/json.ts';
import { normalizeDashboard, type NormalizeOptions } from '../../src/build/normalize-dashboard.ts';

const options: NormalizeOptions = {
  fallbackUid: 'team-overview',
  schemaVersion: 41,
  editable: false,
  datasourceUid: 'prometheus',
  datasourceName: 'Prometheus',
};

function sdkDashboard(): JsonObject {
  const built = dashboardValue(
    new DashboardBuilder('Overview')
      .withRow(new RowBuilder('Traffic'))
      .withPanel(
        new TimeseriesBuilder()
          .title('RPS')
          .span(12)
          .withTarget(new DataqueryBuilder().expr('up'))
          .withTarget(new DataqueryBuilder().expr('up').refId('A')),
      )
      .withPanel(new TimeseriesBuilder().title('Errors').span(20)),
  );
  if (!built.ok) throw new Error(built.message);
  return built.dashboard;
}

describe('normalizeDashboard', () => {
  const out = normalizeDashboard({ ...sdkDashboard(), id: 7, version: 3, __inputs: [], __requires: [] }, options);
  const panels = out.panels as JsonObject[];

  it('sets uid, schemaVersion and editable, and drops id, version and import placeholders', () => {
    expect(out.uid).toBe('team-overview');
    expect(out.schemaVersion).toBe(41);
    expect(out.editable).toBe(false);
    for (const key of ['id', 'version', '__inputs', '__requires']) expect(out).not.toHaveProperty(key);
  });
  it('keeps an explicit uid (trimmed)', () => {
    expect(normalizeDashboard({ title: 'x', uid: ' mine ' }, options).uid).toBe('mine');
  });
  it('adds the datasource variable first, defaulting to the provisioned datasource', () => {
    expect((out.templating as JsonObject).list).toEqual([
      expect.objectContaining({
        name: 'datasource',
        type: 'datasource',
        query: 'prometheus',
        current: { text: 'Prometheus', value: 'prometheus' },
      }),
    ]);
  });
  it('points panels and targets at the variable and gives targets unique refIds, keeping explicit ones', () => {
    const rps = panels[1]!;
    expect(rps.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
    expect(rps.targets).toEqual([
      { expr: 'up', refId: 'B', datasource: { type: 'prometheus', uid: '${datasource}' } },
      { expr: 'up', refId: 'A', datasource: { type: 'prometheus', uid: '${datasource}' } },
    ]);
  });
  it('keeps explicit non-prometheus datasources', () => {
    const loki = normalizeDashboard(
      {
        title: 'x',
        panels: [
          { type: 'logs', title: 'L', datasource: { type: 'loki', uid: 'logs' }, targets: [{ expr: '{a="b"}' }] },
        ],
      },
      options,
    );
    expect((loki.panels as JsonObject[])[0]!.targets).toEqual([
      { expr: '{a="b"}', refId: 'A', datasource: { type: 'loki', uid: 'logs' } },
    ]);
  });
  it('gives every panel a distinct stable id and reflows the overflowing panel', () => {
    expect(panels.map((p) => p.gridPos)).toEqual([
      { x: 0, y: 0, w: 24, h: 1 },
      { x: 0, y: 1, w: 12, h: 9 },
      { x: 0, y: 10, w: 20, h: 9 },
    ]);
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(3);
    expect(normalizeDashboard(sdkDashboard(), options).panels).toEqual(out.panels);
  });
  it('keeps a panel id when a panel is inserted before it', () => {
    const before = normalizeDashboard({ title: 'x', panels: [{ type: 'stat', title: 'B' }] }, options);
    const after = normalizeDashboard(
      {
        title: 'x',
        panels: [
          { type: 'stat', title: 'A' },
          { type: 'stat', title: 'B' },
        ],
      },
      options,
    );
    expect((after.panels as JsonObject[])[1]!.id).toBe((before.panels as JsonObject[])[0]!.id);
  });
  it('lays out the panels of a collapsed row below the row', () => {
    const d = normalizeDashboard(
      {
        title: 'x',
        panels: [
          { type: 'stat', title: 'top', gridPos: { x: 0, y: 0, w: 24, h: 4 } },
          {
            type: 'row',
            title: 'r',
            collapsed: true,
            panels: [{ type: 'stat', title: 'in', gridPos: { x: 20, y: 0, w: 10, h: 3 } }],
          },
        ],
      },
      options,
    );
    const rowPanel = (d.panels as JsonObject[])[1]!;
    expect(rowPanel.gridPos).toEqual({ x: 0, y: 4, w: 24, h: 1 });
    expect((rowPanel.panels as JsonObject[])[0]!.gridPos).toEqual({ x: 0, y: 5, w: 10, h: 3 });
  });
  it('does not modify its input', () => {
    const input = sdkDashboard();
    const copy = structuredClone(input);
    normalizeDashboard(input, options);
    expect(input).toEqual(copy);
  });
});

describe('dashboardValue', () => {
  it('builds a builder and rejects what is not a dashboard, naming it', () => {
    expect(dashboardValue(new DashboardBuilder('T')).ok).toBe(true);
    expect(dashboardValue(undefined)).toMatchObject({
      ok: false,
      message: 'the default export is undefined, not a dashboard',
    });
    expect(dashboardValue({ foo: 1 })).toMatchObject({
      ok: false,
      message: 'the default export is an object with keys foo without "title" or "panels", not a dashboard',
    });
    expect(
      dashboardValue({
        build: () => {
          throw new Error('boom');
        },
      }),
    ).toMatchObject({ ok: false, message: 'build() threw: boom' });
  });
  it('copies, so a builder reused for two dashboards is not shared', () => {
    const builder = new DashboardBuilder('T');
    const a = dashboardValue(builder);
    const b = dashboardValue(builder);
    if (!a.ok || !b.ok) throw new Error('expected dashboards');
    a.dashboard.title = 'changed';
    expect(b.dashboard.title).toBe('T');
  });
});
