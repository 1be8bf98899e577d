import { arrayAt, isJsonObject, numberAt, objectAt, stringAt, type JsonObject } from '../model/json.ts';
import { walkPanels } from '../validate/panels.ts';
import type { GridBox } from './diff-report.ts';

/** A panel as the diff sees it: its JSON plus the facts used to pair it with its counterpart. */
export interface PanelEntry {
  readonly panel: JsonObject;
  /** Position in document order (rows and panels of collapsed rows included). */
  readonly index: number;
  readonly title: string;
  readonly type: string;
  readonly id?: number;
  readonly gridPos?: GridBox;
  /** Sorted query expressions, joined: panels with the same queries share this. */
  readonly queryKey: string;
  /** Set for panels inside a collapsed row. */
  readonly collapsedRow?: JsonObject;
}

export function panelEntries(dashboard: JsonObject): PanelEntry[] {
  return walkPanels(dashboard).map((ref, index) => {
    const { panel } = ref;
    const id = numberAt(panel, 'id');
    const gridPos = gridBox(panel);
    return {
      panel,
      index,
      title: stringAt(panel, 'title') ?? '',
      type: stringAt(panel, 'type') ?? '',
      ...(id === undefined ? {} : { id }),
      ...(gridPos === undefined ? {} : { gridPos }),
      queryKey: queryKey(panel),
      ...(ref.row === undefined ? {} : { collapsedRow: ref.row }),
    };
  });
}

/** The panel's gridPos when all four numbers are present. */
export function gridBox(panel: JsonObject): GridBox | undefined {
  const pos = objectAt(panel, 'gridPos');
  if (!pos) return undefined;
  const x = numberAt(pos, 'x');
  const y = numberAt(pos, 'y');
  const w = numberAt(pos, 'w');
  const h = numberAt(pos, 'h');
  if (x === undefined || y === undefined || w === undefined || h === undefined) return undefined;
  return { x, y, w, h };
}

function queryKey(panel: JsonObject): string {
  const exprs = arrayAt(panel, 'targets')
    .filter(isJsonObject)
    .map((t) => stringAt(t, 'expr') ?? '')
    .filter((e) => e !== '')
    .sort();
  return exprs.join('\u0000');
}

export function formatBox(box: GridBox | undefined): string {
  return box === undefined ? '(no position)' : `${box.x},${box.y} ${box.w}×${box.h}`;
}
