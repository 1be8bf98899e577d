// Imported by `panelcraft import` from "legacy-node-exporter.json".
// This file is now the source of the dashboard: edit it here and run `npm run build:dashboards`.
import * as common from '@grafana/grafana-foundation-sdk/common';
import {
  AnnotationQueryBuilder,
  DashboardBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  RowBuilder,
  VariableHide,
  VariableRefresh,
} from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { withFields } from 'panelcraft';

export default withFields(
  new DashboardBuilder('Node Exporter Full')
    .uid('rYdddlPWk')
    .description('Node exporter host metrics')
    .tags(['linux'])
    .time({ from: 'now-1h', to: 'now' })
    .refresh('1m')
    .links([])
    .withVariable(
      withFields(
        new DatasourceVariableBuilder('datasource')
          .current({ text: 'Prometheus', value: 'prometheus' })
          .hide(VariableHide.DontHide)
          .label('Data source')
          .type('prometheus')
          .regex(''),
        { options: [], refresh: 1 },
      ),
    )
    .withVariable(
      new QueryVariableBuilder('job')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .hide(VariableHide.DontHide)
        .label('Job')
        .query('label_values(node_uname_info, job)')
        .refresh(VariableRefresh.OnDashboardLoad),
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
      new stat.PanelBuilder()
        .title('Uptime')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .gridPos({ h: 7, w: 6, x: 0, y: 1 })
        .unit(units.Seconds)
        .id(1)
        .graphMode(common.BigValueGraphMode.None)
        .orientation(common.VizOrientation.Horizontal)
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
        .withTarget(
          new prometheus.DataqueryBuilder()
            .datasource({ type: 'prometheus', uid: '${datasource}' })
            .expr(
              'node_time_seconds{instance=~"$node:$port",job=~"$job"} - node_boot_time_seconds{instance=~"$node:$port",job=~"$job"}',
            )
            .intervalFactor(1)
            .refId('A'),
        ),
    )
    .withPanel(
      new timeseries.PanelBuilder()
        .title('CPU Busy')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .gridPos({ h: 7, w: 18, x: 6, y: 1 })
        .axisPlacement(common.AxisPlacement.Auto)
        .drawStyle(common.GraphDrawStyle.Line)
        .fillOpacity(10)
        .lineWidth(1)
        .showPoints(common.VisibilityMode.Never)
        .spanNulls(false)
        .unit(units.PercentUnit)
        .id(2)
        .legend(new common.VizLegendOptionsBuilder().showLegend(true))
        .tooltip(new common.VizTooltipOptionsBuilder().sort(common.SortOrder.None))
        .withTarget(
          new prometheus.DataqueryBuilder()
            .datasource({ type: 'prometheus', uid: '${datasource}' })
            .expr('sum by (mode) (irate(node_cpu_seconds_total{instance=~"$node:$port",job=~"$job",mode!="idle"}[5m]))')
            .format(prometheus.PromQueryFormat.TimeSeries)
            .intervalFactor(2)
            .legendFormat('{{mode}}')
            .refId('A'),
        ),
    )
    .withRow(
      new RowBuilder('Basic CPU / Mem / Disk Info')
        .collapsed(true)
        .gridPos({ h: 1, w: 24, x: 0, y: 8 })
        .id(5)
        .withPanel(
          new timeseries.PanelBuilder()
            .title('Memory Basic')
            .datasource({ type: 'prometheus', uid: '${datasource}' })
            .gridPos({ h: 8, w: 24, x: 0, y: 9 })
            .axisPlacement(common.AxisPlacement.Auto)
            .drawStyle(common.GraphDrawStyle.Points)
            .fillOpacity(10)
            .spanNulls(false)
            .unit(units.BytesIEC)
            .id(3)
            .legend(new common.VizLegendOptionsBuilder().showLegend(true))
            .tooltip(new common.VizTooltipOptionsBuilder().sort(common.SortOrder.None))
            .withTarget(
              new prometheus.DataqueryBuilder()
                .datasource({ type: 'prometheus', uid: '${datasource}' })
                .expr('node_memory_MemTotal_bytes{instance=~"$node:$port",job=~"$job"}')
                .legendFormat('RAM Total')
                .refId('A'),
            ),
        ),
    ),
  {
    gnetId: 1860,
    style: 'dark',
    timepicker: {
      refresh_intervals: ['5s', '10s', '30s', '1m', '5m'],
      time_options: ['5m', '15m', '1h', '6h', '12h', '24h'],
    },
  },
);
