import { stringAt, type JsonObject } from '../model/json.ts';
import type { DashboardEntry, DashboardSet } from './dashboard-set.ts';
import type { DashboardChange, DiffReport, PanelChange, ValueChange } from './diff-report.ts';
import { diffPanel } from './diff-panel.ts';
import { diffVariables, variableOrder } from './diff-variables.ts';
import { matchPanels } from './match-panels.ts';
import { panelEntries } from './panel-entry.ts';
import { compareField, compareRemainingKeys } from './value-change.ts';

/** Dashboard keys that are not settings: compared elsewhere, or bookkeeping Grafana rewrites on its own. */
const NOT_SETTINGS = new Set(['panels', 'templating', 'id', 'version', 'iteration', 'title']);

/**
 * Semantic diff of two sets of dashboards. Unchanged dashboards, panels and variables are not mentioned;
 * a no-op gives an empty report. Dashboards are listed in key order.
 */
export function diffDashboards(before: DashboardSet, after: DashboardSet): DiffReport {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const dashboards: DashboardChange[] = [];
  for (const key of keys) {
    const change = diffDashboard(key, before.get(key), after.get(key));
    if (change) dashboards.push(change);
  }
  return { dashboards };
}

export function diffDashboard(
  key: string,
  before: DashboardEntry | undefined,
  after: DashboardEntry | undefined,
): DashboardChange | undefined {
  if (!before && !after) return undefined;
  if (!before || !after) {
    const entry = (after ?? before)!;
    // Every panel of a new or deleted dashboard is listed, so a reviewer sees what appears or goes away.
    const panels = after ? diffPanels({}, after.dashboard) : diffPanels(entry.dashboard, {});
    return { ...identity(key, entry), kind: after ? 'added' : 'removed', settings: [], panels, variables: [] };
  }
  const settings = diffSettings(before.dashboard, after.dashboard);
  compareField(settings, 'file', before.file, after.file);
  const panels = diffPanels(before.dashboard, after.dashboard);
  const variables = diffVariables(before.dashboard, after.dashboard);
  if (settings.length === 0 && panels.length === 0 && variables.length === 0) return undefined;
  return { ...identity(key, after), kind: 'changed', settings, panels, variables };
}

export function diffPanels(before: JsonObject, after: JsonObject): PanelChange[] {
  const pairs = matchPanels(panelEntries(before), panelEntries(after));
  return pairs.flatMap((pair) => {
    const change = diffPanel(pair);
    return change ? [change] : [];
  });
}

function diffSettings(before: JsonObject, after: JsonObject): ValueChange[] {
  const out: ValueChange[] = [];
  compareField(out, 'title', before.title, after.title);
  compareRemainingKeys(out, before, after, NOT_SETTINGS);
  const bOrder = variableOrder(before);
  const aOrder = variableOrder(after);
  const common = (xs: string[], ys: string[]) => xs.filter((x) => ys.includes(x));
  compareField(out, 'variable order', common(bOrder, aOrder), common(aOrder, bOrder));
  return out;
}

function identity(key: string, entry: DashboardEntry): Pick<DashboardChange, 'key' | 'uid' | 'title' | 'file'> {
  const uid = stringAt(entry.dashboard, 'uid');
  return {
    key,
    ...(uid === undefined ? {} : { uid }),
    title: stringAt(entry.dashboard, 'title') ?? key,
    file: entry.file,
  };
}
