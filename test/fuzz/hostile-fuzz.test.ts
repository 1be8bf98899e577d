import { expect, it } from 'vitest';
import { SMALL, fuzzTargets } from './hostile.ts';
import { runFuzz } from './run-fuzz.ts';

/** The bounded run of the fuzz suite; `npm run bench:fuzz` runs the large one with a hang watchdog. */
it('survives hostile dashboards, paths, server answers and secrets: 0 crashes, no slow case, bounded memory', () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261129);
  const stats = runFuzz(fuzzTargets(SMALL), { cases: 400, seed, slowMs: 5_000 });
  expect(stats.crashes).toEqual([]);
  expect(stats.cases).toBe(400);
  expect(stats.slow).toBe(0);
  expect(stats.peakRssBytes).toBeLessThan(1024 * 1024 * 1024);
}, 300_000);
