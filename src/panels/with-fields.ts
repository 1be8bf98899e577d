import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { JsonObject, JsonValue } from '../model/json.ts';

/**
 * The typed escape hatch for what a builder has no method for (a field of a newer Grafana, a plugin's option, a
 * legacy key kept on purpose): `fields` is deep-merged into what `builder.build()` returns (objects merge key by
 * key, arrays and scalars replace), and the result is still a `Builder<T>` that `withPanel`, `withTarget` and
 * `export default` accept. `panelcraft import` writes it for every field it cannot express as a builder call.
 *
 * ```ts
 * withFields(new stat.PanelBuilder().title('Uptime'), { options: { text: { valueSize: 40 } } })
 * ```
 */
export function withFields<T extends object>(builder: Builder<T>, fields: JsonObject): Builder<T> {
  return {
    build: () => {
      const built = builder.build();
      mergeInto(built as Record<string, unknown>, fields);
      return built;
    },
  };
}

/**
 * A builder for a value no SDK builder makes (a query of a datasource the SDK has no builder for, a panel of an
 * external plugin): `build()` returns a fresh copy of `value` each time.
 */
export function fromJson<T extends object>(value: JsonObject): Builder<T> {
  return { build: () => structuredClone(value) as T };
}

function mergeInto(target: Record<string, unknown>, fields: JsonObject): void {
  for (const [key, value] of Object.entries(fields)) {
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(value) && isPlainObject(current)) mergeInto(current, value);
    // defineProperty: a "__proto__" key stays an own data property instead of replacing the prototype.
    else
      Object.defineProperty(target, key, { value: copy(value), enumerable: true, writable: true, configurable: true });
  }
}

function copy(value: JsonValue): JsonValue {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> & JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
