import {
  BUCKETS,
  bucketShares,
  BUCKET_DURATION,
  goroutines,
  increments,
  memoryBytes,
  openFds,
  present,
  STEP_S,
  up,
} from './synthetic-metrics.ts';

/**
 * What each KPI must be, computed from the generator's own functions (not from Prometheus), for a window
 * [start, end] in epoch seconds. Prometheus 2.x range selectors include both ends; a sample at `end` counts.
 */
const times = (job: string, start: number, end: number) => {
  const out: number[] = [];
  for (let t = start; t <= end; t += STEP_S) if (present(job, t)) out.push(t);
  return out;
};

/** Requests served in (start, end]: the sum of the generator's per-interval increments. */
export function requests(job: string, start: number, end: number): { all: number; errors: number } {
  let all = 0;
  let errors = 0;
  for (const t of times(job, start + STEP_S, end)) {
    const inc = increments(job, t);
    all += inc.ok + inc.errors;
    errors += inc.errors;
  }
  return { all, errors };
}

export function availability(job: string, start: number, end: number): number | null {
  const ts = times(job, start, end);
  return ts.length === 0 ? null : ts.reduce((a, t) => a + up(job, t), 0) / ts.length;
}

export function gaugeMax(
  job: string,
  start: number,
  end: number,
  gauge: 'goroutines' | 'fds' | 'memory',
): number | null {
  const f = gauge === 'goroutines' ? goroutines : gauge === 'fds' ? openFds : memoryBytes;
  const ts = times(job, start, end);
  return ts.length === 0 ? null : Math.max(...ts.map((t) => f(job, t)));
}

/** Least-squares slope of goroutines over the window's samples × window length (what `deriv` × L means). */
export function goroutineGrowth(job: string, start: number, end: number): number | null {
  const ts = times(job, start, end);
  if (ts.length < 2) return null;
  const mx = ts.reduce((a, t) => a + t, 0) / ts.length;
  const my = ts.reduce((a, t) => a + goroutines(job, t), 0) / ts.length;
  let num = 0;
  let den = 0;
  for (const t of ts) {
    num += (t - mx) * (goroutines(job, t) - my);
    den += (t - mx) ** 2;
  }
  return (num / den) * (end - start);
}

/** Per-bucket request counts (≤0.1, ≤0.25, ≤0.5, ≤1) and the duration sum in (start, end]. */
function latency(job: string, start: number, end: number): { buckets: number[]; sum: number; count: number } {
  const buckets = [0, 0, 0, 0];
  let sum = 0;
  let count = 0;
  for (const t of times(job, start + STEP_S, end)) {
    const inc = increments(job, t);
    const per = bucketShares(job, t).map((s) => (inc.ok / 20) * s);
    per[3] = per[3]! + inc.errors;
    per.forEach((n, i) => {
      buckets[i] = buckets[i]! + n;
      sum += n * BUCKET_DURATION[i]!;
      count += n;
    });
  }
  return { buckets, sum, count };
}

/** P95 by linear interpolation inside the bucket holding the 95th percentile (as histogram_quantile does). */
export function latencyP95(job: string, start: number, end: number): number | null {
  const { buckets, count } = latency(job, start, end);
  if (count === 0) return null;
  const rank = 0.95 * count;
  let cum = 0;
  for (let i = 0; i < buckets.length; i++) {
    const before = cum;
    cum += buckets[i]!;
    if (cum >= rank) {
      const lower = i === 0 ? 0 : BUCKETS[i - 1]!;
      return lower + (BUCKETS[i]! - lower) * ((rank - before) / buckets[i]!);
    }
  }
  return BUCKETS[BUCKETS.length - 1]!;
}

export function latencyMean(job: string, start: number, end: number): number | null {
  const { sum, count } = latency(job, start, end);
  return count === 0 ? null : sum / count;
}

/** Highest 20-minute request rate whose whole window lies in [start, end], at 5-minute steps. */
export function peakRps(job: string, start: number, end: number, rateWindow = 1200): number | null {
  let best: number | null = null;
  for (let t = start + rateWindow; t <= end; t += STEP_S) {
    const r = requests(job, t - rateWindow, t).all / rateWindow;
    if (best === null || r > best) best = r;
  }
  return best;
}
