/**
 * The imports a generated file needs, collected while its code is planned: named imports from the dashboard module
 * (`DashboardBuilder`, `VariableRefresh`), a namespace per other SDK module (`timeseries.PanelBuilder`), and
 * panelcraft's own helpers.
 */
export class ImportList {
  private readonly named = new Set<string>();
  private readonly namespaces = new Set<string>();
  private readonly panelcraft = new Set<string>();

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

  helper(name: string): string {
    this.panelcraft.add(name);
    return name;
  }

  /** Import declarations sorted by module, names sorted, as Biome writes them. */
  lines(): string[] {
    const sdk = '@grafana/grafana-foundation-sdk';
    const out: [string, string][] = [];
    if (this.named.size > 0) out.push([`${sdk}/dashboard`, namedImport([...this.named], `${sdk}/dashboard`)]);
    for (const m of this.namespaces) out.push([`${sdk}/${m}`, `import * as ${m} from '${sdk}/${m}';`]);
    if (this.panelcraft.size > 0) out.push(['panelcraft', namedImport([...this.panelcraft], 'panelcraft')]);
    return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
  }
}

function namedImport(names: string[], from: string): string {
  const sorted = names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const one = `import { ${sorted.join(', ')} } from '${from}';`;
  if (one.length <= 120) return one;
  return `import {\n${sorted.map((n) => `  ${n},\n`).join('')}} from '${from}';`;
}
