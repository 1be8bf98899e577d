import { parsePrometheusVersion } from '../model/prometheus-version.ts';
import { parse } from 'yaml';
import { didYouMean } from '../catalog/suggest.ts';
import { parseGrafanaVersion } from '../model/grafana-version.ts';
import { parsePrometheusDuration } from '../model/prometheus-duration.ts';
import { isJsonObject, type JsonObject } from '../model/json.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { UID_PATTERN } from '../model/uid.ts';
import type { RuleExclusion, RuleLevel } from '../validate/rule-config.ts';
import { parseReportConfig } from './report-config.ts';
import { datasourceUrlSecrets } from './datasource-url-secrets.ts';
import { DEFAULT_CONFIG, type AlertsConfig, type DatasourceConfig, type PanelcraftConfig } from './config.ts';
import { yamlPositions } from './yaml-positions.ts';

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'off'];
const TOP_KEYS = [
  'grafanaVersion',
  'datasource',
  'providerName',
  'mountPath',
  'editable',
  'rules',
  'exclusions',
  'report',
  'prometheus',
  'alerts',
];
const ALERT_KEYS = ['target', 'dir', 'grafanaUrl'];
const DS_KEYS = ['uid', 'name', 'url', 'scrapeInterval', 'basicAuthUser'];

/** What the settings may name besides their own keys; the caller knows the rules. */
export interface ConfigVocabulary {
  /** Every rule id `rules:` and `exclusions:` may name. Unchecked when absent. */
  readonly ruleIds?: readonly string[];
}

/**
 * Parses `panelcraft.yaml` text into settings merged over the defaults. Pure, and the one check of the settings
 * every command runs. Every problem becomes a `config` diagnostic naming the key, with its YAML line and a
 * "did you mean" for misspelled keys and rule ids; the returned config then holds the defaults for the bad keys.
 */
