import { describe, expect, it } from 'vitest';
import { titleRequired } from '../../../src/validate/rules/title-required.ts';

const check = (title: unknown) =>
  titleRequired.check({ file: 'd.ts', dashboard: { title } as never }, { origin: 'build' });

describe('title-required', () => {
  it('passes a title', () => expect(check('Checkout')).toEqual([]));
  it('fails a blank title', () =>
    expect(check('  ')[0]?.message).toBe(
      'dashboard has no title; Grafana skips the file ("Dashboard title cannot be empty")',
    ));
  it('fails a title over 5000 characters', () =>
    expect(check('t'.repeat(5001))[0]?.message).toBe('title is 5001 characters; Grafana allows 5000'));
});
