// Imported by `panelcraft import` from "legacy-node-exporter.json".
// This file is now the source of the dashboard: edit it here and run `npm run build:dashboards`.
import {
  AnnotationQueryBuilder,
  DashboardBuilder,
  PanelBuilder,
  QueryVariableBuilder,
  RowBuilder,
  VariableHide,
  VariableRefresh,
} from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import { withFields } from 'panelcraft';

export default withFields(
  new DashboardBuilder('Node Exporter Full')
    .uid('rYdddlPWk')
    .description('Node exporter host metrics')
    .tags(['linux'])
    .time({ from: 'now-1h', to: 'now' })
    .refresh('1m')
    .withVariable(
      withFields(
        new QueryVariableBuilder('job')
          .datasource({ type: 'prometheus', uid: '${datasource}' })
          .hide(VariableHide.DontHide)
          .label('Job')
          .query('label_values(node_uname_info, job)')
          .refresh(VariableRefresh.OnDashboardLoad),
        { allValue: null },
      ),
    )
    .withVariable(
      new QueryVariableBuilder('node')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .hide(VariableHide.DontHide)
        .label('Host:')
        .query('label_values(node_uname_info{job=~"$job"}, instance)')
        .refresh(VariableRefresh.OnDashboardLoad)
        .regex('/([^:]+):.*/'),
    )
    .withVariable(
      new QueryVariableBuilder('port')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .hide(VariableHide.HideVariable)
        .query('label_values(node_uname_info{instance=~"$node:(.*)"}, instance)')
        .refresh(VariableRefresh.OnDashboardLoad)
        .regex('/[^:]+:(.*)/'),
    )
    .annotation(
      new AnnotationQueryBuilder()
        .builtIn(1)
        .datasource({ type: 'grafana', uid: '-- Grafana --' })
        .hide(true)
        .iconColor('rgba(0, 211, 255, 1)')
        .name('Annotations & Alerts')
        .type('dashboard'),
    )
    .withRow(new RowBuilder('Quick CPU / Mem / Disk').gridPos({ h: 1, w: 24, x: 0, y: 0 }).id(4))
    .withPanel(
      withFields(
        new PanelBuilder()
          .title('Uptime')
          .datasource({ type: 'prometheus', uid: '${datasource}' })
          .gridPos({ h: 7, w: 6, x: 0, y: 1 })
          .id(1)
          .type('singlestat')
          .withTarget(
            new prometheus.DataqueryBuilder()
              .expr(
                'node_time_seconds{instance=~"$node:$port",job=~"$job"} - node_boot_time_seconds{instance=~"$node:$port",job=~"$job"}',
              )
              .intervalFactor(1)
              .refId('A'),
          ),
        { cacheTimeout: null, colorBackground: false, colorValue: true, format: 's', valueName: 'current' },
      ),
    )
    .withPanel(
      withFields(
        new PanelBuilder()
          .title('CPU Busy')
          .datasource({ type: 'prometheus', uid: '${datasource}' })
          .gridPos({ h: 7, w: 18, x: 6, y: 1 })
          .id(2)
          .type('graph')
          .withTarget(
            new prometheus.DataqueryBuilder()
              .expr(
                'sum by (mode) (irate(node_cpu_seconds_total{instance=~"$node:$port",job=~"$job",mode!="idle"}[5m]))',
              )
              .format(prometheus.PromQueryFormat.TimeSeries)
              .intervalFactor(2)
              .legendFormat('{{mode}}')
              .refId('A'),
          ),
        {
          aliasColors: {},
          bars: false,
          fill: 1,
          legend: { avg: false, current: false, max: false, min: false, show: true, total: false, values: false },
          lines: true,
          linewidth: 1,
          stack: false,
          yaxes: [
            { format: 'percentunit', label: null, logBase: 1, max: null, min: null, show: true },
            { format: 'short', label: null, logBase: 1, max: null, min: null, show: true },
          ],
        },
      ),
    )
    .withRow(
      new RowBuilder('Basic CPU / Mem / Disk Info')
        .collapsed(true)
        .gridPos({ h: 1, w: 24, x: 0, y: 8 })
        .id(5)
        .withPanel(
          withFields(
            new PanelBuilder()
              .title('Memory Basic')
              .datasource({ type: 'prometheus', uid: '${datasource}' })
              .gridPos({ h: 8, w: 24, x: 0, y: 9 })
              .id(3)
              .type('graph')
              .withTarget(
                new prometheus.DataqueryBuilder()
                  .expr('node_memory_MemTotal_bytes{instance=~"$node:$port",job=~"$job"}')
                  .legendFormat('RAM Total')
                  .refId('A'),
              ),
            {
              fill: 1,
              yaxes: [
                { format: 'bytes', logBase: 1, show: true },
                { format: 'short', logBase: 1, show: true },
              ],
            },
          ),
        ),
    ),
  {
    timepicker: {
      refresh_intervals: ['5s', '10s', '30s', '1m', '5m'],
      time_options: ['5m', '15m', '1h', '6h', '12h', '24h'],
    },
    links: [],
    gnetId: 1860,
    schemaVersion: 16,
    style: 'dark',
  },
);
