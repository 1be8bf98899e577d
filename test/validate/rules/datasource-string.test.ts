import { describe, expect, it } from 'vitest';
import { datasourceString } from '../../../src/validate/rules/datasource-string.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('datasource-string', () => {
  it('accepts object refs, and strings below schemaVersion 33', () => {
    expect(check(datasourceString, goodDashboard())).toEqual([]);
    expect(
      check(datasourceString, {
        ...goodDashboard(),
        schemaVersion: 27,
        panels: [goodPanel({ datasource: 'Prometheus' })],
      }),
    ).toEqual([]);
  });
  it('reports a string datasource with schemaVersion >= 33', () => {
    expect(check(datasourceString, { ...goodDashboard(), panels: [goodPanel({ datasource: 'Prometheus' })] })).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/datasource',
        message:
          'panel datasource is the string "Prometheus" with schemaVersion 41; the migration that turns names into {type, uid} references only runs below 33, so Grafana may not resolve it',
      }),
    ]);
  });
  it('leaves ${DS_…} placeholders to import-placeholders', () => {
    expect(
      check(datasourceString, { ...goodDashboard(), panels: [goodPanel({ datasource: '${DS_PROMETHEUS}' })] }),
    ).toEqual([]);
  });
});
