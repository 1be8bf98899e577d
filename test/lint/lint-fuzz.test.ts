import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { lintFiles } from '../../src/tooling/lint-files.ts';
import { parseExposition } from '../../src/catalog/parse-exposition.ts';
import { lintFileText } from './dashboard-arbitrary.ts';

const { catalog } = parseExposition('http_requests_total{code="200",handler="/"} 1\nup 1\n', 'fuzz.prom');

/** Every lint result is a list of well-formed diagnostics; no rule crashes (the engine would say "crashed"). */
function wellFormed(texts: readonly string[]): void {
  const result = lintFiles(
    texts.map((text, i) => ({ file: `f${i}.json`, text })),
    { catalog },
  );
  expect(result.files).toBe(texts.length);
  for (const d of result.diagnostics) {
    expect(typeof d.rule).toBe('string');
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.file).toMatch(/^f\d+\.json$/);
    expect(typeof d.pointer).toBe('string');
    expect(d.message).not.toMatch(/ crashed: /);
  }
}

test.prop([fc.array(lintFileText, { minLength: 1, maxLength: 3 })], { numRuns: 300 })(
  'lint never throws and reports only diagnostics',
  (texts) => {
    wellFormed(texts);
  },
);
