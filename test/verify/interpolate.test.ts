import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/verify/interpolate.ts';
import type { VariableValue } from '../../src/verify/variable-value.ts';
import { parseVariableQuery, queryResultText } from '../../src/verify/variable-query.ts';
import { customOptions, toOptions, variableRegex } from '../../src/verify/variable-options.ts';

const v = (name: string, values: string[], extra: Partial<VariableValue> = {}): [string, VariableValue] => [
  name,
  { name, values, texts: values, multiOrAll: false, isAll: false, ...extra },
];
const vars = new Map([
  v('job', ["api's"]),
  v('instance', ['10.0.0.1:80', '10.0.0.2:80'], { multiOrAll: true, isAll: true }),
  v('route', ['/a'], { multiOrAll: true }),
  v('cluster', ['x', 'y'], { multiOrAll: true, isAll: true, allValue: '.*' }),
]);
const macros = { __rate_interval: '1m0s', __interval: '15s' };

describe('interpolate', () => {
  it('expands macros and variables in every syntax, the way the Prometheus datasource formats them', () => {
    expect(
      interpolate('rate(x{job="$job",instance=~"${instance}",route=~"[[route]]"}[$__rate_interval])', vars, macros),
    ).toBe(String.raw`rate(x{job="api\\'s",instance=~"(10\\.0\\.0\\.1:80|10\\.0\\.0\\.2:80)",route=~"/a"}[1m0s])`);
  });
  it('uses a custom All value verbatim', () =>
    expect(interpolate('{cluster=~"$cluster"}', vars, macros)).toBe('{cluster=~".*"}'));
  it('applies explicit formats', () => {
    expect(interpolate('${instance:pipe} ${instance:csv} ${instance:glob} ${job:raw}', vars, macros)).toBe(
      "10.0.0.1:80|10.0.0.2:80 10.0.0.1:80,10.0.0.2:80 {10.0.0.1:80,10.0.0.2:80} api's",
    );
  });
  it('leaves unknown names as written and does not confuse $__interval with $__interval_ms', () => {
    expect(interpolate('$nope ${__interval_ms} $__interval', vars, macros)).toBe('$nope ${__interval_ms} 15s');
  });
});

describe('variable queries', () => {
  it.each([
    ['label_values(job)', { kind: 'label_values', label: 'job' }],
    ['label_values(up{job="a"}, instance)', { kind: 'label_values', label: 'instance', match: 'up{job="a"}' }],
    ['label_names()', { kind: 'label_names' }],
    ['metrics(^go_.*)', { kind: 'metrics', regex: '^go_.*' }],
    ['query_result(topk(3, up))', { kind: 'query_result', expr: 'topk(3, up)' }],
    ['up{job="a"}', { kind: 'series', match: 'up{job="a"}' }],
  ])('parses %s', (text, parsed) => expect(parseVariableQuery(text)).toEqual(parsed));

  it('formats query_result rows as Grafana does', () => {
    expect(queryResultText({ __name__: 'up', job: 'a' }, [1700000000, '1'])).toBe('up{job="a"} 1 1700000000000');
  });
  it('filters and extracts with the regex, dedupes and sorts', () => {
    const re = variableRegex('/instance="([^"]+)"/');
    expect(toOptions(['up{instance="b"} 1 0', 'up{instance="a"} 1 0', 'up{instance="a"} 1 0', 'x'], re, 1)).toEqual([
      { text: 'a', value: 'a' },
      { text: 'b', value: 'b' },
    ]);
  });
  it('reads custom options with text : value pairs and escaped commas', () => {
    expect(customOptions('1h : 1h, a\\,b,none')).toEqual([
      { text: '1h', value: '1h' },
      { text: 'a,b', value: 'a,b' },
      { text: 'none', value: 'none' },
    ]);
  });
});
