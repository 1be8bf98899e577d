/**
 * The house thresholds: one home for the numbers that colour the panels and the weekly report alike, so a value
 * that is red on the dashboard is red in the report.
 */

/** Availability (share of successful scrapes): red below `bad`, yellow below `target`, green from `target`. */
export const AVAILABILITY_THRESHOLDS = { bad: 0.99, target: 0.999 } as const;

/** Share of requests answered with 5xx: yellow from `warn`, red from `bad`. */
export const ERROR_RATIO_THRESHOLDS = { warn: 0.005, bad: 0.01 } as const;

/** Latency SLO line in seconds: a P95 above it is red. */
export const LATENCY_SLO_SECONDS = 0.8;

/** Goroutines per instance. */
export const GOROUTINE_THRESHOLDS = { warn: 1000, bad: 10_000 } as const;

/** Open file descriptors per instance. */
export const OPEN_FDS_THRESHOLDS = { warn: 5000, bad: 50_000 } as const;

/** Resident memory per instance, bytes. */
export const MEMORY_THRESHOLDS = { warn: 1024 ** 3, bad: 2 * 1024 ** 3 } as const;

/** Share of the error budget left (report only): yellow below `warn`, red when spent. */
export const ERROR_BUDGET_THRESHOLDS = { warn: 0.25, bad: 0 } as const;
