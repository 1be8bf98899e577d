import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { start, type Started } from './child-process.ts';
import { freePort } from './free-port.ts';
import { waitUntil } from './prometheus-server.ts';

export interface AlertmanagerServer {
  /** host:port, for Prometheus's alerting config. */
  readonly address: string;
  readonly url: string;
  readonly process: Started;
}

/**
 * Starts Debian's `prometheus-alertmanager` on 127.0.0.1 with `config` (YAML text), storage in `dir`, high
 * availability off (`--cluster.listen-address=`), and waits until it is ready. Retries cover the race of picking a
 * free port before Alertmanager binds it.
 */
export async function startAlertmanager(dir: string, config: string): Promise<AlertmanagerServer> {
  const configFile = path.join(dir, 'alertmanager.yml');
  writeFileSync(configFile, config);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const proc = start('prometheus-alertmanager', [
      `--config.file=${configFile}`,
      `--storage.path=${path.join(dir, `alertmanager-${attempt}`)}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ]);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntil(
        async () => (await fetch(`${url}/-/ready`)).ok,
        30_000,
        () => `Alertmanager at ${url} not ready\n${proc.output()}`,
      );
      return { address: `127.0.0.1:${port}`, url, process: proc };
    } catch (err) {
      lastError = err;
      await proc.stop();
    }
  }
  throw lastError;
}
