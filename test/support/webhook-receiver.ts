import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One alert of an Alertmanager webhook notification, with when and where it arrived. */
export interface ReceivedAlert {
  /** `Date.now()` when the POST arrived. */
  readonly receivedAt: number;
  /** The path Alertmanager posted to (the receiver's URL path, e.g. `/page`). */
  readonly path: string;
  readonly version: string;
  /** The notification's status. */
  readonly status: string;
  readonly alertStatus: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** The alert's `startsAt` in ms: when Prometheus saw it firing. */
  readonly startsAt: number;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly alerts: readonly ReceivedAlert[];
  /** Resolves with the first alert (received so far or later) that `match` accepts; rejects after `timeoutMs`. */
  waitFor(match: (a: ReceivedAlert) => boolean, timeoutMs: number, what: string): Promise<ReceivedAlert>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (free port) that records every Alertmanager webhook POST, bodies capped at 1 MiB. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const alerts: ReceivedAlert[] = [];
  const listeners = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1 << 20) chunks.push(c);
    });
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          version: string;
          status: string;
          alerts: {
            status: string;
            labels: Record<string, string>;
            annotations: Record<string, string>;
            startsAt: string;
          }[];
        };
        for (const a of body.alerts) {
          alerts.push({
            receivedAt,
            path: req.url ?? '',
            version: body.version,
            status: body.status,
            alertStatus: a.status,
            labels: a.labels,
            annotations: a.annotations,
            startsAt: Date.parse(a.startsAt),
          });
        }
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end();
      }
      for (const l of listeners) l();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    alerts,
    waitFor(match, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = alerts.find(match);
          if (found) done(undefined, found);
        };
        const timer = setTimeout(
          () => done(new Error(`no ${what} within ${timeoutMs} ms; received: ${summary(alerts)}`)),
          timeoutMs,
        );
        const done = (err?: Error, found?: ReceivedAlert) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve(found!);
        };
        listeners.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function summary(alerts: readonly ReceivedAlert[]): string {
  if (alerts.length === 0) return 'nothing';
  return alerts.map((a) => `${a.path} ${a.alertStatus} ${a.labels.alertname}{job=${a.labels.job}}`).join(', ');
}
