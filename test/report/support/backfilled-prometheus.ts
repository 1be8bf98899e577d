import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run, start, type Started } from '../../support/child-process.ts';
import { freePort } from '../../support/free-port.ts';
import { waitUntil } from '../../support/prometheus-server.ts';
import { which } from '../../support/real-tools.ts';
import { openMetrics } from './synthetic-metrics.ts';

export interface Backfilled {
  readonly url: string;
  readonly process: Started;
  /** Instant query at `time` (epoch s): the vector's values by job. */
  query(expr: string, time: number): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
}

/** Whether prometheus, promtool and poppler-utils are there; skips loudly, or throws under CI=true. */
export function reportToolsAvailable(): boolean {
  const missing = ['prometheus', 'promtool', 'pdftotext', 'pdftoppm', 'pdffonts'].filter((t) => which(t) === undefined);
  if (missing.length === 0) return true;
  const message =
    `\n${'!'.repeat(78)}\n!! report integration tests SKIPPED: missing ${missing.join(', ')}\n` +
    `!! install with: apt-get install -y prometheus poppler-utils fonts-noto-cjk\n${'!'.repeat(78)}\n`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${message}`);
  process.stderr.write(message);
  return false;
}

/**
 * Writes the synthetic data set as OpenMetrics, turns it into TSDB blocks with `promtool tsdb
 * create-blocks-from openmetrics`, and starts Prometheus on 127.0.0.1 over those blocks (retention far beyond the
 * data's age, so nothing is deleted; no scrape targets, so nothing else is written).
 */
export async function startBackfilledPrometheus(dir: string): Promise<Backfilled> {
  const data = path.join(dir, 'data');
  await mkdir(data, { recursive: true });
  const input = path.join(dir, 'synthetic.om');
  await writeFile(input, openMetrics());
  await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=24h', '-q', input, data], {
    cwd: dir,
  });
  const config = path.join(dir, 'prometheus.yml');
  await writeFile(config, 'global:\n  scrape_interval: 5m\n');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const proc = start('prometheus', [
      `--config.file=${config}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ]);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntil(
        async () => (await fetch(`${url}/-/ready`)).ok,
        60_000,
        () => `Prometheus at ${url} not ready\n${proc.output()}`,
      );
      return {
        url,
        process: proc,
        async query(expr, time) {
          const res = await fetch(`${url}/api/v1/query`, {
            method: 'POST',
            body: new URLSearchParams({ query: expr, time: String(time) }),
          });
          const body = (await res.json()) as {
            status: string;
            data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
            error?: string;
          };
          if (body.status !== 'success') throw new Error(`query ${expr} failed: ${body.error}`);
          return body.data?.result ?? [];
        },
      };
    } catch (err) {
      lastError = err;
      await proc.stop();
    }
  }
  throw lastError;
}
