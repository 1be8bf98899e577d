import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { checkPromql } from '../../src/promql/check.ts';
import { MAX_PROMQL_NESTING } from '../../src/promql/parser.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const V2 = { version: [2, 42] } as const;
const V3 = { version: [3, 5] } as const;
const verdict = (expr: string, options: typeof V2 | typeof V3) => checkPromql(expr, options)[0]?.message ?? 'valid';

/** Whether lezer-promql (Prometheus 3's own editor grammar) parses the text without an error node. */
function lezerParses(expr: string): boolean {
  let ok = true;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) ok = false;
    },
  });
  return ok;
}

describe('PromQL for Prometheus 3.x', () => {
  // Valid in Prometheus 3, refused by 2.42; kept apart from corpus/, which promtool 2.42 judges.
  const corpus = readFileSync(join(import.meta.dirname, 'corpus-3', 'prometheus-3-only.promql'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

  it.each(corpus)('%s: valid in 3.x (as lezer-promql parses it), rejected by 2.42', (expr) => {
    expect(lezerParses(expr)).toBe(true);
    expect(verdict(expr, V3)).toBe('valid');
    expect(verdict(expr, V2)).not.toBe('valid');
  });

  it('knows holt_winters only in 2.x and names its replacement in 3.x', () => {
    const expr = 'holt_winters(x[5m], 0.5, 0.5)';
    expect(verdict(expr, V2)).toBe('valid');
    expect(lezerParses(expr)).toBe(false);
    expect(verdict(expr, V3)).toBe(
      'unknown function with name "holt_winters": Prometheus 3 renamed it to double_exponential_smoothing (experimental in Prometheus 3)',
    );
  });

  it('reports experimental functions as needing the feature flag, and unknown ones as unknown', () => {
    expect(lezerParses('double_exponential_smoothing(x[5m], 0.5, 0.5)')).toBe(true);
    expect(verdict('double_exponential_smoothing(x[5m], 0.5, 0.5)', V3)).toBe(
      'function "double_exponential_smoothing" is not enabled: it is experimental in Prometheus 3 and parses only with --enable-feature=promql-experimental-functions',
    );
    expect(verdict('mad_over_time(x[5m])', V2)).toBe('unknown function with name "mad_over_time"');
    expect(verdict('histogram_avgg(x)', V3)).toBe('unknown function with name "histogram_avgg"');
  });

  it('still types the new functions: histogram_avg takes an instant vector', () => {
    expect(verdict('histogram_avg(x[5m])', V3)).toBe(
      'expected type instant vector in call to function "histogram_avg", got range vector',
    );
  });

  it('rejects a metric name given twice', () => {
    expect(verdict('up{"up"}', V3)).toBe('metric name must not be set twice');
  });
});

describe('large and deep expressions', () => {
  const sum = Array.from({ length: 4000 }, (_, i) => `rate(http_requests_total{job="api",handler="/h${i}"}[5m])`).join(
    ' + ',
  );

  it('checks a 4 000-term sum (about 240 KB) as valid for both versions', () => {
    expect(sum.length).toBeGreaterThan(95_000);
    expect(checkPromql(sum, V2)).toEqual([]);
    expect(checkPromql(sum, V3)).toEqual([]);
  });

  it.each([
    ['parentheses', `${'('.repeat(5000)}x${')'.repeat(5000)}`],
    ['unary signs', `${'-'.repeat(20000)}x`],
    ['a ^ chain', Array.from({ length: 20000 }, () => 'x').join(' ^ ')],
    ['nested calls', `${'abs('.repeat(5000)}x${')'.repeat(5000)}`],
  ])('stops at %s nested too deep with a clear problem, not a crash', (_what, expr) => {
    const problems = checkPromql(expr, V3);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      `expression nests more than ${MAX_PROMQL_NESTING} levels deep here; panelcraft does not check deeper (Prometheus itself has no limit): split it, e.g. into recording rules`,
    );
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_PROMQL_NESTING - 1;
    expect(checkPromql(`${'('.repeat(depth)}x${')'.repeat(depth)}`, V3)).toEqual([]);
  });
});
