import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import { importDashboard } from '../../src/import/import-dashboard.ts';
import { planImports } from '../../src/import/plan-imports.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/dashboards');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as JsonObject;
const VAR_REF = { type: 'prometheus', uid: '${datasource}' };

function imported(value: JsonObject) {
  const result = importDashboard(value, [12, 1]);
  if (!result.ok) throw new Error(`not imported: ${JSON.stringify(result.findings)}`);
  return result;
}

describe('importDashboard clean-ups', () => {
  it('unwraps {"dashboard": …} and Kubernetes v1 resources to the same dashboard, with a note', () => {
    const wrapped = imported(fixture('wrapped-api-export.json'));
    const resource = imported(fixture('k8s-v1-resource.json'));
    expect(wrapped.findings[0]).toEqual({
      kind: 'note',
      pointer: '',
      message: 'unwrapped the dashboard from {"dashboard": …}',
    });
    expect(resource.findings[0]).toEqual({
      kind: 'note',
      pointer: '',
      message: 'unwrapped the dashboard from a Dashboard resource\'s "spec"',
    });
    expect(wrapped.dashboard.title).toBe('Orders service');
    expect('meta' in wrapped.dashboard).toBe(false);
  });

  it('drops id, version, __inputs, __requires and __elements and keeps every other key in order', () => {
    const { dashboard, findings } = imported({
      __inputs: [],
      __elements: {},
      id: 3,
      title: 'T',
      version: 9,
      uid: 'u',
      panels: [],
      tags: ['a'],
    });
    expect(Object.keys(dashboard)).toEqual(['title', 'uid', 'panels', 'tags']);
    expect(findings).toContainEqual({
      kind: 'note',
      pointer: '',
      message: 'dropped "id", "version", "__inputs", "__elements"',
    });
  });

  it('replaces ${DS_…} Prometheus placeholders and Prometheus names with the ${datasource} variable, built-ins with refs', () => {
    const { dashboard, findings } = imported({
      __inputs: [{ name: 'DS_METRICS', type: 'datasource', pluginId: 'prometheus' }],
      title: 'T',
      schemaVersion: 41,
      annotations: { list: [{ datasource: '-- Grafana --', name: 'a' }] },
      templating: { list: [{ name: 'job', datasource: '${DS_METRICS}' }] },
      panels: [
        {
          id: 1,
          type: 'timeseries',
          datasource: '$DS_METRICS',
          targets: [{ expr: 'up', datasource: 'Prometheus-EU' }],
        },
        { id: 2, type: 'timeseries', datasource: 'default' },
      ],
    });
    expect(dashboard.panels).toEqual([
      { id: 1, type: 'timeseries', datasource: VAR_REF, targets: [{ expr: 'up', datasource: VAR_REF }] },
      { id: 2, type: 'timeseries', datasource: VAR_REF },
    ]);
    expect(dashboard.templating).toEqual({ list: [{ name: 'job', datasource: VAR_REF }] });
    expect(dashboard.annotations).toEqual({
      list: [{ datasource: { type: 'grafana', uid: '-- Grafana --' }, name: 'a' }],
    });
    // In the order lint walks datasources: panels (and their targets), then variables, then annotations.
    expect(findings.map((f) => f.message)).toEqual([
      'replaced datasource "$DS_METRICS" (an import placeholder for a Prometheus datasource, 1 use) with { type: "prometheus", uid: "${datasource}" }',
      'replaced datasource "Prometheus-EU" (the name of a Prometheus datasource, 1 use) with { type: "prometheus", uid: "${datasource}" }',
      'replaced datasource "default" (the default datasource (the provisioned Prometheus), 1 use) with { type: "prometheus", uid: "${datasource}" }',
      'replaced datasource "${DS_METRICS}" (an import placeholder for a Prometheus datasource, 1 use) with { type: "prometheus", uid: "${datasource}" }',
      'replaced datasource "-- Grafana --" (a built-in datasource, 1 use) with { type: "grafana", uid: "-- Grafana --" }',
      'dropped "__inputs"',
    ]);
  });

  it('replaces ${DS_…} placeholders used as a ref\'s uid (export for sharing externally), and "$datasource" strings', () => {
    const { dashboard, findings } = imported({
      __inputs: [{ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }],
      title: 'T',
      schemaVersion: 41,
      panels: [
        {
          id: 1,
          type: 'timeseries',
          datasource: { type: 'prometheus', uid: '${DS_PROMETHEUS}' },
          targets: [{ expr: 'up', datasource: '$datasource' }],
        },
      ],
    });
    expect(dashboard.panels).toEqual([
      { id: 1, type: 'timeseries', datasource: VAR_REF, targets: [{ expr: 'up', datasource: VAR_REF }] },
    ]);
    expect(findings.filter((f) => f.kind !== 'note')).toEqual([]);
    expect(findings[1]!.message).toBe(
      'replaced datasource "$datasource" (the datasource variable the build adds, 1 use) with { type: "prometheus", uid: "${datasource}" }',
    );
  });

  it('keeps placeholders and names that are not Prometheus, and warns where they are', () => {
    const { dashboard, findings } = imported({
      __inputs: [{ name: 'DS_LOKI', type: 'datasource', pluginId: 'loki' }],
      title: 'T',
      schemaVersion: 41,
      panels: [
        { id: 1, type: 'logs', datasource: '${DS_LOKI}', targets: [{ expr: '{job="x"}', datasource: 'Elastic' }] },
      ],
      links: [{ url: 'https://x/?ds=${DS_LOKI}' }],
    });
    expect(dashboard.panels).toEqual([
      { id: 1, type: 'logs', datasource: '${DS_LOKI}', targets: [{ expr: '{job="x"}', datasource: 'Elastic' }] },
    ]);
    expect(findings.filter((f) => f.kind === 'warning')).toEqual([
      {
        kind: 'warning',
        rule: 'datasource-string',
        pointer: '/panels/0/datasource',
        message:
          'kept datasource "${DS_LOKI}" (1 use): an import placeholder for a loki, not Prometheus; replace it with a {type, uid} ref of a provisioned datasource',
      },
      {
        kind: 'warning',
        rule: 'datasource-string',
        pointer: '/panels/0/targets/0/datasource',
        message:
          'kept datasource "Elastic" (1 use): not known to be a Prometheus datasource; replace it with a {type, uid} ref of a provisioned datasource',
      },
      {
        kind: 'warning',
        rule: 'import-placeholders',
        pointer: '/links/0/url',
        message:
          'import placeholder "${DS_LOKI}" is left in "https://x/?ds=${DS_LOKI}"; file provisioning never resolves it: replace it by hand (e.g. with "${datasource}")',
      },
    ]);
  });

  it('upgrades Angular panels of an old schemaVersion, names the ones it cannot upgrade, and warns on library panels', () => {
    const { findings, panels } = imported({
      title: 'T',
      schemaVersion: 30,
      panels: [
        { id: 1, type: 'graph', title: 'CPU', gridPos: { x: 0, y: 0, w: 12, h: 8 } },
        { id: 2, gridPos: { x: 12, y: 0, w: 12, h: 8 }, libraryPanel: { uid: 'abc', name: 'Shared' } },
        { id: 3, type: 'grafana-piechart-panel', title: 'Share', gridPos: { x: 0, y: 8, w: 12, h: 8 } },
      ],
    });
    expect(findings.find((f) => f.pointer === '/schemaVersion')?.message).toBe(
      'schemaVersion 30 is old: the parts Grafana would migrate at every load (rows, datasources, Angular panels) are upgraded below; the build writes the current schemaVersion',
    );
    expect(findings.find((f) => f.panel === 'CPU')).toMatchObject({
      kind: 'note',
      pointer: '/panels/0/type',
      message: expect.stringMatching(/^upgraded graph → timeseries \(Grafana's graphToTimeseriesOptions\): /),
    });
    const warnings = findings.filter((f) => f.kind === 'warning');
    expect(warnings.map((f) => [f.rule, f.panel, f.pointer])).toEqual([
      ['angular-panel', 'Share', '/panels/2/type'],
      ['library-panel', '(untitled panel)', '/panels/1/libraryPanel'],
    ]);
    expect(warnings[0]!.message).toBe(
      'kept as "grafana-piechart-panel", not upgraded: no migration rule for the "grafana-piechart-panel" plugin here (Grafana would switch it to "piechart" with the plugin\'s own handler); rebuild it by hand',
    );
    expect(panels.map((p) => [p.kind, p.title])).toEqual([
      ['upgraded', 'CPU'],
      ['kept', ''],
      ['not-upgradable', 'Share'],
    ]);
  });

  it("refuses v2 dashboards and files that are no dashboards, with the lint front door's message", () => {
    expect(importDashboard(fixture('k8s-v2-resource.json'), [12, 1])).toEqual({
      ok: false,
      findings: [expect.objectContaining({ kind: 'error', rule: 'dashboard-v2', pointer: '/spec' })],
    });
    expect(importDashboard([1, 2], [12, 1])).toEqual({
      ok: false,
      findings: [
        {
          kind: 'error',
          rule: 'not-a-dashboard',
          pointer: '',
          message: 'file holds a JSON array (2 items), not a dashboard object',
        },
      ],
    });
  });
});

describe('planImports', () => {
  const text = (d: JsonObject) => JSON.stringify(d);

  it('names the file from the title slug, else from the input file, and says where the uid comes from', () => {
    const entries = planImports(
      [
        { file: 'in/a.json', text: text({ title: 'Orders — API (prod)', uid: 'orders', panels: [] }) },
        { file: 'in/Node Exporter.json', text: text({ title: '***', panels: [] }) },
      ],
      { outDir: 'dashboards/payments', grafana: [12, 1] },
    );
    expect(entries.map((e) => [e.output, e.uid, e.uidDerived])).toEqual([
      ['dashboards/payments/orders-api-prod.ts', 'orders', false],
      ['dashboards/payments/node-exporter.ts', 'payments-node-exporter', true],
    ]);
    expect(entries[0]!.findings).toContainEqual({ kind: 'note', pointer: '/uid', message: 'kept uid "orders"' });
    expect(entries[1]!.findings).toContainEqual({
      kind: 'note',
      pointer: '/uid',
      message:
        'the dashboard has no uid; the build derives it from the path: "payments-node-exporter" (set "uid" to pin it)',
    });
  });

  it('reports invalid JSON, two inputs for one file, and --out folders the build does not load', () => {
    const entries = planImports(
      [
        { file: 'bad.json', text: '{"title": ' },
        { file: 'one.json', text: text({ title: 'Same', schemaVersion: 41, panels: [] }) },
        { file: 'two.json', text: text({ title: 'Same', schemaVersion: 41, panels: [] }) },
      ],
      { outDir: 'src/dash', grafana: [12, 1] },
    );
    expect(entries[0]!.findings).toEqual([
      { kind: 'error', rule: 'json-invalid', pointer: '', message: expect.stringMatching(/^file is not valid JSON/) },
    ]);
    expect(entries[1]!.findings.filter((f) => f.kind !== 'note')).toEqual([
      {
        kind: 'warning',
        rule: 'import-location',
        pointer: '',
        message:
          'src/dash/ is outside dashboards/; `panelcraft build` only loads dashboards/<folder>/*.ts, so move the file there',
      },
    ]);
    expect(entries[2]!.output).toBeUndefined();
    expect(entries[2]!.findings.at(-1)).toEqual({
      kind: 'error',
      rule: 'import-collision',
      pointer: '',
      message:
        'one.json is imported to src/dash/same.ts too; import one of them into another --out folder (or change its title)',
    });
  });

  it('names the input in the header comment, but never by an absolute path', () => {
    const [entry] = planImports([{ file: '/home/me/Downloads/x.json', text: text({ title: 'X', panels: [] }) }], {
      outDir: 'dashboards/a',
      grafana: [12, 1],
    });
    expect(entry!.contents!.split('\n')[0]).toBe('// Imported by `panelcraft import` from "x.json".');
  });
});
