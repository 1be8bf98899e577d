/**
 * The imports a generated file needs, collected while its code is planned: named imports from the dashboard module
 * (`DashboardBuilder`, `VariableRefresh`), a namespace per other SDK module (`timeseries.PanelBuilder`), and
 * panelcraft's own helpers.
 */
export class ImportList {
  private readonly named = new Set<string>();
  private readonly namespaces = new Set<string>();
  private readonly panelcraft = new Set<string>();
  private readonly locals = new Map<string, string>();

  /** How code names `name` of SDK module `module`. */
  ref(module: string, name: string): string {
    if (module === 'dashboard') {
      this.named.add(name);
      return name;
    }
    return `${this.namespace(module)}.${name}`;
  }

  namespace(module: string): string {
    this.namespaces.add(module);
    return module;
  }

  /** A name exported by a file of the project (`../_lib/x-variables.ts`). */
  local(name: string, from: string): string {
    this.locals.set(name, from);
    return name;
  }

  helper(name: string): string {
    this.panelcraft.add(name);
    return name;
  }

  /**
   * Import declarations sorted by module, names sorted, as Biome writes them; only names `body` uses (a panel
   * replaced by a panelcraft call no longer needs the builders planned for it).
   */
  lines(body: string): string[] {
    const sdk = '@grafana/grafana-foundation-sdk';
    const uses = (pattern: string) => new RegExp(`(?<![\\w$.])${pattern}`).test(body);
    const named = [...this.named].filter((n) => uses(`${n}\\b`));
    const namespaces = [...this.namespaces].filter((m) => uses(`${m}\\.`));
    const helpers = [...this.panelcraft].filter((n) => uses(`${n}\\(`));
    const out: [string, string][] = [];
    if (named.length > 0) out.push([`${sdk}/dashboard`, namedImport(named, `${sdk}/dashboard`)]);
    for (const m of namespaces) out.push([`${sdk}/${m}`, `import * as ${m} from '${sdk}/${m}';`]);
    if (helpers.length > 0) out.push(['panelcraft', namedImport(helpers, 'panelcraft')]);
    for (const [name, from] of this.locals) if (uses(`${name}\\(`)) out.push([from, namedImport([name], from)]);
    return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
  }
}

function namedImport(names: string[], from: string): string {
  const sorted = names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const one = `import { ${sorted.join(', ')} } from '${from}';`;
  if (one.length <= 120) return one;
  return `import {\n${sorted.map((n) => `  ${n},\n`).join('')}} from '${from}';`;
}
