import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { stableUid } from '../../src/model/stable-uid.ts';
import { UID_PATTERN } from '../../src/model/uid.ts';

const pathSegment = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('/'));
const dashboardPath = fc
  .tuple(fc.option(pathSegment, { nil: undefined }), pathSegment)
  .map(([folder, name]) => (folder ? `${folder}/${name}.ts` : `${name}.ts`));

describe('stableUid', () => {
  it('slugs the path below dashboards/', () => {
    expect(stableUid('payments/overview.ts')).toBe('payments-overview');
    expect(stableUid('Go Services/Route Matrix.ts')).toBe('go-services-route-matrix');
    expect(stableUid('café/übersicht.ts')).toBe('cafe-ubersicht');
    expect(stableUid('日本/概要.ts')).toMatch(/^dashboard-[0-9a-f]{8}$/);
  });
  it('gives paths in any language stable, distinct, readable uids', () => {
    expect(stableUid('支付/总览.ts')).toBe('dashboard-6ba16794');
    expect(stableUid('订单/总览.ts')).toBe('dashboard-bb58731e');
    expect(stableUid('payments/总览.ts')).toBe('payments-75b2e668');
    // The same path written decomposed (as macOS stores names) gets the same uid.
    expect(stableUid('zahlungen/übersicht-2.ts'.normalize('NFD'))).toBe(stableUid('zahlungen/übersicht-2.ts'));
  });
  it('keeps a readable prefix and a hash for long paths', () => {
    const uid = stableUid('a-very-long-folder-name-for-payments/and-an-even-longer-dashboard-name.ts');
    expect(uid).toMatch(/^a-very-long-folder-name-for-pay-[0-9a-f]{8}$/);
    expect(uid.length).toBeLessThanOrEqual(40);
  });
  test.prop([dashboardPath])('is deterministic, at most 40 chars of [a-z0-9-], valid for Grafana', (p) => {
    const uid = stableUid(p);
    expect(uid).toBe(stableUid(p));
    expect(uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(uid).toMatch(UID_PATTERN);
  });
  test.prop([
    fc.string({ minLength: 41, maxLength: 80 }).map((s) => s.replace(/[^a-z]/g, 'x')),
    fc.string({ minLength: 41, maxLength: 80 }).map((s) => s.replace(/[^a-z]/g, 'y')),
  ])('two different long paths never collide by truncation', (a, b) => {
    fc.pre(a !== b);
    expect(stableUid(`f/${a}.ts`)).not.toBe(stableUid(`f/${b}.ts`));
  });
});
