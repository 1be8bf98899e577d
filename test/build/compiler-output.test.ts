import { describe, expect, it } from 'vitest';
import { parseCompilerOutput, sortTypeErrors } from '../../src/build/compiler-output.ts';

const below = (printed: string) =>
  printed.startsWith('../') || printed.includes('node_modules') ? undefined : printed;

describe('parseCompilerOutput', () => {
  it('reads errors, message chains, config errors and the listed files', () => {
    const text = [
      "dashboards/a.ts(4,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "dashboards/b.ts(3,7): error TS2322: Type '{ a: { b: string; }; }' is not assignable to type 'A'.",
      "  The types of 'a.b' are incompatible between these types.",
      "    Type 'string' is not assignable to type 'number'.",
      '../node_modules/x/index.d.ts(1,1): error TS1005: ; expected.',
      "../cache/typecheck/shard-1-of-1.tsconfig.json(1,36): error TS5102: Option 'baseUrl' has been removed. Please remove it from your configuration.",
      '  Use \'"paths": {"*": ["./*"]}\' instead.',
      "tsconfig.json(2,1): error TS1005: '}' expected.",
      "error TS2688: Cannot find type definition file for 'node'.",
      "error TS5023: Unknown compiler option 'nope'.",
      '/work/p/dashboards/a.ts',
      '/work/p/dashboards/b.ts',
      'Files:              65',
      'Memory used:     6141K',
      'Total time:     0.059s',
      '',
    ].join('\n');
    expect(parseCompilerOutput(text, below)).toEqual({
      errors: [
        {
          file: 'dashboards/a.ts',
          line: 4,
          column: 7,
          code: 'TS2322',
          message: "Type 'string' is not assignable to type 'number'.",
          severity: 'error',
        },
        {
          file: 'dashboards/b.ts',
          line: 3,
          column: 7,
          code: 'TS2322',
          message:
            "Type '{ a: { b: string; }; }' is not assignable to type 'A'.\n  The types of 'a.b' are incompatible between these types.\n    Type 'string' is not assignable to type 'number'.",
          severity: 'error',
        },
        {
          file: 'tsconfig.json',
          line: 1,
          column: 1,
          code: 'TS2688',
          message: "Cannot find type definition file for 'node'.",
          severity: 'error',
        },
      ],
      configErrors: [
        {
          file: 'tsconfig.json',
          line: 1,
          column: 1,
          code: 'TS5102',
          message:
            'Option \'baseUrl\' has been removed. Please remove it from your configuration.\n  Use \'"paths": {"*": ["./*"]}\' instead.',
          severity: 'error',
        },
        { file: 'tsconfig.json', line: 2, column: 1, code: 'TS1005', message: "'}' expected.", severity: 'error' },
        {
          file: 'tsconfig.json',
          line: 1,
          column: 1,
          code: 'TS5023',
          message: "Unknown compiler option 'nope'.",
          severity: 'error',
        },
      ],
      files: ['/work/p/dashboards/a.ts', '/work/p/dashboards/b.ts'],
    });
  });
});

describe('sortTypeErrors', () => {
  it('orders by file and position and keeps an error several programs reported once', () => {
    const e = (file: string, line: number) =>
      ({ file, line, column: 1, code: 'TS2322', message: 'm', severity: 'error' }) as const;
    expect(sortTypeErrors([e('b.ts', 1), e('a.ts', 2), e('a.ts', 1), e('b.ts', 1)])).toEqual([
      e('a.ts', 1),
      e('a.ts', 2),
      e('b.ts', 1),
    ]);
  });
});
