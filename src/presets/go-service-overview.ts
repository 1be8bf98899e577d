import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { text } from '../i18n/locale.ts';
import { checkLocale } from '../panels/check-options.ts';
import { availability, availabilityRatio } from '../panels/availability.ts';
import { cpu } from '../panels/cpu.ts';
import { errorRate } from '../panels/error-rate.ts';
import { gcFrequency, gcPause } from '../panels/gc.ts';
import { fdHeatmap } from '../panels/fd-heatmap.ts';
import { goroutineHeatmap } from '../panels/goroutine-heatmap.ts';
import { goroutines } from '../panels/goroutines.ts';
import { fdUsage, handleLeak } from '../panels/handles.ts';
import { inFlightRequests } from '../panels/in-flight.ts';
import { KPI_KINDS, kpiStat } from '../panels/kpi-stat.ts';
import { latency } from '../panels/latency.ts';
import { memory } from '../panels/memory.ts';
import { moduleErrors } from '../panels/module-errors.ts';
import { requestRate } from '../panels/request-rate.ts';
import { routeMatrixTable } from '../panels/route-matrix.ts';
import { presetBase } from './dashboard-base.ts';
import type { PresetOptions } from './preset-options.ts';

/**
 * The review dashboard: KPI cards, then availability, traffic, errors and latency, then leaks and resources
 * (goroutines and file descriptors, each as a time series with its growth line beside a per-instance heatmap, memory, GC,
 * CPU, in-flight when the convention has the gauge), then the route matrix.
 */
export function goServiceOverview(options: PresetOptions): dashboard.DashboardBuilder {
  const locale = checkLocale('goServiceOverview()', options.locale);
  const { builder, panel } = presetBase(options, text(locale, 'dashboard.overview'), { from: 'now-1h', to: 'now' });
  builder.refresh('1m');

  builder.withRow(new dashboard.RowBuilder(text(locale, 'row.kpis')));
  for (const kpi of KPI_KINDS) builder.withPanel(kpiStat({ ...panel, kpi }));

  builder.withRow(new dashboard.RowBuilder(text(locale, 'row.traffic')));
  builder
    .withPanel(availabilityRatio({ ...panel, height: 6 }))
    .withPanel(availability({ ...panel, span: 18, height: 6 }))
    .withPanel(requestRate(panel))
    .withPanel(errorRate(panel))
    .withPanel(latency(panel))
    .withPanel(moduleErrors(panel));

  builder.withRow(new dashboard.RowBuilder(text(locale, 'row.leaks')));
  builder
    .withPanel(goroutines(panel))
    .withPanel(goroutineHeatmap(panel))
    .withPanel(handleLeak(panel))
    .withPanel(fdHeatmap(panel))
    .withPanel(memory({ ...panel, span: 18 }))
    .withPanel(fdUsage(panel))
    .withPanel(gcFrequency(panel))
    .withPanel(gcPause(panel));
  if (options.convention.capabilities.inFlight) {
    builder.withPanel(cpu(panel)).withPanel(inFlightRequests(panel));
  } else {
    builder.withPanel(cpu({ ...panel, span: 24 }));
  }

  builder.withRow(new dashboard.RowBuilder(text(locale, 'row.routes')));
  builder.withPanel(routeMatrixTable(panel));
  return builder;
}
