/**
 * Deliberate relaxations of the schemas generated from @grafana/schema.
 *
 * The TypeScript types in @grafana/schema describe what Grafana *writes*; Grafana *reads* far more leniently: it
 * fills defaults for missing fields, keeps unknown keys, and migrates old shapes when a dashboard loads. A schema
 * that rejected what Grafana accepts would fail normal foundation-SDK output and normal UI exports, so each
 * relaxation below names what Grafana does instead. Everything not listed stays as strict as the types.
 */

/** A JSON Schema node as the generator emits it (plain JSON). */
export type SchemaNode = { [key: string]: unknown };

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies `visit` to every schema object in the tree, parents first. */
function walk(node: unknown, visit: (n: SchemaNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!isNode(node)) return;
  visit(node);
  for (const value of Object.values(node)) walk(value, visit);
}

function definition(schema: SchemaNode, name: string): SchemaNode {
  const defs = schema.definitions;
  const def = isNode(defs) ? defs[name] : undefined;
  if (!isNode(def))
    throw new Error(`gen-schema: definition ${name} is gone from @grafana/schema; review scripts/schema/relax.ts`);
  return def;
}

/** `deprecated` is not a draft-07 keyword (ajv's strict mode rejects it); the description keeps the prose. */
function stripDeprecated(schema: SchemaNode): void {
  walk(schema, (n) => {
    if (typeof n.deprecated === 'string' || typeof n.deprecated === 'boolean') delete n.deprecated;
  });
}

/**
 * Required fields of the dashboard model that Grafana fills in itself when they are missing
 * (DashboardModel / PanelModel / the v1 migration defaults). Listing them one by one, instead of dropping every
 * `required`, keeps any field a future @grafana/schema makes required strict until someone reviews it here.
 */
const DASHBOARD_DEFAULTED: Readonly<Record<string, readonly string[]>> = {
  // Missing schemaVersion is read as 0 and every migration runs (`apps/dashboard/pkg/migration/schemaversion/migrations.go`); the schema-version rule, not
  // the schema, decides what to emit.
  Dashboard: ['schemaVersion'],
  // The built-in "Annotations & Alerts" query is re-created with defaults; SDK-built queries omit some fields.
  AnnotationQuery: ['datasource', 'enable', 'iconColor', 'name'],
  AnnotationPanelFilter: ['ids'],
  AnnotationTarget: ['limit', 'matchAny', 'tags', 'type'],
  // Links default to type "link" with every flag false.
  DashboardLink: ['asDropdown', 'icon', 'includeVars', 'keepTime', 'tags', 'targetBlank', 'title', 'tooltip', 'type'],
  // PanelModel defaults `fieldConfig` to `{defaults: {}, overrides: []}` and `gridPos` to `{x:0,y:0,h:3,w:6}`.
  FieldConfigSource: ['defaults', 'overrides'],
  GridPos: ['h', 'w', 'x', 'y'],
  // A color without mode falls back to the thresholds mode; thresholds without mode are absolute.
  FieldColor: ['mode'],
  ThresholdsConfig: ['mode'],
  // Transformations without options run with their defaults.
  DataTransformerConfig: ['options'],
  // Library panels are looked up by uid only.
  LibraryPanelRef: ['name'],
  // Rows default to expanded, with no panels; ids are assigned on load (and by panelcraft's normalize step).
  RowPanel: ['collapsed', 'id', 'panels'],
  // UI exports write `"current": {}` for variables that have no value yet.
  VariableOption: ['text', 'value'],
};

/** Panel fields that Grafana ≤ 9 exports write as `null` and the frontend reads as "not set". */
const PANEL_NULLABLE = [
  'cacheTimeout',
  'description',
  'interval',
  'maxDataPoints',
  'queryCachingTTL',
  'timeFrom',
  'timeShift',
];

