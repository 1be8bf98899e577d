import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.ts';
import { promqlSyntax } from '../../src/validate/rules/promql-syntax.ts';
import { dashboardWith } from '../validate/rules/promql-fixture.ts';

describe('prometheus.version', () => {
  it('defaults to the shipped stack (3.5) and reads a quoted version', () => {
    expect(parseConfig('', 'panelcraft.yaml').config.prometheus).toEqual({ version: '3.5' });
    expect(parseConfig('prometheus:\n  version: "2.42"\n', 'panelcraft.yaml')).toMatchObject({
      config: { prometheus: { version: '2.42' } },
      diagnostics: [],
    });
  });

  it('refuses what is not a 2.x or 3.x version, naming the key', () => {
    expect(parseConfig('prometheus:\n  version: "1.8"\n', 'panelcraft.yaml').diagnostics).toEqual([
      {
        rule: 'config',
        severity: 'error',
        file: 'panelcraft.yaml',
        pointer: '/prometheus/version',
        line: 2,
        column: 3,
        message: 'prometheus.version "1.8" is not a Prometheus 2.x or 3.x version',
        fix: 'set it to the Prometheus you run, quoted, e.g. "3.5" or "2.42"',
      },
    ]);
  });

  it('decides what promql-syntax accepts: histogram_avg is fine for 3.5, unknown for 2.42', () => {
    const doc = dashboardWith('histogram_avg(rate(http_request_duration_seconds[$__rate_interval]))');
    expect(promqlSyntax.check(doc, { origin: 'build' })).toEqual([]);
    expect(promqlSyntax.check(doc, { origin: 'build', prometheusVersion: [2, 42] }).map((f) => f.message)).toEqual([
      expect.stringContaining('unknown function with name "histogram_avg"'),
    ]);
  });
});
