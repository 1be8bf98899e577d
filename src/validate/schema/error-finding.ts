import type { ErrorObject } from 'ajv';
import type { JsonObject, JsonValue } from '../../model/json.ts';
import { parsePointer, pointer as toPointer, resolvePointer } from '../../model/json-pointer.ts';
import type { Finding } from '../../model/diagnostic.ts';

/** What the failing validator checked: the dashboard, or one panel's options / field config. */
export type SchemaSection =
  | { readonly kind: 'dashboard' }
  | { readonly kind: 'options' | 'fieldConfig'; readonly pluginId: string; readonly panelPointer: string };

const PANEL_PREFIX = /^\/panels\/\d+(?:\/panels\/\d+)?(?=\/|$)/;

/** Maps one (collapsed) ajv error, whose `instancePath` is absolute within the dashboard, to a finding. */
export function errorToFinding(dashboard: JsonObject, error: ErrorObject, section: SchemaSection): Finding {
  const at = error.instancePath;
  const where = describeLocation(at);
  const value = resolvePointer(dashboard, at);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = expectedText(
        String(params.type).split(','),
        (params.allowedValues as unknown[] | undefined) ?? [],
      );
      return {
        pointer: at,
        message: `${where} must be ${expected} but is ${describeValue(value)}`,
        fix: typeFix(where, expected, section),
      };
    }
    case 'enum':
    case 'const': {
      const allowed = params.allowedValues !== undefined ? (params.allowedValues as unknown[]) : [params.allowedValue];
      return {
        pointer: at,
        message: `${where} is ${describeValue(value)}; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
        fix: enumFix(section),
      };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const sectionName = section.kind === 'fieldConfig' ? 'field config option' : 'option';
      return {
        pointer: `${at}${toPointer(key)}`,
        severity: 'warning',
        message: `unknown ${sectionName} "${key}" in ${where}; Grafana ignores it and renders the default`,
        fix:
          section.kind === 'dashboard'
            ? `remove "${key}" or correct its spelling`
            : `remove "${key}" or correct its spelling; schema/panels/${section.pluginId}.schema.json lists what a ${section.pluginId} panel accepts, and the foundation SDK's ${section.pluginId} PanelBuilder has a setter for each`,
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        pointer: at,
        message: `${where} lacks required "${missing}"`,
        fix: `add "${missing}" to ${where}${section.kind === 'dashboard' ? ' (the foundation SDK builders set it for you)' : ''}`,
      };
    }
    default:
      return {
        pointer: at,
        message: `${where} ${error.message ?? `fails the "${error.keyword}" check`} (is ${describeValue(value)})`,
        fix: 'change the value to what @grafana/schema declares; see the schema/ folder for the exact JSON Schema',
      };
  }
}

/** `/panels/3/options/legend/displayMode` → `options.legend.displayMode`; `/templating/list/0/hide` → `templating.list[0].hide`. */
export function describeLocation(instancePath: string): string {
  const inPanel = PANEL_PREFIX.exec(instancePath);
  const rest = inPanel ? instancePath.slice(inPanel[0].length) : instancePath;
  const tokens = parsePointer(rest);
  if (tokens.length === 0) return inPanel ? 'the panel' : 'the dashboard';
  return tokens.reduce((acc, t, i) => (/^\d+$/.test(t) ? `${acc}[${t}]` : i === 0 ? t : `${acc}.${t}`), '');
}

function describeValue(value: JsonValue | undefined): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

const ARTICLE: Record<string, string> = {
  array: 'an array',
  boolean: 'a boolean',
  integer: 'an integer',
  null: 'null',
  number: 'a number',
  object: 'an object',
  string: 'a string',
};

function expectedText(types: readonly string[], allowedValues: readonly unknown[]): string {
  const parts = [...allowedValues.map((v) => JSON.stringify(v)), ...types.map((t) => ARTICLE[t] ?? t)];
  return parts.length <= 1 ? (parts[0] ?? 'valid') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

function typeFix(where: string, expected: string, section: SchemaSection): string {
  if (section.kind === 'dashboard') {
    return `set ${where} to ${expected}, as the Dashboard type of @grafana/schema declares; the foundation SDK's DashboardBuilder and PanelBuilder setters only accept that type`;
  }
  return `set ${where} to ${expected}; the typed setters of the PanelBuilder in '@grafana/grafana-foundation-sdk/${section.pluginId}' prevent this mistake`;
}

function enumFix(section: SchemaSection): string {
  if (section.kind === 'dashboard')
    return 'use one of the allowed values (the foundation SDK exports them as enums in @grafana/grafana-foundation-sdk/dashboard)';
  return `use one of the allowed values; in TypeScript take them from the SDK's enums (e.g. common.LegendDisplayMode from '@grafana/grafana-foundation-sdk/common') instead of string literals`;
}
