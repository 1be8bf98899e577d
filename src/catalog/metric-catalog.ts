/** What an exposition says about one metric name (a histogram's `_bucket`, `_sum`, `_count` are names of their own). */
export interface CatalogMetric {
  readonly name: string;
  /** `# TYPE` of the family the name belongs to, when declared. */
  readonly type?: string;
  readonly help?: string;
  /** Label names seen on samples (without `job`/`instance`, which Prometheus adds at scrape). */
  readonly labels: ReadonlySet<string>;
  /** False when the name was only declared (`# TYPE` without samples): its labels are unknown. */
  readonly labelsKnown: boolean;
}

/** The metrics a service exposes, from saved `/metrics` expositions (several merge into one). */
export interface MetricCatalog {
  readonly metrics: ReadonlyMap<string, CatalogMetric>;
  /** Where the catalog came from (files, URLs), for messages. */
  readonly sources: readonly string[];
}

/** Labels every scraped series has, whatever the exposition says. */
export const TARGET_LABELS: ReadonlySet<string> = new Set(['job', 'instance', '__name__']);

/** Series Prometheus writes for every scrape target (not in `/metrics`). */
export const SCRAPE_SERIES: readonly string[] = [
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'scrape_samples_post_metric_relabeling',
  'scrape_series_added',
];

/** Merges catalogs: a metric's labels are the union of what every source saw. */
export function mergeCatalogs(catalogs: readonly MetricCatalog[]): MetricCatalog {
  const metrics = new Map<string, CatalogMetric>();
  for (const catalog of catalogs) {
    for (const m of catalog.metrics.values()) {
      const prev = metrics.get(m.name);
      if (!prev) {
        metrics.set(m.name, m);
        continue;
      }
      const type = prev.type ?? m.type;
      const help = prev.help ?? m.help;
      metrics.set(m.name, {
        name: m.name,
        ...(type !== undefined ? { type } : {}),
        ...(help !== undefined ? { help } : {}),
        labels: new Set([...prev.labels, ...m.labels]),
        labelsKnown: prev.labelsKnown || m.labelsKnown,
      });
    }
  }
  return { metrics, sources: catalogs.flatMap((c) => c.sources) };
}
