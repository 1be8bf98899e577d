// A dashboard written exactly as the foundation SDK's README shows: panelcraft builds it unchanged.
import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';

export default new DashboardBuilder('Plain SDK example')
  .tags(['example'])
  .refresh('1m')
  .time({ from: 'now-1h', to: 'now' })
  .timezone('browser')
  .withRow(new RowBuilder('Traffic'))
  .withPanel(
    new TimeseriesBuilder()
      .title('Requests per second')
      .unit(units.RequestsPerSecond)
      .withTarget(new DataqueryBuilder().expr('sum by (handler) (rate(http_requests_total[$__rate_interval]))').legendFormat('{{handler}}')),
  );
