import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, overlapsWithEarlier } from '../../../src/layout/grid-pos.ts';
import { gridOverlap } from '../../../src/validate/rules/grid-overlap.ts';

const check = (panels: unknown[]) =>
  gridOverlap.check({ file: 'd.ts', dashboard: { title: 't', panels } as never }, { origin: 'lint' });

describe('grid-overlap', () => {
  it('passes side-by-side panels', () =>
    expect(
      check([
        { title: 'a', gridPos: { x: 0, y: 0, w: 12, h: 8 } },
        { title: 'b', gridPos: { x: 12, y: 0, w: 12, h: 8 } },
      ]),
    ).toEqual([]));
  it('fails overlapping panels and names both', () =>
    expect(
      check([
        { title: 'a', gridPos: { x: 0, y: 0, w: 12, h: 8 } },
        { title: 'b', gridPos: { x: 6, y: 4, w: 12, h: 8 } },
      ]),
    ).toEqual([
      {
        pointer: '/panels/1/gridPos',
        message: 'panel overlaps panel "a" (x=6 y=4 w=12 h=8 vs x=0 y=0 w=12 h=8)',
        fix: 'move or resize one of them, or drop the explicit gridPos and let panelcraft build place them',
      },
    ]));
  it('compares the panels of a collapsed row among themselves only', () =>
    expect(
      check([
        { title: 'a', gridPos: { x: 0, y: 0, w: 24, h: 8 } },
        {
          type: 'row',
          title: 'r',
          gridPos: { x: 0, y: 8, w: 24, h: 1 },
          panels: [{ title: 'in', gridPos: { x: 0, y: 0, w: 24, h: 8 } }],
        },
      ]),
    ).toEqual([]));
});

describe('grid-overlap at scale', () => {
  it('reports 10 000 stacked panels once each, in well under a second per thousand, without recursion', () => {
    const panels = Array.from({ length: 10_000 }, (_, i) => ({ title: `p${i}`, gridPos: { x: 0, y: 0, w: 24, h: 8 } }));
    const t0 = performance.now();
    const found = check(panels);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(found.length).toBe(9_999);
    expect(found[0]).toEqual(
      expect.objectContaining({
        pointer: '/panels/1/gridPos',
        message: 'panel overlaps panel "p0" (x=0 y=0 w=24 h=8 vs x=0 y=0 w=24 h=8)',
      }),
    );
  });

  it('handles 500 overlapping panels (a stack overflow before)', () => {
    const panels = Array.from({ length: 500 }, (_, i) => ({
      title: `p${i}`,
      gridPos: { x: i % 20, y: i % 7, w: 4, h: 4 },
    }));
    expect(check(panels).length).toBeGreaterThan(400);
  });

  it('ignores boxes without area or with non-finite numbers', () =>
    expect(
      check([
        { title: 'a', gridPos: { x: 0, y: 0, w: 0, h: 8 } },
        { title: 'b', gridPos: { x: 0, y: 0, w: 24, h: 8 } },
        { title: 'c', gridPos: { x: 0, y: 0, w: Number.POSITIVE_INFINITY, h: 8 } },
      ]),
    ).toEqual([]));
});

describe('overlapsWithEarlier', () => {
  const box = fc.record({
    x: fc.integer({ min: -2, max: 30 }),
    y: fc.integer({ min: 0, max: 20 }),
    w: fc.integer({ min: -1, max: 26 }),
    h: fc.integer({ min: -1, max: 10 }),
  });
  test.prop([fc.array(box, { maxLength: 40 })])(
    'flags exactly the boxes a brute-force scan flags, naming a box that overlaps',
    (boxes) => {
      const order = boxes
        .map((_, i) => i)
        .filter((i) => boxes[i]!.w > 0 && boxes[i]!.h > 0)
        .sort((a, b) => boxes[a]!.y - boxes[b]!.y || a - b);
      const expected = order
        .filter((i, k) => order.slice(0, k).some((j) => overlaps(boxes[j]!, boxes[i]!)))
        .sort((a, b) => a - b);
      const found = overlapsWithEarlier(boxes);
      expect(found.map(([, later]) => later)).toEqual(expected);
      for (const [earlier, later] of found) expect(overlaps(boxes[earlier]!, boxes[later]!)).toBe(true);
    },
  );
});

describe('overlapsWithEarlier for few boxes', () => {
  const coordinate = fc.oneof(
    fc.integer({ min: -3, max: 30 }),
    fc.constantFrom(0.5, 1e20, -1e20, 1e308, -1e308, 2 ** 53),
    fc.double({ noNaN: true }),
  );
  const box = fc.record({ x: coordinate, y: coordinate, w: coordinate, h: coordinate });
  const smallBox = fc.record({
    x: fc.integer({ min: -2, max: 26 }),
    y: fc.integer({ min: 0, max: 12 }),
    w: fc.integer({ min: -1, max: 26 }),
    h: fc.integer({ min: -1, max: 6 }),
  });
  test.prop([fc.array(fc.oneof(smallBox, box), { maxLength: 48 })])(
    'compares pairwise to the same pairs, partners included, as the sweep',
    (boxes) => {
      expect(overlapsWithEarlier(boxes)).toEqual(overlapsWithEarlier(boxes, 0));
    },
  );
});
