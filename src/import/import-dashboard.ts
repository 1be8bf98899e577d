import { isJsonObject, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { panelTitleAt } from '../model/json-pointer.ts';
import { unwrapDashboard } from '../lint/unwrap-dashboard.ts';
import type { DashboardRule } from '../validate/rule.ts';
import { libraryPanel } from '../validate/rules/library-panel.ts';
import { LEGACY_SCHEMA_VERSION_BELOW } from '../validate/rules/schema-version-old.ts';
import { isImportPlaceholder } from '../validate/import-placeholder-names.ts';
import { stringValues } from '../validate/string-values.ts';
import { findVariableRefs } from '../validate/variable-refs.ts';
import type { ImportFinding } from './import-finding.ts';
import { dropNulls } from './drop-nulls.ts';
import { convertLegacyRows } from './legacy-rows.ts';
import { upgradePanels, type PanelOutcome } from './migrations/upgrade-panels.ts';
import { rewriteStringDatasources } from './string-datasources.ts';

/** Keys of the UI's export format and of the stored row that file provisioning must not get (it saves them verbatim and never resolves them). */
export const DROPPED_KEYS = ['id', 'version', '__inputs', '__requires', '__elements'] as const;

export type ImportedDashboard =
  | {
      readonly ok: true;
      readonly dashboard: JsonObject;
      readonly findings: ImportFinding[];
      readonly panels: PanelOutcome[];
    }
  | { readonly ok: false; readonly findings: ImportFinding[] };

/** Rules whose verdict an import repeats as a warning: the dashboard is imported anyway. */
const PREVIEWED_RULES: readonly DashboardRule[] = [libraryPanel];

/**
 * The clean-ups that turn a dashboard file someone exported into the dashboard a panelcraft source should hold:
 * unwrap `{dashboard: …}` and Kubernetes-style v1 resources, move legacy `rows` into `panels`, turn string and
 * `${DS_…}` datasources into refs, upgrade Angular panels (graph, singlestat, table-old) the way Grafana's own
 * migrations do, drop `id`, `version`, `schemaVersion` (the build writes the target's), `__inputs`, `__requires`,
 * `__elements`. Everything else stays as written, keys in their order. Each change is a note; what was not carried
 * over or what lint will still say is a warning. Pure.
 * `grafana` is the target [major, minor].
 */
export function importDashboard(value: JsonValue, grafana: readonly [number, number]): ImportedDashboard {
  const unwrapped = unwrapDashboard(value, grafana);
  if (!unwrapped.dashboard) {
    return {
      ok: false,
      findings: unwrapped.findings.map((f) => ({
        kind: 'error',
        rule: f.rule,
        pointer: f.pointer,
        message: f.message,
      })),
    };
  }
  const findings: ImportFinding[] = [];
  if (unwrapped.at !== undefined) {
    findings.push({
      kind: 'note',
      pointer: '',
      message: `unwrapped the dashboard from ${unwrapped.at === '/dashboard' ? '{"dashboard": …}' : `a ${String(isJsonObject(value) ? value.kind : '')} resource's "spec"`}`,
    });
  }
  const original = unwrapped.dashboard;
  const version = original.schemaVersion;
  if (typeof version !== 'number' || version < LEGACY_SCHEMA_VERSION_BELOW) {
    findings.push({
      kind: 'note',
      pointer: '/schemaVersion',
      message: `schemaVersion ${JSON.stringify(version ?? null)} is old: the parts Grafana would migrate at every load (rows, datasources, Angular panels) are upgraded below; the build writes the current schemaVersion`,
    });
  }

  let dashboard = original;
  const rows = convertLegacyRows(dashboard);
  if (rows) {
    dashboard = rows.dashboard;
    findings.push({
      kind: 'note',
      pointer: '/rows',
      message: `moved ${rows.panels} panels out of ${rows.rows} legacy rows into "panels" with gridPos, as Grafana's schemaVersion 16 migration does`,
    });
  }

  const rewritten = rewriteStringDatasources(dashboard);
  dashboard = rewritten.dashboard;
  for (const r of rewritten.rewrites) {
    const uses = `${r.count} ${r.count === 1 ? 'use' : 'uses'}`;
    if (r.to) {
      findings.push({
        kind: 'note',
        pointer: r.pointer,
        message: `replaced datasource ${JSON.stringify(r.from)} (${r.reason}, ${uses}) with ${refText(r.to)}`,
      });
    } else {
      findings.push({
        kind: 'warning',
        rule: 'datasource-string',
        pointer: r.pointer,
        message: `kept datasource ${JSON.stringify(r.from)} (${uses}): ${r.reason}; replace it with a {type, uid} ref of a provisioned datasource`,
      });
    }
  }
  findings.push(...leftoverPlaceholders(dashboard));

  const upgraded = upgradePanels(dashboard, version);
  dashboard = upgraded.dashboard;
  findings.push(...upgradeFindings(upgraded.outcomes));

  const withoutNulls = dropNulls(dashboard);
  if (withoutNulls.dropped > 0) {
    dashboard = withoutNulls.dashboard;
    findings.push({
      kind: 'note',
      pointer: '',
      message: `dropped ${withoutNulls.dropped} null ${withoutNulls.dropped === 1 ? 'value' : 'values'} ("not set"), as Grafana does when it saves a dashboard`,
    });
  }

  const dropped = DROPPED_KEYS.filter((k) => k in dashboard);
  if (dropped.length > 0) {
    const copy = { ...dashboard };
    for (const key of dropped) delete copy[key];
    dashboard = copy;
    findings.push({ kind: 'note', pointer: '', message: `dropped ${dropped.map((k) => `"${k}"`).join(', ')}` });
  }
  // The build writes the schemaVersion of the target Grafana; an old one is named above.
  if ('schemaVersion' in dashboard) {
    const { schemaVersion: _version, ...rest } = dashboard;
    dashboard = rest;
  }

  for (const rule of PREVIEWED_RULES) {
    for (const f of rule.check({ file: '', dashboard }, { origin: 'lint' })) {
      const panel = panelTitleAt(dashboard, f.pointer);
      findings.push({
        kind: 'warning',
        rule: rule.id,
        pointer: f.pointer,
        ...(panel !== undefined ? { panel } : {}),
        message: f.message,
      });
    }
  }
  return { ok: true, dashboard, findings, panels: upgraded.outcomes };
}

/** One note per upgraded panel naming the Grafana migration, a warning per setting or panel that did not come along. */
function upgradeFindings(outcomes: readonly PanelOutcome[]): ImportFinding[] {
  return outcomes.flatMap((o): ImportFinding[] => {
    if (o.kind === 'kept') return [];
    if (o.kind === 'not-upgradable') {
      return [
        {
          kind: 'warning',
          rule: 'angular-panel',
          pointer: `${o.pointer}/type`,
          panel: o.title,
          message: `kept as "${o.type}", not upgraded: ${o.reason}`,
        },
      ];
    }
    const { upgrade } = o;
    const out: ImportFinding[] = [
      {
        kind: 'note',
        pointer: `${o.pointer}/type`,
        panel: o.title,
        message: `upgraded ${upgrade.from} → ${upgrade.to} (${MIGRATIONS[upgrade.from] ?? 'Grafana panel migration'}): ${upgrade.notes.join('; ')}`,
      },
    ];
    for (const lost of upgrade.lost)
      out.push({
        kind: 'warning',
        rule: 'import-upgrade',
        pointer: o.pointer,
        panel: o.title,
        message: `not carried over to ${upgrade.to}: ${lost}`,
      });
    return out;
  });
}

/** The Grafana function each upgrade follows (docs/import-migrations.md cites them). */
const MIGRATIONS: Readonly<Record<string, string>> = {
  graph: "Grafana's graphToTimeseriesOptions",
  singlestat: "Grafana's sharedSingleStatPanelChangedHandler + stat/gauge panel-changed handlers",
  'table-old': "Grafana's tablePanelChangedHandler",
};

/** `${DS_…}` placeholders outside datasource fields (queries, links): left for the user, with where they are. */
function leftoverPlaceholders(dashboard: JsonObject): ImportFinding[] {
  const skip = (ptr: string) => ptr === '/__inputs' || ptr === '/__requires' || ptr === '/__elements';
  const seen = new Set<string>();
  const out: ImportFinding[] = [];
  for (const s of stringValues(dashboard, '', skip)) {
    if (s.key === 'datasource' || s.pointer.endsWith('/datasource/uid')) continue; // reported with the datasource rewrites
    for (const ref of findVariableRefs(s.value)) {
      if (!isImportPlaceholder(dashboard, ref.name) || seen.has(ref.text)) continue;
      seen.add(ref.text);
      out.push({
        kind: 'warning',
        rule: 'import-placeholders',
        pointer: s.pointer,
        message: `import placeholder "${ref.text}" is left in ${JSON.stringify(s.value)}; file provisioning never resolves it: replace it by hand (e.g. with "\${datasource}")`,
      });
    }
  }
  return out;
}

function refText(ref: JsonObject): string {
  return `{ type: ${JSON.stringify(stringAt(ref, 'type'))}, uid: ${JSON.stringify(stringAt(ref, 'uid'))} }`;
}
