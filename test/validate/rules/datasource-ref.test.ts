import { describe, expect, it } from 'vitest';
import { datasourceRef } from '../../../src/validate/rules/datasource-ref.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('datasource-ref', () => {
  it('accepts the variable, built-ins and null', () => {
    const d = {
      ...goodDashboard(),
      panels: [
        goodPanel(),
        goodPanel({ id: 2, datasource: { type: 'datasource', uid: '-- Mixed --' } }),
        goodPanel({ id: 3, datasource: null }),
      ],
      annotations: { list: [{ datasource: { type: 'grafana', uid: '-- Grafana --' } }] },
    };
    expect(check(datasourceRef, d)).toEqual([]);
  });
  it('reports a variable uid that names no variable', () => {
    const d = { ...goodDashboard(), panels: [goodPanel({ datasource: { type: 'prometheus', uid: '${ds}' } })] };
    expect(check(datasourceRef, d)).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/datasource/uid',
        message: 'datasource "${ds}" refers to no template variable; Grafana reports "Datasource ${ds} was not found"',
      }),
    ]);
  });
  it('reports a variable that is not a datasource variable and a malformed ref', () => {
    const d = {
      ...goodDashboard(),
      panels: [goodPanel({ datasource: { type: 'prometheus', uid: '${job}' } }), goodPanel({ id: 2, datasource: {} })],
    };
    expect(check(datasourceRef, d).map((f) => f.message)).toEqual([
      'datasource "${job}" refers to variable "job" of type "query", not a datasource variable',
      'datasource reference {} has neither "uid" nor "type"',
    ]);
  });
});
