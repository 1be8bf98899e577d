import { describe, expect, it } from 'vitest';
import { parseApiBody, queryResultOf, seriesOf, stringListOf } from '../../src/verify/prometheus-response.ts';
import { redactSecrets, urlCredentials } from '../../src/io/redact.ts';

describe('Prometheus answer shapes', () => {
  it('accepts every documented result type', () => {
    expect(
      queryResultOf('/q', { resultType: 'vector', result: [{ metric: { a: 'b' }, value: [1.5, '2'] }] }),
    ).toMatchObject({ ok: true, resultType: 'vector' });
    expect(
      queryResultOf('/q', { resultType: 'vector', result: [{ metric: {}, histogram: [1, { count: '1' }] }] }),
    ).toMatchObject({ ok: true });
    expect(
      queryResultOf('/q', {
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1, 'NaN'],
              [2, '+Inf'],
              [3, '-1.5e-3'],
            ],
          },
        ],
      }),
    ).toMatchObject({ ok: true });
    expect(queryResultOf('/q', { resultType: 'matrix', result: [{ metric: {}, histograms: [] }] })).toMatchObject({
      ok: true,
    });
    expect(queryResultOf('/q', { resultType: 'scalar', result: [1, '3'] })).toEqual({
      ok: true,
      resultType: 'scalar',
      result: [1, '3'],
    });
    expect(queryResultOf('/q', { resultType: 'string', result: [1, 'any text'] })).toMatchObject({ ok: true });
  });

  it.each([
    [null, 'data is null, expected {"resultType": …, "result": …}'],
    [[1, 2], 'data is a list of 2 items, expected {"resultType": …, "result": …}'],
    [{ resultType: 'table', result: [] }, 'resultType is "table", expected "matrix", "vector", "scalar" or "string"'],
    [{ resultType: 'matrix', result: null }, 'result of a matrix is null, expected a list'],
    [
      { resultType: 'vector', result: [{ metric: { a: 1 }, value: [1, '1'] }] },
      'result[0] has metric an object with key "a", expected {"label": "value", …}',
    ],
    [
      { resultType: 'vector', result: [{ metric: {}, value: [1, 'one'] }] },
      'result[0] has value a list of 2 items, expected [<time>, "<number>"]',
    ],
    [{ resultType: 'vector', result: [{ metric: {} }] }, 'result[0] has neither "value" nor "histogram"'],
    [{ resultType: 'scalar', result: '3' }, 'a scalar result is "3", expected [<time>, "<value>"]'],
  ])('reports %j as malformed', (data, what) => {
    expect(queryResultOf('/api/v1/query', data)).toEqual({
      ok: false,
      error: `/api/v1/query answered a malformed result: ${what}`,
    });
  });

  it('checks lists and label sets', () => {
    expect(stringListOf('/l', ['a'])).toEqual({ ok: true, values: ['a'] });
    expect(stringListOf('/l', { a: 1 })).toEqual({
      ok: false,
      error: '/l answered a malformed result: data is an object with key "a", expected a list of strings',
    });
    expect(stringListOf('/l', ['a', 7])).toEqual({
      ok: false,
      error: '/l answered a malformed result: data[1] is 7, expected a string',
    });
    expect(seriesOf('/s', [{ a: 'b' }])).toEqual({ ok: true, series: [{ a: 'b' }] });
    expect(seriesOf('/s', ['x'])).toEqual({
      ok: false,
      error: '/s answered a malformed result: data[0] is "x", expected {"label": "value", …}',
    });
  });

  it('reads the envelope', () => {
    expect(parseApiBody('/q', 200, '{"status":"success","data":[]}')).toEqual({ ok: true, data: [] });
    expect(parseApiBody('/q', 400, '{"status":"error","errorType":"bad_data","error":"parse error"}')).toEqual({
      ok: false,
      error: 'bad_data: parse error',
    });
    expect(parseApiBody('/q', 500, '{"status":"error","error":{"message":"deep"}}')).toEqual({
      ok: false,
      error: 'deep',
    });
    expect(parseApiBody('/q', 200, '')).toEqual({ ok: false, error: '/q answered HTTP 200 with an empty body' });
    expect(parseApiBody('/q', 200, '[1]')).toEqual({
      ok: false,
      error: '/q answered HTTP 200 with a list of 1 item, not a Prometheus API object {"status": …}',
    });
    expect(parseApiBody('/q', 200, '{"status":"ok"}')).toEqual({
      ok: false,
      error: '/q answered HTTP 200 with status "ok", expected "success" or "error"',
    });
    expect(parseApiBody('/q', 503, '{"status":"success","data":1}')).toEqual({
      ok: false,
      error: '/q answered HTTP 503 with status "success"',
    });
  });
});

describe('redaction', () => {
  it('masks known secrets (also URL-encoded), user info and credential parameters', () => {
    expect(redactSecrets('GET http://u:p%40ss@h:1/x?access_token=abc&q=1 said p@ss', ['p@ss'])).toBe(
      'GET http://***@h:1/x?access_token=***&q=1 said ***',
    );
    expect(redactSecrets('https://TOKEN@host/?api_key=k')).toBe('https://***@host/?api_key=***');
  });

  it('finds credentials carried by a URL', () => {
    expect(urlCredentials('http://u:p@h:9090/?access_token=x&job=a')).toEqual({
      userinfo: true,
      params: ['access_token'],
    });
    expect(urlCredentials('http://prometheus:9090')).toEqual({ userinfo: false, params: [] });
  });
});
