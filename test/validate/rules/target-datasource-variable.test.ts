import { describe, expect, it } from 'vitest';
import { targetDatasourceVariable } from '../../../src/validate/rules/target-datasource-variable.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('target-datasource-variable', () => {
  it('accepts panels that use the variable', () =>
    expect(check(targetDatasourceVariable, goodDashboard())).toEqual([]));
  it('warns on a fixed prometheus uid', () => {
    const p = goodPanel();
    (p.targets as Array<Record<string, unknown>>)[0]!.datasource = { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' };
    expect(check(targetDatasourceVariable, { ...goodDashboard(), panels: [p] })).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/targets/0/datasource/uid',
        message:
          'target uses the fixed datasource uid "P1809F7CD0C75ACF3" instead of the "datasource" variable, so switching datasources skips it',
      }),
    ]);
  });
});
