import { putDatasourceVariable, resolveDatasourceRef } from './datasource-variable.ts';
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
  return normalizeOwnedDashboard(changedPartsCopied(input), options);
}

/**
 * `normalizeDashboard` done in place, for a caller that owns every object and array of `dashboard` (a copy made by
 * `dashboardValue`, shared with nothing): the same result, without copying each panel and target on the way (at
 * 1 000 dashboards of the bench, ~200 ms of copies and their garbage). A key keeps its place when it is set again and
 * a new key comes last, as in a copy made with `{ ...value, key }`.
 */
export function normalizeOwnedDashboard(dashboard: JsonObject, options: NormalizeOptions): JsonObject {
  for (const key of DROPPED_KEYS) delete dashboard[key];
  const uid = stringAt(dashboard, 'uid')?.trim();
  dashboard.uid = uid === undefined || uid === '' ? options.fallbackUid : uid;
  dashboard.schemaVersion = options.schemaVersion;
  dashboard.editable = options.editable;
  putDatasourceVariable(dashboard, options.datasourceUid, options.datasourceName);
  dashboard.panels = normalizePanels(arrayAt(dashboard, 'panels'));
  return dashboard;
}

function normalizePanels(input: readonly JsonValue[]): JsonValue[] {
  const panels = input.filter(isJsonObject);
  for (const panel of panels) normalizePanel(panel);
  const ids = assignPanelIds(flatten(panels));
  let next = 0;
  const positions = placePanels(panels.map((p) => ({ isRow: p.type === 'row', gridPos: gridPosOf(p) })));
  panels.forEach((panel, i) => {
    const pos = positions[i]!;
    panel.id = ids[next++]!;
    panel.gridPos = { ...pos };
    if (panel.type === 'row') {
      const children = arrayAt(panel, 'panels').filter(isJsonObject);
      const childPositions = placePanels(
        children.map((c) => ({ isRow: false, gridPos: gridPosOf(c) })),
        pos.y + 1,
      );
      children.forEach((child, j) => {
        child.id = ids[next++]!;
        child.gridPos = { ...childPositions[j]! };
      });
      panel.panels = children;
    }
  });
  return panels;
}

/** Panels in id order: each top-level panel, then the children of a row right after it. */
function flatten(panels: readonly JsonObject[]): JsonObject[] {
  return panels.flatMap((p) => [p, ...(p.type === 'row' ? arrayAt(p, 'panels').filter(isJsonObject) : [])]);
}

function normalizePanel(panel: JsonObject): void {
  if (panel.type === 'row') {
    const children = arrayAt(panel, 'panels').filter(isJsonObject);
    for (const child of children) normalizePanel(child);
    panel.panels = children;
    delete panel.targets;
    delete panel.datasource;
    return;
  }
  const targets = arrayAt(panel, 'targets').filter(isJsonObject);
  if (targets.length === 0 && !('datasource' in panel)) return;
  const panelDs = resolveDatasourceRef(panel.datasource);
  panel.datasource = panelDs;
  const refIds = assignRefIds(targets.map((t) => t.refId));
  const mixed = isJsonObject(panelDs) && stringAt(panelDs, 'uid') === '-- Mixed --';
  targets.forEach((target, i) => {
    const datasource =
      target.datasource === undefined || target.datasource === null
        ? mixed
          ? resolveDatasourceRef(undefined)
          : panelDs
        : resolveDatasourceRef(target.datasource);
    target.refId = refIds[i]!;
    target.datasource = datasource;
  });
  panel.targets = targets;
}

function gridPosOf(panel: JsonObject): Record<string, unknown> | undefined {
  return isJsonObject(panel.gridPos) ? panel.gridPos : undefined;
}

/**
 * A copy of `input` sharing nothing `normalizeOwnedDashboard` changes: the dashboard, its templating and variables,
 * its panels, their targets and the panels of rows (at any depth), each copied where it occurs. Everything else is
 * shared with `input`, which normalizing leaves as it was.
 */
function changedPartsCopied(input: JsonObject): JsonObject {
  const dashboard: JsonObject = { ...input };
  if (isJsonObject(dashboard.templating)) {
    const templating: JsonObject = { ...dashboard.templating };
    if (Array.isArray(templating.list)) templating.list = templating.list.map(objectCopied);
    dashboard.templating = templating;
  }
  if (Array.isArray(dashboard.panels)) dashboard.panels = dashboard.panels.map(panelCopied);
  return dashboard;
}

function panelCopied(value: JsonValue): JsonValue {
  if (!isJsonObject(value)) return value;
  const panel: JsonObject = { ...value };
  if (Array.isArray(panel.targets)) panel.targets = panel.targets.map(objectCopied);
  if (Array.isArray(panel.panels)) panel.panels = panel.panels.map(panelCopied);
  return panel;
}

function objectCopied(value: JsonValue): JsonValue {
  return isJsonObject(value) ? { ...value } : value;
}
