import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, overlapsWithEarlier, type GridPos } from '../../src/layout/grid-pos.ts';
import { placePanels, type PlacementRequest } from '../../src/layout/place-panels.ts';
import { placePanelsQuadratic } from './support/place-panels-reference.ts';

const panel = (x: number, y: number, w: number, h: number): PlacementRequest => ({
  isRow: false,
  gridPos: { x, y, w, h },
});
const row = (y: number): PlacementRequest => ({ isRow: true, gridPos: { x: 0, y, w: 24, h: 1 } });

/** Any request the SDK or a user could produce: sizes past the grid, negative or missing coordinates, rows. */
const request = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        x: fc.integer({ min: -5, max: 30 }),
        y: fc.integer({ min: -5, max: 60 }),
        w: fc.integer({ min: -2, max: 40 }),
        h: fc.integer({ min: -2, max: 20 }),
      })
      .map((p) => ({ isRow: false, gridPos: p })),
  },
  { weight: 1, arbitrary: fc.constant<PlacementRequest>({ isRow: false }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }).map(row) },
);

const inside = (p: GridPos) => p.x >= 0 && p.w >= 1 && p.x + p.w <= GRID_COLUMNS && p.h >= 1 && p.y >= 0;

describe('placePanels', () => {
  it('wraps a panel the foundation SDK lets run past column 24, and moves the next one below it', () => {
    // What the SDK's flow emits for spans 12, 20, 12 after a row.
    const out = placePanels([row(0), panel(0, 1, 12, 9), panel(12, 1, 20, 9), panel(0, 10, 12, 9)]);
    expect(out).toEqual([
      { x: 0, y: 0, w: 24, h: 1 },
      { x: 0, y: 1, w: 12, h: 9 },
      { x: 0, y: 10, w: 20, h: 9 },
      { x: 0, y: 19, w: 12, h: 9 },
    ]);
  });
  it('keeps a valid layout exactly as written', () => {
    const valid = [panel(12, 0, 12, 8), panel(0, 0, 12, 8), row(8), panel(0, 9, 24, 6)];
    expect(placePanels(valid)).toEqual(valid.map((r) => r.gridPos));
  });
  it('places panels without gridPos left to right, 12 wide and 8 high', () => {
    expect(placePanels([{ isRow: false }, { isRow: false }, { isRow: false }])).toEqual([
      { x: 0, y: 0, w: 12, h: 8 },
      { x: 12, y: 0, w: 12, h: 8 },
      { x: 0, y: 8, w: 12, h: 8 },
    ]);
  });
  it('puts a row below everything placed before it, and its panels below the row', () => {
    expect(placePanels([panel(0, 0, 24, 5), row(2), panel(0, 0, 6, 3)])).toEqual([
      { x: 0, y: 0, w: 24, h: 5 },
      { x: 0, y: 5, w: 24, h: 1 },
      { x: 0, y: 6, w: 6, h: 3 },
    ]);
  });
  test.prop([fc.array(request, { maxLength: 40 })])('never overlaps and stays inside 24 columns', (requests) => {
    const out = placePanels(requests);
    expect(out).toHaveLength(requests.length);
    expect(out.filter((p) => !inside(p))).toEqual([]);
    expect(overlapsWithEarlier(out)).toEqual([]);
  });
  test.prop([fc.array(request, { maxLength: 120 }), fc.integer({ min: 0, max: 50 })], { numRuns: 500 })(
    'places every panel where the earlier quadratic scan over all placed panels did',
    (requests, startY) => {
      expect(placePanels(requests, startY)).toEqual(placePanelsQuadratic(requests, startY));
    },
  );
  test.prop([
    fc.array(
      fc.record({
        isRow: fc.boolean(),
        gridPos: fc.record(
          {
            x: fc.oneof(fc.integer({ min: -3, max: 26 }), fc.double(), fc.constant('3')),
            y: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double({ min: -1e6, max: 1e6 })),
            w: fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constant(Number.NaN)),
            h: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(null)),
          },
          { requiredKeys: [] },
        ),
      }),
      { maxLength: 60 },
    ),
  ])('agrees with the quadratic scan on odd coordinates too (fractions, strings, NaN, missing)', (requests) => {
    expect(placePanels(requests)).toEqual(placePanelsQuadratic(requests));
  });
  test.prop([fc.array(request, { maxLength: 40 })])('is idempotent', (requests) => {
    const once = placePanels(requests);
    const twice = placePanels(once.map((gridPos, i) => ({ isRow: requests[i]!.isRow, gridPos })));
    expect(twice).toEqual(once);
  });
  test.prop([fc.array(fc.integer({ min: 1, max: 24 }), { maxLength: 30 })])(
    'keeps panels in reading order for plain spans',
    (spans) => {
      const out = placePanels(spans.map((w) => ({ isRow: false, gridPos: { w, h: 8 } })));
      for (let i = 1; i < out.length; i++) {
        const a = out[i - 1]!;
        const b = out[i]!;
        expect(b.y > a.y || (b.y === a.y && b.x >= a.x + a.w)).toBe(true);
      }
    },
  );
});
