import type { JsonValue } from '../model/json.ts';

export interface LiteralOptions {
  /** Spaces per level. @default 2 */
  readonly indent?: number;
  /** A container whose one-line form fits in this many columns (indent included) stays on one line. @default 100 */
  readonly width?: number;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A JSON value as a TypeScript expression that evaluates to an equal value: keys in the value's own order, strings
 * as `JSON.stringify` quotes them (never a template literal, so `${` stays text), small containers on one line.
 * `__proto__` keys are written as computed keys, so they stay own data properties instead of setting the prototype.
 * Pure; `startColumn` is where the expression begins on its first line.
 */
export function typescriptLiteral(value: JsonValue, options: LiteralOptions = {}, level = 0, startColumn = 0): string {
  const step = options.indent ?? 2;
  const width = options.width ?? 100;
  if (value === null || typeof value !== 'object') return scalar(value);
  const entries = Array.isArray(value)
    ? value.map((v) => ['', v] as const)
    : Object.entries(value).map(([k, v]) => [propertyKey(k), v] as const);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const flat = oneLine(value);
  if (flat !== undefined && startColumn + flat.length <= width) return flat;
  const pad = ' '.repeat(step * (level + 1));
  const lines = entries.map(([key, v]) => {
    const head = key === '' ? pad : `${pad}${key}: `;
    return `${head}${typescriptLiteral(v, options, level + 1, head.length)},`;
  });
  return `${open}\n${lines.join('\n')}\n${' '.repeat(step * level)}${close}`;
}

/** The one-line form, or `undefined` when the value nests containers more than two deep. */
function oneLine(value: JsonValue, depth = 0): string | undefined {
  if (value === null || typeof value !== 'object') return scalar(value);
  if (depth > 1) return undefined;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const v of value) {
      const part = oneLine(v, depth + 1);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return parts.length === 0 ? '[]' : `[${parts.join(', ')}]`;
  }
  for (const [k, v] of Object.entries(value)) {
    const part = oneLine(v, depth + 1);
    if (part === undefined) return undefined;
    parts.push(`${propertyKey(k)}: ${part}`);
  }
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

function scalar(value: null | boolean | number | string): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null'; // what JSON.stringify makes of it
  return JSON.stringify(value);
}

/** `title`, `"fieldConfig.defaults"`, `["__proto__"]`. */
export function propertyKey(key: string): string {
  if (key === '__proto__') return '["__proto__"]';
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}
