// Imported by `panelcraft import` from "go-service-modern.json".
// This file is now the source of the dashboard: edit it here and run `npm run build:dashboards`.
import * as common from '@grafana/grafana-foundation-sdk/common';
import {
  AnnotationQueryBuilder,
  CustomVariableBuilder,
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DatasourceVariableBuilder,
  PanelBuilder,
  QueryVariableBuilder,
  RowBuilder,
  VariableHide,
  VariableRefresh,
} from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { withFields } from 'panelcraft';

export default withFields(
  new DashboardBuilder('Orders service')
    .uid('orders-service')
    .tags(['go', 'orders'])
    .tooltip(DashboardCursorSync.Crosshair)
    .timezone('utc')
    .time({ from: 'now-6h', to: 'now' })
    .refresh('30s')
    .link(new DashboardLinkBuilder('Runbook').url('https://runbooks.example/orders?env=$env'))
    .withVariable(
      withFields(
        new DatasourceVariableBuilder('datasource')
          .current({ text: 'Prometheus', value: 'prometheus' })
          .hide(VariableHide.DontHide)
          .label('Data source')
          .type('prometheus'),
        { options: [], refresh: 1 },
      ),
    )
    .withVariable(
      new QueryVariableBuilder('job')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .definition('label_values(up, job)')
        .query('label_values(up, job)')
        .refresh(VariableRefresh.OnTimeRangeChanged),
    )
    .withVariable(
      new QueryVariableBuilder('instance')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .query('label_values(up{job=~"$job"}, instance)')
        .refresh(VariableRefresh.OnDashboardLoad),
    )
    .withVariable(new CustomVariableBuilder('cluster').values('eu-1,us-1'))
    .annotation(
      new AnnotationQueryBuilder()
        .builtIn(1)
        .datasource({ type: 'grafana', uid: '-- Grafana --' })
        .hide(true)
        .iconColor('rgba(0, 211, 255, 1)')
        .name('Annotations & Alerts')
        .type('dashboard'),
    )
    .weekStart('')
    .withRow(new RowBuilder('Traffic').gridPos({ h: 1, w: 24, x: 0, y: 0 }).id(10))
    .withPanel(
      new timeseries.PanelBuilder()
        .title('Request rate')
        .description('Requests per second by route.')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .gridPos({ h: 8, w: 12, x: 0, y: 1 })
        .unit(units.RequestsPerSecond)
        .id(1)
        .legend(new common.VizLegendOptionsBuilder().showLegend(true))
        .withTarget(
          new prometheus.DataqueryBuilder()
            .datasource({ type: 'prometheus', uid: '${datasource}' })
            .expr('sum by (handler) (rate(http_requests_total{job=~"$job", instance=~"$instance"}[$__rate_interval]))')
            .legendFormat('{{handler}}')
            .refId('A'),
        ),
    )
    .withPanel(
      new timeseries.PanelBuilder()
        .title('Error ratio')
        .datasource({ type: 'prometheus', uid: 'P1809F7CD0C75ACF3' })
        .gridPos({ h: 8, w: 12, x: 12, y: 1 })
        .unit('req/s')
        .id(2)
        .withTarget(
          new prometheus.DataqueryBuilder()
            .datasource({ type: 'prometheus', uid: 'P1809F7CD0C75ACF3' })
            .expr(
              'sum(rate(http_requests_total{job=~"$job", instance=~"$instnce", code=~"5.."}[5m])) / sum(rate(http_requests_total{job=~"$job"}[5m]))',
            )
            .refId('A'),
        ),
    )
    .withPanel(
      new timeseries.PanelBuilder()
        .title('Latency P99')
        .description('P99 latency.')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .gridPos({ h: 8, w: 12, x: 0, y: 9 })
        .unit(units.Seconds)
        .id(3)
        .repeat('pod')
        .withTarget(
          new prometheus.DataqueryBuilder()
            .datasource({ type: 'prometheus', uid: '${datasource}' })
            .expr(
              'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=~"$job", instance=~"$instance", hndler="/api/orders"}[$__rate_interval])))',
            )
            .refId('A'),
        ),
    )
    .withPanel(
      new timeseries.PanelBuilder()
        .title('Goroutines')
        .description('Goroutines per instance.')
        .datasource({ type: 'prometheus', uid: '${datasource}' })
        .gridPos({ h: 8, w: 12, x: 12, y: 9 })
        .unit(units.Short)
        .id(4)
        .targets([]),
    )
    .withPanel(
      new PanelBuilder()
        .gridPos({ h: 8, w: 24, x: 0, y: 17 })
        .id(5)
        .libraryPanel({ name: 'Shared SLO panel', uid: 'fdk2l3' }),
    ),
  { timepicker: {} },
);
