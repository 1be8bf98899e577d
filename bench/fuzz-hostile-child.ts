// The fuzz run itself (see bench/fuzz-hostile.ts, which watches it for hangs). Prints `case N` as it goes and the
// stats as one JSON line at the end.
import { LARGE, fuzzTargets } from '../test/fuzz/hostile.ts';
import { runFuzz } from '../test/fuzz/run-fuzz.ts';

const cases = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? 1);
const stats = runFuzz(fuzzTargets(LARGE), {
  cases,
  seed,
  slowMs: 5_000,
  onCase: (n) => process.stdout.write(`case ${n}\n`),
});
process.stdout.write(`${JSON.stringify(stats)}\n`);
