/** Requests per round and route: ~5 % of checkout requests fail (every 20th), so 40 checkouts give 2 errors. */
const ROUND: ReadonlyArray<readonly [string, number]> = [
  ['/api/orders', 20],
  ['/api/search', 6],
  ['/api/checkout', 40],
  ['/healthz', 2],
];

/** A fixed number of requests across the demo routes, 8 at a time; returns the status codes seen. */
export async function driveTraffic(baseUrl: string, rounds = 2): Promise<Map<number, number>> {
  const paths: string[] = [];
  for (let r = 0; r < rounds; r++) for (const [p, n] of ROUND) for (let i = 0; i < n; i++) paths.push(p);
  const codes = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const res = await fetch(`${baseUrl}${paths[next++]!}`);
      await res.arrayBuffer();
      codes.set(res.status, (codes.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return codes;
}

/** Hits the bounded leak endpoint `calls` times, leaking `n` goroutines and files each time. */
export async function hitLeak(baseUrl: string, calls = 3, n = 20): Promise<void> {
  for (let i = 0; i < calls; i++) {
    const res = await fetch(`${baseUrl}/debug/leak?n=${n}`);
    if (!res.ok) throw new Error(`/debug/leak answered ${res.status}`);
    await res.arrayBuffer();
  }
}

/**
 * Traffic spread over `seconds` to every service at once, a leak hit every third round. Dashboards look at the last
 * hour with steps of 10–20 s aligned to the clock (as Grafana's backend aligns them), so a service needs that much
 * history before a range query's last point holds data.
 */
export async function driveTrafficFor(baseUrls: readonly string[], seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (let round = 0; Date.now() < deadline; round++) {
    await Promise.all(
      baseUrls.map(async (url) => {
        await driveTraffic(url, 1);
        if (round % 3 === 0) await hitLeak(url, 1, 10);
      }),
    );
    await new Promise((r) => setTimeout(r, 1_500));
  }
}
