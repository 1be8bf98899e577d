import { describe, expect, it } from 'vitest';
import { panelUnits } from '../../../src/validate/rules/panel-units.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('panel-units', () => {
  it('accepts SDK unit ids and Grafana custom forms', () => {
    const panels = ['reqps', 'bytes', 'percentunit', 'suffix: req', 'currency:€', 'si:g', 'bool:on/off'].map(
      (unit, i) => goodPanel({ id: i + 1, fieldConfig: { defaults: { unit }, overrides: [] } }),
    );
    expect(check(panelUnits, { ...goodDashboard(), panels })).toEqual([]);
  });
  it('reports an unknown unit id with suggestions', () => {
    const d = {
      ...goodDashboard(),
      panels: [goodPanel({ fieldConfig: { defaults: { unit: 'reqs' }, overrides: [] } })],
    };
    expect(check(panelUnits, d)).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/fieldConfig/defaults/unit',
        message: 'unit "reqs" is not a Grafana unit id; Grafana shows it as a literal suffix (did you mean "reqps"?)',
      }),
    ]);
  });
  it('checks overrides and old graph y-axes, and warns when a value panel has no unit', () => {
    const d = {
      ...goodDashboard(),
      panels: [
        goodPanel({
          fieldConfig: {
            defaults: {},
            overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'unit', value: 'req/s' }] }],
          },
        }),
        goodPanel({ id: 2, type: 'graph', yaxes: [{ format: 'bytez' }], fieldConfig: { defaults: {} } }),
      ],
    };
    const findings = check(panelUnits, d);
    expect(findings.map((f) => [f.pointer, f.severity ?? 'error'])).toEqual([
      ['/panels/0/fieldConfig/overrides/0/properties/0/value', 'error'],
      ['/panels/0/fieldConfig/defaults/unit', 'warning'],
      ['/panels/1/yaxes/0/format', 'error'],
    ]);
    expect(findings[1]!.message).toBe('timeseries panel sets no unit; values are shown as bare numbers');
  });
});
