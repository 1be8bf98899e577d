import { DATASOURCE_VARIABLE, variableDatasourceRef } from '../model/datasource-variable.ts';
import { arrayAt, isJsonObject, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { parsePointer } from '../model/json-pointer.ts';
import { datasourceRefs, datasourceVariableName } from '../validate/datasource-refs.ts';
import { isImportPlaceholder } from '../validate/import-placeholder-names.ts';
import { templateVariables } from '../validate/template-variables.ts';

/** One distinct string datasource and what became of it. */
export interface DatasourceRewrite {
  readonly from: string;
  /** The `{type, uid}` written instead, or `undefined` when the string was kept (not known to be Prometheus). */
  readonly to?: JsonObject;
  /** Why it was rewritten or kept. */
  readonly reason: string;
  readonly count: number;
  /** Pointer of the first use. */
  readonly pointer: string;
}

/** Built-in datasources that schemaVersion 33 turns from names into refs. */
const BUILTIN_REFS: Readonly<Record<string, JsonObject>> = {
  '-- Grafana --': { type: 'grafana', uid: '-- Grafana --' },
  '-- Mixed --': { type: 'datasource', uid: '-- Mixed --' },
  '-- Dashboard --': { type: 'datasource', uid: '-- Dashboard --' },
};

/**
 * Turns string datasources on panels, targets, variables and annotations into `{type, uid}` refs. Grafana does this
 * in its schemaVersion 33 migration, which never runs on a built dashboard (the build sets a current schemaVersion),
 * so a string left here would not resolve. `${DS_…}` import placeholders (as strings or as a ref's uid, which
 * "export for sharing externally" writes) and names of Prometheus datasources become
 * the `${datasource}` variable; built-ins become their refs; other names are kept and reported. Pure.
 */
export function rewriteStringDatasources(dashboard: JsonObject): {
  dashboard: JsonObject;
  rewrites: DatasourceRewrite[];
} {
  const out = structuredClone(dashboard);
  const byValue = new Map<string, { to?: JsonObject; reason: string; count: number; pointer: string }>();
  for (const ref of datasourceRefs(out)) {
    // A string, or a ref whose uid is an import placeholder (`{"uid": "${DS_PROMETHEUS}"}`, "export for sharing").
    const placeholderUid = isJsonObject(ref.value) ? stringAt(ref.value, 'uid') : undefined;
    const key =
      typeof ref.value === 'string'
        ? ref.value
        : placeholderUid !== undefined && isPlaceholder(dashboard, placeholderUid)
          ? placeholderUid
          : undefined;
    if (key === undefined) continue;
    const seen = byValue.get(key);
    const decision = seen ?? { ...classify(dashboard, key), count: 0, pointer: ref.pointer };
    decision.count++;
    byValue.set(key, decision);
    if (decision.to) setAt(out, ref.pointer, { ...decision.to });
  }
  return {
    dashboard: out,
    rewrites: [...byValue].map(([from, d]) => ({
      from,
      ...(d.to ? { to: d.to } : {}),
      reason: d.reason,
      count: d.count,
      pointer: d.pointer,
    })),
  };
}

function classify(dashboard: JsonObject, value: string): { to?: JsonObject; reason: string } {
  const builtin = BUILTIN_REFS[value];
  if (builtin) return { to: builtin, reason: 'a built-in datasource' };
  const name = datasourceVariableName(value);
  if (name !== undefined) {
    if (isImportPlaceholder(dashboard, name)) {
      const plugin = inputPlugin(dashboard, name);
      if (plugin === 'prometheus' || (plugin === undefined && /prom/i.test(name)))
        return { to: variableDatasourceRef(), reason: 'an import placeholder for a Prometheus datasource' };
      return { reason: `an import placeholder for a ${plugin ?? 'datasource of unknown type'}, not Prometheus` };
    }
    const variable = templateVariables(dashboard).find((v) => v.name === name);
    if (variable?.type === 'datasource' && stringAt(variable.variable, 'query') === 'prometheus') {
      return { to: { type: 'prometheus', uid: `\${${name}}` }, reason: `the Prometheus datasource variable "${name}"` };
    }
    if (!variable && name === DATASOURCE_VARIABLE)
      return { to: variableDatasourceRef(), reason: 'the datasource variable the build adds' };
    return {
      reason: variable
        ? `variable "${name}" is not a Prometheus datasource variable`
        : `no variable "${name}" is defined`,
    };
  }
  if (value === 'default')
    return { to: variableDatasourceRef(), reason: 'the default datasource (the provisioned Prometheus)' };
  if (/prometheus/i.test(value)) return { to: variableDatasourceRef(), reason: 'the name of a Prometheus datasource' };
  return { reason: 'not known to be a Prometheus datasource' };
}

function isPlaceholder(dashboard: JsonObject, uid: string): boolean {
  const name = datasourceVariableName(uid);
  return name !== undefined && isImportPlaceholder(dashboard, name);
}

/** `pluginId` of the `__inputs` entry named `name`. */
function inputPlugin(dashboard: JsonObject, name: string): string | undefined {
  const input = arrayAt(dashboard, '__inputs').find((i) => isJsonObject(i) && stringAt(i, 'name') === name);
  return isJsonObject(input) ? stringAt(input, 'pluginId') : undefined;
}

function setAt(doc: JsonObject, ptr: string, value: JsonValue): void {
  const tokens = parsePointer(ptr);
  let current: JsonValue = doc;
  for (const token of tokens.slice(0, -1)) {
    current = Array.isArray(current) ? current[Number(token)]! : (current as JsonObject)[token]!;
  }
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(current)) current[Number(last)] = value;
  else (current as JsonObject)[last] = value;
}
