import { objectAt, type JsonObject, type JsonValue } from '../model/json.ts';
import type { PanelChange, ValueChange } from './diff-report.ts';
import { diffQueries } from './diff-queries.ts';
import type { PanelPair } from './match-panels.ts';
import { compareField, compareRemainingKeys } from './value-change.ts';

/** Panel keys with their own field below, or that never count as a change (`id`; nested `panels` are paired on their own). */
const PANEL_SHOWN = new Set([
  'id',
  'title',
  'type',
  'description',
  'gridPos',
  'targets',
  'options',
  'fieldConfig',
  'transformations',
  'panels',
  'collapsed',
  'datasource',
]);
const DEFAULTS_SHOWN = new Set(['unit', 'thresholds']);

/** What changed in one paired panel, or `undefined` when nothing did. */
export function diffPanel(pair: PanelPair): PanelChange | undefined {
  const { before, after } = pair;
  if (after && !before)
    return { kind: 'added', title: after.title, type: after.type, ...box(after.gridPos), changes: [], queries: [] };
  if (before && !after)
    return {
      kind: 'removed',
      title: before.title,
      type: before.type,
      ...box(before.gridPos),
      changes: [],
      queries: [],
    };
  if (!before || !after) return undefined;
  const b = before.panel;
  const a = after.panel;
  const changes: ValueChange[] = [];
  compareField(changes, 'type', b.type, a.type);
  compareField(changes, 'description', b.description, a.description);
  compareField(changes, 'layout', b.gridPos, a.gridPos);
  compareField(changes, 'collapsed', b.collapsed, a.collapsed);
  compareField(changes, 'in collapsed row', rowTitle(before.collapsedRow), rowTitle(after.collapsedRow));
  compareField(changes, 'datasource', b.datasource, a.datasource);
  const bOptions = objectAt(b, 'options') ?? {};
  const aOptions = objectAt(a, 'options') ?? {};
  compareField(changes, 'legend', bOptions.legend, aOptions.legend);
  compareRemainingKeys(changes, bOptions, aOptions, new Set(['legend']), 'options.');
  const bField = objectAt(b, 'fieldConfig') ?? {};
  const aField = objectAt(a, 'fieldConfig') ?? {};
  const bDefaults = objectAt(bField, 'defaults') ?? {};
  const aDefaults = objectAt(aField, 'defaults') ?? {};
  compareField(changes, 'unit', bDefaults.unit, aDefaults.unit);
  compareField(changes, 'thresholds', bDefaults.thresholds, aDefaults.thresholds);
  compareRemainingKeys(changes, bDefaults, aDefaults, DEFAULTS_SHOWN, 'fieldConfig.defaults.');
  compareField(changes, 'overrides', bField.overrides, aField.overrides);
  compareRemainingKeys(changes, bField, aField, new Set(['defaults', 'overrides']), 'fieldConfig.');
  compareField(changes, 'transformations', b.transformations, a.transformations);
  compareRemainingKeys(changes, b, a, PANEL_SHOWN);
  const queries = diffQueries(b, a);
  const renamed = before.title !== after.title;
  if (changes.length === 0 && queries.length === 0 && !renamed) return undefined;
  return {
    kind: 'changed',
    title: after.title,
    ...(renamed ? { previousTitle: before.title } : {}),
    type: after.type,
    ...box(after.gridPos),
    changes,
    queries,
  };
}

function box(gridPos: PanelChange['gridPos']): { gridPos?: NonNullable<PanelChange['gridPos']> } {
  return gridPos === undefined ? {} : { gridPos };
}

function rowTitle(row: JsonObject | undefined): JsonValue | undefined {
  return row === undefined ? undefined : (row.title ?? '');
}
