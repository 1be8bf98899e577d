import type { DiffReport } from './diff-report.ts';

/** The report data as JSON, 2-space indent, final newline. */
export function renderJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
