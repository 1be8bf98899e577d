import { prometheusVersionOf, type PanelcraftConfig } from '../config/config.ts';
import type { RenderedRuleFile } from '../build/rendered-rule-file.ts';
import type { AlertingRule, PanelLink } from '../alerts/rule-types.ts';
import { ruleFileValue } from '../alerts/rule-file-value.ts';
import { parse } from 'yaml';
import { parsePrometheusDuration as parseDuration } from '../model/prometheus-duration.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { runRuleFileRules } from '../validate/rule-files/run-rule-file-rules.ts';
import { arrayAt, isJsonObject, numberAt, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { grafanaAlertingPath, renderGrafanaAlerting } from '../build/render-grafana-alerting.ts';
import {
  DELETED_RULES_PATH,
  EMPTY_ALERTING_STATE,
  deletedRules,
  lostStateDiagnostics,
  renderDeletedRules,
  type GrafanaAlertingState,
  type RuleKey,
} from '../build/grafana-deleted-rules.ts';
import { OUT_DIR } from '../model/project-layout.ts';
import { renderPrometheusRules, type ResolvedPanel } from '../build/render-prometheus-rules.ts';
import type { RenderedDashboard } from './build-tree.ts';
import type { LoadedDashboard } from '../model/loaded-dashboard.ts';
import type { OutputFile } from '../model/output-file.ts';

/** Where alert sources live below the root; the folder below it names the output folder (and Grafana folder). */
export const ALERTS_DIR = 'alerts';

export type { RenderedRuleFile };

export interface AlertsRenderResult {
  /** Output files, paths relative to the root. */
  readonly files: readonly OutputFile[];
  readonly ruleFiles: readonly RenderedRuleFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Rule files from loaded alert modules: each default export read as rule groups, its panel links resolved against
 * the dashboards of the same build (uid and stable panel id, as normalize assigned them), rendered for the configured
 * target. Pure. Every problem is a diagnostic naming the source file and the alert.
 */
export function renderAlerts(
  loaded: readonly LoadedDashboard[],
  dashboards: readonly RenderedDashboard[],
  config: PanelcraftConfig,
  /**
   * What `provisioning/alerting/` held before this build: rules provisioned then and not now are listed for Grafana
   * to delete (with either target, so switching to `prometheus` also removes the Grafana copies).
   */
  previous: GrafanaAlertingState = EMPTY_ALERTING_STATE,
): AlertsRenderResult {
  const diagnostics: Diagnostic[] = [];
  const ruleFiles: RenderedRuleFile[] = [];
  const byUid = new Map(dashboards.map((d) => [d.uid, d]));
  const error = (file: string, rule: string, message: string, fix: string, pointer = '') =>
    diagnostics.push({ rule, severity: 'error', file, pointer, message, fix });
  for (const entry of [...loaded].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if ('error' in entry) {
      error(entry.file, 'load', entry.error.message, entry.error.fix);
      continue;
    }
    const place = placeOf(entry.file);
    if (!place.ok) {
      error(entry.file, 'folder-depth', place.message, place.fix);
      continue;
    }
    const value = ruleFileValue(entry.exported);
    if (!value.ok) {
      error(entry.file, 'load', value.message, value.fix);
      continue;
    }
    const panels = new Map<AlertingRule, ResolvedPanel>();
    value.groups.forEach((group, g) =>
      group.rules.forEach((rule, r) => {
        if (rule.kind !== 'alert' || rule.panel === undefined) return;
        const resolved = resolvePanel(rule.panel, byUid, config.alerts.grafanaUrl);
        if (typeof resolved === 'string')
          error(
            entry.file,
            'alert-panel-link',
            `alert ${rule.alert}: ${resolved}`,
            'link a panel title that exists on that dashboard, or pass the dashboard uid the overview is built with',
            `/groups/${g}/rules/${r}`,
          );
        else panels.set(rule, resolved);
      }),
    );
    const output = `${config.alerts.dir}/${place.folder !== undefined ? `${place.folder}/` : ''}${place.name}.yaml`;
    ruleFiles.push({
      source: entry.file,
      ...(place.folder !== undefined ? { folder: place.folder } : {}),
      name: place.name,
      groups: value.groups,
      tests: value.tests,
      output,
      prometheusYaml: renderPrometheusRules(value.groups, { source: entry.file, panels }),
      panels,
    });
  }
  const scrape = parseDuration(config.datasource.scrapeInterval);
  const settings = {
    scrapeIntervalMs: 'ms' in scrape ? scrape.ms : 15_000,
    prometheusVersion: prometheusVersionOf(config),
  };
  diagnostics.push(
    ...runRuleFileRules(
      ruleFiles.map((f) => ({ file: f.source, content: parse(f.prometheusYaml) as JsonValue })),
      settings,
      config,
    ),
  );
  const files: OutputFile[] = [];
  const provisioned: RuleKey[] = [];
  for (const f of ruleFiles) {
    if (config.alerts.target === 'prometheus') {
      files.push({ path: f.output, contents: f.prometheusYaml });
      continue;
    }
    const rendered = renderGrafanaAlerting(f, { datasourceUid: config.datasource.uid });
    files.push({ path: `${OUT_DIR}/${grafanaAlertingPath(f)}`, contents: rendered.contents });
    provisioned.push(...rendered.uids.map((uid) => ({ orgId: 1, uid })));
  }
  const tombstone = renderDeletedRules(deletedRules(previous, provisioned));
  if (tombstone !== undefined) files.push({ path: `${OUT_DIR}/${DELETED_RULES_PATH}`, contents: tombstone });
  const written = new Set(
    files.filter((f) => f.path.startsWith(`${OUT_DIR}/`)).map((f) => f.path.slice(OUT_DIR.length + 1)),
  );
  diagnostics.push(...lostStateDiagnostics(previous, written));
  return { files, ruleFiles, diagnostics };
}

/** The panel a link names, or why it cannot be found. */
function resolvePanel(
  link: PanelLink,
  byUid: ReadonlyMap<string, RenderedDashboard>,
  grafanaUrl: string,
): ResolvedPanel | string {
  const dashboard = byUid.get(link.dashboard);
  if (dashboard === undefined) {
    const known = [...byUid.keys()].sort().slice(0, 8).join(', ');
    return `links dashboard "${link.dashboard}", which no file under dashboards/ builds${known ? ` (built: ${known})` : ''}`;
  }
  const id = findPanelId(dashboard.dashboard, link.panel);
  if (id === undefined)
    return `links panel "${link.panel}", which dashboard "${link.dashboard}" (${dashboard.source}) does not have`;
  return {
    dashboardUid: link.dashboard,
    panelId: id,
    url: `${grafanaUrl}/d/${encodeURIComponent(link.dashboard)}?viewPanel=${id}`,
  };
}

function findPanelId(dashboard: JsonObject, title: string): number | undefined {
  for (const panel of arrayAt(dashboard, 'panels')) {
    if (!isJsonObject(panel)) continue;
    if (stringAt(panel, 'title') === title && stringAt(panel, 'type') !== 'row') return numberAt(panel, 'id');
    const nested = findPanelId(panel, title);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

type Place =
  | { readonly ok: true; readonly folder?: string; readonly name: string }
  | { readonly ok: false; readonly message: string; readonly fix: string };

function placeOf(file: string): Place {
  const relative = file.startsWith(`${ALERTS_DIR}/`) ? file.slice(ALERTS_DIR.length + 1) : file;
  const parts = relative.replace(/\.[cm]?tsx?$/i, '').split('/');
  if (parts.length === 1) return { ok: true, name: parts[0]! };
  if (parts.length === 2) return { ok: true, folder: parts[0]!, name: parts[1]! };
  return {
    ok: false,
    message: `${file} is ${parts.length - 1} folders deep; rule files keep one folder level, like dashboards`,
    fix: `move it to ${ALERTS_DIR}/<folder>/${parts[parts.length - 1]}.ts, or put shared code in a folder starting with "_"`,
  };
}
