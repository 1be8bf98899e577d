import { describe, expect, it } from 'vitest';
import { markdownTable, type Results, type Scenario, type SizeResult, targetCell } from '../../bench/report-table.ts';

const scenario = (wallMs: number, treeRssMb: number, maxProcessRssMb = treeRssMb): Scenario => ({
  wallMs,
  treeRssMb,
  maxProcessRssMb,
  wallSamplesMs: [wallMs],
});

describe('targetCell: issue 11 as it states its targets', () => {
  const at1000: SizeResult = {
    dashboards: 1000,
    baseline: scenario(1000, 100),
    cold: scenario(2900, 310, 250),
    nochange: scenario(500, 60),
    onefile: scenario(1001, 200),
    dev: scenario(151, 300),
  };

  it('judges the cold build of 1 000 by its wall ratio to the bare SDK and by the tree sum, not the largest process', () => {
    expect(targetCell(at1000, 'cold', [at1000])).toBe('≤ 3× bare SDK wall: 2.90× ✅; ≤ 300 MB: 310 MB ❌');
  });

  it('gives no mark for the ratio when there is no bare SDK to divide by', () => {
    const { baseline: _none, ...alone } = at1000;
    expect(targetCell(alone, 'cold', [alone])).toBe('≤ 3× bare SDK wall: –; ≤ 300 MB: 310 MB ❌');
  });

  it('holds the rebuilds of 1 000 to 0.5 s and 1 s, and `dev` to 150 ms', () => {
    expect(targetCell(at1000, 'nochange', [at1000])).toBe('≤ 0.5 s: 500 ms ✅');
    expect(targetCell(at1000, 'onefile', [at1000])).toBe('≤ 1 s: 1,001 ms ❌');
    expect(targetCell(at1000, 'dev', [at1000])).toBe('≤ 150 ms: 151 ms ❌');
  });

  it('sets no target for sizes the issue does not name, except `dev`', () => {
    const at100: SizeResult = { ...at1000, dashboards: 100 };
    expect(targetCell(at100, 'cold', [at100])).toBe('');
    expect(targetCell(at100, 'onefile', [at100])).toBe('');
    expect(targetCell(at100, 'dev', [at100])).toBe('≤ 150 ms: 151 ms ❌');
  });

  it('holds every build of 5 000 to 1 GB, and the cold peak to at most 5× that of 1 000', () => {
    const at5000: SizeResult = { dashboards: 5000, cold: scenario(20_000, 1500), nochange: scenario(900, 1024) };
    expect(targetCell(at5000, 'cold', [at1000, at5000])).toBe(
      '≤ 1 GB: 1,500 MB ❌; linear (≤ 5× the peak of 1 000): 4.84× ✅',
    );
    expect(targetCell(at5000, 'nochange', [at1000, at5000])).toBe('≤ 1 GB: 1,024 MB ✅');
    expect(targetCell(at5000, 'cold', [at5000])).toBe('≤ 1 GB: 1,500 MB ❌');
  });
});

describe('markdownTable', () => {
  const results: Results = {
    machine: { cpus: 2, node: 'v20.20.2', loadAtStart: '1.00', loadAtEnd: '2.00' },
    commit: 'abc1234',
    runs: 3,
    devSaves: 5,
    panelsPerDashboard: 20,
    leftBehind: [],
    sizes: [
      {
        dashboards: 1000,
        baseline: scenario(1000, 100),
        tscJs: { compiler: 'TypeScript 5.9.3', alone: scenario(2800, 358), withSdk: scenario(3800, 358) },
        tscNative: {},
        cold: { ...scenario(2500, 280, 230), peakByNameMb: { node: 230.4, esbuild: 49.6 } },
      },
    ],
  };

  it('says when TypeScript 7 is not installed, divides by nothing it has not measured, and what a peak is made of', () => {
    const rows = markdownTable(results)
      .split('\n')
      .filter((l) => l.startsWith('| 1,000'));
    expect(rows).toEqual([
      '| 1,000 | bare SDK (build + write JSON) | 1,000 ms |  |  | 100 MB | 100 MB |  |  |',
      '| 1,000 | bare SDK + `tsc --noEmit`, TypeScript 5.9.3 (context) | 3,800 ms | 3.80× | – | 358 MB | 358 MB | tsc alone: 2,800 ms, 358 MB |  |',
      '| 1,000 | bare SDK + `tsc --noEmit`, TypeScript 7 (baseline) | not installed |  |  |  |  |  |  |',
      '| 1,000 | cold build, type-checked, empty cache | 2,500 ms | 2.50× | – | 280 MB | 230 MB | peak: node 230 + esbuild 50 MB | ≤ 3× bare SDK wall: 2.50× ✅; ≤ 300 MB: 280 MB ✅ |',
    ]);
  });

  it('lists the processes a run left running', () => {
    expect(markdownTable({ ...results, leftBehind: ['4242 (tsc) after cold build'] })).toContain(
      '**Processes left running after a measured run:** 4242 (tsc) after cold build.',
    );
    expect(markdownTable(results)).toContain('No measured run left a process running.');
  });
});
