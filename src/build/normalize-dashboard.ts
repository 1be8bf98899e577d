import { withDatasourceVariable, resolveDatasourceRef } from './datasource-variable.ts';
import { arrayAt, isJsonObject, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { assignPanelIds } from './panel-ids.ts';
import { assignRefIds } from './ref-ids.ts';
import { placePanels } from '../layout/place-panels.ts';

export interface NormalizeOptions {
  /** uid to use when the dashboard sets none (derived from the file path). */
  readonly fallbackUid: string;
  readonly schemaVersion: number;
  readonly editable: boolean;
  readonly datasourceUid: string;
  readonly datasourceName: string;
}

/** Keys Grafana's file provisioning ignores or mishandles (Grafana's `file_reader.go` discards `id`; `__inputs`/`__requires` belong to the UI's import dialog, grafana/grafana#10786): never emitted. */
const DROPPED_KEYS = ['id', 'version', '__inputs', '__requires', '__elements'] as const;

/**
 * The canonical form of one dashboard, as Grafana gets it: uid, schemaVersion and editable set; no id or import
 * placeholders; a `datasource` variable that every Prometheus panel and target points at; refIds on every target;
 * stable panel ids; panels laid out inside 24 columns without overlaps. Pure; the input is not modified.
 */
export function normalizeDashboard(input: JsonObject, options: NormalizeOptions): JsonObject {
  const dashboard: JsonObject = { ...input };
  for (const key of DROPPED_KEYS) delete dashboard[key];
  const uid = stringAt(dashboard, 'uid')?.trim();
  dashboard.uid = uid === undefined || uid === '' ? options.fallbackUid : uid;
  dashboard.schemaVersion = options.schemaVersion;
  dashboard.editable = options.editable;
  dashboard.templating = withDatasourceVariable(dashboard, options.datasourceUid, options.datasourceName);
  dashboard.panels = normalizePanels(arrayAt(dashboard, 'panels'));
  return dashboard;
}

function normalizePanels(input: readonly JsonValue[]): JsonValue[] {
  const panels = input.filter(isJsonObject).map((p) => normalizePanel(p));
  const ids = assignPanelIds(flatten(panels));
  let next = 0;
  const positions = placePanels(panels.map((p) => ({ isRow: p.type === 'row', gridPos: gridPosOf(p) })));
  return panels.map((panel, i) => {
    const pos = positions[i]!;
    const out: JsonObject = { ...panel, id: ids[next++]!, gridPos: { ...pos } };
    const children = arrayAt(panel, 'panels').filter(isJsonObject);
    if (panel.type === 'row') {
      const childPositions = placePanels(
        children.map((c) => ({ isRow: false, gridPos: gridPosOf(c) })),
        pos.y + 1,
      );
      out.panels = children.map((child, j) => ({ ...child, id: ids[next++]!, gridPos: { ...childPositions[j]! } }));
    }
    return out;
  });
}

/** Panels in id order: each top-level panel, then the children of a row right after it. */
function flatten(panels: readonly JsonObject[]): JsonObject[] {
  return panels.flatMap((p) => [p, ...(p.type === 'row' ? arrayAt(p, 'panels').filter(isJsonObject) : [])]);
}

function normalizePanel(panel: JsonObject): JsonObject {
  const out: JsonObject = { ...panel };
  if (panel.type === 'row') {
    out.panels = arrayAt(panel, 'panels').filter(isJsonObject).map(normalizePanel);
    delete out.targets;
    delete out.datasource;
    return out;
  }
  const targets = arrayAt(panel, 'targets').filter(isJsonObject);
  if (targets.length === 0 && !('datasource' in panel)) return out;
  const panelDs = resolveDatasourceRef(panel.datasource);
  out.datasource = panelDs;
  const refIds = assignRefIds(targets.map((t) => t.refId));
  const mixed = isJsonObject(panelDs) && stringAt(panelDs, 'uid') === '-- Mixed --';
  out.targets = targets.map((target, i) => ({
    ...target,
    refId: refIds[i]!,
    datasource:
      target.datasource === undefined || target.datasource === null
        ? mixed
          ? resolveDatasourceRef(undefined)
          : panelDs
        : resolveDatasourceRef(target.datasource),
  }));
  return out;
}

function gridPosOf(panel: JsonObject): Record<string, unknown> | undefined {
  return isJsonObject(panel.gridPos) ? panel.gridPos : undefined;
}
