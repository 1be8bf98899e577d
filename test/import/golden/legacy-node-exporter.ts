// Imported by `panelcraft import` from "legacy-node-exporter.json".
// This file is now the source of the dashboard: edit it here and run `npm run build:dashboards`.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';

const dashboard: Dashboard = {
  annotations: {
    list: [
      {
        builtIn: 1,
        datasource: { type: "grafana", uid: "-- Grafana --" },
        enable: true,
        hide: true,
        iconColor: "rgba(0, 211, 255, 1)",
        name: "Annotations & Alerts",
        type: "dashboard",
      },
    ],
  },
  description: "Node exporter host metrics",
  editable: true,
  gnetId: 1860,
  graphTooltip: 0,
  links: [],
  refresh: "1m",
  panels: [
    {
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y: 0 },
      id: 4,
      panels: [],
      title: "Quick CPU / Mem / Disk",
      type: "row",
    },
    {
      cacheTimeout: null,
      colorBackground: false,
      colorValue: true,
      datasource: { type: "prometheus", uid: "${datasource}" },
      format: "s",
      id: 1,
      title: "Uptime",
      type: "singlestat",
      targets: [
        {
          expr: "node_time_seconds{instance=~\"$node:$port\",job=~\"$job\"} - node_boot_time_seconds{instance=~\"$node:$port\",job=~\"$job\"}",
          intervalFactor: 1,
          refId: "A",
        },
      ],
      valueName: "current",
      gridPos: { h: 7, w: 6, x: 0, y: 1 },
    },
    {
      aliasColors: {},
      bars: false,
      datasource: { type: "prometheus", uid: "${datasource}" },
      fill: 1,
      id: 2,
      legend: {
        avg: false,
        current: false,
        max: false,
        min: false,
        show: true,
        total: false,
        values: false,
      },
      lines: true,
      linewidth: 1,
      stack: false,
      title: "CPU Busy",
      type: "graph",
      targets: [
        {
          expr: "sum by (mode) (irate(node_cpu_seconds_total{instance=~\"$node:$port\",job=~\"$job\",mode!=\"idle\"}[5m]))",
          format: "time_series",
          intervalFactor: 2,
          legendFormat: "{{mode}}",
          refId: "A",
        },
      ],
      yaxes: [
        { format: "percentunit", label: null, logBase: 1, max: null, min: null, show: true },
        { format: "short", label: null, logBase: 1, max: null, min: null, show: true },
      ],
      gridPos: { h: 7, w: 18, x: 6, y: 1 },
    },
    {
      collapsed: true,
      gridPos: { h: 1, w: 24, x: 0, y: 8 },
      id: 5,
      panels: [
        {
          datasource: { type: "prometheus", uid: "${datasource}" },
          fill: 1,
          id: 3,
          title: "Memory Basic",
          type: "graph",
          targets: [
            {
              expr: "node_memory_MemTotal_bytes{instance=~\"$node:$port\",job=~\"$job\"}",
              legendFormat: "RAM Total",
              refId: "A",
            },
          ],
          yaxes: [
            { format: "bytes", logBase: 1, show: true },
            { format: "short", logBase: 1, show: true },
          ],
          gridPos: { h: 8, w: 24, x: 0, y: 9 },
        },
      ],
      title: "Basic CPU / Mem / Disk Info",
      type: "row",
    },
  ],
  schemaVersion: 16,
  style: "dark",
  tags: ["linux"],
  templating: {
    list: [
      {
        allValue: null,
        datasource: { type: "prometheus", uid: "${datasource}" },
        hide: 0,
        includeAll: false,
        label: "Job",
        multi: false,
        name: "job",
        query: "label_values(node_uname_info, job)",
        refresh: 1,
        type: "query",
      },
      {
        datasource: { type: "prometheus", uid: "${datasource}" },
        hide: 0,
        label: "Host:",
        name: "node",
        query: "label_values(node_uname_info{job=~\"$job\"}, instance)",
        refresh: 1,
        regex: "/([^:]+):.*/",
        type: "query",
      },
      {
        datasource: { type: "prometheus", uid: "${datasource}" },
        hide: 2,
        name: "port",
        query: "label_values(node_uname_info{instance=~\"$node:(.*)\"}, instance)",
        refresh: 1,
        regex: "/[^:]+:(.*)/",
        type: "query",
      },
    ],
  },
  time: { from: "now-1h", to: "now" },
  timepicker: {
    refresh_intervals: ["5s", "10s", "30s", "1m", "5m"],
    time_options: ["5m", "15m", "1h", "6h", "12h", "24h"],
  },
  timezone: "browser",
  title: "Node Exporter Full",
  uid: "rYdddlPWk",
} as unknown as Dashboard;

export default dashboard;
