import { describe, expect, it } from 'vitest';
import { uidFormat } from '../../../src/validate/rules/uid-format.ts';

const check = (uid: unknown) =>
  uidFormat.check({ file: 'd.ts', dashboard: { title: 't', uid } as never }, { origin: 'build' });

describe('uid-format', () => {
  it('passes a Grafana-valid uid', () => expect(check('payments_overview-2')).toEqual([]));
  it('fails a uid with illegal characters', () =>
    expect(check('payments/overview')).toEqual([
      {
        pointer: '/uid',
        message:
          'uid "payments/overview" contains characters other than A-Z, a-z, 0-9, "-" and "_"; Grafana refuses to save it',
        fix: 'use a shorter uid of letters, digits and "-", e.g. `.uid("payments-overview")`, or drop `.uid()` to derive it from the file path',
      },
    ]));
  it('fails a uid over 40 characters', () =>
    expect(check('x'.repeat(41))[0]?.message).toBe(
      `uid "${'x'.repeat(41)}" is 41 characters long (Grafana allows 40); Grafana refuses to save it`,
    ));
  it('fails a missing uid', () =>
    expect(check(undefined)[0]?.message).toBe(
      'dashboard has no uid: Grafana generates a random one per database, which breaks links between instances',
    ));
});