export function parseConfig(
  text: string,
  file: string,
  vocabulary: ConfigVocabulary = {},
): { config: PanelcraftConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let position: ReturnType<typeof yamlPositions> | undefined;
  const problem = (pointer: string, message: string, fix: string) => {
    position ??= yamlPositions(text);
    const at = position(pointer);
    diagnostics.push({
      rule: 'config',
      severity: 'error',
      file,
      pointer,
      ...(at ? { line: at.line, column: at.column } : {}),
      message,
      fix,
    });
  };
  const knownRule = (id: string, pointer: string): boolean => {
    if (vocabulary.ruleIds === undefined || vocabulary.ruleIds.includes(id)) return true;
    problem(
      pointer,
      `unknown rule id "${id}"${didYouMean(id, vocabulary.ruleIds)}`,
      'name a rule id from `panelcraft lint` output or the README',
    );
    return false;
  };
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    problem(
      '',
      `is not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      'fix the YAML syntax at the line shown',
    );
    return { config: DEFAULT_CONFIG, diagnostics };
  }
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, diagnostics };
  if (!isJsonObject(raw)) {
    problem('', 'must be a mapping of settings', `write keys such as \`grafanaVersion: "12.1"\``);
    return { config: DEFAULT_CONFIG, diagnostics };
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key))
      problem(`/${key}`, `unknown setting "${key}"${didYouMean(key, TOP_KEYS)}`, `use one of ${TOP_KEYS.join(', ')}`);
  }
  const str = (obj: JsonObject, key: string, at: string): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number' && (key === 'grafanaVersion' || key === 'version')) return String(v);
    problem(`${at}/${key}`, `${key} must be a non-empty string, got ${JSON.stringify(v)}`, `quote it: ${key}: "…"`);
    return undefined;
  };

  let datasource: DatasourceConfig = DEFAULT_CONFIG.datasource;
  if (raw.datasource !== undefined) {
    if (!isJsonObject(raw.datasource))
      problem('/datasource', 'datasource must be a mapping', 'write `datasource: { url: http://prometheus:9090 }`');
    else {
      const ds = raw.datasource;
      for (const key of Object.keys(ds))
        if (!DS_KEYS.includes(key))
          problem(
            `/datasource/${key}`,
            `unknown datasource setting "${key}"${didYouMean(key, DS_KEYS)}`,
            `use one of ${DS_KEYS.join(', ')}`,
          );
      const uid = str(ds, 'uid', '/datasource');
      if (uid !== undefined && !UID_PATTERN.test(uid))
        problem(
          '/datasource/uid',
          `datasource uid "${uid}" is not 1–40 letters, digits, "-" or "_"`,
          'use e.g. `uid: prometheus`',
        );
      const user = str(ds, 'basicAuthUser', '/datasource');
      const url = str(ds, 'url', '/datasource');
      const secrets = url === undefined ? [] : datasourceUrlSecrets(url);
      for (const s of secrets) problem('/datasource/url', s.message, s.fix);
      const urlOk = url === undefined || isDatasourceUrl(url);
      if (!urlOk)
        problem(
          '/datasource/url',
          `datasource url "${url}" is not an http(s) URL`,
          "write the URL Grafana's backend reaches Prometheus at, e.g. `url: http://prometheus:9090` (`$VAR` is expanded by Grafana)",
        );
      const scrape = str(ds, 'scrapeInterval', '/datasource');
      const scrapeOk = scrape === undefined || isScrapeInterval(scrape);
      if (!scrapeOk)
        problem(
          '/datasource/scrapeInterval',
          `scrapeInterval "${scrape}" is not a Prometheus duration above zero`,
          'write it as Prometheus does, e.g. `scrapeInterval: 15s` (equal to scrape_interval in prometheus.yml)',
        );
      datasource = {
        uid: uid !== undefined && UID_PATTERN.test(uid) ? uid : DEFAULT_CONFIG.datasource.uid,
        name: str(ds, 'name', '/datasource') ?? DEFAULT_CONFIG.datasource.name,
        url: url !== undefined && secrets.length === 0 && urlOk ? url : DEFAULT_CONFIG.datasource.url,
        scrapeInterval: scrape !== undefined && scrapeOk ? scrape : DEFAULT_CONFIG.datasource.scrapeInterval,
        ...(user !== undefined ? { basicAuthUser: user } : {}),
      };
    }
  }

  const rules: Record<string, RuleLevel> = {};
  if (raw.rules !== undefined) {
    if (!isJsonObject(raw.rules))
      problem(
        '/rules',
        'rules must map rule ids to error, warning or off',
        'write `rules: { panel-description: off }`',
      );
    else
      for (const [id, level] of Object.entries(raw.rules)) {
        if (!knownRule(id, `/rules/${id}`)) continue;
        if (typeof level === 'string' && (LEVELS as string[]).includes(level)) rules[id] = level as RuleLevel;
        else
          problem(
            `/rules/${id}`,
            `rule ${id}: level ${JSON.stringify(level)} is not one of ${LEVELS.join(', ')}`,
            `write \`${id}: warning\``,
          );
      }
  }

  const exclusions: RuleExclusion[] = [];
  if (raw.exclusions !== undefined) {
    if (!Array.isArray(raw.exclusions))
      problem('/exclusions', 'exclusions must be a list', 'write `exclusions: [{ rule: …, dashboard: …, reason: … }]`');
    else
      raw.exclusions.forEach((entry, i) => {
        const at = `/exclusions/${i}`;
        if (!isJsonObject(entry))
          return problem(at, 'an exclusion must be a mapping', 'write `{ rule: …, reason: … }`');
        const rule = str(entry, 'rule', at);
        const reason = str(entry, 'reason', at);
        if (rule === undefined) return problem(`${at}/rule`, 'exclusion has no rule', 'name the rule id it silences');
        if (!knownRule(rule, `${at}/rule`)) return;
        if (reason === undefined)
          return problem(
            `${at}/reason`,
            `exclusion of ${rule} has no reason`,
            'say why the rule does not apply there: `reason: "…"`',
          );
        const dashboard = str(entry, 'dashboard', at);
        const panel = str(entry, 'panel', at);
        exclusions.push({
          rule,
          reason,
          ...(dashboard !== undefined ? { dashboard } : {}),
          ...(panel !== undefined ? { panel } : {}),
        });
      });
  }

  let alerts: AlertsConfig = DEFAULT_CONFIG.alerts;
  if (raw.alerts !== undefined) {
    if (!isJsonObject(raw.alerts))
      problem('/alerts', 'alerts must be a mapping', 'write `alerts: { target: prometheus, dir: prometheus/rules }`');
    else {
      const a = raw.alerts;
      for (const key of Object.keys(a))
        if (!ALERT_KEYS.includes(key))
          problem(`/alerts/${key}`, `unknown alerts setting "${key}"`, `use one of ${ALERT_KEYS.join(', ')}`);
      const target = str(a, 'target', '/alerts');
      if (target !== undefined && target !== 'prometheus' && target !== 'grafana')
        problem(
          '/alerts/target',
          `alerts target "${target}" is not prometheus or grafana`,
          'write `target: prometheus` (rule files) or `target: grafana` (Grafana alerting provisioning)',
        );
      const dir = str(a, 'dir', '/alerts');
      const dirOk = dir === undefined || isOutputDir(dir);
      if (!dirOk)
        problem(
          '/alerts/dir',
          `alerts dir "${dir}" must be a relative folder inside the project, outside provisioning/ and alerts/`,
          'write e.g. `dir: prometheus/rules`',
        );
      alerts = {
        target: target === 'grafana' ? 'grafana' : 'prometheus',
        dir: dir !== undefined && dirOk ? dir.replace(/\/+$/, '') : DEFAULT_CONFIG.alerts.dir,
        grafanaUrl: (str(a, 'grafanaUrl', '/alerts') ?? DEFAULT_CONFIG.alerts.grafanaUrl).replace(/\/+$/, ''),
      };
    }
  }

  const editable = raw.editable;
  if (editable !== undefined && typeof editable !== 'boolean')
    problem('/editable', `editable must be true or false, got ${JSON.stringify(editable)}`, 'write `editable: false`');
  let prometheus = DEFAULT_CONFIG.prometheus;
  if (raw.prometheus !== undefined) {
    if (!isJsonObject(raw.prometheus))
      problem('/prometheus', 'prometheus must be a mapping', 'write `prometheus: { version: "3.5" }`');
    else {
      for (const key of Object.keys(raw.prometheus))
        if (key !== 'version') problem(`/prometheus/${key}`, `unknown setting "prometheus.${key}"`, 'use version');
      const version = str(raw.prometheus, 'version', '/prometheus');
      const parsed = version === undefined ? undefined : parsePrometheusVersion(version);
      if (version !== undefined && (parsed === undefined || parsed[0] < 2 || parsed[0] > 3))
        problem(
          '/prometheus/version',
          `prometheus.version "${version}" is not a Prometheus 2.x or 3.x version`,
          'set it to the Prometheus you run, quoted, e.g. "3.5" or "2.42"',
        );
      else if (version !== undefined) prometheus = { version };
    }
  }
  const grafanaVersion = str(raw, 'grafanaVersion', '');
  const versionOk = grafanaVersion === undefined || parseGrafanaVersion(grafanaVersion) !== undefined;
  if (!versionOk)
    problem(
      '/grafanaVersion',
      `grafanaVersion "${grafanaVersion}" is not a Grafana version`,
      'write the version your Grafana runs, e.g. `grafanaVersion: "12.1"`',
    );
  const config: PanelcraftConfig = {
    grafanaVersion: grafanaVersion !== undefined && versionOk ? grafanaVersion : DEFAULT_CONFIG.grafanaVersion,
    datasource,
    providerName: str(raw, 'providerName', '') ?? DEFAULT_CONFIG.providerName,
    mountPath: (str(raw, 'mountPath', '') ?? DEFAULT_CONFIG.mountPath).replace(/\/+$/, ''),
    editable: typeof editable === 'boolean' ? editable : DEFAULT_CONFIG.editable,
    report: parseReportConfig(raw.report, problem),
    rules,
    exclusions,
    ...(prometheus !== undefined ? { prometheus } : {}),
    alerts,
  };
  return { config, diagnostics };
}

/** A relative posix folder that stays inside the root and away from the trees panelcraft reads or owns otherwise. */
function isOutputDir(dir: string): boolean {
  const parts = dir.replace(/\/+$/, '').split('/');
  if (dir.startsWith('/') || /^[A-Za-z]:/.test(dir) || dir.includes('\\')) return false;
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.'))) return false;
  return !['provisioning', 'alerts', 'dashboards', 'node_modules', 'src'].includes(parts[0]!);
}

/** An http(s) URL, or one Grafana completes from the environment at startup (`$PROMETHEUS_URL`, `${HOST}:9090`). */
function isDatasourceUrl(url: string): boolean {
  if (/\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.test(url)) return true;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

function isScrapeInterval(text: string): boolean {
  const parsed = parsePrometheusDuration(text);
  return 'ms' in parsed && parsed.ms > 0;
}
