import * as common from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { routeErrorRatio } from '../queries/errors.ts';
import { hasRouteLatency, routeLatencyQuantile } from '../queries/latency.ts';
import { routeQps } from '../queries/requests.ts';
import type { MessageKey } from '../i18n/locale.ts';
import { percentileLabel } from './latency.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { promTableTarget } from './targets.ts';
import { higherIsWorse, thresholdSteps } from './thresholds.ts';
import { ERROR_RATIO_THRESHOLDS, LATENCY_SLO_SECONDS } from './house-thresholds.ts';

export interface RouteMatrixOptions extends PanelOptions {
  /** P95/P99 cells turn red at this many seconds. @default 0.8 */
  readonly sloSeconds?: number;
  /** Error % cells: yellow from this share. @default 0.005 */
  readonly errorWarn?: number;
  /** Error % cells: red from this share. @default 0.01 */
  readonly errorBad?: number;
}

/** Letter the build's normalization gives the n-th target (A, B, …): table columns are named `Value #<refId>`. */
function valueColumn(index: number): string {
  return `Value #${String.fromCharCode(65 + index)}`;
}

/**
 * A table with one row per route, busiest first: QPS, 5xx share, P95, P99 as instant queries merged on the route
 * label. Conventions without per-route latency (gin) get no percentile columns and a note saying so.
 * The columns rely on the build giving the targets refIds A, B, C, D in order. Span @default 24
 */
export function routeMatrixTable(options: RouteMatrixOptions): TableBuilder {
  const {
    sloSeconds = LATENCY_SLO_SECONDS,
    errorWarn = ERROR_RATIO_THRESHOLDS.warn,
    errorBad = ERROR_RATIO_THRESHOLDS.bad,
  } = options;
  const withLatency = hasRouteLatency(options.convention);
  const panel = resolvePanel(options, {
    titleKey: 'routeMatrix.title',
    descriptionKey: 'routeMatrix.description',
    span: 24,
    height: 10,
    ...(withLatency ? {} : { note: 'routeMatrix.noLatencyNote' as MessageKey }),
  });
  const { ctx, t } = panel;
  const columns: { header: string; expr: string; unit: string; colour?: ReturnType<typeof higherIsWorse> }[] = [
    { header: t('routeMatrix.qps'), expr: routeQps(ctx), unit: units.RequestsPerSecond },
    {
      header: t('routeMatrix.errors'),
      expr: routeErrorRatio(ctx),
      unit: units.PercentUnit,
      colour: higherIsWorse(errorWarn, errorBad),
    },
  ];
  if (withLatency) {
    for (const q of [0.95, 0.99]) {
      columns.push({
        header: percentileLabel(q),
        expr: routeLatencyQuantile(ctx, q),
        unit: units.Seconds,
        colour: thresholdSteps([
          { from: null, color: 'green' },
          { from: sloSeconds, color: 'red' },
        ]),
      });
    }
  }
  const route = ctx.convention.labels.route;
  const renameByName: Record<string, string> = { [route]: t('routeMatrix.route') };
  const indexByName: Record<string, number> = { [route]: 0 };
  columns.forEach((column, i) => {
    renameByName[valueColumn(i)] = column.header;
    indexByName[valueColumn(i)] = i + 1;
  });
  const table = new TableBuilder()
    .title(panel.title)
    .description(panel.description)
    .unit(units.Short)
    .thresholds(thresholdSteps([{ from: null, color: 'green' }]))
    .span(panel.span)
    .height(panel.height)
    .withTransformation({ id: 'merge', options: {} })
    .withTransformation({ id: 'organize', options: { excludeByName: { Time: true }, indexByName, renameByName } })
    .sortBy([new common.TableSortByFieldStateBuilder().displayName(t('routeMatrix.qps')).desc(true)]);
  for (const column of columns) {
    table.withTarget(promTableTarget(column.expr));
    const properties: { id: string; value: unknown }[] = [{ id: 'unit', value: column.unit }];
    if (column.colour) {
      properties.push(
        { id: 'thresholds', value: column.colour.build() },
        { id: 'custom.cellOptions', value: { type: common.TableCellDisplayMode.ColorBackground } },
      );
    }
    table.overrideByName(column.header, properties);
  }
  return table;
}
