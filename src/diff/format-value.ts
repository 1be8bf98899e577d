import { isJsonObject, numberAt, type JsonValue } from '../model/json.ts';
import { compactCanonicalJson } from '../model/canonical-json.ts';
import type { ValueChange } from './diff-report.ts';
import { formatBox } from './panel-entry.ts';

/** Longest value shown inline; longer ones are cut with an ellipsis. */
export const MAX_VALUE_CHARS = 120;

/** A short one-line rendering of a field value: strings bare, layouts as `x,y w×h`, the rest as sorted JSON. */
export function formatValue(field: string, value: JsonValue | undefined): string {
  if (value === undefined) return '(none)';
  if (field === 'layout' && isJsonObject(value)) {
    const [x, y, w, h] = ['x', 'y', 'w', 'h'].map((k) => numberAt(value, k));
    if (x !== undefined && y !== undefined && w !== undefined && h !== undefined) return formatBox({ x, y, w, h });
  }
  if (field === 'thresholds' && isJsonObject(value) && Array.isArray(value.steps)) {
    const steps = value.steps.map((s) =>
      isJsonObject(s)
        ? `${s.value === null || s.value === undefined ? 'base' : compactCanonicalJson(s.value)} ${typeof s.color === 'string' ? s.color : '?'}`
        : '?',
    );
    const mode = typeof value.mode === 'string' && value.mode !== 'absolute' ? ` (${value.mode})` : '';
    return truncate(`${steps.join(' · ')}${mode}`, MAX_VALUE_CHARS);
  }
  const text = typeof value === 'string' ? (value === '' ? '""' : value) : compactCanonicalJson(value);
  return truncate(text.replace(/\s*\n\s*/g, ' '), MAX_VALUE_CHARS);
}

/** `before → after` for one change; `added`/`removed` when one side is absent. */
export function formatChange(change: ValueChange): { before: string; after: string } {
  return { before: formatValue(change.field, change.before), after: formatValue(change.field, change.after) };
}

/** Cuts text to `max` code points, ending with `…` when it was longer. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