function allowNull(prop: SchemaNode, where: string): void {
  const type = prop.type;
  if (typeof type === 'string') prop.type = [type, 'null'];
  else if (Array.isArray(type) && !type.includes('null')) prop.type = [...type, 'null'];
  else throw new Error(`gen-schema: cannot make ${where} nullable (no simple type); review scripts/schema/relax.ts`);
}

/** The `type` constant a union member is told apart by, or `undefined`. */
function discriminatorOf(schema: SchemaNode, member: unknown): string | undefined {
  const node =
    isNode(member) && typeof member.$ref === 'string'
      ? definition(schema, member.$ref.replace('#/definitions/', ''))
      : member;
  if (!isNode(node) || !isNode(node.properties)) return undefined;
  const type = node.properties.type;
  return isNode(type) && typeof type.const === 'string' ? type.const : undefined;
}

/**
 * A union whose members each carry a distinct `type` constant (value mappings, table cell options, ...) becomes
 * "`type` is one of these; if `type` is X, the value is member X". That is how Grafana reads them (it switches
 * on `type`), and it makes ajv report the errors of the one member meant instead of every member's.
 */
function discriminateUnions(schema: SchemaNode): void {
  walk(schema, (n) => {
    const members = n.anyOf;
    if (!Array.isArray(members) || members.length < 2) return;
    const tags = members.map((m) => discriminatorOf(schema, m));
    if (tags.some((t) => t === undefined) || new Set(tags).size !== tags.length) return;
    delete n.anyOf;
    n.type = 'object';
    n.required = ['type'];
    n.properties = { type: { type: 'string', enum: tags } };
    n.allOf = members.map((member, i) => ({
      if: { properties: { type: { const: tags[i] } }, required: ['type'] },
      then: member,
    }));
  });
}

export function relaxDashboardSchema(schema: SchemaNode): void {
  stripDeprecated(schema);
  discriminateUnions(schema);

  // Grafana keeps unknown keys at every level: plugin-specific target fields, old panel keys (`aliasColors`,
  // `pluginVersion` of removed plugins), keys newer Grafana versions add. Unknown keys are never an error.
  walk(schema, (n) => {
    if (n.additionalProperties === false) delete n.additionalProperties;
  });

  for (const [name, fields] of Object.entries(DASHBOARD_DEFAULTED)) {
    const def = definition(schema, name);
    const required = Array.isArray(def.required) ? (def.required as string[]) : [];
    for (const field of fields) {
      if (!required.includes(field))
        throw new Error(`gen-schema: ${name}.${field} is no longer required upstream; review scripts/schema/relax.ts`);
    }
    const kept = required.filter((f) => !fields.includes(f));
    if (kept.length > 0) def.required = kept;
    else delete def.required;
  }

  // `datasource: null` means "the default datasource", and a string (name or uid) is migrated to a ref for
  // dashboards with schemaVersion < 33 (`apps/dashboard/pkg/migration/schemaversion/v33.go`). Whether a ref resolves is the datasource rule's job.
  const ref = definition(schema, 'DataSourceRef');
  if (ref.type !== 'object')
    throw new Error('gen-schema: DataSourceRef is no longer an object; review scripts/schema/relax.ts');
  ref.type = ['object', 'null', 'string'];

  const panelProps = definition(schema, 'Panel').properties;
  if (!isNode(panelProps)) throw new Error('gen-schema: Panel has no properties; review scripts/schema/relax.ts');
  for (const key of PANEL_NULLABLE) {
    const prop = panelProps[key];
    if (!isNode(prop)) throw new Error(`gen-schema: Panel.${key} is gone; review scripts/schema/relax.ts`);
    allowNull(prop, `Panel.${key}`);
  }

  // A library panel reference is exported as `{id, gridPos, libraryPanel: {uid, name}}`, without `type`: Grafana
  // loads the rest of the panel from the library. Every other panel needs its `type`.
  const panel = definition(schema, 'Panel');
  if (!Array.isArray(panel.required) || panel.required.join() !== 'type') {
    throw new Error('gen-schema: Panel.required is no longer ["type"]; review scripts/schema/relax.ts');
  }
  delete panel.required;
  panel.if = { required: ['libraryPanel'] };
  panel.else = { required: ['type'] };

  // `panels` is `Array<Panel | RowPanel>`: as an anyOf, one wrong field yields errors for both branches. Grafana
  // itself tells rows from panels by `type === "row"`, so the schema does the same with if/then/else.
  const dashProps = definition(schema, 'Dashboard').properties;
  const panels = isNode(dashProps) ? dashProps.panels : undefined;
  if (!isNode(panels) || !isNode(panels.items) || !Array.isArray(panels.items.anyOf)) {
    throw new Error(
      'gen-schema: Dashboard.panels is no longer Array<Panel | RowPanel>; review scripts/schema/relax.ts',
    );
  }
  panels.items = {
    if: { type: 'object', properties: { type: { const: 'row' } }, required: ['type'] },
    then: { $ref: '#/definitions/RowPanel' },
    else: { $ref: '#/definitions/Panel' },
  };
}

