/**
 * Known metrics for report tests: five services over two ISO weeks (2026-W39 and W40 in Asia/Shanghai), one
 * sample every 5 minutes, written as OpenMetrics for `promtool tsdb create-blocks-from openmetrics`. Every value
 * is a plain function of time, so a test can compute what each KPI must be. Special cases:
 * - `beta`: up = 0 for 2 h (10:00-12:00 local) on 2026-09-29, and one open-fd spike to 900;
 * - `gamma`: restarts at 14:00 local on 2026-10-01: its counters fall to 0 and count on (a counter reset);
 * - `delta`: no samples at all on 2026-09-30 (local), a day with no data, and no traffic during it;
 * - `alpha`: leaks 2 goroutines an hour, and is slow on 2026-10-02;
 * - `shop-gin`: gin's middleware (`gin_requests_total`, a summary without quantiles).
 */
export const STEP_S = 300;
export const TZ_OFFSET_S = 8 * 3600; // Asia/Shanghai, no DST
/** 2026-09-21 00:00 +08:00 (Monday of 2026-W39). */
export const DATA_START_S = Date.UTC(2026, 8, 20, 16) / 1000;
/** 2026-10-05 00:00 +08:00 (end of 2026-W40). */
export const DATA_END_S = Date.UTC(2026, 9, 4, 16) / 1000;
export const BUCKETS = [0.1, 0.25, 0.5, 1] as const;

export interface Service {
  readonly job: string;
  readonly gin: boolean;
}
export const SERVICES: readonly Service[] = [
  { job: 'alpha', gin: false },
  { job: 'beta', gin: false },
  { job: 'gamma', gin: false },
  { job: 'delta', gin: false },
  { job: 'shop-gin', gin: true },
];

const localDate = (t: number) => new Date((t + TZ_OFFSET_S) * 1000).toISOString().slice(0, 10);
const localHour = (t: number) => new Date((t + TZ_OFFSET_S) * 1000).getUTCHours();

/** Whether `job` has a sample at `t`. */
export function present(job: string, t: number): boolean {
  if (job !== 'delta') return true;
  const dayStart = Date.UTC(2026, 8, 29, 16) / 1000; // 2026-09-30 00:00 local
  return t < dayStart || t > dayStart + 86_400; // both day ends missing too: the day's window holds nothing
}

const GAMMA_RESTART_S = Date.UTC(2026, 9, 1, 6) / 1000; // 2026-10-01 14:00 local

/** Requests (ok, 5xx) served in the 5 minutes ending at `t`. */
export function increments(job: string, t: number): { ok: number; errors: number } {
  if (job === 'delta' && !present(job, t)) return { ok: 0, errors: 0 };
  if (job === 'delta' && !present(job, t - STEP_S)) return { ok: 0, errors: 0 };
  const index = SERVICES.findIndex((s) => s.job === job);
  const hour = localHour(t - 1);
  const ok = 20 * (3 + index + (hour % 6)); // multiples of 20 split into exact bucket shares
  const errors = job === 'beta' && localDate(t - 1) === '2026-09-29' ? 3 : (hour + index) % 5 === 0 ? 1 : 0;
  return { ok, errors };
}

/** Share of requests per bucket (≤0.1, ≤0.25, ≤0.5, ≤1), in twentieths. */
export function bucketShares(job: string, t: number): readonly number[] {
  if (job === 'alpha' && localDate(t - 1) === '2026-10-02') return [10, 4, 4, 2];
  return [12, 5, 2, 1];
}
/** Duration each bucket's requests take (for `_sum`). */
export const BUCKET_DURATION = [0.05, 0.2, 0.4, 0.8] as const;

export function up(job: string, t: number): number {
  const d = localDate(t);
  const h = localHour(t);
  return job === 'beta' && d === '2026-09-29' && h >= 10 && h < 12 ? 0 : 1;
}

export function goroutines(job: string, t: number): number {
  if (job === 'alpha') return 50 + (2 * (t - DATA_START_S)) / 3600;
  if (job === 'gamma' && t >= GAMMA_RESTART_S) return 25;
  return 30 + SERVICES.findIndex((s) => s.job === job);
}

export function openFds(job: string, t: number): number {
  if (job === 'beta' && t === Date.UTC(2026, 8, 30, 4) / 1000) return 900;
  return 20 + (Number(localDate(t).slice(8, 10)) % 7);
}

export function memoryBytes(job: string, t: number): number {
  return 50 * 1024 * 1024 + localHour(t) * 1024 * 1024 + SERVICES.findIndex((s) => s.job === job) * 4096;
}

/** Sample times of a job, ascending. */
export function sampleTimes(job: string): number[] {
  const out: number[] = [];
  for (let t = DATA_START_S - 3600; t <= DATA_END_S + 3600; t += STEP_S) if (present(job, t)) out.push(t);
  return out;
}

