import type { ChangeKind, DashboardChange, DiffReport } from './diff-report.ts';

export interface KindCounts {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

export function countKinds(items: readonly { readonly kind: ChangeKind }[]): KindCounts {
  return {
    added: items.filter((i) => i.kind === 'added').length,
    removed: items.filter((i) => i.kind === 'removed').length,
    changed: items.filter((i) => i.kind === 'changed').length,
  };
}

/** `+1 −2 ~3`, leaving out zeros; `—` when nothing. */
export function formatCounts(counts: KindCounts): string {
  const parts = [
    counts.added ? `+${counts.added}` : '',
    counts.removed ? `−${counts.removed}` : '',
    counts.changed ? `~${counts.changed}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : '—';
}

/** One-line summary of a report: `3 dashboards: 1 added, 1 removed, 1 changed`. */
export function reportHeadline(report: DiffReport): string {
  const n = report.dashboards.length;
  if (n === 0) return 'No dashboard changes.';
  const c = countKinds(report.dashboards);
  const parts = [
    c.added ? `${c.added} added` : '',
    c.removed ? `${c.removed} removed` : '',
    c.changed ? `${c.changed} changed` : '',
  ].filter(Boolean);
  return `${n} dashboard${n === 1 ? ' differs' : 's differ'}: ${parts.join(', ')}.`;
}

/** `panels +1 ~2, variables ~1, settings 2` for one dashboard. */
export function dashboardCountsLine(d: DashboardChange): string {
  const parts: string[] = [];
  if (d.panels.length) parts.push(`panels ${formatCounts(countKinds(d.panels))}`);
  if (d.variables.length) parts.push(`variables ${formatCounts(countKinds(d.variables))}`);
  if (d.settings.length) parts.push(`settings ${d.settings.length}`);
  return parts.join(', ');
}
