import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { start, type Started } from './child-process.ts';
import { freePort } from './free-port.ts';

export interface ScrapeTarget {
  readonly job: string;
  /** host:port on 127.0.0.1 */
  readonly address: string;
  /** This job's own scrape interval. @default the global 1s */
  readonly scrapeInterval?: string;
}

export interface PrometheusOptions {
  /** @default "1s" */
  readonly evaluationInterval?: string;
  /** Rule files (absolute paths or globs) Prometheus loads. */
  readonly ruleFiles?: readonly string[];
  /** host:port of an Alertmanager on 127.0.0.1 to send alerts to. */
  readonly alertmanager?: string;
}

export interface PrometheusServer {
  readonly url: string;
  readonly process: Started;
  /** Adds rule files to the running server's config and reloads it (SIGHUP); resolves once every group is loaded. */
  loadRules(ruleFiles: readonly string[]): Promise<void>;
  /** Instant query at "now"; the `result` array of a vector. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
}

/**
 * Starts Debian's `prometheus` on 127.0.0.1 with a 1 s scrape and evaluation interval, storage in `dir`, and waits
 * until it is ready. A few tries cover the small race of picking a free port before Prometheus binds it.
 */
export async function startPrometheus(
  dir: string,
  targets: readonly ScrapeTarget[],
  options: PrometheusOptions = {},
): Promise<PrometheusServer> {
  const config = [
    'global:',
    '  scrape_interval: 1s',
    `  evaluation_interval: ${options.evaluationInterval ?? '1s'}`,
    '  scrape_timeout: 1s',
    ...(options.ruleFiles?.length ? ['rule_files:', ...options.ruleFiles.map((f) => `  - ${JSON.stringify(f)}`)] : []),
    ...(options.alertmanager
      ? [
          'alerting:',
          '  alertmanagers:',
          '    - static_configs:',
          `        - targets: [${JSON.stringify(options.alertmanager)}]`,
        ]
      : []),
    'scrape_configs:',
    ...targets.flatMap((t) => [
      `  - job_name: ${JSON.stringify(t.job)}`,
      ...(t.scrapeInterval ? [`    scrape_interval: ${t.scrapeInterval}`] : []),
      '    static_configs:',
      `      - targets: [${JSON.stringify(t.address)}]`,
    ]),
    '',
  ].join('\n');
  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, config);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const proc = start('prometheus', [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, `data-${attempt}`)}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ]);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntil(
        async () => (await fetch(`${url}/-/ready`)).ok,
        30_000,
        () => `Prometheus at ${url} not ready\n${proc.output()}`,
      );
      return {
        url,
        process: proc,
        query: (expr) => instantQuery(url, expr),
        loadRules: (files) => loadRules(url, proc, configFile, files),
      };
    } catch (err) {
      lastError = err;
      await proc.stop();
    }
  }
  throw lastError;
}

async function loadRules(url: string, proc: Started, configFile: string, ruleFiles: readonly string[]): Promise<void> {
  const config = readFileSync(configFile, 'utf8');
  if (config.includes('\nrule_files:')) throw new Error('loadRules: the config already lists rule files');
  writeFileSync(
    configFile,
    config.replace(
      '\nscrape_configs:',
      `\nrule_files:\n${ruleFiles.map((f) => `  - ${JSON.stringify(f)}`).join('\n')}\nscrape_configs:`,
    ),
  );
  process.kill(proc.pid, 'SIGHUP');
  await waitUntil(
    async () => {
      const body = (await (await fetch(`${url}/api/v1/rules`)).json()) as { data: { groups: { file: string }[] } };
      return ruleFiles.every((f) => body.data.groups.some((g) => g.file === f));
    },
    30_000,
    () => `Prometheus at ${url} did not load ${ruleFiles.join(', ')}\n${proc.output()}`,
  );
}

async function instantQuery(
  url: string,
  expr: string,
): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const res = await fetch(`${url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: expr }) });
  const body = (await res.json()) as {
    status: string;
    data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
    error?: string;
  };
  if (body.status !== 'success') throw new Error(`query ${expr} failed: ${body.error}`);
  return body.data?.result ?? [];
}

/** Polls `check` every 250 ms until it is true; throws `message()` after `timeoutMs`. Not a timing assertion. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  message: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 250));
  }
}
