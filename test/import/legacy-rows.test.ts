import { describe, expect, it } from 'vitest';
import { convertLegacyRows } from '../../src/import/legacy-rows.ts';

describe('convertLegacyRows (Grafana schemaVersion 16 layout migration)', () => {
  it('returns undefined without a rows array', () => {
    expect(convertLegacyRows({ title: 'x', panels: [] })).toBeUndefined();
  });

  it('doubles spans, turns pixel heights into grid rows, flows and wraps panels, adds no row panels for plain rows', () => {
    const result = convertLegacyRows({
      title: 'x',
      rows: [
        {
          height: '250px',
          panels: [
            { id: 1, span: 3 },
            { id: 2, span: 9 },
            { id: 3, span: 6 },
          ],
        },
        { height: 100, panels: [{ id: 4 }, { id: 5, span: 12, height: '400px' }] },
      ],
      time: {},
    });
    expect(result).toEqual({
      rows: 2,
      panels: 5,
      dashboard: {
        title: 'x',
        panels: [
          { id: 1, gridPos: { h: 7, w: 6, x: 0, y: 0 } }, // ceil(250 / 38) = 7
          { id: 2, gridPos: { h: 7, w: 18, x: 6, y: 0 } },
          { id: 3, gridPos: { h: 7, w: 12, x: 0, y: 7 } }, // row full: wraps one row height down
          { id: 4, gridPos: { h: 3, w: 8, x: 0, y: 14 } }, // default span 4; 100 px → ceil(100 / 38) = 3
          { id: 5, height: '400px', gridPos: { h: 11, w: 24, x: 0, y: 17 } }, // own height 400 px → 11 (Grafana keeps "height")
        ],
        time: {},
      },
    });
  });

  it('adds row panels when a row shows its title or is collapsed; a collapsed row holds its panels', () => {
    const result = convertLegacyRows({
      rows: [
        { title: 'Top', showTitle: true, panels: [{ id: 7, span: 12 }] },
        { title: 'Hidden', collapse: true, repeat: 'node', panels: [{ id: 2, span: 6 }] },
        { title: 'Skipped', repeatIteration: true, panels: [{ id: 9 }] },
      ],
    });
    expect(result!.dashboard.panels).toEqual([
      { collapsed: false, gridPos: { h: 1, w: 24, x: 0, y: 0 }, id: 8, panels: [], title: 'Top', type: 'row' },
      { id: 7, gridPos: { h: 7, w: 24, x: 0, y: 1 } },
      {
        collapsed: true,
        gridPos: { h: 1, w: 24, x: 0, y: 8 },
        id: 9,
        panels: [{ id: 2, gridPos: { h: 7, w: 12, x: 0, y: 9 } }],
        title: 'Hidden',
        type: 'row',
        repeat: 'node',
      },
    ]);
  });
});
