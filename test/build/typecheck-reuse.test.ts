import { describe, expect, it } from 'vitest';
import {
  isTypecheckResults,
  planReuse,
  RESULTS_FORMAT,
  reusedFiles,
  sortTypeErrors,
  type TypecheckResults,
  type CompilerError,
  usableResults,
} from '../../src/build/typecheck-reuse.ts';

const err = (file: string, line: number, code = 'TS2322'): CompilerError => ({
  file,
  line,
  column: 1,
  code,
  message: 'm',
  severity: 'error',
});

const results: TypecheckResults = {
  format: RESULTS_FORMAT,
  key: 'k',
  reusable: true,
  packages: { '/p/node_modules/sdk/package.json': 'P1' },
  files: {
    '/p/a.ts': { hash: 'A1', deps: { '/p/lib.ts': 'L1' }, errors: [err('a.ts', 1)] },
    '/p/b.ts': { hash: 'B1', deps: {}, errors: [] },
    '/p/lib.ts': { hash: 'L1', deps: {}, errors: [err('lib.ts', 2)] },
  },
};
const hashes = (over: Record<string, string | undefined> = {}) => {
  const now: Record<string, string | undefined> = {
    '/p/a.ts': 'A1',
    '/p/b.ts': 'B1',
    '/p/lib.ts': 'L1',
    '/p/node_modules/sdk/package.json': 'P1',
    ...over,
  };
  return (f: string) => now[f];
};

describe('type-check reuse', () => {
  it('reuses a root whose content and imports are unchanged, with the errors of what it imports', () => {
    expect(planReuse(results, ['/p/a.ts', '/p/b.ts'], hashes())).toEqual({ reused: ['/p/a.ts', '/p/b.ts'], check: [] });
    expect([...reusedFiles(results, ['/p/a.ts'])]).toEqual(['/p/a.ts', '/p/lib.ts']);
  });

  it('checks a root again when it, or a file it imports, changed or is gone; and a root never seen', () => {
    expect(planReuse(results, ['/p/a.ts', '/p/b.ts'], hashes({ '/p/lib.ts': 'L2' }))).toEqual({
      reused: ['/p/b.ts'],
      check: ['/p/a.ts'],
    });
    expect(planReuse(results, ['/p/a.ts', '/p/b.ts'], hashes({ '/p/b.ts': 'B2' })).check).toEqual(['/p/b.ts']);
    expect(planReuse(results, ['/p/a.ts'], hashes({ '/p/lib.ts': undefined })).check).toEqual(['/p/a.ts']);
    expect(planReuse(results, ['/p/new.ts'], hashes({ '/p/new.ts': 'N' })).check).toEqual(['/p/new.ts']);
  });

  it('uses no stored result under another key, after an install, or when the project declares globals', () => {
    const h = hashes();
    expect(usableResults(results, 'k', h)).toBe(results);
    expect(usableResults(results, 'other', h)).toBeUndefined();
    expect(usableResults(results, 'k', hashes({ '/p/node_modules/sdk/package.json': 'P2' }))).toBeUndefined();
    expect(usableResults({ ...results, reusable: false }, 'k', h)).toBeUndefined();
    expect(planReuse(undefined, ['/p/a.ts'], h)).toEqual({ reused: [], check: ['/p/a.ts'] });
  });

  it('recognises only its own results format', () => {
    expect(isTypecheckResults(JSON.parse(JSON.stringify(results)))).toBe(true);
    expect(isTypecheckResults({ ...results, format: 'panelcraft-typecheck-1' })).toBe(false);
    expect(isTypecheckResults({ ...results, files: { '/p/a.ts': { hash: 'A1', deps: {}, errors: [{}] } } })).toBe(
      false,
    );
    expect(isTypecheckResults({ ...results, packages: [] })).toBe(false);
    expect(isTypecheckResults(null)).toBe(false);
    expect(isTypecheckResults('{"format"')).toBe(false);
  });

  it('sorts errors by file, position and code, each once', () => {
    expect(
      sortTypeErrors([err('b.ts', 1), err('a.ts', 3), err('a.ts', 2, 'TS2345'), err('a.ts', 2), err('b.ts', 1)]),
    ).toEqual([err('a.ts', 2), err('a.ts', 2, 'TS2345'), err('a.ts', 3), err('b.ts', 1)]);
  });
});
