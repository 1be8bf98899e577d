import { describe, expect, it } from 'vitest';
import { stringMemo } from '../../src/model/string-memo.ts';

describe('stringMemo', () => {
  it('computes each string once while it is held, undefined answers included', () => {
    const asked: string[] = [];
    const memo = stringMemo(8, (key) => {
      asked.push(key);
      return key.startsWith('$') ? key.slice(1) : undefined;
    });
    expect([memo('$job'), memo('plain'), memo('$job'), memo('plain')]).toEqual(['job', undefined, 'job', undefined]);
    expect(asked).toEqual(['$job', 'plain']);
  });

  it('holds at most `limit` strings: once full it forgets them all and computes again', () => {
    const asked: string[] = [];
    const memo = stringMemo(2, (key) => {
      asked.push(key);
      return key.length;
    });
    for (const key of ['a', 'bb', 'a', 'ccc', 'a', 'ccc']) memo(key);
    // 'ccc' found the memo full ('a', 'bb') and cleared it; 'a' was then computed again, 'ccc' was still held.
    expect(asked).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
