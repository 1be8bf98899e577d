import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { expandMacros } from '../../src/promql/expand-macros.ts';
import { expandMacros as referenceExpandMacros } from './support/reference-expand-macros.ts';

/** PromQL-ish text: variables and macros in every context, quotes with escapes, brackets, keywords, odd characters. */
const piece = fc.oneof(
  fc.constantFrom(
    '$job',
    '${instance}',
    '${job:regex}',
    '[[node]]',
    '$__rate_interval',
    '${__range_s}',
    '$__interval_ms',
    '$1',
    '$',
    '[[',
    'rate(',
    'http_requests_total',
    '{job=~"',
    '"}',
    '[',
    ']',
    '(',
    ')',
    ' by ',
    ' offset ',
    'sum',
    '"',
    "'",
    '`',
    '\\',
    '\\"',
    ' ',
    '\n',
    'é',
    '\ud800',
    '_',
    '{',
    '}',
  ),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
const values = fc.option(
  fc.dictionary(fc.constantFrom('job', 'instance', '__rate_interval', '1'), fc.string({ maxLength: 4 })),
  {
    nil: undefined,
  },
);

describe('expandMacros', () => {
  test.prop([text, values])('gives the text and segments the per-character version of 130faed gave', (expr, v) => {
    const options = v === undefined ? {} : { values: v };
    expect(expandMacros(expr, options)).toEqual(referenceExpandMacros(expr, options));
  });
});
