import { describe, expect, it } from 'vitest';
import { schemaVersionFor } from '../../src/model/grafana-version.ts';

describe('schemaVersionFor', () => {
  it.each([
    ['10.0', 38],
    ['10.3.9', 38],
    ['10.4', 39],
    ['11.2.1', 39],
    ['11.3', 40],
    ['11.5', 40],
    ['11.6.3', 41],
    ['12.1', 41],
    ['12.2', 42],
    ['v13.0.0', 42],
    ['12.3.0-beta1', 42],
  ])('Grafana %s → schemaVersion %i', (version, expected) => {
    expect(schemaVersionFor(version)).toEqual({ ok: true, schemaVersion: expected });
  });
  it('rejects versions older than 10.0 and non-versions with a message', () => {
    expect(schemaVersionFor('9.5')).toEqual({
      ok: false,
      message: 'grafanaVersion "9.5" is older than 10.0, the oldest version panelcraft targets',
    });
    expect(schemaVersionFor('latest')).toEqual({
      ok: false,
      message: 'grafanaVersion "latest" is not a version; use e.g. "12.1" or "11.6.3"',
    });
  });
});
