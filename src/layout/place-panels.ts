import { GRID_COLUMNS, type GridPos } from './grid-pos.ts';

/** What placement needs of a panel: whether it is a row, and the position it asked for (maybe invalid). */
export interface PlacementRequest {
  readonly isRow: boolean;
  readonly gridPos?: Partial<Record<keyof GridPos, unknown>>;
}

const DEFAULT_W = 12;
const DEFAULT_H = 8;

/**
 * Places panels on the 24-column grid in document order, keeping every position that is already valid.
 * A panel that runs past column 24 wraps to a new line (the foundation SDK's flow lets it overflow); a panel that
 * would overlap one placed before it moves down to the first free spot; a row spans the grid below everything
 * placed before it, and the panels after a row stay below it. Widths are clamped to 1–24, heights to ≥ 1.
 * Pure and idempotent: placing its own output changes nothing. O(n log n) for n panels: each of the 24 columns keeps
 * its occupied spans sorted, so finding the first free spot is a binary search per column, not a scan of every panel.
 */
export function placePanels(requests: readonly PlacementRequest[], startY = 0): GridPos[] {
  if (requests.length === 0) return [];
  const placed: GridPos[] = [];
  const grid = new OccupiedColumns();
  let floor = startY; // top of the current row section
  let bottom = startY; // lowest edge of anything placed so far
  let cursorX = 0;
  let lineY = startY;
  let lineBottom = startY;
  const place = (box: GridPos) => {
    placed.push(box);
    grid.add(box);
    bottom = Math.max(bottom, box.y + box.h);
  };
  for (const request of requests) {
    if (request.isRow) {
      const want = int(request.gridPos?.y, bottom);
      const row: GridPos = { x: 0, y: Math.max(want, bottom), w: GRID_COLUMNS, h: 1 };
      place(row);
      floor = row.y + 1;
      cursorX = 0;
      lineY = floor;
      lineBottom = floor;
      continue;
    }
    const w = clamp(int(request.gridPos?.w, DEFAULT_W), 1, GRID_COLUMNS);
    const h = Math.max(1, int(request.gridPos?.h, DEFAULT_H));
    let x = int(request.gridPos?.x, cursorX);
    let y = int(request.gridPos?.y, lineY);
    if (x < 0) x = 0;
    if (x + w > GRID_COLUMNS) {
      // Wrap like a text line: start a new line below the current one.
      x = 0;
      y = Math.max(y, lineBottom);
    }
    y = grid.firstFreeY(x, w, Math.max(y, floor), h);
    place({ x, y, w, h });
    if (y > lineY) lineY = y;
    lineBottom = Math.max(lineBottom, y + h);
    cursorX = x + w;
  }
  return placed;
}

/**
 * The spans `[y, y + h)` taken in each grid column, sorted by y. Placed boxes never overlap, so the spans of one
 * column are disjoint and sorted by their ends as well.
 */
class OccupiedColumns {
  private readonly starts: number[][] = [];
  private readonly ends: number[][] = [];

  add(box: GridPos): void {
    for (let c = box.x; c < box.x + box.w; c++) {
      const starts = (this.starts[c] ??= []);
      const ends = (this.ends[c] ??= []);
      const at = firstAbove(ends, box.y);
      insertAt(starts, at, box.y);
      insertAt(ends, at, box.y + box.h);
    }
  }

  /**
   * The lowest y' ≥ y at which `[x, x + w) × [y', y' + h)` overlaps no span: while a span in one of the columns
   * overlaps, move below it (every y' before its end would overlap it too). Coordinates are integers, so the answer
   * is y itself or the bottom of a placed box, as a scan of every candidate would find.
   */
  firstFreeY(x: number, w: number, y: number, h: number): number {
    let top = y;
    for (let moved = true; moved; ) {
      moved = false;
      for (let c = x; c < x + w; c++) {
        const ends = this.ends[c];
        if (ends === undefined) continue;
        const i = firstAbove(ends, top);
        if (i < ends.length && this.starts[c]![i]! < top + h) {
          top = ends[i]!;
          moved = true;
        }
      }
    }
    return top;
  }
}

/**
 * `list.splice(at, 0, value)` without the array of removed items splice returns (~27 MB of empty arrays at 1 000
 * dashboards of the bench: two per column a panel spans).
 */
function insertAt(list: number[], at: number, value: number): void {
  list.push(value);
  for (let k = list.length - 1; k > at; k--) list[k] = list[k - 1]!;
  list[at] = value;
}

/** Index of the first value in ascending `sorted` that is greater than `value` (its length when none is). */
function firstAbove(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function int(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
