import { describe, expect, it } from 'vitest';
import { schemaVersionOld } from '../../../src/validate/rules/schema-version-old.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('schema-version-old', () => {
  it('accepts a modern schemaVersion', () => expect(check(schemaVersionOld, goodDashboard())).toEqual([]));
  it('explains an old dashboard once, naming its Angular panels', () => {
    const d = {
      ...goodDashboard(),
      schemaVersion: 16,
      panels: [goodPanel({ type: 'graph', title: 'CPU' }), goodPanel({ id: 2, type: 'singlestat', title: 'Uptime' })],
    };
    expect(check(schemaVersionOld, d)).toEqual([
      expect.objectContaining({
        pointer: '/schemaVersion',
        message:
          'schemaVersion 16 is old: Grafana migrates the dashboard at every load, from 16 to its current version (string datasources become refs, legends, tables and thresholds are rewritten), so this file is not what users see; Angular panels removed in Grafana 12: "CPU" (graph → use timeseries), "Uptime" (singlestat → use stat)',
      }),
    ]);
  });
  it('reports a missing schemaVersion', () => {
    const { schemaVersion: _s, ...d } = goodDashboard();
    expect(check(schemaVersionOld, d)[0]!.message).toMatch(
      /^schemaVersion is missing: Grafana treats it as 0 and runs every migration at load/,
    );
  });
});
