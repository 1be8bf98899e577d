import type { Convention } from '../conventions/convention.ts';
import { selector, type Matchers } from './selector.ts';

/** Grafana's Prometheus variable query `label_values(metric{…}, label)`, listing values from the `up` series. */
export function labelValues(convention: Convention, label: string, matchers: Matchers = {}): string {
  return `label_values(${selector(convention.metrics.up, matchers)}, ${label})`;
}
