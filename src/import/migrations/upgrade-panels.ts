import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.ts';
import { angularReplacement } from '../../validate/angular-panels.ts';
import { graphTarget, graphToTimeseries } from './graph-to-timeseries.ts';
import { isLegacyPanelLink, upgradePanelLink } from './panel-links.ts';
import type { PanelUpgrade } from './panel-upgrade.ts';
import { singlestatToStat } from './singlestat-to-stat.ts';
import { tableOldToTable } from './table-old-to-table.ts';

/** What happened to one panel of an imported dashboard. */
export type PanelOutcome =
  | { readonly kind: 'upgraded'; readonly pointer: string; readonly title: string; readonly upgrade: PanelUpgrade }
  | {
      readonly kind: 'not-upgradable';
      readonly pointer: string;
      readonly title: string;
      readonly type: string;
      readonly reason: string;
    }
  | { readonly kind: 'kept'; readonly pointer: string; readonly title: string; readonly type: string };

/**
 * Brings every legacy Angular panel (at the top level and inside rows) to its current type, following Grafana's own
 * migrations; a panel no rule covers (a graph drawn over series or as a histogram, the piechart and worldmap
 * plugins) stays exactly as it was and is named. Pure: returns a new dashboard and one outcome per panel.
 */
export function upgradePanels(
  dashboard: JsonObject,
  schemaVersion: JsonValue | undefined,
): { dashboard: JsonObject; outcomes: PanelOutcome[] } {
  const outcomes: PanelOutcome[] = [];
  const before24 = typeof schemaVersion !== 'number' || schemaVersion < 24;
  const upgradeList = (panels: JsonValue[], base: string): JsonValue[] =>
    panels.map((original, i) => {
      if (!isJsonObject(original)) return original;
      const panel = withUpgradedLinks(original);
      const pointer = `${base}/${i}`;
      const title = typeof panel.title === 'string' ? panel.title : '';
      const type = typeof panel.type === 'string' ? panel.type : '';
      if (type === 'row') {
        const nested = Array.isArray(panel.panels) ? upgradeList(panel.panels, `${pointer}/panels`) : undefined;
        return nested ? { ...panel, panels: nested } : panel;
      }
      // DashboardMigrator's schemaVersion 24 step: a "table" saved with Angular `styles` is the old table.
      const upgrade = upgradeOne(
        before24 && type === 'table' && Array.isArray(panel.styles) ? { ...panel, type: 'table-old' } : panel,
      );
      if (upgrade) {
        const links =
          panel === original ? [] : ['old-style panel links → data links (DashboardMigrator upgradePanelLink)'];
        outcomes.push({
          kind: 'upgraded',
          pointer,
          title,
          upgrade: { ...upgrade, notes: [...upgrade.notes, ...links] },
        });
        return upgrade.panel;
      }
      const replacement = angularReplacement(type);
      if (replacement !== undefined) {
        outcomes.push({
          kind: 'not-upgradable',
          pointer,
          title,
          type,
          reason: notUpgradableReason(panel, type, replacement),
        });
      } else outcomes.push({ kind: 'kept', pointer, title, type });
      return panel;
    });
  if (!Array.isArray(dashboard.panels)) return { dashboard, outcomes };
  return { dashboard: { ...dashboard, panels: upgradeList(dashboard.panels, '/panels') }, outcomes };
}

/** The panel with its old-style links upgraded (the same object when it has none). */
function withUpgradedLinks(panel: JsonObject): JsonObject {
  if (!Array.isArray(panel.links) || !panel.links.some(isLegacyPanelLink)) return panel;
  return { ...panel, links: panel.links.map(upgradePanelLink) };
}

function upgradeOne(panel: JsonObject): PanelUpgrade | undefined {
  switch (panel.type) {
    case 'graph':
      return graphTarget(panel) ? graphToTimeseries(panel) : undefined;
    case 'singlestat':
    case 'grafana-singlestat-panel':
      return singlestatToStat(panel);
    case 'table-old':
      return tableOldToTable(panel);
    default:
      return undefined;
  }
}

function notUpgradableReason(panel: JsonObject, type: string, replacement: string): string {
  if (type === 'graph') {
    const mode = isJsonObject(panel.xaxis) ? String(panel.xaxis.mode) : '';
    return `a graph with xaxis mode "${mode}" is not a time series (Grafana migrates it to ${mode === 'series' ? 'bargauge' : 'histogram'}); rebuild it by hand`;
  }
  return `no migration rule for the "${type}" plugin here (Grafana would switch it to "${replacement}" with the plugin's own handler); rebuild it by hand`;
}
