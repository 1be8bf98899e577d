/**
 * Reads the installed @grafana/grafana-foundation-sdk and describes its builders as data for `panelcraft import`:
 * for every builder class, what its constructor sets, and for every method the JSON path it writes and the type of
 * its argument (from the `.d.ts`, through the TypeScript checker; enums with their members, builders by the type
 * they build). The paths come from the generated `.js` bodies, which cog writes in a few fixed shapes; a method in
 * any other shape is left out, and import then keeps its field through `withFields`. Deterministic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import type { SdkBuilder, SdkCatalog, SdkMethod, SdkType } from '../../src/import/sdk-catalog.ts';

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('@grafana/grafana-foundation-sdk/dashboard')).replace(/[\\/]dashboard$/, '');

/** Modules whose builders an import uses: the classic dashboard, shared types, panels and datasource queries. */
function modules(): string[] {
  return readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .filter(
      (m) =>
        !/^(dashboardv2|resource|folder|playlist|preferences|stars|team|publicdashboard|librarypanel|alerting|cog|units)/.test(
          m,
        ),
    )
    .filter(
      (m) =>
        m === 'common' ||
        m === 'prometheus' ||
        readdirSync(path.join(DIST, m)).some((f) => /^(panelBuilder|dashboardBuilder)\.gen\.d\.ts$/.test(f)),
    )
    .sort();
}

const BUILDER_FILE = /^(?!visualization|queryV2|query\b)([A-Za-z]+)Builder\.gen\.d\.ts$/;

