import type { JsonValue } from '../model/json.ts';
import { MAX_JSON_DEPTH } from '../validate/json-depth.ts';

/** Largest dashboard file lint reads: the biggest real dashboards are a few MB; Grafana's own API limit is lower. */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

export type ParsedSource =
  | { readonly ok: true; readonly value: JsonValue }
  | {
      readonly ok: false;
      readonly message: string;
      readonly rule?: 'json-too-large' | 'json-too-deep';
      readonly fix?: string;
    };

/** Parses a file's text as JSON; a failure names the line and column instead of throwing. */
export function parseJsonSource(text: string): ParsedSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > MAX_JSON_BYTES) return tooLarge(body.length);
  if (body.trim() === '') return { ok: false, message: 'file is empty; Grafana logs a parse error and skips it' };
  const deep = deepestOffset(body, MAX_JSON_DEPTH);
  if (deep !== undefined) {
    return {
      ok: false,
      rule: 'json-too-deep',
      message: `objects and arrays nest more than ${MAX_JSON_DEPTH} levels deep at ${lineColumn(body, deep)}; no Grafana dashboard does, so the file was not checked`,
      fix: 'remove the deeply nested value (it is generated or corrupt data)',
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) as JsonValue };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(raw);
    const where = pos ? ` at ${lineColumn(body, Number(pos[1]))}` : '';
    const reason = raw
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    return {
      ok: false,
      message: `file is not valid JSON${where}: ${reason}; Grafana logs "failed to load dashboard" and skips it`,
    };
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** A file larger than lint reads (`bytes` as found on disk or in memory). */
export function tooLarge(bytes: number): ParsedSource {
  return {
    ok: false,
    rule: 'json-too-large',
    message: `file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; lint reads dashboard files up to ${MAX_JSON_BYTES / 1024 / 1024} MiB`,
    fix: 'check that this is a dashboard; real dashboards are far smaller (split it, or remove embedded data)',
  };
}

/** Offset of the first `[` or `{` opening level `limit + 1`, outside strings; one linear pass, no recursion. */
function deepestOffset(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
