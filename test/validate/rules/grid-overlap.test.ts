import { describe, expect, it } from 'vitest';
import { gridOverlap } from '../../../src/validate/rules/grid-overlap.ts';

const check = (panels: unknown[]) => gridOverlap.check({ file: 'd.ts', dashboard: { title: 't', panels } as never }, { origin: 'lint' });

describe('grid-overlap', () => {
  it('passes side-by-side panels', () => expect(check([{ title: 'a', gridPos: { x: 0, y: 0, w: 12, h: 8 } }, { title: 'b', gridPos: { x: 12, y: 0, w: 12, h: 8 } }])).toEqual([]));
  it('fails overlapping panels and names both', () =>
    expect(check([{ title: 'a', gridPos: { x: 0, y: 0, w: 12, h: 8 } }, { title: 'b', gridPos: { x: 6, y: 4, w: 12, h: 8 } }])).toEqual([
      {
        pointer: '/panels/1/gridPos',
        message: 'panel overlaps panel "a" (x=6 y=4 w=12 h=8 vs x=0 y=0 w=12 h=8)',
        fix: 'move or resize one of them, or drop the explicit gridPos and let panelcraft build place them',
      },
    ]));
  it('compares the panels of a collapsed row among themselves only', () =>
    expect(check([{ title: 'a', gridPos: { x: 0, y: 0, w: 24, h: 8 } }, { type: 'row', title: 'r', gridPos: { x: 0, y: 8, w: 24, h: 1 }, panels: [{ title: 'in', gridPos: { x: 0, y: 0, w: 24, h: 8 } }] }])).toEqual([]));
});
