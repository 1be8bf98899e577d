import { test as propTest, fc } from '@fast-check/vitest';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { escapeLabelValue, selector } from '../../src/queries/selector.ts';
import { scopeMatchers } from '../../src/queries/scope.ts';

/** Error nodes in the parse tree and the decoded values of every string literal. */
function parse(expr: string): { errors: number; strings: string[] } {
  let errors = 0;
  const strings: string[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) errors++;
      if (node.name === 'StringLiteral') strings.push(unquote(expr.slice(node.from, node.to)));
    },
  });
  return { errors, strings };
}

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c));
}

describe('selector()', () => {
  it('sorts keys and renders each matcher operator', () => {
    expect(
      selector('up', {
        job: { re: '$job' },
        instance: 'a:1',
        code: { nre: '5..' },
        method: { neq: 'GET' },
        zone: { eq: 'z' },
      }),
    ).toBe('up{code!~"5..",instance="a:1",job=~"$job",method!="GET",zone="z"}');
  });

  it('is the bare metric name without matchers', () => {
    expect(selector('go_goroutines')).toBe('go_goroutines');
  });

  it('escapes backslash, quote and newline', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(selector('up', { path: '/x"y' })).toBe('up{path="/x\\"y"}');
  });

  it('throws naming the bad metric or label name', () => {
    expect(() => selector('http-requests')).toThrow(
      'metric name "http-requests" is not a valid Prometheus metric name',
    );
    expect(() => selector('up', { 'bad-label': 'x' })).toThrow(
      'label name "bad-label" is not a valid Prometheus label name',
    );
  });

  it('derives the scope from the dashboard variables', () => {
    expect(selector('up', scopeMatchers())).toBe('up{instance=~"$instance",job=~"$job"}');
    expect(selector('up', scopeMatchers(['cluster', 'job', 'instance']))).toBe(
      'up{cluster=~"$cluster",instance=~"$instance",job=~"$job"}',
    );
  });
});

describe('selector() output is valid PromQL for any label value', () => {
  propTest.prop([fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom<'eq' | 're'>('eq', 're')])(
    'parses without error nodes and round-trips the value',
    (value, op) => {
      const expr = selector('http_requests_total', { handler: op === 'eq' ? value : { re: value } });
      const { errors, strings } = parse(expr);
      expect(errors).toBe(0);
      expect(strings).toEqual([value]);
    },
  );

  propTest.prop([
    fc.string({ unit: fc.constantFrom('\\', '"', '\n', 'a', '{', '}', ',', '=', '~', '$'), maxLength: 20 }),
  ])('survives strings made only of PromQL syntax characters', (value) => {
    const { errors, strings } = parse(selector('up', { a: value, b: { re: value } }));
    expect(errors).toBe(0);
    expect(strings).toEqual([value, value]);
  });
});
