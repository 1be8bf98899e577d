import { isJsonObject, type JsonValue } from '../model/json.ts';
import { escapePointerToken } from '../model/json-pointer.ts';

/** A string somewhere inside a JSON value, with its pointer and the key holding it. */
export interface StringAt {
  readonly value: string;
  readonly pointer: string;
  readonly key: string | number | undefined;
}

/**
 * Every string inside `value` (depth-first, document order). `base` is the pointer of `value`;
 * `skip` prunes subtrees by pointer.
 */
export function stringValues(value: JsonValue, base = '', skip?: (ptr: string) => boolean): StringAt[] {
  const out: StringAt[] = [];
  const stack: Array<{ v: JsonValue; ptr: string; key: string | number | undefined }> = [
    { v: value, ptr: base, key: undefined },
  ];
  while (stack.length > 0) {
    const { v, ptr, key } = stack.pop()!;
    if (skip?.(ptr)) continue;
    if (typeof v === 'string') out.push({ value: v, pointer: ptr, key });
    else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i]!, ptr: `${ptr}/${i}`, key: i });
    } else if (isJsonObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push({ v: v[k]!, ptr: `${ptr}/${escapePointerToken(k)}`, key: k });
      }
    }
  }
  return out;
}
