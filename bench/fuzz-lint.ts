/**
 * Fuzzes `panelcraft lint` with ≥ 10 000 generated files (dashboard-shaped, wrapped, arbitrary JSON, arbitrary
 * text): no exception may escape and every finding must be a diagnostic, never a rule crash.
 * Run: npx tsx bench/fuzz-lint.ts [runs] [seed]
 */
import fc from 'fast-check';
import { parseExposition } from '../src/catalog/parse-exposition.ts';
import { lintFiles } from '../src/tooling/lint-files.ts';
import { lintFileText } from '../test/lint/dashboard-arbitrary.ts';

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const { catalog } = parseExposition('http_requests_total{code="200",handler="/"} 1\nup 1\n', 'fuzz.prom');

let files = 0;
let diagnostics = 0;
let crashes = 0;
const byRule = new Map<string, number>();
const started = performance.now();
const outcome = fc.check(
  fc.property(fc.array(lintFileText, { minLength: 1, maxLength: 3 }), (texts) => {
    const result = lintFiles(
      texts.map((text, i) => ({ file: `f${i}.json`, text })),
      { catalog },
    );
    files += texts.length;
    diagnostics += result.diagnostics.length;
    for (const d of result.diagnostics) {
      byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
      if (/ crashed: /.test(d.message)) {
        crashes++;
        return false;
      }
    }
    return true;
  }),
  { numRuns: runs, seed },
);
const seconds = (performance.now() - started) / 1000;
console.log(
  `fuzz-lint: ${outcome.numRuns} cases (${files} files), seed ${seed}, ${diagnostics} diagnostics, ${crashes} rule crashes, ${seconds.toFixed(1)} s`,
);
for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(8)}  ${rule}`);
if (outcome.failed) {
  console.error(fc.defaultReportMessage(outcome));
  process.exitCode = 1;
} else console.log('no exception escaped; every finding was a diagnostic');
