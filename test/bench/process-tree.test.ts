import { describe, expect, it } from 'vitest';
import {
  type ProcessReading,
  parseChildren,
  parseStartTime,
  parseState,
  parseStatmRssKb,
  parseStatus,
  readTree,
  survivors,
} from '../../bench/process-tree.ts';

/** A fake /proc: pid → reading; a pid missing from it has exited. */
const procOf = (table: Record<number, ProcessReading>) => (pid: number) => table[pid];

describe('readTree', () => {
  // GNU time (10) waits for node (11), which runs esbuild (12) and tsc (13); tsc runs a helper (14); 99 is unrelated
  const table = {
    10: { name: 'time', rssKb: 2_000, hwmKb: 2_100, children: [11] },
    11: { name: 'node', rssKb: 150_000, hwmKb: 180_000, children: [12, 13] },
    12: { name: 'esbuild', rssKb: 20_000, hwmKb: 21_000, children: [] },
    13: { name: 'tsc', rssKb: 200_000, hwmKb: 250_000, children: [14] },
    14: { name: 'node', rssKb: 1_000, hwmKb: 1_000, children: [] },
    99: { name: 'node', rssKb: 500_000, hwmKb: 500_000, children: [] },
  };

  it('sums the root and every descendant, and nothing else', () => {
    expect(readTree(10, procOf(table), { includeRoot: true })).toEqual({
      rssKb: 373_000,
      maxProcessHwmKb: 250_000,
      pids: [10, 11, 12, 13, 14],
      byName: { time: 2_000, node: 151_000, esbuild: 20_000, tsc: 200_000 },
    });
  });

  it('leaves the root out when asked (GNU time only waits), but still walks its children', () => {
    expect(readTree(10, procOf(table), { includeRoot: false })).toEqual({
      rssKb: 371_000,
      maxProcessHwmKb: 250_000,
      pids: [11, 12, 13, 14],
      byName: { node: 151_000, esbuild: 20_000, tsc: 200_000 },
    });
  });

  it('counts nothing for a process that exited between being listed and being read, nor for its children', () => {
    const { 13: _gone, ...rest } = table;
    expect(readTree(10, procOf(rest), { includeRoot: true })).toEqual({
      rssKb: 172_000,
      maxProcessHwmKb: 180_000,
      pids: [10, 11, 12],
      byName: { time: 2_000, node: 150_000, esbuild: 20_000 },
    });
  });

  it('visits a pid once, even when two threads list it or a child lists its parent', () => {
    const looped = {
      1: { name: 'a', rssKb: 10, hwmKb: 10, children: [2, 2, 3] },
      2: { name: 'b', rssKb: 100, hwmKb: 100, children: [1, 3] },
      3: { name: 'c', rssKb: 1_000, hwmKb: 1_000, children: [] },
    };
    expect(readTree(1, procOf(looped), { includeRoot: true })).toEqual({
      rssKb: 1_110,
      maxProcessHwmKb: 1_000,
      pids: [1, 2, 3],
      byName: { a: 10, b: 100, c: 1_000 },
    });
  });

  it('is empty for a root that has exited', () => {
    expect(readTree(10, procOf({}), { includeRoot: true })).toEqual({
      rssKb: 0,
      maxProcessHwmKb: 0,
      pids: [],
      byName: {},
    });
  });
});

describe('parsing /proc', () => {
  it('reads the name, VmRSS and VmHWM of a status file, and nothing of a zombie', () => {
    const status =
      'Name:\tnode main\nState:\tS (sleeping)\nVmPeak:\t 1265508 kB\nVmHWM:\t  187644 kB\nVmRSS:\t  151012 kB\n';
    expect(parseStatus(status)).toEqual({ name: 'node main', rssKb: 151_012, hwmKb: 187_644 });
    expect(parseStatus('Name:\tnode\nState:\tZ (zombie)\nThreads:\t1\n')).toBeUndefined();
    expect(parseStatus('')).toBeUndefined();
  });

  it('reads the resident pages of a statm line as kB', () => {
    expect(parseStatmRssKb('316377 37753 11473 10497 0 59817 0\n', 4)).toBe(151_012);
    expect(parseStatmRssKb('', 4)).toBeUndefined();
  });

  it('reads the pids of a children file', () => {
    expect(parseChildren('26803 26811 ')).toEqual([26_803, 26_811]);
    expect(parseChildren('')).toEqual([]);
  });

  it('reads the start time (field 22) of a stat line, whatever the command name holds', () => {
    const tail = 'S 1 1 1 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 11 0 1962145 3133440 380 18446744073709551615';
    expect(parseStartTime(`4242 (node) ${tail}`)).toBe('1962145');
    expect(parseStartTime(`4242 (a) b (c)) ${tail}`)).toBe('1962145');
    expect(parseStartTime('')).toBeUndefined();
  });

  it('reads the state (field 3) of a stat line', () => {
    expect(parseState('4242 (node) S 1 1 1 0')).toBe('S');
    expect(parseState('4242 (a) Z (b)) Z 1 1 1 0')).toBe('Z');
    expect(parseState('')).toBeUndefined();
  });
});

describe('survivors', () => {
  it('names the processes met that still run with the same start time, not a pid reused by another process', () => {
    const met = new Map([
      [11, '500'],
      [12, '510'],
      [13, '520'],
    ]);
    const now: Record<number, string> = { 12: '510', 13: '999' }; // 11 exited; 13's pid now names a newer process
    expect(survivors(met, (pid) => now[pid])).toEqual([12]);
    expect(survivors(met, () => undefined)).toEqual([]);
  });
});
