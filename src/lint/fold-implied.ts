import type { Diagnostic } from '../model/diagnostic.ts';

/** Rule ids whose findings on an old dashboard are consequences of its age, not separate problems. */
const IMPLIED_BY_AGE = new Set(['schema']);
const CAUSE = 'schema-version-old';

/**
 * Explains a cause once: on a file with a `schema-version-old` finding, drops the schema findings its migrations
 * imply and says how many there were in the cause's message. Other files are untouched.
 */
export function foldImplied(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const causeFiles = new Set(diagnostics.filter((d) => d.rule === CAUSE).map((d) => d.file));
  if (causeFiles.size === 0) return [...diagnostics];
  const folded = new Map<string, number>();
  const kept = diagnostics.filter((d) => {
    if (!causeFiles.has(d.file) || !IMPLIED_BY_AGE.has(d.rule)) return true;
    folded.set(d.file, (folded.get(d.file) ?? 0) + 1);
    return false;
  });
  return kept.map((d) => {
    const n = d.rule === CAUSE ? folded.get(d.file) : undefined;
    if (!n) return d;
    return {
      ...d,
      message: `${d.message}. ${n === 1 ? '1 schema finding that follows from the old format is' : `${n} schema findings that follow from the old format are`} not listed; lint again after migrating`,
    };
  });
}
