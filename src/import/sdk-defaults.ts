import { arrayAt, isJsonObject, objectAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { withDefaults } from './json-tree.ts';
import { builderDefaults, builderFor } from './plan-builder.ts';
import { SDK_CATALOG } from './sdk-catalog.ts';

/**
 * The dashboard an imported source builds: every entity (the dashboard, each panel and row, query, variable,
 * annotation and link) completed with the defaults its foundation-SDK builder starts from. What the file says
 * always wins; a builder default only fills a field the file left out (Grafana fills most of them the same way
 * when it loads a dashboard). Pure.
 */
export function withSdkDefaults(dashboard: JsonObject): JsonObject {
  const out = fill('dashboard.Dashboard', dashboard);
  if (Array.isArray(out.panels)) out.panels = out.panels.map(fillPanel);
  const templating = objectAt(out, 'templating');
  if (templating && Array.isArray(templating.list))
    out.templating = { ...templating, list: templating.list.map((v) => fill('dashboard.VariableModel', v)) };
  const annotations = objectAt(out, 'annotations');
  if (annotations && Array.isArray(annotations.list))
    out.annotations = { ...annotations, list: annotations.list.map((a) => fill('dashboard.AnnotationQuery', a)) };
  if (Array.isArray(out.links)) out.links = out.links.map((l) => fill('dashboard.DashboardLink', l));
  return out;
}

function fillPanel(panel: JsonValue): JsonValue {
  if (!isJsonObject(panel)) return panel;
  if (panel.type === 'row') {
    const row = fill('dashboard.RowPanel', panel);
    return Array.isArray(panel.panels) ? { ...row, panels: arrayAt(panel, 'panels').map(fillPanel) } : row;
  }
  const out = fill('dashboard.Panel', panel);
  return Array.isArray(panel.targets)
    ? { ...out, targets: arrayAt(panel, 'targets').map((t) => fill('cog.Dataquery', t)) }
    : out;
}

function fill<T extends JsonValue>(builds: string, value: T): T extends JsonObject ? JsonObject : JsonValue;
function fill(builds: string, value: JsonValue): JsonValue {
  if (!isJsonObject(value)) return value;
  const builder =
    builds === 'dashboard.Dashboard' ? SDK_CATALOG.builders['dashboard.DashboardBuilder'] : builderFor(builds, value);
  return builder ? withDefaults(builderDefaults(builder, value), value) : value;
}
