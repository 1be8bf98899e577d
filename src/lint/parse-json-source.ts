import type { JsonValue } from '../build/json.ts';

export type ParsedSource = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: string };

/** Parses a file's text as JSON; a failure names the line and column instead of throwing. */
export function parseJsonSource(text: string): ParsedSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: 'file is empty; Grafana logs a parse error and skips it' };
  try {
    return { ok: true, value: JSON.parse(body) as JsonValue };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(raw);
    const where = pos ? ` at ${lineColumn(body, Number(pos[1]))}` : '';
    const reason = raw.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    return { ok: false, message: `file is not valid JSON${where}: ${reason}; Grafana logs "failed to load dashboard" and skips it` };
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
