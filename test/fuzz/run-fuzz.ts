import fc from 'fast-check';
import type { FuzzTarget } from './hostile.ts';

export interface FuzzStats {
  readonly cases: number;
  readonly crashes: ReadonlyArray<{
    readonly target: string;
    readonly seed: number;
    readonly path: string;
    readonly error: string;
  }>;
  /** Cases slower than `slowMs` (a hang would be one that never ends; the bench's watchdog catches those). */
  readonly slow: number;
  readonly slowestMs: number;
  readonly peakRssBytes: number;
  readonly byTarget: ReadonlyArray<{ readonly target: string; readonly cases: number; readonly slowestMs: number }>;
}

/** Runs `cases` inputs through every target (split evenly), timing each case and sampling RSS after each. */
export function runFuzz(
  targets: readonly FuzzTarget[],
  options: { cases: number; seed: number; slowMs: number; onCase?: (n: number) => void },
): FuzzStats {
  const crashes: Array<FuzzStats['crashes'][number]> = [];
  const byTarget: Array<FuzzStats['byTarget'][number]> = [];
  let cases = 0;
  let slow = 0;
  let slowestMs = 0;
  let peakRssBytes = process.memoryUsage().rss;
  for (const target of targets) {
    let slowestHere = 0;
    let here = 0;
    const outcome = fc.check(
      fc.property(target.input, (input) => {
        const t0 = performance.now();
        try {
          target.run(input);
        } finally {
          const ms = performance.now() - t0;
          cases++;
          here++;
          if (ms > options.slowMs) slow++;
          slowestHere = Math.max(slowestHere, ms);
          peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
          options.onCase?.(cases);
        }
      }),
      { numRuns: Math.ceil(options.cases / targets.length), seed: options.seed, endOnFailure: true },
    );
    if (outcome.failed) {
      const error =
        outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
      crashes.push({
        target: target.name,
        seed: outcome.seed,
        path: outcome.counterexamplePath ?? '',
        error: error.slice(0, 500),
      });
    }
    slowestMs = Math.max(slowestMs, slowestHere);
    byTarget.push({ target: target.name, cases: here, slowestMs: slowestHere });
  }
  return { cases, crashes, slow, slowestMs, peakRssBytes, byTarget };
}
