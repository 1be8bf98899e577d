import { describe, expect, it } from 'vitest';
import { parseProgramResult, RESULT_FORMAT, reusedReport, type ProgramResult } from '../../src/build/program-result.ts';

const error = { file: 'dashboards/a.ts', line: 1, column: 7, code: 'TS2322', message: 'no', severity: 'error' };
const result: ProgramResult = {
  format: RESULT_FORMAT,
  key: 'k',
  config: 'c',
  inputs: [['/p/dashboards/a.ts', 'h1']],
  errors: [error as ProgramResult['errors'][number]],
  configErrors: [],
  files: ['/p/dashboards/a.ts', '/p/node_modules/x/index.d.ts'],
};
const hashes: Record<string, string> = { '/p/dashboards/a.ts': 'h1' };
const inputs = { key: 'k', hashOf: (f: string) => hashes[f] ?? 'missing' };

describe('a kept program answer', () => {
  it('stands for the report while key, generated config and every file read are the same', () => {
    const text = JSON.stringify(result);
    expect(parseProgramResult(text)).toEqual(result);
    expect(reusedReport(parseProgramResult(text), 'c', inputs)).toEqual({
      errors: [error],
      configErrors: [],
      files: result.files,
    });
    expect(reusedReport(result, 'other config', inputs)).toBeUndefined();
    expect(reusedReport(result, 'c', { ...inputs, key: 'other key' })).toBeUndefined();
    expect(reusedReport(result, 'c', { ...inputs, hashOf: () => 'h2' })).toBeUndefined();
    expect(reusedReport(undefined, 'c', inputs)).toBeUndefined();
  });

  it('is nothing when its file holds anything else', () => {
    const bad = [
      '',
      'null',
      '[]',
      '{"format":"panelcraft-program-result-1"',
      JSON.stringify({ ...result, format: 'panelcraft-program-result-0' }),
      JSON.stringify({ ...result, key: 1 }),
      JSON.stringify({ ...result, inputs: [['/p/a.ts']] }),
      JSON.stringify({ ...result, inputs: [['/p/a.ts', 1]] }),
      JSON.stringify({ ...result, errors: [{ ...error, line: 1.5 }] }),
      JSON.stringify({ ...result, errors: [{ ...error, severity: 'fatal' }] }),
      JSON.stringify({ ...result, configErrors: {} }),
      JSON.stringify({ ...result, files: [null] }),
    ];
    for (const text of bad) expect(parseProgramResult(text)).toBeUndefined();
  });
});
