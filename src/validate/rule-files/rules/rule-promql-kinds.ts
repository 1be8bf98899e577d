import { walk } from '../../../promql/ast.ts';
import { ratesOnGauges, unratedCounters } from '../../../promql/metric-kind-misuse.ts';
import type { Finding } from '../../../model/diagnostic.ts';
import type { RuleFileRule } from '../rule-file-rule.ts';
import { ruleLabel } from '../rule-file-document.ts';
import { parsedEntries } from './parsed-entries.ts';

/** The dashboards' rule for rule files: counters only through rate(), irate() or increase(). */
export const ruleCounterRate: RuleFileRule = {
  id: 'promql-counter-rate',
  description: 'counters must be wrapped in rate(), irate() or increase()',
  defaultSeverity: 'warning',
  check(doc) {
    const findings: Finding[] = [];
    for (const { entry, expr, ast } of parsedEntries(doc)) {
      for (const { node, metric } of unratedCounters(ast)) {
        findings.push({
          pointer: `${entry.pointer}/expr`,
          message: `${ruleLabel(entry)}: counter "${metric}" is used without rate(), irate() or increase(): "${expr.slice(node.from, node.to)}" only ever grows and resets on restart`,
          fix: `wrap it: rate(${metric}[5m])`,
        });
      }
    }
    return findings;
  },
};

/** The dashboards' rule for rule files: rate()/irate()/increase() never on a gauge. */
export const ruleRateOnGauge: RuleFileRule = {
  id: 'promql-rate-on-gauge',
  description: 'rate/irate/increase must not be applied to gauges',
  defaultSeverity: 'warning',
  check(doc) {
    const findings: Finding[] = [];
    for (const { entry, expr, ast } of parsedEntries(doc)) {
      for (const { node, metric } of ratesOnGauges(ast)) {
        findings.push({
          pointer: `${entry.pointer}/expr`,
          message: `${ruleLabel(entry)}: ${node.func}() is applied to gauge "${metric}": "${expr.slice(node.from, node.to)}"`,
          fix: `use deriv(${metric}[…]) or delta() for a gauge's change`,
        });
      }
    }
    return findings;
  },
};

/**
 * A range must hold at least 4 scrapes (`rate()` needs two samples, and one lost scrape must not empty it): every
 * `[range]` over raw series is at least 4× the scrape interval. Ranges over recorded series (names with `:`) are
 * exempt: their samples come every evaluation interval, not every scrape.
 */
export const ruleRangeScrape: RuleFileRule = {
  id: 'promql-range-scrape',
  description: 'ranges over scraped series must span at least 4 scrape intervals',
  defaultSeverity: 'error',
  check(doc, settings) {
    const findings: Finding[] = [];
    const min = 4 * settings.scrapeIntervalMs;
    for (const { entry, expr, ast } of parsedEntries(doc)) {
      walk(ast, (node) => {
        if (node.type !== 'MatrixSelector' || node.vector.type !== 'VectorSelector') return;
        const name = node.vector.name;
        if (name?.includes(':')) return;
        if (node.rangeMs >= min) return;
        findings.push({
          pointer: `${entry.pointer}/expr`,
          message: `${ruleLabel(entry)}: range of "${expr.slice(node.from, node.to)}" is ${node.rangeMs / 1000}s, under 4 × the ${settings.scrapeIntervalMs / 1000}s scrape interval: one missed scrape leaves rate() without two samples`,
          fix: `use a range of at least ${min / 1000}s, or set datasource.scrapeInterval in panelcraft.yaml to the interval Prometheus really scrapes at`,
        });
      });
    }
    return findings;
  },
};
