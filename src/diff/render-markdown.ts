import { countKinds, dashboardCountsLine, formatCounts, reportHeadline } from './change-counts.ts';
import type {
  DashboardChange,
  DiffReport,
  PanelChange,
  QueryChange,
  ValueChange,
  VariableChange,
} from './diff-report.ts';
import { formatChange } from './format-value.ts';
import { htmlText, mdCode, mdCodeBlock, mdText } from './markdown-escape.ts';
import { formatBox } from './panel-entry.ts';
import { rulesMarkdown } from './render-rules.ts';

export interface MarkdownOptions {
  /** The git ref compared against, named in the heading. */
  readonly base?: string;
  /** File name of the layout picture of a changed dashboard, when pictures are written. */
  readonly pictureFile?: (change: DashboardChange) => string | undefined;
  /** Stop adding dashboard details past this many characters (a PR comment holds 65 536). @default 60000 */
  readonly maxChars?: number;
}

/** Caps that keep a large change readable. */
const MAX_TABLE_DASHBOARDS = 100;
const MAX_PANELS = 40;
const MAX_ROWS = 30;
const MAX_VARIABLES = 20;

/** Markdown for a GitHub job summary or PR comment: a summary table, then a `<details>` per dashboard. */
export function renderMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? 60_000;
  const heading = `### Dashboard diff${options.base === undefined ? '' : ` against ${mdCode(options.base)}`}`;
  const out: string[] = [heading, '', reportHeadline(report)];
  if (report.dashboards.length === 0)
    return `${[...out, ...rulesPart(report, maxChars - out.join('\n').length)].join('\n')}\n`;

  out.push('', '| Dashboard | uid | Change | Panels | Variables | Settings |', '|---|---|---|---|---|---|');
  for (const d of report.dashboards.slice(0, MAX_TABLE_DASHBOARDS)) {
    out.push(
      `| ${mdText(d.title)} | ${mdCode(d.uid ?? d.key)} | ${d.kind} | ${formatCounts(countKinds(d.panels))} | ${formatCounts(countKinds(d.variables))} | ${d.settings.length || '—'} |`,
    );
  }
  more(out, report.dashboards.length - MAX_TABLE_DASHBOARDS, 'dashboards');

  let length = out.join('\n').length;
  let shown = 0;
  for (const d of report.dashboards) {
    const section = dashboardSection(d, options).join('\n');
    if (length + section.length > maxChars) break;
    out.push('', section);
    length += section.length + 1;
    shown++;
  }
  if (shown < report.dashboards.length) {
    out.push(
      '',
      `…and ${report.dashboards.length - shown} more dashboards not detailed here (too long for one comment; use \`--format json\`).`,
    );
  }
  out.push(...rulesPart(report, maxChars - out.join('\n').length));
  return `${out.join('\n')}\n`;
}

/** The rule-file section, when rule files were compared. */
function rulesPart(report: DiffReport, room: number): string[] {
  return report.rules === undefined ? [] : ['', ...rulesMarkdown(report.rules, Math.max(0, room))];
}

function dashboardSection(d: DashboardChange, options: MarkdownOptions): string[] {
  const counts = dashboardCountsLine(d);
  const summary = `<b>${htmlText(d.title)}</b> (<code>${htmlText(d.uid ?? d.key)}</code>): ${d.kind}${counts ? ` — ${htmlText(counts)}` : ''}`;
  const out = ['<details>', `<summary>${summary}</summary>`, '', `File: ${mdCode(d.file)}`];
  const picture = options.pictureFile?.(d);
  if (picture !== undefined) out.push('', `Layout picture: ${mdCode(picture)}`);
  if (d.settings.length) out.push('', '**Settings**', '', ...changeTable('Setting', d.settings));
  if (d.variables.length) out.push('', '**Variables**', '', ...variableLines(d.variables));
  if (d.panels.length) {
    out.push('', '**Panels**');
    for (const p of d.panels.slice(0, MAX_PANELS)) out.push('', ...panelLines(p));
    more(out, d.panels.length - MAX_PANELS, 'panels');
  }
  out.push('', '</details>');
  return out;
}

function changeTable(first: string, changes: readonly ValueChange[]): string[] {
  const out = [`| ${first} | Before | After |`, '|---|---|---|'];
  for (const c of changes.slice(0, MAX_ROWS)) {
    const { before, after } = formatChange(c);
    out.push(`| ${mdText(c.field)} | ${mdCode(before)} | ${mdCode(after)} |`);
  }
  more(out, changes.length - MAX_ROWS, 'fields');
  return out;
}

function variableLines(variables: readonly VariableChange[]): string[] {
  const out: string[] = [];
  for (const v of variables.slice(0, MAX_VARIABLES)) {
    const head = `- ${marker(v.kind)} ${v.kind} ${mdCode(`$${v.name}`)}${v.type ? ` (${mdText(v.type)})` : ''}`;
    out.push(head);
    for (const c of v.changes.slice(0, MAX_ROWS)) {
      const { before, after } = formatChange(c);
      out.push(`  - ${mdText(c.field)}: ${mdCode(before)} → ${mdCode(after)}`);
    }
    if (v.changes.length > MAX_ROWS) out.push(`  - …and ${v.changes.length - MAX_ROWS} more fields`);
  }
  more(out, variables.length - MAX_VARIABLES, 'variables');
  return out;
}

function panelLines(p: PanelChange): string[] {
  const type = p.type ? ` (${mdText(p.type)})` : '';
  if (p.kind === 'added') return [`${marker('added')} added **${mdText(p.title)}**${type} at ${formatBox(p.gridPos)}`];
  if (p.kind === 'removed')
    return [`${marker('removed')} removed **${mdText(p.title)}**${type} from ${formatBox(p.gridPos)}`];
  const name =
    p.previousTitle === undefined
      ? `**${mdText(p.title)}**`
      : `**${mdText(p.previousTitle)}** → **${mdText(p.title)}** (renamed)`;
  const out = [`${marker('changed')} changed ${name}${type}`];
  const rows: ValueChange[] = [...p.changes];
  for (const q of p.queries) {
    if (q.kind !== 'changed') continue;
    for (const c of q.changes) if (c.field !== 'expr') rows.push({ ...c, field: `query ${q.refId} ${c.field}` });
  }
  if (rows.length) out.push('', ...changeTable('Field', rows));
  for (const q of p.queries) out.push(...queryBlocks(q));
  return out;
}

function queryBlocks(q: QueryChange): string[] {
  const label = `Query ${mdCode(q.refId)}`;
  if (q.kind === 'added') return ['', `${label} added:`, '', mdCodeBlock('promql', q.after?.expr ?? '')];
  if (q.kind === 'removed') return ['', `${label} removed:`, '', mdCodeBlock('promql', q.before?.expr ?? '')];
  if (!q.changes.some((c) => c.field === 'expr')) return [];
  return [
    '',
    `${label} before:`,
    '',
    mdCodeBlock('promql', q.before?.expr ?? ''),
    '',
    `${label} after:`,
    '',
    mdCodeBlock('promql', q.after?.expr ?? ''),
  ];
}

/** A textual marker so the report reads without colour. */
export function marker(kind: 'added' | 'removed' | 'changed'): string {
  return kind === 'added' ? '➕' : kind === 'removed' ? '➖' : '✏️';
}

function more(out: string[], hidden: number, what: string): void {
  if (hidden > 0) out.push('', `…and ${hidden} more ${what}`);
}
