// Imported by `panelcraft import` from "go-service-modern.json".
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
  editable: true,
  fiscalYearStartMonth: 0,
  graphTooltip: 1,
  links: [{ title: "Runbook", type: "link", url: "https://runbooks.example/orders?env=$env" }],
  panels: [
    {
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y: 0 },
      id: 10,
      panels: [],
      title: "Traffic",
      type: "row",
    },
    {
      datasource: { type: "prometheus", uid: "${datasource}" },
      description: "Requests per second by route.",
      fieldConfig: { defaults: { unit: "reqps" }, overrides: [] },
      gridPos: { h: 8, w: 12, x: 0, y: 1 },
      id: 1,
      options: { legend: { displayMode: "list", placement: "bottom", showLegend: true } },
      targets: [
        {
          datasource: { type: "prometheus", uid: "${datasource}" },
          expr: "sum by (handler) (rate(http_requests_total{job=~\"$job\", instance=~\"$instance\"}[$__rate_interval]))",
          legendFormat: "{{handler}}",
          refId: "A",
        },
      ],
      title: "Request rate",
      type: "timeseries",
    },
    {
      datasource: { type: "prometheus", uid: "P1809F7CD0C75ACF3" },
      fieldConfig: { defaults: { unit: "req/s" }, overrides: [] },
      gridPos: { h: 8, w: 12, x: 12, y: 1 },
      id: 2,
      targets: [
        {
          datasource: { type: "prometheus", uid: "P1809F7CD0C75ACF3" },
          expr: "sum(rate(http_requests_total{job=~\"$job\", instance=~\"$instnce\", code=~\"5..\"}[5m])) / sum(rate(http_requests_total{job=~\"$job\"}[5m]))",
          refId: "A",
        },
      ],
      title: "Error ratio",
      type: "timeseries",
    },
    {
      datasource: { type: "prometheus", uid: "${datasource}" },
      description: "P99 latency.",
      fieldConfig: { defaults: { unit: "s" }, overrides: [] },
      gridPos: { h: 8, w: 12, x: 0, y: 9 },
      id: 3,
      repeat: "pod",
      targets: [
        {
          datasource: { type: "prometheus", uid: "${datasource}" },
          expr: "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=~\"$job\", instance=~\"$instance\", hndler=\"/api/orders\"}[$__rate_interval])))",
          refId: "A",
        },
      ],
      title: "Latency P99",
      type: "timeseries",
    },
    {
      datasource: { type: "prometheus", uid: "${datasource}" },
      description: "Goroutines per instance.",
      fieldConfig: { defaults: { unit: "short" }, overrides: [] },
      gridPos: { h: 8, w: 12, x: 12, y: 9 },
      id: 4,
      targets: [],
      title: "Goroutines",
      type: "timeseries",
    },
    {
      gridPos: { h: 8, w: 24, x: 0, y: 17 },
      id: 5,
      libraryPanel: { name: "Shared SLO panel", uid: "fdk2l3" },
    },
  ],
  refresh: "30s",
  schemaVersion: 39,
  tags: ["go", "orders"],
  templating: {
    list: [
      {
        current: { text: "Prometheus", value: "prometheus" },
        hide: 0,
        includeAll: false,
        label: "Data source",
        name: "datasource",
        options: [],
        query: "prometheus",
        refresh: 1,
        type: "datasource",
      },
      {
        datasource: { type: "prometheus", uid: "${datasource}" },
        definition: "label_values(up, job)",
        name: "job",
        query: "label_values(up, job)",
        refresh: 2,
        type: "query",
      },
      {
        datasource: { type: "prometheus", uid: "${datasource}" },
        name: "instance",
        query: "label_values(up{job=~\"$job\"}, instance)",
        refresh: 1,
        type: "query",
      },
      { name: "cluster", query: "eu-1,us-1", type: "custom" },
    ],
  },
  time: { from: "now-6h", to: "now" },
  timepicker: {},
  timezone: "utc",
  title: "Orders service",
  uid: "orders-service",
  weekStart: "",
} as unknown as Dashboard;

export default dashboard;
