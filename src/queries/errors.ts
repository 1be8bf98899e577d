import type { QueryContext } from './query-context.ts';
import { rate, sumBy } from './vectors.ts';

/** Regex on the status label that selects server errors. */
export const SERVER_ERROR_STATUS = '5..';

function serverErrors(ctx: QueryContext, by: readonly string[]): string {
  const { metrics, labels } = ctx.convention;
  return sumBy(by, rate(ctx, metrics.requests, { [labels.status]: { re: SERVER_ERROR_STATUS } }));
}

/**
 * Share of requests answered with 5xx (0-1). A series with no 5xx yet does not exist, so the ratio falls back to
 * 0 when there is traffic but no error series (`or`), instead of an empty panel.
 */
export function errorRatio(ctx: QueryContext, by: readonly string[] = []): string {
  const total = sumBy(by, rate(ctx, ctx.convention.metrics.requests));
  return `(${serverErrors(ctx, by)} / ${total}) or (${total} * 0)`;
}

/** 5xx ratio per route. */
export function routeErrorRatio(ctx: QueryContext): string {
  return errorRatio(ctx, [ctx.convention.labels.route]);
}
