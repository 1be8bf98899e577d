// A dashboard written with nothing but the foundation SDK, the way its README shows: panelcraft builds it
// unchanged and adds what Grafana provisioning needs (uid, panel ids, refIds, the datasource variable, layout).
import {
  DashboardBuilder,
  QueryVariableBuilder,
  RowBuilder,
  VariableRefresh,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';

export default new DashboardBuilder('Plain SDK example')
  .tags(['example'])
  .refresh('1m')
  .time({ from: 'now-1h', to: 'now' })
  .timezone('browser')
  .withVariable(
    new QueryVariableBuilder('job')
      .label('Job')
      .query('label_values(up, job)')
      .refresh(VariableRefresh.OnTimeRangeChanged),
  )
  .withVariable(
    new QueryVariableBuilder('instance')
      .label('Instance')
      .query('label_values(up{job=~"$job"}, instance)')
      .refresh(VariableRefresh.OnTimeRangeChanged)
      .includeAll(true)
      .multi(true),
  )
  .withRow(new RowBuilder('Traffic'))
  .withPanel(
    new TimeseriesBuilder()
      .title('Requests per second')
      .description('Requests per second by handler, from the promhttp middleware counter.')
      .unit(units.RequestsPerSecond)
      .withTarget(
        new DataqueryBuilder()
          .expr('sum by (handler) (rate(http_requests_total{job=~"$job", instance=~"$instance"}[$__rate_interval]))')
          .legendFormat('{{handler}}'),
      ),
  );