/**
 * Options that Grafana 10–12 wrote and that newer @grafana/schema versions moved elsewhere; the panel plugin's
 * migration handler still reads them when such a panel loads, so they are accepted (any shape) rather than reported
 * as unknown. Key: plugin id → section → property names.
 */
const LEGACY_PANEL_KEYS: Readonly<
  Record<string, { readonly Options?: readonly string[]; readonly FieldConfig?: readonly string[] }>
> = {
  // Table footer lived in panel options until the 12.x table rewrite moved it to fieldConfig.custom.footer.
  table: { Options: ['footer'] },
};

export function relaxPanelSchema(pluginId: string, schema: SchemaNode): void {
  stripDeprecated(schema);

  // Grafana merges the plugin's default options and field config into every panel when it loads, so a missing
  // option is filled in, never an error. Properties whose schema is a `const` stay required: they are the
  // discriminators of unions (e.g. table cell options' `type`), and without them every branch would match.
  walk(schema, (n) => {
    if (!Array.isArray(n.required)) return;
    const props = isNode(n.properties) ? n.properties : {};
    const kept = (n.required as string[]).filter((f) => {
      const p = props[f];
      return isNode(p) && 'const' in p;
    });
    if (kept.length > 0) n.required = kept;
    else delete n.required;
  });

  // After the `required` pass: the discriminated unions keep their `required: ['type']`.
  discriminateUnions(schema);

  // `additionalProperties: false` stays: Grafana silently ignores an unknown option (a typo renders as the
  // default), so the schema rule reports unknown keys, as warnings. Except inside union members: an anyOf
  // cannot tell "unknown key" from "key of another member", and would fail every member for one extra key.
  const unionMembers = new Set<string>();
  walk(schema, (n) => {
    for (const branches of [n.anyOf, n.oneOf]) {
      if (!Array.isArray(branches)) continue;
      for (const branch of branches) {
        if (!isNode(branch)) continue;
        if (typeof branch.$ref === 'string') unionMembers.add(branch.$ref.replace('#/definitions/', ''));
        else delete branch.additionalProperties;
      }
    }
  });
  for (const name of unionMembers) delete definition(schema, name).additionalProperties;

  for (const [section, keys] of Object.entries(LEGACY_PANEL_KEYS[pluginId] ?? {})) {
    const props = definition(schema, section).properties;
    if (!isNode(props)) throw new Error(`gen-schema: ${pluginId} ${section} has no properties`);
    for (const key of keys) {
      if (key in props)
        throw new Error(`gen-schema: ${pluginId} ${section}.${key} is back upstream; drop it from LEGACY_PANEL_KEYS`);
      props[key] = { description: 'Legacy option written by Grafana 10-12; the plugin migrates it on load.' };
    }
  }
}
