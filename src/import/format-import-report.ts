import type { Diagnostic } from '../model/diagnostic.ts';
import type { PanelOutcome } from './migrations/upgrade-panels.ts';
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

/** The warnings and errors of an import as diagnostics (notes are clean-ups, not findings), for `--json`. */
export function importDiagnostics(entries: readonly ImportEntry[]): Diagnostic[] {
  return entries.flatMap((e) =>
    e.findings.flatMap((f) =>
      f.kind === 'note'
        ? []
        : [
            {
              rule: f.rule ?? 'import',
              severity: f.kind,
              file: e.source,
              ...(f.panel !== undefined ? { panel: f.panel } : {}),
              pointer: f.pointer,
              message: f.message,
            },
          ],
    ),
  );
}

/** One panel's outcome without its JSON, for `--json`: where, what, and for an upgrade which types and what did not come along. */
export function panelSummary(outcome: PanelOutcome): Record<string, unknown> {
  const { kind, pointer, title } = outcome;
  if (outcome.kind === 'upgraded') {
    return {
      kind,
      pointer,
      title,
      from: outcome.upgrade.from,
      to: outcome.upgrade.to,
      notCarriedOver: outcome.upgrade.lost,
    };
  }
  if (outcome.kind === 'not-upgradable') return { kind, pointer, title, type: outcome.type, reason: outcome.reason };
  return { kind, pointer, title, type: outcome.type };
}
