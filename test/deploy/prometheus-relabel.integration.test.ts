import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { freePort } from '../support/free-port.ts';
import { findTool } from './external-tool.ts';
import { survives, type RelabelRule } from './relabel.ts';

// The real Prometheus applies deploy/prometheus.yml's metric_relabel_configs to a fake target that exposes kept and
// dropped names; what it stores must be exactly what `survives` predicts, so the static check can be trusted.

const root = join(import.meta.dirname, '..', '..');
const EXPOSED = [
  'http_request_duration_seconds_bucket',
  'http_requests_total',
  'http_requests_in_flight',
  'go_goroutines',
  'go_memstats_heap_inuse_bytes',
  'go_gc_duration_seconds',
  'go_gc_duration_seconds_count',
  'go_gc_heap_allocs_by_size_bytes_bucket',
  'go_sched_latencies_seconds_bucket',
  'http_request_size_bytes_bucket',
  'process_open_fds',
  'prometheus_http_request_duration_seconds_bucket',
  'prometheus_http_requests_total',
  'prometheus_sd_discovered_targets',
  'net_conntrack_dialer_conn_failed_total',
];

interface ScrapeConfig {
  job_name: string;
  scrape_interval?: string;
  static_configs?: { targets: string[] }[];
  metric_relabel_configs?: RelabelRule[];
}

const prometheusBin = findTool('prometheus', [['prometheus']], ['--version']);

describe.skipIf(prometheusBin === undefined)('deploy/prometheus.yml relabelling in a real Prometheus', () => {
  const config = parse(readFileSync(join(root, 'deploy', 'prometheus.yml'), 'utf8')) as {
    scrape_configs: ScrapeConfig[];
  };
  let target: Server | undefined;
  let prometheus: ChildProcess | undefined;
  let dir = '';
  let promUrl = '';
  let stderr = '';

  beforeAll(async () => {
    target = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      res.end(EXPOSED.map((name) => `${name} 1\n`).join(''));
    });
    await new Promise<void>((resolve) => target?.listen(0, '127.0.0.1', resolve));
    const address = target.address();
    if (address === null || typeof address === 'string') throw new Error('no target address');

    dir = mkdtempSync(join(tmpdir(), 'panelcraft-relabel-'));
    const local = {
      global: { scrape_interval: '1s' },
      scrape_configs: config.scrape_configs.map((job) => ({
        ...job,
        scrape_interval: '1s',
        static_configs: [{ targets: [`127.0.0.1:${address.port}`] }],
      })),
    };
    writeFileSync(join(dir, 'prometheus.yml'), stringify(local));
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    const [bin, ...pre] = prometheusBin ?? [];
    prometheus = spawn(
      bin ?? 'prometheus',
      [
        ...pre,
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus?.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((resolve) => (target ? target.close(() => resolve()) : resolve()));
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  /** Metric names stored per job, once both jobs have been scraped (polls; the hook timeout bounds the wait). */
  async function storedNames(): Promise<Map<string, Set<string>>> {
    for (;;) {
      if (prometheus?.exitCode !== null) throw new Error(`prometheus exited early:\n${stderr}`);
      try {
        const query = encodeURIComponent('count by (__name__, job) ({__name__!=""})');
        const response = await fetch(`${promUrl}/api/v1/query?query=${query}`);
        const body = (await response.json()) as { data?: { result?: { metric: Record<string, string> }[] } };
        const byJob = new Map<string, Set<string>>();
        for (const { metric } of body.data?.result ?? []) {
          const job = metric.job ?? '';
          byJob.set(job, new Set([...(byJob.get(job) ?? []), metric.__name__ ?? '']));
        }
        const scraped = (job: string) => byJob.get(job)?.has('go_goroutines') === true;
        if (scraped('go-service') && scraped('prometheus')) return byJob;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('stores exactly the names `survives` keeps, for each job', async () => {
    const byJob = await storedNames();
    for (const job of config.scrape_configs) {
      const rules = job.metric_relabel_configs ?? [];
      const expected = EXPOSED.filter((name) => survives(name, rules)).sort();
      const stored = [...(byJob.get(job.job_name) ?? [])].filter((name) => EXPOSED.includes(name)).sort();
      expect({ job: job.job_name, stored }).toEqual({ job: job.job_name, stored: expected });
      expect(expected.length).toBeLessThan(EXPOSED.length); // each job drops something
    }
  }, 90_000);
});
