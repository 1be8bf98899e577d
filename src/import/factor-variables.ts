import { arrayAt, isJsonObject, objectAt, type JsonObject } from '../model/json.ts';
import { print, type ChainCall, type Code } from './code.ts';
import { ImportList } from './import-list.ts';
import { nestedBuilder } from './plan-builder.ts';

/** A variable set several imported dashboards share, written once under dashboards/_lib/. */
export interface SharedVariables {
  /** `dashboards/_lib/<folder>-variables.ts` */
  readonly path: string;
  /** The exported function (`goServicesVariables`). */
  readonly name: string;
  /** How a dashboard in the import's --out folder imports it (`../_lib/go-services-variables.ts`). */
  readonly from: string;
  /** The `.ts` source of the shared file. */
  readonly contents: string;
  /** The dashboards that use it. */
  readonly users: readonly string[];
}

/**
 * Groups dashboards by their variable list (`templating.list`, compared as JSON) and writes each list that two or
 * more of them share as one function in dashboards/_lib/: `export function goServicesVariables() { return [...] }`.
 * Returns the shared file per group and, per dashboard index, the one it uses. Pure.
 */
export function factorVariables(
  dashboards: readonly { readonly dashboard: JsonObject; readonly output: string }[],
  folder: string,
): { shared: SharedVariables[]; usedBy: Map<number, SharedVariables> } {
  const groups = new Map<string, number[]>();
  dashboards.forEach(({ dashboard }, i) => {
    const list = arrayAt(objectAt(dashboard, 'templating') ?? {}, 'list');
    if (list.length === 0) return;
    const key = JSON.stringify(list);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const shared: SharedVariables[] = [];
  const usedBy = new Map<number, SharedVariables>();
  const base =
    folder
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'shared';
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const n = shared.length === 0 ? '' : `-${shared.length + 1}`;
    const file = `${base}-variables${n}`;
    const name = file.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const list = arrayAt(objectAt(dashboards[members[0]!]!.dashboard, 'templating') ?? {}, 'list').filter(isJsonObject);
    const users = members.map((i) => dashboards[i]!.output);
    const entry: SharedVariables = {
      path: `dashboards/_lib/${file}.ts`,
      name,
      from: `../_lib/${file}.ts`,
      contents: variablesSource(list, name, users),
      users,
    };
    shared.push(entry);
    for (const i of members) usedBy.set(i, entry);
  }
  return { shared, usedBy };
}

function variablesSource(list: readonly JsonObject[], name: string, users: readonly string[]): string {
  const imports = new ImportList();
  const items: Code[] = list.map((v) => {
    const planned = nestedBuilder('dashboard.VariableModel', v, imports, false);
    if (!planned) throw new Error(`variable ${JSON.stringify(v.name)} has no builder`);
    return planned.code;
  });
  const body = [
    `/** The variables of ${users.length} imported dashboards, in their order. */`,
    `export function ${name}() {`,
    `  return ${print({ t: 'arr', items }, 2, 9, 1)};`,
    '}',
  ].join('\n');
  return [
    `// Factored out by \`panelcraft import --factor\`: shared by ${users.join(', ')}.`,
    ...imports.lines(body),
    '',
    body,
    '',
  ].join('\n');
}

/** Replaces a dashboard chain's `withVariable(…)` calls with one `.variables(shared())` where the first one was. */
export function useSharedVariables(code: Code, name: string): Code {
  const replace = (calls: readonly ChainCall[]): ChainCall[] => {
    const first = calls.findIndex((c) => c.name === 'withVariable');
    if (first === -1) return [...calls];
    const rest = calls.filter((c) => c.name !== 'withVariable');
    rest.splice(first, 0, { name: 'variables', args: [{ t: 'call', callee: name, args: [] }] });
    return rest;
  };
  if (code.t === 'chain') return { ...code, calls: replace(code.calls) };
  if (code.t === 'call' && code.args[0]?.t === 'chain')
    return { ...code, args: [{ ...code.args[0], calls: replace(code.args[0].calls) }, ...code.args.slice(1)] };
  return code;
}
