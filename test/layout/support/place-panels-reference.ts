import { GRID_COLUMNS, overlaps, type GridPos } from '../../../src/layout/grid-pos.ts';

/** What placement needs of a panel: whether it is a row, and the position it asked for (maybe invalid). */
interface PlacementRequest {
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
 * Pure and idempotent: placing its own output changes nothing.
 */
export function placePanelsQuadratic(requests: readonly PlacementRequest[], startY = 0): GridPos[] {
  const placed: GridPos[] = [];
  let floor = startY; // top of the current row section
  let cursorX = 0;
  let lineY = startY;
  let lineBottom = startY;
  for (const request of requests) {
    if (request.isRow) {
      const bottom = placed.reduce((max, p) => Math.max(max, p.y + p.h), floor);
      const want = int(request.gridPos?.y, bottom);
      const row: GridPos = { x: 0, y: Math.max(want, bottom), w: GRID_COLUMNS, h: 1 };
      placed.push(row);
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
    y = firstFreeY({ x, y: Math.max(y, floor), w, h }, placed);
    const box: GridPos = { x, y, w, h };
    placed.push(box);
    if (y > lineY) lineY = y;
    lineBottom = Math.max(lineBottom, y + h);
    cursorX = x + w;
  }
  return placed;
}

/** The lowest y ≥ box.y at which the box overlaps nothing placed. Candidates are box.y and the bottoms below it. */
function firstFreeY(box: GridPos, placed: readonly GridPos[]): number {
  const candidates = [box.y, ...placed.map((p) => p.y + p.h).filter((b) => b > box.y)].sort((a, b) => a - b);
  for (const y of candidates) {
    const moved = { ...box, y };
    if (!placed.some((p) => overlaps(p, moved))) return y;
  }
  return candidates[candidates.length - 1]!; // unreachable: the largest bottom is always free
}

function int(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
