import { describe, expect, it } from 'vitest';
import { importPlaceholders } from '../../../src/validate/rules/import-placeholders.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('import-placeholders', () => {
  it('accepts a dashboard without import inputs', () => expect(check(importPlaceholders, goodDashboard())).toEqual([]));
  it('reports __inputs once and each placeholder once with its count', () => {
    const ds = { type: 'prometheus', uid: '${DS_PROM}' };
    const d = {
      ...goodDashboard(),
      __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }],
      __requires: [],
      panels: [goodPanel({ datasource: ds }), goodPanel({ id: 2, title: 'Errors', datasource: ds })],
    };
    const findings = check(importPlaceholders, d);
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        '/__inputs',
        'dashboard has "__inputs", "__requires": it is an export for the UI\'s import dialog; file provisioning saves it verbatim and never resolves its inputs (grafana/grafana#10786)',
      ],
      [
        '/panels/0/datasource/uid',
        '"${DS_PROM}" is an import placeholder (2 uses); file provisioning leaves it as is and panels fail with "Datasource ${DS_PROM} was not found"',
      ],
    ]);
  });
  it('does not report a real variable named DS_PROMETHEUS', () => {
    const d = goodDashboard();
    (d.templating as { list: unknown[] }).list.push({ name: 'DS_PROMETHEUS', type: 'datasource', query: 'prometheus' });
    d.panels = [goodPanel({ datasource: { type: 'prometheus', uid: '${DS_PROMETHEUS}' } })];
    expect(check(importPlaceholders, d)).toEqual([]);
  });
});
