import {
  DEFAULT_PROMETHEUS,
  DEFAULT_PROMETHEUS_VERSION,
  parsePrometheusVersion,
  type PrometheusVersion,
} from '../model/prometheus-version.ts';
import { DEFAULT_GRAFANA_VERSION } from '../model/grafana-version.ts';
import type { RuleConfig } from '../validate/rule-config.ts';
import { DEFAULT_REPORT_CONFIG, type ReportConfig } from './report-config.ts';

/** The provisioned Prometheus datasource every dashboard points at through its `datasource` variable. */
export interface DatasourceConfig {
  /** Fixed uid, referenced as the variable's default. @default "prometheus" */
  readonly uid: string;
  /** @default "Prometheus" */
  readonly name: string;
  /** URL Grafana's backend uses. `$VAR` is expanded by Grafana at startup. @default "http://prometheus:9090" */
  readonly url: string;
  /** Prometheus scrape interval, sets the datasource's `timeInterval` (affects `$__rate_interval`). @default "15s" */
  readonly scrapeInterval: string;
  /** Basic auth user; the password is never written, only `$PROMETHEUS_PASSWORD` is referenced. */
  readonly basicAuthUser?: string;
}

/** Where and how `build` writes the rules of `alerts/`. */
export interface AlertsConfig {
  /** Prometheus rule files (`<dir>/<folder>/<name>.yaml`), or Grafana alerting file provisioning
   *  (`provisioning/alerting/<folder>-<name>.yaml`). @default "prometheus" */
  readonly target: 'prometheus' | 'grafana';
  /** Output folder of Prometheus rule files, relative to the root. @default "prometheus/rules" */
  readonly dir: string;
  /** Grafana's address, for the dashboard links in alert annotations. @default "http://localhost:3000" */
  readonly grafanaUrl: string;
}

/** Project settings, read from `panelcraft.yaml` at the root (every field optional there). */
export interface PanelcraftConfig extends RuleConfig {
  /** Grafana version the output targets; sets `schemaVersion`. @default "12.1" */
  readonly grafanaVersion: string;
  readonly datasource: DatasourceConfig;
  /** Name of the dashboard provider in `provisioning/dashboards/panelcraft-provider.yaml`. Keep it stable: Grafana deletes
   *  dashboards of renamed providers. @default "panelcraft" */
  readonly providerName: string;
  /** Where Grafana sees `provisioning/` mounted. @default "/etc/grafana/provisioning" */
  readonly mountPath: string;
  /** Whether dashboards are editable in the UI (changes are lost at the next provisioning). @default false */
  readonly editable: boolean;
  /** `panelcraft report` settings: time zone, SLO, mail. */
  readonly report: ReportConfig;
  /** The Prometheus the queries run on; PromQL is checked for its version. */
  readonly prometheus?: PrometheusConfig;
  readonly alerts: AlertsConfig;
}

export interface PrometheusConfig {
  /** Prometheus release the PromQL must run on, e.g. "3.5" or "2.42". @default "3.5" (the stack in deploy/) */
  readonly version: string;
}

export const DEFAULT_CONFIG: PanelcraftConfig = {
  grafanaVersion: DEFAULT_GRAFANA_VERSION,
  datasource: { uid: 'prometheus', name: 'Prometheus', url: 'http://prometheus:9090', scrapeInterval: '15s' },
  providerName: 'panelcraft',
  mountPath: '/etc/grafana/provisioning',
  editable: false,
  report: DEFAULT_REPORT_CONFIG,
  prometheus: { version: DEFAULT_PROMETHEUS_VERSION },
  alerts: { target: 'prometheus', dir: 'prometheus/rules', grafanaUrl: 'http://localhost:3000' },
};

/** The configured Prometheus version, parsed (the default when unset or unreadable). */
export function prometheusVersionOf(config: Pick<PanelcraftConfig, 'prometheus'>): PrometheusVersion {
  return parsePrometheusVersion(config.prometheus?.version ?? DEFAULT_PROMETHEUS_VERSION) ?? DEFAULT_PROMETHEUS;
}
