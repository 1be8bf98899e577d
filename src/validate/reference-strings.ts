import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.ts';
import { escapePointerToken } from '../model/json-pointer.ts';
import type { VariableReference } from '../model/grafana-variable.ts';
import type { StringAt } from './string-values.ts';
import { findVariableRefs } from './variable-refs.ts';

/** A string of a document that refers to template variables, with those references (as `findVariableRefs` finds them). */
export interface ReferenceString {
  readonly string: StringAt;
  readonly refs: readonly VariableReference[];
}

/**
 * Every string inside `value` that holds at least one variable reference, in the order of `stringValues` (depth-first,
 * document order), with the same pointers and keys. A dashboard has thousands of strings and few hold a `$` or `[[`:
 * only those are kept, and the walk allocates per container, not per value.
 */
export function referenceStrings(value: JsonValue): ReferenceString[] {
  const out: ReferenceString[] = [];
  // The path from the root to the container being walked: each container, its keys (objects only), the next
  // index to visit, and the token that leads to it.
  const containers: Array<readonly JsonValue[] | JsonObject> = [];
  const keys: Array<readonly string[] | undefined> = [];
  const next: number[] = [];
  const tokens: Array<string | number> = [];
  const visit = (v: JsonValue, key: string | number | undefined): void => {
    if (typeof v === 'string') {
      const refs = findVariableRefs(v);
      if (refs.length > 0) out.push({ string: { value: v, pointer: pointerTo(tokens, key), key }, refs });
    } else if (Array.isArray(v)) {
      containers.push(v);
      keys.push(undefined);
      next.push(0);
      if (key !== undefined) tokens.push(key);
    } else if (isJsonObject(v)) {
      containers.push(v);
      keys.push(Object.keys(v));
      next.push(0);
      if (key !== undefined) tokens.push(key);
    }
  };
  visit(value, undefined);
  while (containers.length > 0) {
    const top = containers.length - 1;
    const container = containers[top]!;
    const own = keys[top];
    const i = next[top]!;
    const size = own === undefined ? (container as readonly JsonValue[]).length : own.length;
    if (i >= size) {
      containers.pop();
      keys.pop();
      next.pop();
      if (top > 0) tokens.pop(); // the root container has no token
      continue;
    }
    next[top] = i + 1;
    if (own === undefined) visit((container as readonly JsonValue[])[i]!, i);
    else visit((container as JsonObject)[own[i]!]!, own[i]!);
  }
  return out;
}

function pointerTo(tokens: readonly (string | number)[], key: string | number | undefined): string {
  let ptr = '';
  for (const t of tokens) ptr += `/${escapePointerToken(t)}`;
  return key === undefined ? ptr : `${ptr}/${escapePointerToken(key)}`;
}
