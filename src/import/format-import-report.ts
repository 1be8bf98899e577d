import type { ImportEntry } from './plan-imports.ts';

/** Human report: one block per input (where it goes, then its notes, warnings and errors), no summary line. */
export function formatImportReport(entries: readonly ImportEntry[]): string {
  return entries
    .map((entry) => {
      const head = entry.output ? `${entry.output} ← ${entry.source}` : entry.source;
      const lines = entry.findings.map((f) => {
        const label = f.kind === 'note' ? 'note' : `${f.kind}${f.rule ? ` ${f.rule}` : ''}`;
        const where = f.panel !== undefined ? ` panel ${JSON.stringify(f.panel)} (${f.pointer})` : '';
        return `  ${label}:${where} ${f.message}`;
      });
      return `${[head, ...lines].join('\n')}\n`;
    })
    .join('');
}

/** `--json`: every input with its output, uid and findings. */
export function formatImportJson(entries: readonly ImportEntry[], written: boolean): string {
  const ok = entries.every((e) => e.findings.every((f) => f.kind !== 'error'));
  const files = entries.map(({ contents: _contents, ...rest }) => rest);
  return `${JSON.stringify({ ok, written, files }, null, 2)}\n`;
}
