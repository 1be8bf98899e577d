import { isJsonObject, type JsonObject, type JsonValue } from './json.ts';

/** Escapes one reference token (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/** Builds a pointer from tokens: `pointer('panels', 3, 'gridPos')` → `/panels/3/gridPos`. */
export function pointer(...tokens: Array<string | number>): string {
  let out = '';
  for (const t of tokens) out += `/${escapePointerToken(t)}`;
  return out;
}

export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a pointer, or `undefined`. */
export function resolvePointer(doc: JsonValue, ptr: string): JsonValue | undefined {
  let current: JsonValue | undefined = doc;
  for (const token of parsePointer(ptr)) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isJsonObject(current)) current = current[token];
    else return undefined;
  }
  return current;
}

/**
 * Title of the innermost panel a pointer lands in (`/panels/2/panels/0/targets/1` → the nested panel),
 * or `undefined` when the pointer is outside `panels`.
 */
export function panelTitleAt(dashboard: JsonObject, ptr: string): string | undefined {
  const tokens = parsePointer(ptr);
  let node: JsonValue | undefined = dashboard;
  let title: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (!isJsonObject(node)) break;
    const key = tokens[i]!;
    const next: JsonValue | undefined = node[key];
    if (key === 'panels' && Array.isArray(next) && i + 1 < tokens.length) {
      const panel: JsonValue | undefined = next[Number(tokens[i + 1])];
      if (!isJsonObject(panel)) break;
      title =
        typeof panel.title === 'string' && panel.title !== ''
          ? panel.title
          : `(untitled ${String(panel.type ?? 'panel')})`;
      node = panel;
      i++;
      continue;
    }
    node = next;
  }
  return title;
}
