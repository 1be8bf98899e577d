/**
 * The synthetic workload of the benchmarks: dashboards of 20 panels written the way a user writes them with the
 * foundation SDK (rows, timeseries and stat panels, PromQL with variables). `dashboardSource(i)` is the `.ts` file a
 * user would commit; `buildDashboard(i)` makes the very same SDK calls in-process, for the bare-SDK baseline.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DashboardBuilder, QueryVariableBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

export const PANELS_PER_DASHBOARD = 20;

const expr = (i: number, p: number) =>
  `sum by (handler) (rate(http_requests_total{job=~"$job",instance=~"$instance",code=~"${p % 5}.."}[$__rate_interval])) / ${i + 1}`;

export function dashboardSource(i: number): string {
  const panels: string[] = [];
  for (let p = 0; p < PANELS_PER_DASHBOARD; p++) {
    if (p % 5 === 0) panels.push(`  .withRow(new RowBuilder('Section ${p / 5}'))`);
    const kind = p % 4 === 0 ? 'StatBuilder' : 'TimeseriesBuilder';
    panels.push(
      `  .withPanel(new ${kind}().title('Panel ${p}').description('Requests of class ${p % 5}xx').unit('reqps').span(${p % 3 === 0 ? 8 : 12}).withTarget(new DataqueryBuilder().expr(${JSON.stringify(expr(i, p))}).legendFormat('{{handler}}')))`,
    );
  }
  return `import { DashboardBuilder, QueryVariableBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

export default new DashboardBuilder('Service ${i}')
  .uid('svc-${i}')
  .withVariable(new QueryVariableBuilder('job').query('label_values(up, job)').refresh(2))
  .withVariable(new QueryVariableBuilder('instance').query('label_values(up{job=~"$job"}, instance)').refresh(2))
${panels.join('\n')};
`;
}

export function buildDashboard(i: number): DashboardBuilder {
  let d = new DashboardBuilder(`Service ${i}`)
    .uid(`svc-${i}`)
    .withVariable(new QueryVariableBuilder('job').query('label_values(up, job)').refresh(2))
    .withVariable(new QueryVariableBuilder('instance').query('label_values(up{job=~"$job"}, instance)').refresh(2));
  for (let p = 0; p < PANELS_PER_DASHBOARD; p++) {
    if (p % 5 === 0) d = d.withRow(new RowBuilder(`Section ${p / 5}`));
    const panel = p % 4 === 0 ? new StatBuilder() : new TimeseriesBuilder();
    d = d.withPanel(
      panel
        .title(`Panel ${p}`)
        .description(`Requests of class ${p % 5}xx`)
        .unit('reqps')
        .span(p % 3 === 0 ? 8 : 12)
        .withTarget(new DataqueryBuilder().expr(expr(i, p)).legendFormat('{{handler}}')),
    );
  }
  return d;
}

/** Folder of dashboard i: 10 folders, as a team tree would have. */
export const folderOf = (i: number) => `team-${i % 10}`;

/** Writes the `.ts` sources of dashboards 0..count-1 below `root/dashboards/`, replacing what was there. */
export async function writeSyntheticTree(root: string, count: number): Promise<void> {
  await rm(path.join(root, 'dashboards'), { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, 'dashboards', folderOf(i));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `service-${i}.ts`), dashboardSource(i));
  }
}

/** Path of dashboard i's source below the tree root. */
export const sourcePath = (root: string, i: number) => path.join(root, 'dashboards', folderOf(i), `service-${i}.ts`);

/** Dashboard i's source with another title: a real one-file change (its output changes too). */
export const editedSource = (i: number, title: string) => dashboardSource(i).replace(`'Service ${i}'`, `'${title}'`);
