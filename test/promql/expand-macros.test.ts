import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkPromql } from '../../src/promql/check.ts';
import { expandMacros, toOriginalOffset } from '../../src/promql/expand-macros.ts';
import { corpusFile } from './corpus.ts';

describe('expandMacros', () => {
  it('picks a placeholder that fits where each variable stands', () => {
    const r = expandMacros(
      'sum by ($g) (rate(x_total{job=~"${job:regex}"}[$__rate_interval] offset $shift)) > $threshold * $__range_s',
    );
    expect(r.text).toBe('sum by (g) (rate(x_total{job=~"job"}[5m] offset 5m)) > 1 * 3600');
    expect(r.segments.map((s) => [s.name, s.context])).toEqual([
      ['g', 'identifier'],
      ['job', 'string'],
      ['__rate_interval', 'duration'],
      ['shift', 'duration'],
      ['threshold', 'number'],
      ['__range_s', 'number'],
    ]);
    expect(checkPromql(r.text)).toEqual([]);
  });

  it('uses caller values, [[var]] and keeps $1 inside label_replace strings', () => {
    const r = expandMacros('label_replace(${metric}_total[[[window]]], "h", "$1", "i", "(.*)")', {
      values: { window: '2m' },
    });
    expect(r.text).toBe('label_replace(metric_total[2m], "h", "$1", "i", "(.*)")');
  });

  it('maps offsets back to the original expression', () => {
    const original = 'rate(x[$__rate_interval]) + foo(';
    const r = expandMacros(original);
    const problem = checkPromql(r.text)[0]!;
    expect(r.text).toBe('rate(x[5m]) + foo(');
    expect(toOriginalOffset(r, r.text.indexOf('foo'))).toBe(original.indexOf('foo'));
    expect(toOriginalOffset(r, r.text.indexOf('5m'))).toBe(original.indexOf('$__rate_interval'));
    expect(problem.message).toBe('unclosed left parenthesis');
  });

  const valid = [...corpusFile('debian-rules'), ...corpusFile('handwritten')].filter(
    (e) => checkPromql(e).length === 0,
  );
  test.prop([fc.constantFrom(...valid)])('leaves valid expressions without variables unchanged', (expr) => {
    expect(expandMacros(expr).text).toBe(expr);
  });

  test.prop([fc.constantFrom(...valid), fc.constantFrom('$v', '${v}', '[[v]]', '${v:regex}')])(
    'keeps valid expressions valid when a label value or a range becomes a variable',
    (expr, variable) => {
      const withVar = expr.replace(/="[^"$]*"/, `="${variable}"`).replace(/\[\d+[smhdw]\]/, '[$__rate_interval]');
      expect(checkPromql(expandMacros(withVar).text)).toEqual([]);
    },
  );
});
