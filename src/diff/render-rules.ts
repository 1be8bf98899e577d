import { countKinds } from './change-counts.ts';
import type { RuleChange, ValueChange } from './diff-report.ts';
import { formatChange } from './format-value.ts';
import { htmlText, mdCode, mdCodeBlock, mdText } from './markdown-escape.ts';

/** Caps that keep a large rule change readable. */
const MAX_TABLE_RULES = 100;
const MAX_DETAILED_RULES = 40;
const MAX_ROWS = 30;

const SIGN = { added: '+', removed: '-', changed: '~' } as const;
const MARKER = { added: '➕', removed: '➖', changed: '✏️' } as const;

/** `3 rules differ: 1 added, 2 changed.`, or that none do. */
export function rulesHeadline(rules: readonly RuleChange[]): string {
  if (rules.length === 0) return 'No alert or recording rule changes.';
  const c = countKinds(rules);
  const parts = [
    c.added ? `${c.added} added` : '',
    c.removed ? `${c.removed} removed` : '',
    c.changed ? `${c.changed} changed` : '',
  ].filter(Boolean);
  return `${rules.length} rule${rules.length === 1 ? ' differs' : 's differ'}: ${parts.join(', ')}.`;
}

/** How a rule is named in every renderer: `alert GoServiceHighErrorRatio (critical)`. */
function ruleTitle(r: RuleChange): string {
  return `${r.ruleKind} ${r.name}${r.severity === undefined ? '' : ` (${r.severity})`}`;
}

/** The fields that changed, for the summary table: `thresholds, for, labels.team`. */
function fieldList(r: RuleChange): string {
  if (r.kind !== 'changed') return '—';
  return r.changes.map((c) => c.field).join(', ');
}

/** Markdown section for rule files: a summary table, then per changed rule its fields and expressions. */
export function rulesMarkdown(rules: readonly RuleChange[], maxChars: number): string[] {
  const out = ['#### Alert and recording rules', '', rulesHeadline(rules)];
  if (rules.length === 0) return out;
  out.push('', '| Rule | Group | File | Change | Fields |', '|---|---|---|---|---|');
  for (const r of rules.slice(0, MAX_TABLE_RULES)) {
    out.push(
      `| ${mdText(ruleTitle(r))} | ${mdCode(r.group)} | ${mdCode(r.file)} | ${r.kind} | ${mdText(fieldList(r))} |`,
    );
  }
  if (rules.length > MAX_TABLE_RULES) out.push('', `…and ${rules.length - MAX_TABLE_RULES} more rules`);
  let length = out.join('\n').length;
  let shown = 0;
  for (const r of rules.slice(0, MAX_DETAILED_RULES)) {
    const section = ruleSection(r).join('\n');
    if (length + section.length > maxChars) break;
    out.push('', section);
    length += section.length + 1;
    shown++;
  }
  if (shown < rules.length)
    out.push('', `…and ${rules.length - shown} more rules not detailed here (use \`--format json\`).`);
  return out;
}

function ruleSection(r: RuleChange): string[] {
  const summary = `${MARKER[r.kind]} <b>${htmlText(ruleTitle(r))}</b> in <code>${htmlText(r.group)}</code>: ${r.kind}`;
  const out = ['<details>', `<summary>${summary}</summary>`, '', `File: ${mdCode(r.file)}`];
  if (r.kind !== 'changed') {
    const side = r.kind === 'added' ? r.after : r.before;
    const facts: ValueChange[] = [];
    if (side?.thresholds?.length) facts.push({ field: 'thresholds', after: side.thresholds.join(', ') });
    if (side?.for !== undefined) facts.push({ field: 'for', after: side.for });
    if (side?.interval !== undefined) facts.push({ field: 'interval', after: side.interval });
    for (const f of facts) out.push('', `${mdText(f.field)}: ${mdCode(String(f.after))}`);
    out.push('', 'Expression:', '', mdCodeBlock('promql', side?.expr ?? ''));
  } else {
    const rows = r.changes.filter((c) => c.field !== 'expr');
    if (rows.length) {
      out.push('', '| Field | Before | After |', '|---|---|---|');
      for (const c of rows.slice(0, MAX_ROWS)) {
        const { before, after } = formatChange(c);
        out.push(`| ${mdText(c.field)} | ${mdCode(before)} | ${mdCode(after)} |`);
      }
      if (rows.length > MAX_ROWS) out.push('', `…and ${rows.length - MAX_ROWS} more fields`);
    }
    if (r.changes.some((c) => c.field === 'expr')) {
      out.push(
        '',
        'Expression before:',
        '',
        mdCodeBlock('promql', r.before?.expr ?? ''),
        '',
        'Expression after:',
        '',
        mdCodeBlock('promql', r.after?.expr ?? ''),
      );
    }
  }
  out.push('', '</details>');
  return out;
}

/** Plain text lines for rule files: one line per rule, its changed fields indented below. */
export function rulesText(rules: readonly RuleChange[]): string[] {
  const out = [rulesHeadline(rules)];
  for (const r of rules) {
    out.push('', `${SIGN[r.kind]} ${ruleTitle(r)} [${r.group}] ${r.kind}  ${r.file}`);
    if (r.kind === 'changed') {
      for (const c of r.changes) {
        // Expressions in full, one per line: the whole point of reviewing a rule change.
        if (c.field === 'expr') {
          out.push(`    expr before: ${r.before?.expr ?? ''}`, `    expr after:  ${r.after?.expr ?? ''}`);
          continue;
        }
        const { before, after } = formatChange(c);
        out.push(`    ${c.field}: ${before} → ${after}`);
      }
    } else {
      const side = r.kind === 'added' ? r.after : r.before;
      if (side?.thresholds?.length) out.push(`    thresholds: ${side.thresholds.join(', ')}`);
      if (side?.for !== undefined) out.push(`    for: ${side.for}`);
      out.push(`    expr: ${side?.expr ?? ''}`);
    }
  }
  return out;
}
