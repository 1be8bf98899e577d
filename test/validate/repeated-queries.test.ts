import { describe, expect, it } from 'vitest';
import { analysisRun } from '../../src/validate/document-analysis.ts';
import { type Analysis, SharedAnalyses } from '../../src/validate/prometheus-targets.ts';
import { expandMacros } from '../../src/promql/expand-macros.ts';
import { runRules } from '../../src/validate/engine.ts';
import { allRules } from '../../src/validate/rules/index.ts';
import { dashboardWith } from './rules/promql-fixture.ts';

const settings = { origin: 'build' } as const;
const dashboardRules = { dashboard: allRules.dashboard, tree: [] };

/** Queries that several PromQL rules flag: raw counter, rate on a gauge, le dropped, fixed range, unknown variable, selectors. */
const queries = [
  'sum(http_requests_total{job=~"$job"})',
  'rate(go_goroutines[5m])',
  'histogram_quantile(0.9, sum by (job) (rate(http_request_duration_seconds_bucket{instance=~"$nope"}[$__rate_interval])))',
  'sum by (code) (rate(http_requests_total{job=~"$job",code=~"5.."}[1m]))',
];

describe('a query repeated in several panels', () => {
  it.each(queries)('gives each panel the findings one panel alone gets, at its own pointer: %s', (query) => {
    const alone = runRules([dashboardWith(query)], dashboardRules, settings).map((d) => ({ ...d, file: '' }));
    expect(alone.length).toBeGreaterThan(0);
    // Rules that read every panel (e.g. panel-duplicate) are left out: only what the query gives is compared.
    const perQuery = new Set(alone.filter((d) => d.pointer.startsWith('/panels/0/targets/')).map((d) => d.rule));
    const run = analysisRun();
    // The same run for several documents, as a build shares it: once two documents held the query, later documents
    // get the tree the run kept.
    runRules([dashboardWith(query)], dashboardRules, settings, run);
    runRules([dashboardWith(query)], dashboardRules, settings, run);
    expect(run.expressions.get(query)).toBeDefined();
    const repeated = runRules([dashboardWith(query, query, query)], dashboardRules, settings, run);
    for (const panel of [0, 1, 2]) {
      const found = repeated
        .filter((d) => perQuery.has(d.rule) && d.pointer.startsWith(`/panels/${panel}/targets/`))
        .map((d) => ({
          ...d,
          file: '',
          panel: 'Panel 0',
          pointer: d.pointer.replace(`/panels/${panel}/`, '/panels/0/'),
        }));
      expect(found).toEqual(alone.filter((d) => perQuery.has(d.rule) && d.pointer.startsWith('/panels/0/targets/')));
    }
  });
});

describe('SharedAnalyses', () => {
  const analysis = (text: string): Analysis => ({ expansion: expandMacros(text), problems: [] });

  it('keeps the analysis of an expression only once a second document offers it', () => {
    const shared = new SharedAnalyses();
    shared.offer('up', analysis('first'));
    expect(shared.get('up')).toBeUndefined();
    const second = analysis('second');
    shared.offer('up', second);
    expect(shared.get('up')).toBe(second);
    expect(shared.get('down')).toBeUndefined();
  });
});
