import { describe, expect, it } from 'vitest';
import { rowsLegacy } from '../../../src/validate/rules/rows-legacy.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('rows-legacy', () => {
  it('accepts gridPos panels', () => expect(check(rowsLegacy, goodDashboard())).toEqual([]));
  it('reports the rows layout once, counting rows and panels', () => {
    const { panels: _p, ...rest } = goodDashboard();
    const d = {
      ...rest,
      rows: [
        { title: 'A', panels: [goodPanel(), goodPanel({ id: 2 })] },
        { title: 'B', panels: [] },
      ],
    };
    expect(check(rowsLegacy, d)).toEqual([
      expect.objectContaining({
        pointer: '/rows',
        message:
          'dashboard uses the pre-Grafana-5 "rows" layout (2 rows, 2 panels, sized by "span"); Grafana converts it to gridPos panels at load and places them itself, and the rules here cannot check panels inside "rows"',
      }),
    ]);
  });
});
