import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface FixturePanel {
  readonly title: string;
  readonly exprs: readonly string[];
  readonly type?: string;
  readonly instant?: boolean;
}

/**
 * A small built dashboard as `panelcraft build` writes it: a `datasource` variable, `job` from `label_values(up, job)`
 * (current = the given job), `instance` chained on it with "All", time range last 15 minutes.
 */
export function fixtureDashboard(opts: {
  uid: string;
  title: string;
  job: string;
  panels: readonly FixturePanel[];
}): Record<string, unknown> {
  const ds = { type: 'prometheus', uid: '${datasource}' };
  return {
    uid: opts.uid,
    title: opts.title,
    schemaVersion: 41,
    time: { from: 'now-15m', to: 'now' },
    templating: {
      list: [
        {
          name: 'datasource',
          type: 'datasource',
          query: 'prometheus',
          current: { text: 'Prometheus', value: 'prometheus' },
        },
        {
          name: 'job',
          type: 'query',
          datasource: ds,
          query: { query: 'label_values(up, job)', refId: 'job' },
          refresh: 1,
          current: { text: opts.job, value: opts.job },
        },
        {
          name: 'instance',
          type: 'query',
          datasource: ds,
          query: { query: 'label_values(up{job="$job"}, instance)', refId: 'instance' },
          refresh: 2,
          includeAll: true,
          multi: true,
          current: { text: 'All', value: ['$__all'] },
        },
      ],
    },
    panels: opts.panels.map((p, i) => ({
      id: i + 1,
      type: p.type ?? 'timeseries',
      title: p.title,
      datasource: ds,
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
      targets: p.exprs.map((expr, j) => ({
        refId: String.fromCharCode(65 + j),
        datasource: ds,
        expr,
        ...(p.instant ? { instant: true, range: false } : {}),
      })),
    })),
  };
}

/** Writes dashboards to `<root>/provisioning/dashboards/<folder>/<uid>.json`. */
export function writeDashboardTree(
  root: string,
  folder: string,
  dashboards: ReadonlyArray<Record<string, unknown>>,
): void {
  const dir = path.join(root, 'provisioning', 'dashboards', folder);
  mkdirSync(dir, { recursive: true });
  for (const d of dashboards) writeFileSync(path.join(dir, `${String(d.uid)}.json`), `${JSON.stringify(d, null, 2)}\n`);
}
