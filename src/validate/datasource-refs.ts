import { arrayAt, isJsonObject, objectAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { pointer } from '../model/json-pointer.ts';
import { wholeVariableReference } from '../model/grafana-variable.ts';
import { stringMemo } from '../model/string-memo.ts';
import { type PanelRef, walkPanels } from './panels.ts';

/** A `datasource` value found on a panel, a target, a template variable or an annotation. */
export interface DatasourceRefAt {
  readonly value: JsonValue;
  readonly pointer: string;
  readonly where: 'panel' | 'target' | 'variable' | 'annotation';
}

/** Every `datasource` key a dashboard sets (absent keys are skipped, `null` is kept). */
export function datasourceRefs(
  dashboard: JsonObject,
  /** `walkPanels(dashboard)`, when the caller has it. */
  panels: readonly PanelRef[] = walkPanels(dashboard),
): DatasourceRefAt[] {
  const out: DatasourceRefAt[] = [];
  const take = (obj: JsonObject, ptr: string, where: DatasourceRefAt['where']) => {
    const value = obj.datasource;
    if (value !== undefined) out.push({ value, pointer: `${ptr}/datasource`, where });
  };
  for (const { panel, pointer: ptr } of panels) {
    take(panel, ptr, 'panel');
    arrayAt(panel, 'targets').forEach((t, i) => {
      if (isJsonObject(t)) take(t, `${ptr}/targets/${i}`, 'target');
    });
  }
  const lists: Array<[string, DatasourceRefAt['where']]> = [
    ['templating', 'variable'],
    ['annotations', 'annotation'],
  ];
  for (const [section, where] of lists) {
    const holder = objectAt(dashboard, section);
    if (!holder) continue;
    arrayAt(holder, 'list').forEach((v, i) => {
      if (isJsonObject(v)) take(v, pointer(section, 'list', i), where);
    });
  }
  return out;
}

/** Datasource uids Grafana always knows. */
export const BUILTIN_DATASOURCE_UIDS: ReadonlySet<string> = new Set([
  '-- Grafana --',
  '-- Mixed --',
  '-- Dashboard --',
  'grafana',
]);

/** `${ds}` / `$ds` / `[[ds]]` → `ds`; anything else → `undefined`. */
export function datasourceVariableName(uid: string): string | undefined {
  return variableNames(uid);
}

/** Answers for uids seen lately: every panel and target of a built dashboard says `${datasource}`, and two rules ask. */
const variableNames = stringMemo(1024, (uid) => wholeVariableReference(uid)?.name);
