import { arrayAt, isJsonObject, type JsonObject, type JsonValue } from '../model/json.ts';

// Grafana's schemaVersion 16 migration (DashboardMigrator upgradeToGridLayout): 12-span rows become a 24-column grid.
const COLUMNS = 24;
const WIDTH_FACTOR = COLUMNS / 12;
const DEFAULT_SPAN = 4;
const DEFAULT_ROW_HEIGHT = 250;
const MIN_PANEL_HEIGHT = 90;
const PIXELS_PER_GRID_ROW = 38; // 30 px cell + 8 px margin

export interface RowsConversion {
  readonly dashboard: JsonObject;
  readonly rows: number;
  readonly panels: number;
}

/**
 * Moves panels out of the pre-Grafana-5 `rows[].panels[]` layout into top-level `panels` with `gridPos`, the way
 * Grafana's schemaVersion 16 migration does at load: spans double to 24 columns, pixel heights become grid rows,
 * panels flow left to right and wrap inside their row, and `row` panels are added when any row is collapsed,
 * repeated or shows its title (panels of a collapsed row go inside it). `span` is removed. Pure; `undefined` when
 * the dashboard has no `rows` array. Panels already in `panels` stay first.
 */
export function convertLegacyRows(dashboard: JsonObject): RowsConversion | undefined {
  if (!Array.isArray(dashboard.rows)) return undefined;
  const rows = arrayAt(dashboard, 'rows')
    .filter(isJsonObject)
    .filter((row) => row.repeatIteration !== true);
  const out: JsonValue[] = [...arrayAt(dashboard, 'panels')];
  const showRows = rows.some(
    (row) => row.collapse === true || row.showTitle === true || (typeof row.repeat === 'string' && row.repeat !== ''),
  );
  let nextRowId =
    1 +
    Math.max(
      0,
      ...rows.flatMap((row) =>
        arrayAt(row, 'panels')
          .filter(isJsonObject)
          .map((p) => (typeof p.id === 'number' ? p.id : 0)),
      ),
    );
  let y = 0;
  let moved = 0;
  for (const row of rows) {
    const rowHeight = gridHeight(row.height, DEFAULT_ROW_HEIGHT);
    const collapsed = row.collapse === true;
    let rowPanel: JsonObject | undefined;
    if (showRows) {
      rowPanel = {
        collapsed,
        gridPos: { h: 1, w: COLUMNS, x: 0, y },
        id: nextRowId++,
        panels: [],
        title: typeof row.title === 'string' ? row.title : '',
        type: 'row',
      };
      if (typeof row.repeat === 'string' && row.repeat !== '') rowPanel.repeat = row.repeat;
      out.push(rowPanel);
      y++;
    }
    const area = new RowArea(rowHeight, y);
    const inside: JsonObject[] = [];
    for (const panel of arrayAt(row, 'panels').filter(isJsonObject)) {
      const span = typeof panel.span === 'number' && panel.span > 0 ? panel.span : DEFAULT_SPAN;
      const w = Math.min(COLUMNS, Math.max(1, Math.floor(span) * WIDTH_FACTOR));
      const h = panel.height === undefined ? rowHeight : gridHeight(panel.height, DEFAULT_ROW_HEIGHT);
      const pos = area.place(w);
      const gridPos = { h, w, x: pos.x, y: area.top + pos.y };
      area.add(gridPos);
      const { span: _span, ...rest } = panel;
      const converted: JsonObject = { ...rest, gridPos };
      if (typeof panel.minSpan === 'number') converted.minSpan = Math.min(COLUMNS, WIDTH_FACTOR * panel.minSpan);
      inside.push(converted);
      moved++;
    }
    if (rowPanel && collapsed) rowPanel.panels = inside;
    else out.push(...inside);
    y = area.top;
    if (!(rowPanel && collapsed)) y += rowHeight;
  }
  // `panels` takes the place of `rows`, so the rest of the dashboard keeps its order.
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(dashboard)) {
    if (key === 'rows') converted.panels = out;
    else if (key !== 'panels') converted[key] = value;
  }
  return { dashboard: converted, rows: rows.length, panels: moved };
}

/** `"250px"`, `250`, `"250"` → grid rows; below 90 px counts as 90. */
function gridHeight(value: JsonValue | undefined, fallback: number): number {
  const px =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number.parseFloat(value.replace('px', ''))
        : Number.NaN;
  const height = Number.isFinite(px) ? px : fallback;
  return Math.ceil(Math.max(height, MIN_PANEL_HEIGHT) / PIXELS_PER_GRID_ROW);
}

/** The columns of one legacy row filled so far; a panel that does not fit wraps to a new band below. */
class RowArea {
  private readonly filled = new Array<number>(COLUMNS).fill(0);
  constructor(
    private readonly height: number,
    public top: number,
  ) {}

  /** Leftmost start of the free run that ends at the rightmost free column, wrapping when `w` does not fit. */
  place(w: number): { x: number; y: number } {
    for (;;) {
      let end = -1;
      let start = -1;
      for (let i = COLUMNS - 1; i >= 0; i--) {
        if (this.height - this.filled[i]! <= 0) break;
        if (end === -1) end = i;
        else if (this.filled[i]! <= this.filled[i + 1]!) start = i;
        else break;
      }
      if (start !== -1 && end - start >= w - 1) {
        let y = 0;
        for (let i = start; i <= end; i++) y = Math.max(y, this.filled[i]!);
        return { x: start, y };
      }
      this.top += this.height;
      this.filled.fill(0);
    }
  }

  add(pos: { h: number; w: number; x: number; y: number }): void {
    for (let i = pos.x; i < pos.x + pos.w && i < COLUMNS; i++)
      this.filled[i] = Math.max(this.filled[i]!, pos.y + pos.h - this.top);
  }
}
