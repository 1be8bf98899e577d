import * as units from '@grafana/grafana-foundation-sdk/units';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.ts';
import { numberLiteral, propertyKey, raw, stringLiteral, type Code } from './code.ts';
import type { ImportList } from './import-list.ts';
import { SDK_CATALOG, type SdkType } from './sdk-catalog.ts';

/** A JSON value as a plain literal (the typed escape hatch's argument). */
export function jsonCode(value: JsonValue): Code {
  if (value === null || typeof value === 'boolean') return raw(String(value));
  if (typeof value === 'number') return raw(numberLiteral(value));
  if (typeof value === 'string') return raw(stringLiteral(value));
  if (Array.isArray(value)) return { t: 'arr', items: value.map(jsonCode) };
  return { t: 'obj', entries: sortedEntries(value).map(([k, v]) => [propertyKey(k), jsonCode(v)] as const) };
}

/**
 * Keys in code-unit order: generated code must not depend on the key order of the file it came from, so that
 * importing the built output (keys sorted) gives the same source again.
 */
export function sortedEntries(value: JsonObject): [string, JsonValue][] {
  return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Turns a value of a builder type into code, or `undefined` (the planner supplies it). */
export type NestedBuilder = (builds: string, value: JsonValue) => Code | undefined;

/**
 * `value` as code that TypeScript accepts where the SDK declares `type`: enum values as enum members
 * (`common.LegendPlacement.Bottom`), objects only with the properties the type declares. `undefined` when the value
 * does not fit the type (a string where the SDK has an enum without that value, an unknown key), so the caller keeps
 * it through the escape hatch instead of writing code that does not type-check.
 */
export function typedCode(
  value: JsonValue,
  type: SdkType,
  imports: ImportList,
  nested: NestedBuilder,
): Code | undefined {
  switch (type.k) {
    case 'any':
      return jsonCode(value);
    case 'undefined':
      return undefined;
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === type.k ? jsonCode(value) : undefined;
    case 'literal':
      return value === type.v ? jsonCode(value) : undefined;
    case 'ref': {
      const named = SDK_CATALOG.types[type.name];
      return named ? typedCode(value, named, imports, nested) : undefined;
    }
    case 'enum': {
      const member = Object.entries(type.members).find(([, v]) => v === value)?.[0];
      return member === undefined ? undefined : raw(`${imports.ref(type.module, type.name)}.${member}`);
    }
    case 'union': {
      for (const option of type.of) {
        const code = typedCode(value, option, imports, nested);
        if (code) return code;
      }
      return undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) return undefined;
      const items = value.map((v) => typedCode(v, type.of, imports, nested));
      return items.every((i) => i !== undefined) ? { t: 'arr', items } : undefined;
    }
    case 'builder':
      return nested(type.of, value);
    case 'object': {
      if (!isJsonObject(value)) return undefined;
      const entries: [string, Code][] = [];
      for (const [k, v] of sortedEntries(value)) {
        const prop = Object.hasOwn(type.props, k) ? type.props[k] : undefined;
        const t = prop?.t ?? type.index;
        const code = t && typedCode(v, t, imports, nested);
        if (!code) return undefined;
        entries.push([propertyKey(k), code]);
      }
      const missing = Object.entries(type.props).some(([k, p]) => !p.optional && !Object.hasOwn(value, k));
      return missing ? undefined : { t: 'obj', entries };
    }
  }
}

const UNIT_NAMES = new Map<string, string>();
for (const [name, value] of Object.entries(units))
  if (typeof value === 'string' && !UNIT_NAMES.has(value)) UNIT_NAMES.set(value, name);

/** `units.RequestsPerSecond` for `'reqps'`; the string itself for units the SDK has no constant for. */
export function unitCode(unit: string, imports: ImportList): Code {
  const name = UNIT_NAMES.get(unit);
  return name === undefined ? jsonCode(unit) : raw(`${imports.namespace('units')}.${name}`);
}
