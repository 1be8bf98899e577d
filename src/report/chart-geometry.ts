/** Where to draw a small line chart: plot-area coordinates for each series, y-axis bounds. Shared by PDF and SVG. */
export interface ChartGeometry {
  readonly yMin: number;
  readonly yMax: number;
  /** One polyline per series; a gap (no data) splits a series into several runs. */
  readonly series: ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly [number, number]>>>;
  /** x of each category (day), for the labels. */
  readonly xs: readonly number[];
}

/**
 * Lays `series` (same length each; `null` = no data) into a `width` × `height` plot area with origin top-left.
 * The y range covers every value and includes 0 when all values share a sign within 50 % of it, so small
 * differences do not look dramatic; a flat series is drawn mid-height, or at the top when it sits at `ceiling`.
 */
export function chartGeometry(
  series: ReadonlyArray<ReadonlyArray<number | null>>,
  width: number,
  height: number,
  ceiling = Number.POSITIVE_INFINITY,
): ChartGeometry {
  const count = Math.max(1, ...series.map((s) => s.length));
  const all = series.flatMap((s) => s.filter((v): v is number => v !== null));
  let yMin = all.length > 0 ? Math.min(...all) : 0;
  let yMax = all.length > 0 ? Math.max(...all) : 1;
  if (yMin > 0 && yMin < yMax && yMin <= yMax * 0.5) yMin = 0;
  if (yMin === yMax) {
    const pad = yMin === 0 ? 1 : Math.abs(yMin) * 0.1;
    yMin -= pad;
    yMax += pad;
  }
  // A share cannot exceed its ceiling (100 %): a flat 100 % line sits at the top, not mid-air.
  if (yMax > ceiling && all.every((v) => v <= ceiling)) {
    yMin -= yMax - ceiling;
    yMax = ceiling;
  }
  const xs = Array.from({ length: count }, (_, i) => (count === 1 ? width / 2 : (i * width) / (count - 1)));
  const y = (v: number) => height - ((v - yMin) / (yMax - yMin)) * height;
  const runs = series.map((s) => {
    const out: Array<Array<readonly [number, number]>> = [];
    let run: Array<readonly [number, number]> = [];
    s.forEach((v, i) => {
      if (v === null) {
        if (run.length > 0) out.push(run);
        run = [];
      } else run.push([xs[i]!, y(v)]);
    });
    if (run.length > 0) out.push(run);
    return out;
  });
  return { yMin, yMax, series: runs, xs };
}

/**
 * A time series (epoch ms, value) scaled into `width` × `height` over [start, end], split into runs wherever two
 * points lie more than `2 × stepMs` apart, so a stretch without data shows as a gap, not as a line across it.
 */
export function timeSeriesGeometry(
  points: ReadonlyArray<readonly [number, number]>,
  start: number,
  end: number,
  width: number,
  height: number,
  stepMs: number,
): { readonly yMax: number; readonly runs: ReadonlyArray<ReadonlyArray<readonly [number, number]>> } {
  const yMax = Math.max(0, ...points.map(([, v]) => v)) || 1;
  const runs: Array<Array<readonly [number, number]>> = [];
  let previous: number | undefined;
  for (const [t, v] of points) {
    if (previous === undefined || t - previous > 2 * stepMs) runs.push([]);
    runs[runs.length - 1]!.push([((t - start) / (end - start)) * width, height - (v / yMax) * height]);
    previous = t;
  }
  return { yMax, runs };
}
