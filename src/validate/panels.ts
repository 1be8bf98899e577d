import { arrayAt, isJsonObject, type JsonObject } from '../model/json.ts';
import { pointer } from '../model/json-pointer.ts';

/** A panel with its JSON pointer; `row` is the collapsed row holding it, if any. */
export interface PanelRef {
  readonly panel: JsonObject;
  readonly pointer: string;
  readonly row?: JsonObject;
}

/** Every panel of a dashboard in document order, rows included, then the panels inside collapsed rows. */
export function walkPanels(dashboard: JsonObject): PanelRef[] {
  const out: PanelRef[] = [];
  arrayAt(dashboard, 'panels').forEach((panel, i) => {
    if (!isJsonObject(panel)) return;
    out.push({ panel, pointer: pointer('panels', i) });
    arrayAt(panel, 'panels').forEach((child, j) => {
      if (isJsonObject(child)) out.push({ panel: child, pointer: pointer('panels', i, 'panels', j), row: panel });
    });
  });
  return out;
}

/** Panel types that draw no query results. */
const NON_QUERY_TYPES = new Set(['row', 'text', 'news', 'dashlist', 'annolist', 'welcome', 'gettingstarted']);

export function isQueryPanel(panel: JsonObject): boolean {
  return typeof panel.type === 'string' && !NON_QUERY_TYPES.has(panel.type) && !('libraryPanel' in panel);
}