export function generateCatalog(): SdkCatalog {
  const mods = modules();
  const files = mods.flatMap((m) =>
    readdirSync(path.join(DIST, m))
      .filter((f) => BUILDER_FILE.test(f))
      .sort()
      .map((f) => ({ module: m, file: path.join(DIST, m, f) })),
  );
  const program = ts.createProgram(
    files.map((f) => f.file),
    { strict: true, noEmit: true, skipLibCheck: true },
  );
  const checker = program.getTypeChecker();
  const types: Record<string, SdkType> = {};
  const builders: Record<string, SdkBuilder> = {};

  const moduleOf = (decl: ts.Declaration | undefined): string | undefined => {
    if (!decl) return undefined;
    const rel = path.relative(DIST, decl.getSourceFile().fileName).split(path.sep);
    return rel.length > 1 && rel[0] !== '..' ? rel[0] : undefined;
  };

  const describe = (type: ts.Type, depth: number): SdkType => {
    if (depth > 12) return { k: 'any' };
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { k: 'any' };
    if (f & ts.TypeFlags.EnumLiteral && type.isUnion()) return enumType(type);
    if (f & ts.TypeFlags.EnumLiteral && type.symbol && (type.isStringLiteral() || type.isNumberLiteral())) {
      // One member of an enum (a discriminant such as `type: MappingType.ValueToText`): only that member fits.
      const parent = (type.symbol as ts.Symbol & { parent?: ts.Symbol }).parent;
      return {
        k: 'enum',
        module: moduleOf(parent?.declarations?.[0]) ?? '?',
        name: parent?.getName() ?? '?',
        members: { [type.symbol.getName()]: type.value },
      };
    }
    if (f & ts.TypeFlags.String) return { k: 'string' };
    if (f & ts.TypeFlags.Number) return { k: 'number' };
    if (f & ts.TypeFlags.Boolean) return { k: 'boolean' };
    if (f & ts.TypeFlags.BooleanLiteral)
      return { k: 'literal', v: (type as { intrinsicName?: string }).intrinsicName === 'true' };
    if (type.isStringLiteral() || type.isNumberLiteral()) return { k: 'literal', v: type.value };
    if (f & ts.TypeFlags.Null) return { k: 'literal', v: null };
    if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { k: 'undefined' };
    if (type.isUnion()) {
      const members = type.types.map((t) => describe(t, depth + 1));
      const bools = members.filter((m) => m.k === 'literal' && typeof m.v === 'boolean');
      const rest = members.filter((m) => !(m.k === 'literal' && typeof m.v === 'boolean'));
      return { k: 'union', of: bools.length === 2 ? [{ k: 'boolean' }, ...rest] : members };
    }
    if (checker.isArrayType(type)) {
      const [elem] = checker.getTypeArguments(type as ts.TypeReference);
      return { k: 'array', of: elem ? describe(elem, depth + 1) : { k: 'any' } };
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (symbol?.getName() === 'Builder' && moduleOf(symbol.declarations?.[0]) === 'cog') {
      const arg = (type.aliasTypeArguments ?? checker.getTypeArguments(type as ts.TypeReference))[0];
      return { k: 'builder', of: arg ? typeName(arg) : '?' };
    }
    if (f & ts.TypeFlags.Object) {
      const home = moduleOf(symbol?.declarations?.[0]);
      const named =
        symbol && home && symbol.getName() !== '__type' && symbol.getName() !== '__object'
          ? `${home}.${symbol.getName()}`
          : undefined;
      if (named) {
        if (!(named in types)) {
          types[named] = { k: 'any' }; // placeholder while recursing
          types[named] = objectType(type, depth);
        }
        return { k: 'ref', name: named };
      }
      return objectType(type, depth);
    }
    return { k: 'any' };
  };

  const objectType = (type: ts.Type, depth: number): SdkType => {
    const props: Record<string, { t: SdkType; optional: boolean }> = {};
    for (const p of checker.getPropertiesOfType(type)) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      if (!decl) continue;
      const pt = checker.getTypeOfSymbolAtLocation(p, decl);
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      props[p.getName()] = { t: describe(optional ? checker.getNonNullableType(pt) : pt, depth + 1), optional };
    }
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    return { k: 'object', props, ...(index ? { index: describe(index.type, depth + 1) } : {}) };
  };

  const enumType = (type: ts.Type): SdkType => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const key = `${moduleOf(symbol?.declarations?.[0]) ?? '?'}.${symbol?.getName() ?? '?'}`;
    if (!(key in types)) types[key] = enumMembers(type, symbol);
    return { k: 'ref', name: key };
  };

  const enumMembers = (type: ts.Type, symbol: ts.Symbol | undefined): SdkType => {
    const members: Record<string, string | number> = {};
    for (const t of type.isUnion() ? type.types : [type]) {
      if (t.isStringLiteral() || t.isNumberLiteral()) members[t.symbol?.getName() ?? String(t.value)] = t.value;
    }
    return { k: 'enum', module: moduleOf(symbol?.declarations?.[0]) ?? '?', name: symbol?.getName() ?? '?', members };
  };

  const typeName = (type: ts.Type): string => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return symbol ? `${moduleOf(symbol.declarations?.[0]) ?? '?'}.${symbol.getName()}` : '?';
  };

  for (const { module, file } of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const js = readFileSync(file.replace(/\.d\.ts$/, '.js'), 'utf8');
    for (const stmt of source.statements) {
      if (!ts.isClassDeclaration(stmt) || !stmt.name) continue;
      const className = stmt.name.text;
      const classType = checker.getTypeAtLocation(stmt);
      const buildSym = classType.getProperty('build');
      if (!buildSym) continue;
      const buildType = checker.getTypeOfSymbolAtLocation(buildSym, stmt);
      const built = buildType.getCallSignatures()[0]?.getReturnType();
      if (!built) continue;
      const ctor = stmt.members.find(ts.isConstructorDeclaration);
      const ctorParams = ctor?.parameters.map((p) => p.name.getText(source)) ?? [];
      const body = classBody(js, className);
      const methods: SdkMethod[] = [];
      for (const member of stmt.members) {
        if (!ts.isMethodDeclaration(member) || !member.name || member.name.getText(source) === 'build') continue;
        const name = member.name.getText(source);
        const params = member.parameters.map((p) => ({
          name: p.name.getText(source),
          type: describe(checker.getTypeAtLocation(p), 0),
        }));
        const shape = methodShape(
          methodBody(body, name),
          params.map((p) => p.name),
        );
        if (shape) methods.push({ ...shape, name, params: params.map((p) => p.type) });
      }
      const ctorPaths = ctorParams.map(
        (p) => new RegExp(`this\\.internal\\.([\\w.]+) = ${p};`).exec(methodBody(body, 'constructor'))?.[1] ?? '',
      );
      builders[`${module}.${className}`] = {
        module,
        name: className,
        builds: typeName(built),
        ctor: ctorPaths,
        methods,
      };
    }
  }
  return {
    sdkVersion: sdkVersion(),
    modules: Object.keys(builders)
      .map((k) => k.split('.')[0]!)
      .filter((m, i, all) => all.indexOf(m) === i),
    builders,
    types: sortKeys(types),
  };
}

