import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../scripts/sdk-catalog/generate.ts';
import { SDK_CATALOG } from '../../src/import/sdk-catalog.ts';
import { SDK_MODULES } from '../../src/import/sdk-modules.ts';

describe('the foundation-SDK catalog import generates code from', () => {
  it('is fresh: regenerating it from the installed SDK gives the committed file (else run npm run gen:sdk-catalog)', () => {
    expect(JSON.parse(JSON.stringify(generateCatalog()))).toEqual(SDK_CATALOG);
  }, 60_000);

  it('has every module it names loaded for running planned chains', () => {
    expect(Object.keys(SDK_MODULES)).toEqual([...SDK_CATALOG.modules]);
  });

  it('reads method paths and argument types from the SDK: unit, legend, instant(), overrideByName, withPanel on rows', () => {
    const methods = (key: string) => new Map(SDK_CATALOG.builders[key]!.methods.map((m) => [m.name, m]));
    const timeseries = methods('timeseries.PanelBuilder');
    expect(timeseries.get('unit')).toEqual({
      kind: 'set',
      name: 'unit',
      path: 'fieldConfig.defaults.unit',
      params: [{ k: 'string' }],
    });
    expect(timeseries.get('legend')).toEqual({
      kind: 'set',
      name: 'legend',
      path: 'options.legend',
      build: 'one',
      params: [{ k: 'builder', of: 'common.VizLegendOptions' }],
    });
    expect(timeseries.get('overrideByName')).toMatchObject({
      kind: 'override',
      path: 'fieldConfig.overrides',
      matcher: 'byName',
    });
    expect(methods('prometheus.DataqueryBuilder').get('instant')).toMatchObject({
      kind: 'const',
      sets: [
        { path: 'instant', value: true },
        { path: 'range', value: false },
      ],
    });
    expect(methods('dashboard.RowBuilder').get('withPanel')).toMatchObject({
      kind: 'push',
      path: 'panels',
      also: [{ path: 'collapsed', value: true }],
    });
    expect(SDK_CATALOG.types['common.LegendPlacement']).toEqual({
      k: 'enum',
      module: 'common',
      name: 'LegendPlacement',
      members: { Bottom: 'bottom', Right: 'right' },
    });
  });
});
