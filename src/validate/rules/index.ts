import type { RuleSet } from '../engine.ts';
import { angularPanel } from './angular-panel.ts';
import { dashboardEditable } from './dashboard-editable.ts';
import { datasourceRef } from './datasource-ref.ts';
import { datasourceString } from './datasource-string.ts';
import { gridBounds } from './grid-bounds.ts';
import { gridOverlap } from './grid-overlap.ts';
import { importPlaceholders } from './import-placeholders.ts';
import { labelUnknown } from './label-unknown.ts';
import { libraryPanel } from './library-panel.ts';
import { metricUnknown } from './metric-unknown.ts';
import { panelDescription } from './panel-description.ts';
import { panelDuplicate } from './panel-duplicate.ts';
import { panelIdUnique } from './panel-id-unique.ts';
import { panelTargets } from './panel-targets.ts';
import { panelTitle } from './panel-title.ts';
import { panelUnits } from './panel-units.ts';
import { promqlCounterRate } from './promql-counter-rate.ts';
import { promqlHistogramQuantileLe } from './promql-histogram-quantile-le.ts';
import { promqlRateInterval } from './promql-rate-interval.ts';
import { promqlRateOnGauge } from './promql-rate-on-gauge.ts';
import { promqlSyntax } from './promql-syntax.ts';
import { repeatVariable } from './repeat-variable.ts';
import { rowsLegacy } from './rows-legacy.ts';
import { schemaRule } from '../schema/schema-rule.ts';
import { schemaVersionOld } from './schema-version-old.ts';
import { targetDatasourceVariable } from './target-datasource-variable.ts';
import { targetJobInstance } from './target-job-instance.ts';
import { templateDatasource } from './template-datasource.ts';
import { templateJobInstance } from './template-job-instance.ts';
import { templateRefresh } from './template-refresh.ts';
import { titleFolderClash } from './title-folder-clash.ts';
import { titleRequired } from './title-required.ts';
import { titleUniqueInFolder } from './title-unique-in-folder.ts';
import { uidFormat } from './uid-format.ts';
import { uidUnique } from './uid-unique.ts';
import { variableUndefined } from './variable-undefined.ts';
import { variableUnused } from './variable-unused.ts';

/**
 * The one rule set: `build` and `lint` both run it (one engine, two front doors).
 * One import per rule file; keep the lists sorted by rule id.
 */
export const allRules: RuleSet = {
  dashboard: [
    angularPanel,
    dashboardEditable,
    datasourceRef,
    datasourceString,
    gridBounds,
    gridOverlap,
    importPlaceholders,
    labelUnknown,
    libraryPanel,
    metricUnknown,
    panelDescription,
    panelDuplicate,
    panelIdUnique,
    panelTargets,
    panelTitle,
    panelUnits,
    promqlCounterRate,
    promqlHistogramQuantileLe,
    promqlRateInterval,
    promqlRateOnGauge,
    promqlSyntax,
    repeatVariable,
    rowsLegacy,
    schemaRule,
    schemaVersionOld,
    targetDatasourceVariable,
    targetJobInstance,
    templateDatasource,
    templateJobInstance,
    templateRefresh,
    titleRequired,
    uidFormat,
    variableUndefined,
    variableUnused,
  ],
  tree: [titleFolderClash, titleUniqueInFolder, uidUnique],
};
