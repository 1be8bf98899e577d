import { setMaxListeners } from 'node:events';

/** Requests sent and answered so far, by status (0: failed or aborted). */
export interface SteadyTraffic {
  readonly statuses: ReadonlyMap<number, number>;
  /** Aborts requests still open (hung ones) and stops sending. */
  stop(): Promise<void>;
}

/**
 * Open-loop traffic: `perSecond` requests a second to `baseUrl`, cycling through `paths`, sent on a clock whether or
 * not earlier ones have been answered. A slow or hanging service therefore keeps receiving the same load, as it would
 * in production, and its latency and in-flight metrics move the way they would there.
 */
export function steadyTraffic(baseUrl: string, perSecond: number, paths: readonly string[]): SteadyTraffic {
  const statuses = new Map<number, number>();
  const controller = new AbortController();
  // Every request listens on the one signal; a hang holds thousands of them open at once, which is intended.
  setMaxListeners(0, controller.signal);
  const open = new Set<Promise<void>>();
  const tickMs = 100;
  let owed = 0;
  let sent = 0;
  const timer = setInterval(() => {
    owed += (perSecond * tickMs) / 1000;
    for (; owed >= 1; owed--) {
      const p = fetch(`${baseUrl}${paths[sent++ % paths.length]!}`, { signal: controller.signal })
        .then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        })
        .catch(() => 0)
        .then((status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        });
      const tracked = p.finally(() => open.delete(tracked));
      open.add(tracked);
    }
  }, tickMs);
  return {
    statuses,
    async stop() {
      clearInterval(timer);
      controller.abort();
      await Promise.allSettled([...open]);
    },
  };
}
