import { describe, expect, it } from 'vitest';
import { gridBounds } from '../../../src/validate/rules/grid-bounds.ts';

const check = (gridPos: unknown) =>
  gridBounds.check(
    { file: 'd.ts', dashboard: { title: 't', panels: [{ id: 1, title: 'p', gridPos }] } as never },
    { origin: 'lint' },
  );

describe('grid-bounds', () => {
  it('passes a panel inside the grid', () => expect(check({ x: 12, y: 0, w: 12, h: 8 })).toEqual([]));
  it('fails a panel past column 24', () =>
    expect(check({ x: 12, y: 0, w: 20, h: 8 })).toEqual([
      {
        pointer: '/panels/0/gridPos/x',
        message: 'panel spans columns 12–32, past the 24-column grid',
        fix: 'make x + w at most 24',
      },
    ]));
  it('fails non-integer and missing positions', () => {
    expect(check({ x: 0, y: 0, w: '12', h: 8 })[0]?.message).toBe('gridPos w="12" must be integers');
    expect(check(undefined)[0]?.message).toBe(
      'panel has no gridPos; Grafana stacks it at the top left over other panels',
    );
  });
});
