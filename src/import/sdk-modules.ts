// The SDK modules the catalog describes, loaded so that import can run a planned builder chain and compare what it
// builds with the dashboard it came from. test/import/sdk-catalog.test.ts checks this list against the catalog.
import * as annotationslist from '@grafana/grafana-foundation-sdk/annotationslist';
import * as barchart from '@grafana/grafana-foundation-sdk/barchart';
import * as bargauge from '@grafana/grafana-foundation-sdk/bargauge';
import * as candlestick from '@grafana/grafana-foundation-sdk/candlestick';
import * as canvas from '@grafana/grafana-foundation-sdk/canvas';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as dashboardlist from '@grafana/grafana-foundation-sdk/dashboardlist';
import * as datagrid from '@grafana/grafana-foundation-sdk/datagrid';
import * as debug from '@grafana/grafana-foundation-sdk/debug';
import * as gauge from '@grafana/grafana-foundation-sdk/gauge';
import * as geomap from '@grafana/grafana-foundation-sdk/geomap';
import * as heatmap from '@grafana/grafana-foundation-sdk/heatmap';
import * as histogram from '@grafana/grafana-foundation-sdk/histogram';
import * as logs from '@grafana/grafana-foundation-sdk/logs';
import * as news from '@grafana/grafana-foundation-sdk/news';
import * as nodegraph from '@grafana/grafana-foundation-sdk/nodegraph';
import * as piechart from '@grafana/grafana-foundation-sdk/piechart';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as statetimeline from '@grafana/grafana-foundation-sdk/statetimeline';
import * as statushistory from '@grafana/grafana-foundation-sdk/statushistory';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as text from '@grafana/grafana-foundation-sdk/text';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import * as trend from '@grafana/grafana-foundation-sdk/trend';
import * as xychart from '@grafana/grafana-foundation-sdk/xychart';

/** By subpath: each module's exports (builder classes, enums). */
export const SDK_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  annotationslist,
  barchart,
  bargauge,
  candlestick,
  canvas,
  common,
  dashboard,
  dashboardlist,
  datagrid,
  debug,
  gauge,
  geomap,
  heatmap,
  histogram,
  logs,
  news,
  nodegraph,
  piechart,
  prometheus,
  stat,
  statetimeline,
  statushistory,
  table,
  text,
  timeseries,
  trend,
  xychart,
};
