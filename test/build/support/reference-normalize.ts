// The normalize and dashboardValue copy of commit 130faed, kept verbatim as the reference the faster in-place versions
// are checked against (test/build/normalize-in-place.test.ts). Not used by src/.
import { datasourceVariable, resolveDatasourceRef } from '../../../src/build/datasource-variable.ts';
import { DATASOURCE_VARIABLE } from '../../../src/model/datasource-variable.ts';
import { arrayAt, isJsonObject, objectAt, stringAt, type JsonObject, type JsonValue } from '../../../src/model/json.ts';
import { assignPanelIds } from '../../../src/build/panel-ids.ts';
import { assignRefIds } from '../../../src/build/ref-ids.ts';
import { placePanels } from '../../../src/layout/place-panels.ts';
import type { NormalizeOptions } from '../../../src/build/normalize-dashboard.ts';

const DROPPED_KEYS = ['id', 'version', '__inputs', '__requires', '__elements'] as const;

export function referenceNormalize(input: JsonObject, options: NormalizeOptions): JsonObject {
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

function withDatasourceVariable(dashboard: JsonObject, uid: string, name: string): JsonObject {
  const templating = objectAt(dashboard, 'templating') ?? {};
  const list = arrayAt(templating, 'list').filter(isJsonObject);
  const index = list.findIndex((v) => stringAt(v, 'name') === DATASOURCE_VARIABLE);
  if (index === -1) return { ...templating, list: [datasourceVariable(uid, name), ...list] };
  const existing = list[index]!;
  if (!isJsonObject(existing.current) || Object.keys(existing.current).length === 0) {
    list[index] = { ...existing, current: { text: name, value: uid } };
  }
  return { ...templating, list };
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

/**
 * Whether `a` and `b` are the same tree: the same keys in the same order, arrays of the same length, and leaves equal
 * by `Object.is` (so `-0` differs from `0` and NaN equals NaN); prototypes are not compared (JSON has none).
 * Shared subtrees count once per place they occur.
 */
export function sameTree(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
