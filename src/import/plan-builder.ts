import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.ts';
import { call, raw, stringLiteral, type ChainCall, type Code } from './code.ts';
import type { ImportList } from './import-list.ts';
import { getPath, hasExtraKeys, jsonCopy, jsonEqual, residual, withDefaults } from './json-tree.ts';
import { SDK_CATALOG, type SdkBuilder, type SdkMethod } from './sdk-catalog.ts';
import { SDK_MODULES } from './sdk-modules.ts';
import { jsonCode, sortedEntries, typedCode, unitCode } from './typed-code.ts';

/** What a planned builder chain is and what it builds when run. */
export interface PlannedBuilder {
  readonly code: Code;
  /** Exactly what the code builds (the builder's defaults under the value it was asked for). */
  readonly value: JsonObject;
  /** Paths kept through the escape hatch because no builder method writes them. */
  readonly kept: readonly string[];
}

type Live = { build(): unknown } & Record<string, unknown>;

/** Variable types and the builder that makes each. */
const VARIABLE_BUILDERS: Readonly<Record<string, string>> = {
  query: 'QueryVariableBuilder',
  custom: 'CustomVariableBuilder',
  constant: 'ConstantVariableBuilder',
  datasource: 'DatasourceVariableBuilder',
  interval: 'IntervalVariableBuilder',
  textbox: 'TextBoxVariableBuilder',
  adhoc: 'AdHocVariableBuilder',
};

/** Keys written first, in this order, so a chain reads like code a person writes; the rest follow the file's order. */
const FRONT: Readonly<Record<string, readonly string[]>> = {
  'dashboard.Dashboard': [
    'title',
    'uid',
    'description',
    'tags',
    'editable',
    'graphTooltip',
    'timezone',
    'time',
    'timepicker',
    'refresh',
    'links',
    'templating',
    'annotations',
  ],
  'dashboard.Panel': ['title', 'description', 'datasource', 'gridPos'],
};
const BACK: Readonly<Record<string, readonly string[]>> = {
  'dashboard.Dashboard': ['panels'],
  'dashboard.Panel': ['targets'],
};

/**
 * The SDK builder for a value of type `builds`: the panel builder of its `type`, the variable builder of its kind,
 * Prometheus' query builder for a query with `expr`, else the one builder the SDK has for the type. `undefined`
 * when there is none (a query of another datasource).
 */
