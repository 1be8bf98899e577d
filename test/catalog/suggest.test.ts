import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/catalog/edit-distance.ts';
import { didYouMean, suggest } from '../../src/catalog/suggest.ts';

describe('suggest', () => {
  it('computes edit distance', () => {
    expect([editDistance('', 'abc'), editDistance('kitten', 'sitting'), editDistance('same', 'same')]).toEqual([
      3, 3, 0,
    ]);
  });
  it('ranks the closest 1–3 candidates and ignores unrelated names', () => {
    expect(
      suggest('http_request_total', ['http_requests_total', 'http_request_duration_seconds_count', 'go_goroutines']),
    ).toEqual(['http_requests_total']);
    expect(suggest('pod', ['job', 'instance'])).toEqual([]);
    expect(didYouMean('instnce', ['instance', 'job'])).toBe(' (did you mean "instance"?)');
    expect(didYouMean('zzz', ['instance'])).toBe('');
  });
});
