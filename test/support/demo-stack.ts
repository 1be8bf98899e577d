import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, type Started } from './child-process.ts';
import { buildGoExample, type ExampleName } from './go-example.ts';
import { startPrometheus, waitUntil, type PrometheusServer } from './prometheus-server.ts';

export interface DemoService {
  readonly name: ExampleName;
  /** Scrape job name: the example's name. */
  readonly job: string;
  readonly url: string;
  readonly process: Started;
}

export interface DemoStack {
  readonly dir: string;
  readonly services: readonly DemoService[];
  readonly prometheus: PrometheusServer;
  service(name: ExampleName): DemoService;
  /** Stops every process by pid and removes the temp dir; safe to call twice and after a failed start. */
  stop(): Promise<void>;
}

/**
 * Builds the given examples, starts them on 127.0.0.1 with free ports (read back from their first stdout line),
 * starts one Prometheus scraping all of them every second, and waits until every target is up.
 */
export async function startDemoStack(names: readonly ExampleName[]): Promise<DemoStack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-it-'));
  const started: Started[] = [];
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const binaries = await Promise.all(names.map((n) => buildGoExample(n, dir)));
    const services = await Promise.all(
      names.map(async (name, i): Promise<DemoService> => {
        const proc = start(binaries[i]!, [
          '-listen',
          '127.0.0.1:0',
          '-leak-max-goroutines',
          '500',
          '-leak-max-files',
          '100',
        ]);
        started.push(proc);
        const m = await proc.waitForLine(/^listening on (http:\/\/127\.0\.0\.1:\d+)$/, 15_000);
        return { name, job: name, url: m[1]!, process: proc };
      }),
    );
    const prometheus = await startPrometheus(
      dir,
      services.map((s) => ({ job: s.job, address: s.url.replace('http://', '') })),
    );
    started.push(prometheus.process);
    await waitUntil(
      async () => (await prometheus.query('up == 1')).length === services.length,
      30_000,
      () => `not every target came up in Prometheus ${prometheus.url}\n${prometheus.process.output()}`,
    );
    return {
      dir,
      services,
      prometheus,
      service: (name) => {
        const s = services.find((x) => x.name === name);
        if (!s) throw new Error(`service ${name} was not started`);
        return s;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