export function builderFor(builds: string, value: JsonValue): SdkBuilder | undefined {
  const v = isJsonObject(value) ? value : {};
  const type = typeof v.type === 'string' ? v.type : '';
  if (builds === 'dashboard.Panel')
    return SDK_CATALOG.builders[`${type}.PanelBuilder`] ?? SDK_CATALOG.builders['dashboard.PanelBuilder'];
  if (builds === 'dashboard.VariableModel') {
    const name = VARIABLE_BUILDERS[type];
    return name ? SDK_CATALOG.builders[`dashboard.${name}`] : undefined;
  }
  if (builds === 'cog.Dataquery') {
    const ds = isJsonObject(v.datasource) ? v.datasource.type : undefined;
    return typeof v.expr === 'string' && (ds === undefined || ds === 'prometheus')
      ? SDK_CATALOG.builders['prometheus.DataqueryBuilder']
      : undefined;
  }
  const candidates = Object.values(SDK_CATALOG.builders).filter((b) => b.builds === builds);
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The constructor arguments `builder` takes from `value` (title or name). */
function ctorArgs(builder: SdkBuilder, value: JsonObject): string[] {
  return builder.ctor.map((p) => {
    const v = getPath(value, p.split('.'));
    return typeof v === 'string' ? v : '';
  });
}

function construct(builder: SdkBuilder, args: readonly string[]): Live {
  const Ctor = SDK_MODULES[builder.module]?.[builder.name] as (new (...a: string[]) => Live) | undefined;
  if (!Ctor) throw new Error(`foundation SDK has no ${builder.module}.${builder.name}; run npm run gen:sdk-catalog`);
  return new Ctor(...args);
}

/** What `builder` builds with no method called: the defaults an imported value is completed with. */
export function builderDefaults(builder: SdkBuilder, value: JsonObject): JsonObject {
  return jsonCopy(construct(builder, ctorArgs(builder, value)).build()) as JsonObject;
}

interface Step {
  readonly call: ChainCall;
  /** What the call puts at its path when that is more than asked (an element completed with its builder's defaults). */
  readonly puts?: JsonValue;
  /** Whether `puts` is one element of the array at the path (push, withPanel) rather than the whole value. */
  readonly element?: boolean;
  /** Applies the call to a live builder (arguments copied, nested builders rebuilt). */
  readonly apply: (live: Live) => void;
}

/** A value to pass at run time: a copy each time, since builders keep and mutate what they are given. */
const asBuilder = (value: JsonValue): Builder<unknown> => ({ build: () => jsonCopy(value) });

/**
 * Plans the builder chain that builds `target`: the constructor, one call per field a method writes (nested builders
 * for builder-typed arguments, enum members for enums), and `withFields(…)` for the rest. Every call is run on a
 * real builder and kept only if what it builds matches `target`, so the code builds `value` exactly.
 * `exact` demands that the builder's defaults add nothing `target` lacks (nested option builders).
 */
export function planBuilder(
  builder: SdkBuilder,
  target: JsonObject,
  imports: ImportList,
  exact: boolean,
): PlannedBuilder | undefined {
  const args = ctorArgs(builder, target);
  const base = jsonCopy(construct(builder, args).build()) as JsonObject;
  if (exact && hasExtraKeys(base, target)) return undefined;
  const value = jsonCopy(withDefaults(base, ordered(builder.builds, target))) as JsonObject;
  const steps: Step[] = [];
  let live = construct(builder, args);
  const rebuild = () => {
    live = construct(builder, args);
    for (const s of steps) s.apply(live);
  };
  const fits = (path: readonly string[]) => {
    const built = jsonCopy(live.build());
    return !hasExtraKeys(built, value) && jsonEqual(getPath(built, path), getPath(value, path));
  };
  const tryStep = (candidate: Step[], path: readonly string[]): boolean => {
    const before = getPath(value, path);
    if (candidate.length > 0 && candidate.every((s) => s.puts !== undefined)) {
      setPath(value, path, candidate[0]!.element ? candidate.map((s) => s.puts!) : candidate[0]!.puts!);
    }
    for (const s of candidate) s.apply(live);
    if (fits(path)) {
      steps.push(...candidate);
      return true;
    }
    if (before !== undefined) setPath(value, path, before);
    rebuild();
    return false;
  };
  const byPath = new Map<string, SdkMethod[]>();
  for (const m of builder.methods) {
    if (m.kind === 'const') continue;
    byPath.set(m.path, [...(byPath.get(m.path) ?? []), m]);
  }

  for (const m of builder.methods) {
    if (m.kind !== 'const') continue;
    const wanted = m.sets.every((s) => getPath(value, s.path.split('.')) === s.value);
    const already = m.sets.every((s) => getPath(base, s.path.split('.')) === s.value);
    if (wanted && !already)
      tryStep([{ call: { name: m.name, args: [] }, apply: (l) => method(l, m.name)() }], [m.sets[0]!.path]);
  }

  const walk = (prefix: readonly string[], want: JsonObject, have: JsonValue | undefined) => {
    for (const [key, v] of prefix.length === 0 ? Object.entries(want) : sortedEntries(want)) {
      const path = [...prefix, key];
      const built = getPath(jsonCopy(live.build()), path);
      if (jsonEqual(v, built)) continue;
      const candidates = stepsAt(builder, path.join('.'), byPath.get(path.join('.')) ?? [], v, imports);
      if (candidates.some((c) => tryStep(c, path))) continue;
      if (isJsonObject(v)) walk(path, v, isJsonObject(have) ? have[key] : undefined);
    }
  };
  walk([], value, base);

  const built = jsonCopy(live.build()) as JsonObject;
  if (hasExtraKeys(built, value)) return undefined;
  const rest = residual(value, built);
  const head = call(
    `new ${imports.ref(builder.module, builder.name)}`,
    args.map((a) => raw(stringLiteral(a))),
  );
  const chain: Code = steps.length === 0 ? head : { t: 'chain', head, calls: steps.map((s) => s.call) };
  const kept = leafPaths(rest);
  if (kept.length === 0) return { code: chain, value, kept };
  if (exact) return undefined;
  return { code: call(imports.helper('withFields'), [chain, jsonCode(rest)]), value, kept };
}

/** Candidate call sequences that write `value` at one path, best first. */
function stepsAt(
  builder: SdkBuilder,
  path: string,
  methods: readonly SdkMethod[],
  value: JsonValue,
  imports: ImportList,
): Step[][] {
  const out: Step[][] = [];
  const items = Array.isArray(value) ? value : undefined;
  if (builder.builds === 'dashboard.Dashboard' && path === 'panels' && items) {
    // withPanel and withRow also lay panels out, so the catalog does not list them; every panel says where it goes.
    const steps = items.map((item): Step | undefined => {
      const row = isJsonObject(item) && item.type === 'row';
      const name = row ? 'withRow' : 'withPanel';
      const a = argument(
        { k: 'builder', of: row ? 'dashboard.RowPanel' : 'dashboard.Panel' },
        item,
        true,
        imports,
        builder,
      );
      return (
        a && {
          call: { name, args: [a.code] },
          puts: a.value,
          element: true,
          apply: (l) => method(l, name)(a.runtime()),
        }
      );
    });
    if (steps.every((s) => s !== undefined)) out.push(steps as Step[]);
  }
  for (const m of methods) {
    if (m.kind === 'push' && items && items.length > 0) {
      const steps = items.map((item) => argument(m.params[0], item, m.build === 'one', imports, builder));
      if (steps.every((s) => s !== undefined)) {
        out.push(
          steps.map((a) => ({
            call: { name: m.name, args: [a!.code] },
            puts: a!.value,
            element: true,
            apply: (l) => method(l, m.name)(a!.runtime()),
          })),
        );
      }
    }
    if (m.kind === 'override' && items && items.length > 0) {
      const steps = items.map((item) => overrideStep(m, item, imports));
      if (steps.every((s) => s !== undefined)) out.push(steps as Step[]);
    }
  }
  for (const m of methods) {
    if (m.kind !== 'set') continue;
    if (m.name === 'unit' && typeof value === 'string') {
      out.push([{ call: { name: m.name, args: [unitCode(value, imports)] }, apply: (l) => method(l, m.name)(value) }]);
      continue;
    }
    if (m.build === 'each') {
      if (!items || (items.length > 0 && methods.some((o) => o.kind === 'push'))) continue;
      const param = m.params[0];
      const each = items.map((item) =>
        argument(param?.k === 'array' ? param.of : undefined, item, true, imports, builder),
      );
      if (each.every((a) => a !== undefined)) {
        out.push([
          {
            call: { name: m.name, args: [{ t: 'arr', items: each.map((a) => a!.code) }] },
            puts: each.map((a) => a!.value ?? null),
            apply: (l) => method(l, m.name)(each.map((a) => a!.runtime())),
          },
        ]);
      }
      continue;
    }
    const a = argument(m.params[0], value, m.build === 'one', imports, builder);
    if (a)
      out.push([
        {
          call: { name: m.name, args: [a.code] },
          ...(a.value !== undefined ? { puts: a.value } : {}),
          apply: (l) => method(l, m.name)(a.runtime()),
        },
      ]);
  }
  return out;
}

interface Argument {
  readonly code: Code;
  readonly runtime: () => unknown;
  /** What a nested builder builds. */
  readonly value?: JsonValue;
}

/** One argument: a nested builder chain (or `fromJson` for a value no builder makes) or a typed literal. */
function argument(
  type: SdkMethod['params'][number] | undefined,
  value: JsonValue,
  build: boolean,
  imports: ImportList,
  parent: SdkBuilder,
): Argument | undefined {
  if (!type) return undefined;
  if (build) {
    const builds = type.k === 'builder' ? type.of : undefined;
    if (!builds || !isJsonObject(value)) return undefined;
    // A panel's links are data links ({title, url}): the dashboard-link builder's defaults do not belong there.
    const entity =
      ENTITY_TYPES.has(builds) && !(builds === 'dashboard.DashboardLink' && parent.builds !== 'dashboard.Dashboard');
    const nested = nestedBuilder(builds, value, imports, !entity);
    return nested ? { code: nested.code, value: nested.value, runtime: () => asBuilder(nested.value) } : undefined;
  }
  const code = typedCode(value, type, imports, (builds, v) =>
    isJsonObject(v) ? nestedBuilder(builds, v, imports, true)?.code : undefined,
  );
  return code ? { code, runtime: () => jsonCopy(value) } : undefined;
}

/** Types imported elements stand for (panels, queries, variables…): filled with their builder's defaults, never exact. */
const ENTITY_TYPES = new Set([
  'dashboard.Panel',
  'dashboard.RowPanel',
  'cog.Dataquery',
  'dashboard.VariableModel',
  'dashboard.AnnotationQuery',
  'dashboard.DashboardLink',
]);

/** A nested builder chain for `value`, or `fromJson(…)` for an entity no builder makes. */
export function nestedBuilder(
  builds: string,
  value: JsonObject,
  imports: ImportList,
  exact: boolean,
): PlannedBuilder | undefined {
  const b = builderFor(builds, value);
  const planned = b ? planBuilder(b, value, imports, exact) : undefined;
  if (planned || exact) return planned;
  return { code: call(imports.helper('fromJson'), [jsonCode(value)]), value, kept: [''] };
}

function overrideStep(m: SdkMethod & { kind: 'override' }, item: JsonValue, imports: ImportList): Step | undefined {
  if (
    !isJsonObject(item) ||
    !isJsonObject(item.matcher) ||
    Object.keys(item).some((k) => k !== 'matcher' && k !== 'properties')
  )
    return undefined;
  const { id, options } = item.matcher;
  if (
    id !== m.matcher ||
    typeof options !== 'string' ||
    Object.keys(item.matcher).length !== 2 ||
    !Array.isArray(item.properties)
  )
    return undefined;
  const props = typedCode(item.properties, m.params[1]!, imports, () => undefined);
  if (!props) return undefined;
  const properties = item.properties;
  return {
    call: { name: m.name, args: [raw(stringLiteral(options)), props] },
    apply: (l) => method(l, m.name)(options, jsonCopy(properties)),
  };
}

function method(live: Live, name: string): (...args: unknown[]) => unknown {
  const fn = live[name];
  if (typeof fn !== 'function') throw new Error(`builder has no method ${name}`);
  return (...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(live, args);
}

/** `target` with the keys of FRONT first, BACK last, the rest sorted (so the file's key order does not matter). */
function ordered(builds: string, target: JsonObject): JsonObject {
  const front = FRONT[builds] ?? [];
  const back = BACK[builds] ?? [];
  const keys = Object.keys(target).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const order = [
    ...front.filter((k) => keys.includes(k)),
    ...keys.filter((k) => !front.includes(k) && !back.includes(k)),
    ...back.filter((k) => keys.includes(k)),
  ];
  const out: JsonObject = {};
  for (const k of order)
    Object.defineProperty(out, k, { value: target[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function setPath(obj: JsonObject, path: readonly string[], v: JsonValue): void {
  let current: JsonValue = obj;
  for (const key of path.slice(0, -1)) {
    if (!isJsonObject(current)) return;
    current = current[key]!;
  }
  if (isJsonObject(current))
    Object.defineProperty(current, path.at(-1)!, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Dotted paths of the leaves of a residual, for the report. */
function leafPaths(value: JsonObject, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    isJsonObject(v) && Object.keys(v).length > 0 ? leafPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