interface Counters {
  ok: number;
  errors: number;
  buckets: number[];
  sum: number;
}

/** Counter values of a job at each sample time (gamma's fall back to 0 at its restart). */
export function counterTimeline(job: string): Array<{ t: number; c: Counters }> {
  const out: Array<{ t: number; c: Counters }> = [];
  let c: Counters = { ok: 0, errors: 0, buckets: [0, 0, 0, 0, 0], sum: 0 };
  for (const t of sampleTimes(job)) {
    if (job === 'gamma' && t - STEP_S < GAMMA_RESTART_S && t >= GAMMA_RESTART_S)
      c = { ok: 0, errors: 0, buckets: [0, 0, 0, 0, 0], sum: 0 };
    const inc = increments(job, t);
    const all = inc.ok + inc.errors;
    const shares = bucketShares(job, t);
    const perBucket = shares.map((s) => (inc.ok / 20) * s);
    perBucket[3] = perBucket[3]! + inc.errors; // errors are slow-ish
    let cum = 0;
    const next = c.buckets.slice();
    perBucket.forEach((n, i) => {
      cum += n;
      next[i] = c.buckets[i]! + cum;
    });
    next[4] = c.buckets[4]! + all;
    const sum = c.sum + perBucket.reduce((acc, n, i) => acc + n * BUCKET_DURATION[i]!, 0);
    c = { ok: c.ok + inc.ok, errors: c.errors + inc.errors, buckets: next, sum };
    out.push({ t, c });
  }
  return out;
}

function labels(job: string, extra: Record<string, string> = {}): string {
  const all = { instance: `${job}:8080`, job, ...extra };
  return `{${Object.entries(all)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;
}

/** The whole data set as OpenMetrics text (one metric family after the other, samples in time order). */
export function openMetrics(): string {
  const out: string[] = [];
  const timelines = new Map(SERVICES.map((s) => [s.job, counterTimeline(s.job)]));
  const family = (
    name: string,
    type: string,
    lines: (s: Service, t: number, c: Counters) => string[],
    only?: (s: Service) => boolean,
  ) => {
    out.push(`# TYPE ${name} ${type}`);
    for (const s of SERVICES) {
      if (only && !only(s)) continue;
      for (const { t, c } of timelines.get(s.job)!) out.push(...lines(s, t, c));
    }
  };
  family('up', 'gauge', (s, t) => [`up${labels(s.job)} ${up(s.job, t)} ${t}`]);
  family(
    'http_requests',
    'counter',
    (s, t, c) => [
      `http_requests_total${labels(s.job, { code: '200', handler: '/api' })} ${c.ok} ${t}`,
      `http_requests_total${labels(s.job, { code: '500', handler: '/api' })} ${c.errors} ${t}`,
    ],
    (s) => !s.gin,
  );
  family(
    'http_request_duration_seconds',
    'histogram',
    (s, t, c) => [
      ...BUCKETS.map(
        (le, i) => `http_request_duration_seconds_bucket${labels(s.job, { le: String(le) })} ${c.buckets[i]} ${t}`,
      ),
      `http_request_duration_seconds_bucket${labels(s.job, { le: '+Inf' })} ${c.buckets[4]} ${t}`,
      `http_request_duration_seconds_count${labels(s.job)} ${c.buckets[4]} ${t}`,
      `http_request_duration_seconds_sum${labels(s.job)} ${c.sum} ${t}`,
    ],
    (s) => !s.gin,
  );
  family(
    'gin_requests',
    'counter',
    (s, t, c) => [
      `gin_requests_total${labels(s.job, { code: '200', handler: 'main.api', host: 'shop', method: 'GET', url: '/api' })} ${c.ok} ${t}`,
      `gin_requests_total${labels(s.job, { code: '500', handler: 'main.api', host: 'shop', method: 'GET', url: '/api' })} ${c.errors} ${t}`,
    ],
    (s) => s.gin,
  );
  family(
    'gin_request_duration_seconds',
    'summary',
    (s, t, c) => [
      `gin_request_duration_seconds_sum${labels(s.job)} ${c.sum} ${t}`,
      `gin_request_duration_seconds_count${labels(s.job)} ${c.buckets[4]} ${t}`,
    ],
    (s) => s.gin,
  );
  family('go_goroutines', 'gauge', (s, t) => [`go_goroutines${labels(s.job)} ${goroutines(s.job, t)} ${t}`]);
  family('process_open_fds', 'gauge', (s, t) => [`process_open_fds${labels(s.job)} ${openFds(s.job, t)} ${t}`]);
  family('process_resident_memory_bytes', 'gauge', (s, t) => [
    `process_resident_memory_bytes${labels(s.job)} ${memoryBytes(s.job, t)} ${t}`,
  ]);
  out.push('# EOF');
  return `${out.join('\n')}\n`;
}
