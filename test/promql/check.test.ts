import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkPromql } from '../../src/promql/check.ts';
import { checkRe2 } from '../../src/promql/re2.ts';

// These facts are Prometheus 2.42's (Debian's promtool); promql-3.test.ts covers what 3.x changes.
const V2 = { version: [2, 42] } as const;
const message = (expr: string) => checkPromql(expr, V2)[0]?.message;

describe('checkPromql for Prometheus 2.42', () => {
  it.each([
    ['rate(x)', 'expected type range vector in call to function "rate", got instant vector'],
    ['1 > 2', 'comparisons between scalars must use BOOL modifier'],
    ['x and 1', 'set operator "and" not allowed in binary scalar expression'],
    ['histogram_stddev(x)', 'unknown function with name "histogram_stddev"'],
    ['round(x, 1, 2)', 'expected at most 2 argument(s) in call to "round", got 3'],
    ['topk("a", x)', 'expected type scalar in aggregation parameter, got string'],
    ['{a=~".*"}', 'vector selector must contain at least one non-empty matcher'],
    [
      'sum(x) offset 5m',
      'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery',
    ],
    ['x[0s]', 'duration must be greater than 0'],
    ['x + on(a) group_right(a) y', 'label "a" must not occur in ON and GROUP clause at once'],
    ['x{a=~"(?=a)"}', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=a)`'],
    ['foo(', 'unclosed left parenthesis'],
  ])('rejects %s as Prometheus does', (expr, want) => {
    expect(message(expr)).toBe(want);
  });

  it.each([
    'sum by (le) (rate(x_bucket[5m]))',
    'x @ start()',
    'x[5m:] offset -1h',
    'sum',
    '0x1F + Inf',
    'label_join(x, "a", ",", "b", "c")',
  ])('accepts %s', (expr) => expect(checkPromql(expr, V2)).toEqual([]));

  it('points at the offending argument', () => {
    expect(checkPromql('sum(rate(x))', V2)).toEqual([{ message: expect.any(String), from: 9, to: 10 }]);
  });

  // checkPromql turns any exception into an "internal error" problem, so "does not throw" proves nothing: these
  // properties assert that no input reaches that catch-all.
  const internalErrors = (expr: string) => checkPromql(expr).filter((p) => p.message.startsWith('internal error'));

  test.prop([fc.string({ maxLength: 60 })], { numRuns: 500 })('never fails internally on arbitrary text', (text) => {
    expect(internalErrors(text)).toEqual([]);
  });

  test.prop(
    [
      fc.array(
        fc.constantFrom(
          'sum',
          '(',
          ')',
          'x',
          '{',
          '}',
          'a',
          '=~',
          '"',
          '[',
          '5m',
          ']',
          ':',
          ',',
          ' by ',
          ' offset ',
          '@',
          '1',
          '+',
          ' and ',
          'rate',
          '-',
        ),
        { maxLength: 25 },
      ),
    ],
    { numRuns: 500 },
  )('never fails internally on PromQL-like token soup', (tokens) => {
    expect(internalErrors(tokens.join(''))).toEqual([]);
  });
});

describe('checkRe2', () => {
  it.each([
    ['(?<n>a)', 'invalid or unsupported Perl syntax'],
    ['\\Z', 'invalid escape sequence'],
    ['a++', 'invalid nested repetition operator'],
    ['\\1', 'invalid escape sequence'],
    ['a{1001}', 'invalid repeat count'],
  ])('rejects %s like RE2', (re, error) => expect(checkRe2(re).error).toBe(error));

  it.each(['\\pL', '[[:alpha:]]', '\\Q.*\\E', 'a(?i)b', '(?U)a*', '(?P<n>a)'])('accepts %s like RE2', (re) =>
    expect(checkRe2(re).error).toBeUndefined(),
  );

  it('knows which patterns match the empty string', () => {
    expect(['.*', 'a?', '', '(?i)', '\\B'].map((r) => checkRe2(r).matchesEmpty)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['.+', 'a', '\\b', '[^a]*b'].map((r) => checkRe2(r).matchesEmpty)).toEqual([false, false, false, false]);
  });
});
