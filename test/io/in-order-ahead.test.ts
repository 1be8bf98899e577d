import { describe, expect, it } from 'vitest';
import { inOrderAhead } from '../../src/io/in-order-ahead.ts';

/** Tasks that settle only when the test says so, logging when each starts. */
function controlled(count: number) {
  const log: string[] = [];
  const settle: Array<(value: string) => void> = [];
  const fail: Array<(err: Error) => void> = [];
  const start = (i: number) => {
    log.push(`start ${i}`);
    return new Promise<string>((resolve, reject) => {
      settle[i] = resolve;
      fail[i] = reject;
    });
  };
  return { log, settle, fail, start, count };
}

describe('inOrderAhead', () => {
  it('starts a task only while fewer than the limit are started and not yet taken, and gives results in order', async () => {
    const t = controlled(5);
    const taken: string[] = [];
    const run = (async () => {
      for await (const value of inOrderAhead(t.count, 2, t.start)) {
        t.log.push(`take ${value}`);
        taken.push(value);
      }
    })();
    await Promise.resolve();
    expect(t.log).toEqual(['start 0', 'start 1']);
    // Settled out of order: task 1 first, then 0.
    t.settle[1]!('b');
    await new Promise((r) => setImmediate(r));
    expect(t.log).toEqual(['start 0', 'start 1']);
    t.settle[0]!('a');
    await new Promise((r) => setImmediate(r));
    expect(t.log).toEqual(['start 0', 'start 1', 'take a', 'start 2', 'take b', 'start 3']);
    t.settle[3]!('d');
    t.settle[2]!('c');
    await new Promise((r) => setImmediate(r));
    t.settle[4]!('e');
    await run;
    expect(taken).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(t.log).toEqual([
      'start 0',
      'start 1',
      'take a',
      'start 2',
      'take b',
      'start 3',
      'take c',
      'start 4',
      'take d',
      'take e',
    ]);
  });

  it('with a limit of 1 runs one task at a time', async () => {
    let running = 0;
    let most = 0;
    const values: number[] = [];
    for await (const v of inOrderAhead(4, 1, async (i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setImmediate(r));
      running--;
      return i * 10;
    }))
      values.push(v);
    expect(values).toEqual([0, 10, 20, 30]);
    expect(most).toBe(1);
  });

  it('gives a rejection when the caller reaches that task, not before', async () => {
    const t = controlled(3);
    const taken: string[] = [];
    const run = (async () => {
      for await (const value of inOrderAhead(t.count, 3, t.start)) taken.push(value);
    })();
    t.fail[1]!(new Error('task 1 failed'));
    await new Promise((r) => setImmediate(r));
    expect(taken).toEqual([]);
    t.settle[0]!('a');
    await expect(run).rejects.toThrow('task 1 failed');
    expect(taken).toEqual(['a']);
  });

  it('starts nothing for no tasks and refuses a limit below 1', async () => {
    const started: number[] = [];
    for await (const _ of inOrderAhead(0, 2, async (i) => started.push(i))) started.push(-1);
    expect(started).toEqual([]);
    await expect(inOrderAhead(2, 0, async (i) => i).next()).rejects.toThrow('limit must be a whole number ≥ 1, got 0');
  });
});
