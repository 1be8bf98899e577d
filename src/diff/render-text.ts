import { dashboardCountsLine, reportHeadline } from './change-counts.ts';
import type { DiffReport, PanelChange } from './diff-report.ts';
import { formatChange } from './format-value.ts';
import { formatBox } from './panel-entry.ts';
import { rulesText } from './render-rules.ts';

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

/** Plain text for a terminal: one line per change, indented under its dashboard and panel. */
export function renderText(report: DiffReport): string {
  const out: string[] = [reportHeadline(report)];
  for (const d of report.dashboards) {
    const counts = dashboardCountsLine(d);
    out.push('', `${SIGN[d.kind]} ${d.title} [${d.uid ?? d.key}] ${d.kind}${counts ? ` (${counts})` : ''}  ${d.file}`);
    for (const c of d.settings) out.push(`    setting ${c.field}: ${arrow(c)}`);
    for (const v of d.variables) {
      out.push(`  ${SIGN[v.kind]} variable $${v.name}${v.kind === 'changed' ? '' : ` ${v.kind}`}`);
      for (const c of v.changes) out.push(`      ${c.field}: ${arrow(c)}`);
    }
    for (const p of d.panels) out.push(...panelLines(p));
  }
  if (report.rules !== undefined) out.push('', ...rulesText(report.rules));
  return `${out.join('\n')}\n`;
}

function panelLines(p: PanelChange): string[] {
  const type = p.type ? ` (${p.type})` : '';
  if (p.kind !== 'changed')
    return [
      `  ${SIGN[p.kind]} panel "${p.title}"${type} ${p.kind} ${p.kind === 'added' ? 'at' : 'from'} ${formatBox(p.gridPos)}`,
    ];
  const name = p.previousTitle === undefined ? `"${p.title}"` : `"${p.previousTitle}" renamed to "${p.title}"`;
  const out = [`  ~ panel ${name}${type}`];
  for (const c of p.changes) out.push(`      ${c.field}: ${arrow(c)}`);
  for (const q of p.queries) {
    if (q.kind === 'added') out.push(`      + query ${q.refId}: ${q.after?.expr ?? ''}`);
    else if (q.kind === 'removed') out.push(`      - query ${q.refId}: ${q.before?.expr ?? ''}`);
    else for (const c of q.changes) out.push(`      query ${q.refId} ${c.field}: ${arrow(c)}`);
  }
  return out;
}

function arrow(c: Parameters<typeof formatChange>[0]): string {
  const { before, after } = formatChange(c);
  return `${before} → ${after}`;
}
