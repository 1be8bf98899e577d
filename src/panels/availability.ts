import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as StateTimelineBuilder } from '@grafana/grafana-foundation-sdk/statetimeline';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { availabilityRatio as availabilityRatioQuery, upByInstance } from '../queries/availability.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { promTarget } from './targets.ts';
import { lowerIsWorse, thresholdSteps } from './thresholds.ts';
import { AVAILABILITY_THRESHOLDS } from './house-thresholds.ts';

export type AvailabilityOptions = PanelOptions;

/** `up` per instance as a state timeline: green UP, red DOWN. Span @default 12 */
export function availability(options: AvailabilityOptions): StateTimelineBuilder {
  const panel = resolvePanel(options, {
    titleKey: 'availability.title',
    descriptionKey: 'availability.description',
    span: 12,
  });
  return new StateTimelineBuilder()
    .title(panel.title)
    .description(panel.description)
    .unit(units.Short)
    .min(0)
    .max(1)
    .thresholds(
      thresholdSteps([
        { from: null, color: 'red' },
        { from: 1, color: 'green' },
      ]),
    )
    .colorScheme(new dashboard.FieldColorBuilder().mode(dashboard.FieldColorModeId.Thresholds))
    .mappings([
      {
        type: dashboard.MappingType.ValueToText,
        options: {
          '0': { text: panel.t('availability.down'), color: 'red', index: 0 },
          '1': { text: panel.t('availability.up'), color: 'green', index: 1 },
        },
      },
    ])
    .showValue(common.VisibilityMode.Never)
    .mergeValues(true)
    .span(panel.span)
    .height(panel.height)
    .withTarget(promTarget({ expr: upByInstance(panel.ctx), legend: '{{instance}}' }));
}

export interface AvailabilityRatioOptions extends PanelOptions {
  /** Yellow below this share of successful scrapes. @default 0.999 */
  readonly target?: number;
  /** Red below this share. @default 0.99 */
  readonly bad?: number;
}

/** Availability % over the dashboard's time range (`avg_over_time(up[$__range])`), as a stat. Span @default 6 */
export function availabilityRatio(options: AvailabilityRatioOptions): StatBuilder {
  const { target = AVAILABILITY_THRESHOLDS.target, bad = AVAILABILITY_THRESHOLDS.bad } = options;
  const panel = resolvePanel(options, {
    titleKey: 'availabilityRatio.title',
    descriptionKey: 'availabilityRatio.description',
    span: 6,
  });
  return new StatBuilder()
    .title(panel.title)
    .description(panel.description)
    .unit(units.PercentUnit)
    .decimals(2)
    .min(0)
    .max(1)
    .thresholds(lowerIsWorse(bad, target))
    .colorMode(common.BigValueColorMode.Value)
    .graphMode(common.BigValueGraphMode.None)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .span(panel.span)
    .height(panel.height)
    .withTarget(promTarget({ expr: availabilityRatioQuery(panel.ctx), legend: panel.t('availabilityRatio.title') }));
}
