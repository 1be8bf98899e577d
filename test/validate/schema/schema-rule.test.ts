import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/model/json.ts';
import { runRules } from '../../../src/validate/engine.ts';
import { allRules } from '../../../src/validate/rules/index.ts';
import { schemaRule } from '../../../src/validate/schema/schema-rule.ts';
import { sdkDashboard } from './fixtures/sdk-dashboard.ts';

const uiExport = (): JsonObject =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/ui-export-grafana11.json'), 'utf8')) as JsonObject;
const check = (dashboard: JsonObject) => schemaRule.check({ file: 'dashboards/x.ts', dashboard }, { origin: 'build' });
/** Structured clone with a test-only escape hatch for writing wrong values. */
const mutate = (dashboard: JsonObject, edit: (d: any) => void): JsonObject => {
  const copy = structuredClone(dashboard);
  edit(copy);
  return copy;
};

const TYPE_FIX_DASHBOARD = (where: string, expected: string) =>
  `set ${where} to ${expected}, as the Dashboard type of @grafana/schema declares; the foundation SDK's DashboardBuilder and PanelBuilder setters only accept that type`;
const ENUM_FIX_PANEL =
  "use one of the allowed values; in TypeScript take them from the SDK's enums (e.g. common.LegendDisplayMode from '@grafana/grafana-foundation-sdk/common') instead of string literals";

describe('schema rule: passing fixtures', () => {
  it('is registered in the one rule set', () => {
    expect(allRules.dashboard).toContain(schemaRule);
  });

  it('accepts a dashboard built with the foundation SDK (rows, timeseries, stat, gauge, table, text)', () => {
    const dashboard = sdkDashboard();
    expect((dashboard.panels as JsonObject[]).map((p) => p.type)).toEqual([
      'row',
      'timeseries',
      'stat',
      'gauge',
      'table',
      'text',
    ]);
    expect(check(dashboard)).toEqual([]);
  });

  it('accepts a Grafana 11 UI export (null base thresholds, `current: {}`, legacy table footer, collapsed row, plugin and library panels)', () => {
    expect(check(uiExport())).toEqual([]);
  });
});

describe('schema rule: dashboard model', () => {
  it('reports a grid width given as a string, with the panel-relative location and the absolute pointer', () => {
    expect(check(mutate(sdkDashboard(), (d) => (d.panels[1].gridPos.w = '12')))).toEqual([
      {
        pointer: '/panels/1/gridPos/w',
        message: 'gridPos.w must be a number but is the string "12"',
        fix: TYPE_FIX_DASHBOARD('gridPos.w', 'a number'),
      },
    ]);
  });

  it('reports `panels: {}` once, at /panels', () => {
    expect(check(mutate(sdkDashboard(), (d) => (d.panels = {})))).toEqual([
      {
        pointer: '/panels',
        message: 'panels must be an array but is an object',
        fix: TYPE_FIX_DASHBOARD('panels', 'an array'),
      },
    ]);
  });

  it('reports a panel inside a collapsed row with its nested pointer', () => {
    const findings = check(mutate(uiExport(), (d) => (d.panels[6].panels[0].gridPos.h = null)));
    expect(findings).toEqual([
      {
        pointer: '/panels/6/panels/0/gridPos/h',
        message: 'gridPos.h must be a number but is null',
        fix: TYPE_FIX_DASHBOARD('gridPos.h', 'a number'),
      },
    ]);
  });

  it('reports a bad enum value at the dashboard level with every allowed value', () => {
    expect(check(mutate(uiExport(), (d) => (d.templating.list[1].refresh = 5)))).toEqual([
      {
        pointer: '/templating/list/1/refresh',
        message: 'templating.list[1].refresh is the number 5; allowed: 0, 1, 2',
        fix: 'use one of the allowed values (the foundation SDK exports them as enums in @grafana/grafana-foundation-sdk/dashboard)',
      },
    ]);
  });

  it('reports a value mapping with an unknown type once (not once per union member)', () => {
    const findings = check(mutate(uiExport(), (d) => (d.panels[1].fieldConfig.defaults.mappings[0].type = 'values')));
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/panels/1/fieldConfig/defaults/mappings/0/type',
        'fieldConfig.defaults.mappings[0].type is the string "values"; allowed: "value", "range", "regex", "special"',
      ],
    ]);
  });

  it('reports the errors of the mapping member its `type` names, and only those', () => {
    const findings = check(
      mutate(uiExport(), (d) => (d.panels[1].fieldConfig.defaults.mappings[1].options.from = '2')),
    );
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/panels/1/fieldConfig/defaults/mappings/1/options/from',
        'fieldConfig.defaults.mappings[1].options.from must be a number or null but is the string "2"',
      ],
    ]);
  });

  it('reports a union of plain types once, naming each allowed type', () => {
    const findings = check(mutate(uiExport(), (d) => (d.templating.list[2].current.value = 5)));
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/templating/list/2/current/value',
        'templating.list[2].current.value must be a string or an array but is the number 5',
      ],
    ]);
  });

  it('requires `type` on a panel that is not a library panel reference', () => {
    expect(check(mutate(uiExport(), (d) => delete d.panels[6].panels[2].libraryPanel))).toEqual([
      {
        pointer: '/panels/6/panels/2',
        message: 'the panel lacks required "type"',
        fix: 'add "type" to the panel (the foundation SDK builders set it for you)',
      },
    ]);
  });
});

