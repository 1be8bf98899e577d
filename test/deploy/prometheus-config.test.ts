import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';
import { dashboardMetrics } from './dashboard-metrics.ts';
import { findTool } from './external-tool.ts';
import { survives, type RelabelRule } from './relabel.ts';

const root = join(import.meta.dirname, '..', '..');
const configPath = join(root, 'deploy', 'prometheus.yml');

interface ScrapeConfig {
  readonly job_name: string;
  readonly scrape_interval?: string;
  readonly static_configs?: readonly { readonly targets: readonly string[] }[];
  readonly metric_relabel_configs?: readonly RelabelRule[];
}
const config = parse(readFileSync(configPath, 'utf8')) as {
  global: { scrape_interval: string };
  scrape_configs: ScrapeConfig[];
  rule_files?: string[];
  alerting?: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
};

/** Where docker-compose.yml mounts ../prometheus/rules. */
const CONTAINER_RULES = '/etc/prometheus/rules';

/** Rule files under prometheus/rules/, relative to it, sorted. */
function generatedRuleFiles(): string[] {
  const dir = join(root, 'prometheus', 'rules');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** Prometheus's rule_files glob (filepath.Match: `*` never crosses `/`) against a relative path. */
function globMatches(pattern: string, file: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  return re.test(file);
}
const job = (name: string): ScrapeConfig => {
  const found = config.scrape_configs.find((c) => c.job_name === name);
  if (!found) throw new Error(`deploy/prometheus.yml has no job "${name}"`);
  return found;
};

/** Every metric the shipped dashboards are designed around, present or not in provisioning/ yet. */
const DESIGNED_METRICS = [
  'up',
  'http_request_duration_seconds_bucket',
  'http_request_duration_seconds_count',
  'http_request_duration_seconds_sum',
  'http_requests_total',
  'http_requests_in_flight',
  'go_goroutines',
  'go_memstats_heap_inuse_bytes',
  'go_memstats_heap_alloc_bytes',
  'go_gc_duration_seconds',
  'go_gc_duration_seconds_count',
  'go_gc_duration_seconds_sum',
  'process_resident_memory_bytes',
  'process_open_fds',
  'process_max_fds',
  'process_cpu_seconds_total',
  'process_start_time_seconds',
];

const promtool = findTool('promtool', [['promtool']], ['--version']);

describe('deploy/prometheus.yml', () => {
  it.skipIf(promtool === undefined)('passes `promtool check config`', () => {
    const [bin, ...pre] = promtool ?? [];
    const result = spawnSync(bin ?? 'promtool', [...pre, 'check', 'config', configPath], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it.skipIf(promtool === undefined)(
    'passes `promtool check config` with the generated rule files in place, and checks them',
    () => {
      const [bin, ...pre] = promtool ?? [];
      const dir = mkdtempSync(join(tmpdir(), 'panelcraft-promtool-'));
      const copy = join(dir, 'prometheus.yml');
      const rulesDir = join(root, 'prometheus', 'rules');
      writeFileSync(copy, readFileSync(configPath, 'utf8').replaceAll(`${CONTAINER_RULES}/`, `${rulesDir}/`));
      const result = spawnSync(bin ?? 'promtool', [...pre, 'check', 'config', copy], { encoding: 'utf8' });
      rmSync(dir, { recursive: true, force: true });
      expect(result.stdout + result.stderr).toContain('SUCCESS');
      expect(result.status).toBe(0);
      const checked = [
        ...(result.stdout + result.stderr).matchAll(/Checking (\S+\.yaml)\n\s+SUCCESS: (\d+) rules found/g),
      ].map((m) => m[1]);
      expect(checked.sort()).toEqual(generatedRuleFiles().map((f) => join(rulesDir, f)));
    },
  );

  it('loads every generated rule file: each folder of prometheus/rules/ is listed in rule_files', () => {
    const patterns = config.rule_files ?? [];
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(p.startsWith(`${CONTAINER_RULES}/`)).toBe(true);
    const unloaded = generatedRuleFiles().filter(
      (f) => !patterns.some((p) => globMatches(p.slice(CONTAINER_RULES.length + 1), f)),
    );
    expect(unloaded, 'add a rule_files entry for these folders').toEqual([]);
  });

  it('sends alerts to the Alertmanager of docker-compose.yml', () => {
    expect(config.alerting?.alertmanagers.flatMap((a) => a.static_configs.flatMap((c) => c.targets))).toEqual([
      'alertmanager:9093',
    ]);
  });

  it.skipIf(promtool === undefined)('promtool rejects a broken copy (the check is not vacuous)', () => {
    const [bin, ...pre] = promtool ?? [];
    const dir = mkdtempSync(join(tmpdir(), 'panelcraft-promtool-'));
    const brokenPath = join(dir, 'prometheus.yml');
    writeFileSync(brokenPath, readFileSync(configPath, 'utf8').replace('action: drop', 'action: dropp'));
    const result = spawnSync(bin ?? 'promtool', [...pre, 'check', 'config', brokenPath], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/unknown relabel action "dropp"/);
  });

  it('scrapes the demo service as job go-service at app:8080 every 5s and Prometheus itself every 15s', () => {
    expect(config.global.scrape_interval).toBe('15s');
    // The built datasource's timeInterval (drives $__rate_interval) must equal the global scrape interval; the app's
    // faster job only makes its rate windows wider than needed, never empty.
    expect(DEFAULT_CONFIG.datasource.scrapeInterval).toBe(config.global.scrape_interval);
    expect(job('go-service').static_configs).toEqual([{ targets: ['app:8080'] }]);
    // Part of the 15 s page budget (deploy/alertmanager.yml, test/deploy/alert-latency-budget.test.ts).
    expect(job('go-service').scrape_interval).toBe('5s');
    expect(job('prometheus').static_configs).toEqual([{ targets: ['localhost:9090'] }]);
  });

  it('job go-service keeps every metric the dashboards are designed around', () => {
    const rules = job('go-service').metric_relabel_configs ?? [];
    expect(DESIGNED_METRICS.filter((metric) => !survives(metric, rules))).toEqual([]);
  });

  it('drops high-cardinality series no dashboard reads', () => {
    const app = job('go-service').metric_relabel_configs ?? [];
    const self = job('prometheus').metric_relabel_configs ?? [];
    for (const rules of [app, self]) {
      expect(survives('go_gc_heap_allocs_by_size_bytes_bucket', rules)).toBe(false);
      expect(survives('go_sched_latencies_seconds_bucket', rules)).toBe(false);
      expect(survives('go_gc_pauses_seconds_bucket', rules)).toBe(false);
    }
    expect(survives('http_request_size_bytes_bucket', app)).toBe(false);
    expect(survives('prometheus_http_request_duration_seconds_bucket', self)).toBe(false);
    expect(survives('prometheus_http_response_size_bytes_bucket', self)).toBe(false);
    expect(survives('prometheus_engine_query_duration_seconds', self)).toBe(false);
    // Neighbours of dropped names that must stay.
    expect(survives('prometheus_http_requests_total', self)).toBe(true);
    expect(survives('go_gc_duration_seconds_bucket', app)).toBe(true);
  });

  it('job go-service keeps every metric name the built dashboards in provisioning/ read', () => {
    const found = dashboardMetrics(root, 'provisioning/dashboards');
    if (found.files.length === 0) {
      console.warn(
        '\n!!! provisioning/dashboards has no dashboards yet: nothing to check against deploy/prometheus.yml\n',
      );
      return;
    }
    expect(found.unparsed.map((q) => `${q.file} ${q.pointer}: ${q.expr}`)).toEqual([]);
    expect(found.metrics.size).toBeGreaterThan(0);
    const rules = job('go-service').metric_relabel_configs ?? [];
    const dropped = [...found.metrics].filter(([metric]) => !survives(metric, rules));
    expect(dropped.map(([metric, where]) => `${metric} (read by ${where[0]?.file} ${where[0]?.pointer})`)).toEqual([]);
  });
});

describe('survives (metric relabelling, as Prometheus applies it)', () => {
  it('drops a name the drop regex matches in full, keeps one it matches only in part', () => {
    const rules = [{ source_labels: ['__name__'], regex: 'go_gc_heap_.+', action: 'drop' }];
    expect(survives('go_gc_heap_objects_objects', rules)).toBe(false);
    expect(survives('x_go_gc_heap_objects', rules)).toBe(true);
  });

  it('keep drops every name the regex does not match', () => {
    const rules = [{ source_labels: ['__name__'], regex: 'up|go_goroutines', action: 'keep' }];
    expect(survives('up', rules)).toBe(true);
    expect(survives('go_goroutines_total', rules)).toBe(false);
  });

  it('throws on an action it cannot follow', () => {
    expect(() =>
      survives('up', [{ source_labels: ['__name__'], target_label: '__name__', action: 'replace' }]),
    ).toThrow('relabel action "replace" is not simulated');
  });
});

describe('dashboardMetrics', () => {
  it('reads targets, collapsed rows and query variables, with Grafana variables replaced', () => {
    const found = dashboardMetrics(join(import.meta.dirname, 'fixtures'), 'dashboards');
    expect(found.files).toEqual(['dashboards/demo/metrics.json']);
    expect([...found.metrics.keys()].sort()).toEqual([
      'go_goroutines',
      'http_request_duration_seconds_bucket',
      'http_requests_total',
      'process_open_fds',
      'up',
    ]);
    expect(found.unparsed).toEqual([
      { file: 'dashboards/demo/metrics.json', pointer: '/panels/2/targets/0/expr', expr: 'sum(rate(broken{[5m]))' },
    ]);
  });
});
