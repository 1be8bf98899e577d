import { arrayAt, isJsonObject, objectAt, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import type { ValueChange, VariableChange } from './diff-report.ts';
import { compareField, compareRemainingKeys } from './value-change.ts';

const SHOWN = new Set(['name', 'type', 'query', 'current', 'options']);

function variables(dashboard: JsonObject): JsonObject[] {
  return arrayAt(objectAt(dashboard, 'templating') ?? {}, 'list').filter(isJsonObject);
}

/** Variables paired by name: added, removed, and changed (query, current, options, then any other key). */
export function diffVariables(before: JsonObject, after: JsonObject): VariableChange[] {
  const bs = variables(before);
  const as = variables(after);
  const byName = new Map<string, JsonObject>();
  for (const v of bs) {
    const name = stringAt(v, 'name') ?? '';
    if (!byName.has(name)) byName.set(name, v);
  }
  const seen = new Set<string>();
  const out: VariableChange[] = [];
  for (const a of as) {
    const name = stringAt(a, 'name') ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    const type = stringAt(a, 'type') ?? '';
    const b = byName.get(name);
    if (!b) {
      out.push({ kind: 'added', name, type, changes: [] });
      continue;
    }
    const changes: ValueChange[] = [];
    compareField(changes, 'type', b.type, a.type);
    compareQuery(changes, b.query, a.query);
    compareField(changes, 'current', b.current, a.current);
    compareField(changes, 'options', b.options, a.options);
    compareRemainingKeys(changes, b, a, SHOWN);
    if (changes.length > 0) out.push({ kind: 'changed', name, type, changes });
  }
  for (const [name, b] of byName)
    if (!seen.has(name)) out.push({ kind: 'removed', name, type: stringAt(b, 'type') ?? '', changes: [] });
  return out;
}

/** The order of variable names, when it changed (it is the order of the dropdowns). */
export function variableOrder(dashboard: JsonObject): string[] {
  return variables(dashboard).map((v) => stringAt(v, 'name') ?? '');
}

/** A variable query is a string or `{ query, refId, … }`; the PromQL text is shown bare either way. */
function compareQuery(out: ValueChange[], before: JsonValue | undefined, after: JsonValue | undefined): void {
  const text = (q: JsonValue | undefined) => (isJsonObject(q) && typeof q.query === 'string' ? q.query : q);
  compareField(out, 'query', text(before), text(after));
  const rest = (q: JsonValue | undefined) => (isJsonObject(q) && typeof q.query === 'string' ? q : {});
  compareRemainingKeys(out, rest(before), rest(after), new Set(['query']), 'query.');
}