describe('schema rule: core panel options and field config', () => {
  it('reports a bad legend display mode with the allowed values', () => {
    expect(check(mutate(sdkDashboard(), (d) => (d.panels[1].options.legend.displayMode = 'bogus')))).toEqual([
      {
        pointer: '/panels/1/options/legend/displayMode',
        message: 'options.legend.displayMode is the string "bogus"; allowed: "hidden", "list", "table"',
        fix: ENUM_FIX_PANEL,
      },
    ]);
  });

  it('reports a wrong type in fieldConfig.defaults.custom against the plugin FieldConfig', () => {
    expect(check(mutate(uiExport(), (d) => (d.panels[0].fieldConfig.defaults.custom.lineWidth = 'thick')))).toEqual([
      {
        pointer: '/panels/0/fieldConfig/defaults/custom/lineWidth',
        message: 'fieldConfig.defaults.custom.lineWidth must be a number but is the string "thick"',
        fix: "set fieldConfig.defaults.custom.lineWidth to a number; the typed setters of the PanelBuilder in '@grafana/grafana-foundation-sdk/timeseries' prevent this mistake",
      },
    ]);
  });

  it('reports an unknown option (a typo Grafana silently ignores) as a warning pointing at the key', () => {
    expect(check(mutate(uiExport(), (d) => (d.panels[1].options.colormode = 'value')))).toEqual([
      {
        pointer: '/panels/1/options/colormode',
        severity: 'warning',
        message: 'unknown option "colormode" in options; Grafana ignores it and renders the default',
        fix: 'remove "colormode" or correct its spelling; schema/panels/stat.schema.json lists what a stat panel accepts, and the foundation SDK\'s stat PanelBuilder has a setter for each',
      },
    ]);
  });

  it('checks the table cell options member that `type` names', () => {
    const findings = check(
      mutate(
        uiExport(),
        (d) => (d.panels[3].fieldConfig.defaults.custom.cellOptions = { type: 'color-background', mode: 'rainbow' }),
      ),
    );
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/panels/3/fieldConfig/defaults/custom/cellOptions/mode',
        'fieldConfig.defaults.custom.cellOptions.mode is the string "rainbow"; allowed: "basic", "gradient"',
      ],
    ]);
  });

  it('does not require options Grafana fills from the plugin defaults', () => {
    expect(check(mutate(sdkDashboard(), (d) => (d.panels[1].options = {})))).toEqual([]);
  });

  it('skips plugin panels and library panel references, whatever their options', () => {
    const dashboard = mutate(uiExport(), (d) => {
      d.panels[6].panels[1].options.mode = 42;
      d.panels[6].panels[2].options = { legend: { displayMode: 'bogus' } };
      d.panels[6].panels[2].type = 'timeseries';
    });
    expect(check(dashboard)).toEqual([]);
  });

  it('goes through the engine with the panel title and per-finding severity', () => {
    const dashboard = mutate(uiExport(), (d) => {
      d.panels[0].options.legend.displayMode = 'bogus';
      d.panels[0].options.legend.showlegend = true;
    });
    const diagnostics = runRules(
      [{ file: 'payments.json', dashboard }],
      { dashboard: [schemaRule], tree: [] },
      { origin: 'lint' },
    );
    expect(diagnostics.map((d) => [d.rule, d.severity, d.panel, d.pointer])).toEqual([
      ['schema', 'warning', 'Request rate', '/panels/0/options/legend/showlegend'],
      ['schema', 'error', 'Request rate', '/panels/0/options/legend/displayMode'],
    ]);
  });
});
