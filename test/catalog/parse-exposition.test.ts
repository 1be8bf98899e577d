import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs } from '../../src/catalog/metric-catalog.ts';
import { parseExposition } from '../../src/catalog/parse-exposition.ts';

const text = readFileSync(new URL('../fixtures/metrics/go-service.prom', import.meta.url), 'utf8');

describe('parseExposition', () => {
  const { catalog, problems } = parseExposition(text, 'go-service.prom');
  const labels = (name: string) => [...(catalog.metrics.get(name)?.labels ?? [])].sort();

  it('reads every sample name with its labels and family type', () => {
    expect(problems).toEqual([]);
    expect(labels('http_requests_total')).toEqual(['code', 'handler', 'method']);
    expect(catalog.metrics.get('http_requests_total')?.type).toBe('counter');
    expect(labels('http_request_duration_seconds_bucket')).toEqual(['handler', 'le']);
    expect(labels('http_request_duration_seconds_sum')).toEqual(['handler']);
    expect(catalog.metrics.get('http_request_duration_seconds_count')?.type).toBe('histogram');
    expect(labels('rpc_durations_seconds')).toEqual(['quantile', 'service']);
    expect(catalog.metrics.get('rpc_durations_seconds_sum')?.type).toBe('summary');
  });
  it('unescapes label values without losing label names', () => {
    expect(labels('build_info')).toEqual(['goversion', 'version']);
  });
  it('keeps declared families without samples, with unknown labels, and adds the scrape series', () => {
    expect(catalog.metrics.get('queue_depth')).toMatchObject({ labelsKnown: false });
    expect(catalog.metrics.has('up')).toBe(true);
    expect(catalog.metrics.has('http_request_duration_seconds')).toBe(false);
  });
  it('reports unreadable lines with their number and keeps the rest', () => {
    const r = parseExposition('ok_metric 1\nbad{a="x} 1\nno_value\n{} 3\n', 'x');
    expect(r.problems).toEqual([
      { line: 2, message: 'label "a" has no properly quoted value' },
      { line: 3, message: 'sample "no_value" has no value' },
      { line: 4, message: 'expected a metric name in "{} 3"' },
    ]);
    expect(r.catalog.metrics.has('ok_metric')).toBe(true);
  });
  it('reads OpenMetrics counters and quoted UTF-8 names', () => {
    const r = parseExposition('# TYPE jobs counter\n# EOF\n', 'om');
    expect(r.catalog.metrics.has('jobs_total')).toBe(true);
    const u = parseExposition('{"my.metric", "a.b"="1"} 2\n', 'utf8');
    expect([...(u.catalog.metrics.get('my.metric')?.labels ?? [])]).toEqual(['a.b']);
  });
  it('merges catalogs by the union of labels', () => {
    const a = parseExposition('m{a="1"} 1\n', 'a').catalog;
    const b = parseExposition('m{b="1"} 1\n', 'b').catalog;
    const merged = mergeCatalogs([a, b]);
    expect([...merged.metrics.get('m')!.labels].sort()).toEqual(['a', 'b']);
    expect(merged.sources).toEqual(['a', 'b']);
  });
});