function sdkVersion(): string {
  return (JSON.parse(readFileSync(path.join(DIST, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function classBody(js: string, className: string): string {
  const start = js.indexOf(`class ${className} {`);
  if (start === -1) return '';
  const end = js.indexOf('\n}\n', start);
  return `${js.slice(start, end === -1 ? undefined : end)}\n`;
}

/** The body of `name(…) { … }` at class-member indentation. */
function methodBody(classText: string, name: string): string {
  const head = new RegExp(`\\n    ${name}\\(([^)]*)\\) \\{\\n`).exec(classText);
  if (!head) return '';
  const start = head.index + head[0].length;
  const end = classText.indexOf('\n    }\n', start);
  return classText.slice(start, end === -1 ? undefined : end);
}

type Shape = SdkMethod extends infer M ? (M extends SdkMethod ? Omit<M, 'name' | 'params'> : never) : never;

/**
 * The shapes cog writes: `this.internal.P = x;` (set), `= x.build()` or `= xs.map(b => b.build())` (builders),
 * `this.internal.P.push(x)` (append), constants with no parameter, and overrideBy… (append a matcher). Guards and
 * default initialisers before the write are allowed; anything else is not a shape.
 */
function methodShape(body: string, params: string[]): Shape | undefined {
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('//'));
  const rest = skipGuards(lines);
  if (rest.at(-1) !== 'return this;') return undefined;
  const core = rest.slice(0, -1).join(' ');
  const [p] = params;
  if (params.length === 0) {
    const sets = [...core.matchAll(/this\.internal\.([\w.]+) = (true|false|-?\d+(?:\.\d+)?|"[^"\\]*");/g)];
    if (sets.length === 0 || sets.map((m) => m[0]).join(' ') !== core) return undefined;
    return {
      kind: 'const',
      sets: sets.map((m) => ({ path: m[1]!, value: JSON.parse(m[2]!) as string | number | boolean })),
    };
  }
  if (params.length === 2) {
    const m =
      /^this\.internal\.([\w.]+)\.push\(\{ matcher: \{ id: "(\w+)", options: (\w+), \}, properties: (\w+), \}\);$/.exec(
        core,
      );
    if (m && m[3] === params[0] && m[4] === params[1]) return { kind: 'override', path: m[1]!, matcher: m[2]! };
    return undefined;
  }
  if (params.length !== 1 || !p) return undefined;
  let m = new RegExp(`^this\\.internal\\.([\\w.]+) = ${p};$`).exec(core);
  if (m) return { kind: 'set', path: m[1]! };
  m = new RegExp(`^const ${p}Resource = ${p}\\.build\\(\\); this\\.internal\\.([\\w.]+) = ${p}Resource;$`).exec(core);
  if (m) return { kind: 'set', path: m[1]!, build: 'one' };
  m = new RegExp(
    `^const ${p}Resources = ${p}\\.map\\(builder1 => builder1\\.build\\(\\)\\); this\\.internal\\.([\\w.]+) = ${p}Resources;$`,
  ).exec(core);
  if (m) return { kind: 'set', path: m[1]!, build: 'each' };
  m = new RegExp(`^this\\.internal\\.([\\w.]+)\\.push\\(${p}\\);$`).exec(core);
  if (m) return { kind: 'push', path: m[1]! };
  m = new RegExp(
    `^const ${p}Resource = ${p}\\.build\\(\\); this\\.internal\\.([\\w.]+)\\.push\\(${p}Resource\\);((?: this\\.internal\\.[\\w.]+ = (?:true|false);)*)$`,
  ).exec(core);
  if (m) {
    const also = [...m[2]!.matchAll(/this\.internal\.([\w.]+) = (true|false);/g)].map((a) => ({
      path: a[1]!,
      value: a[2] === 'true',
    }));
    return { kind: 'push', path: m[1]!, build: 'one', ...(also.length > 0 ? { also } : {}) };
  }
  return undefined;
}

/** Drops leading `if (…) { … }` blocks: range checks and `if (!this.internal.x) { this.internal.x = default…; }`. */
function skipGuards(lines: string[]): string[] {
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('if (')) {
    let depth = 0;
    for (; i < lines.length; i++) {
      depth += (lines[i]!.match(/\{/g) ?? []).length - (lines[i]!.match(/\}/g) ?? []).length;
      if (depth <= 0) {
        i++;
        break;
      }
    }
  }
  return lines.slice(i);
}
