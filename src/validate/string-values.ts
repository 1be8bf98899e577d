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
 * `skip` prunes subtrees by pointer. Without `skip`, pointers are built only for the strings whose `pointer` is
 * read: rules look at a few of a dashboard's thousands of strings (those with a `$`), so most never need one.
 */
export function stringValues(value: JsonValue, base = '', skip?: (ptr: string) => boolean): StringAt[] {
  if (skip) return eagerStringValues(value, base, skip);
  return lazyStringValues(value, { parent: undefined, token: '', pointer: base }, undefined);
}

/**
 * Like `stringValues`, pruning every subtree held by the key `skippedKey` (e.g. each `datasource`), and keeping only
 * the strings `keep` accepts (all by default): variable-undefined keeps those with a variable reference, a few of the
 * strings of its titles, links and targets, and the others cost no object.
 */
export function stringValuesOutside(
  value: JsonValue,
  base: string,
  skippedKey: string,
  keep?: (text: string) => boolean,
): StringAt[] {
  return lazyStringValues(value, { parent: undefined, token: '', pointer: base }, skippedKey, keep);
}

/** A container's place: its parent and its own escaped token; the pointer is joined once, when first asked for. */
interface Place {
  readonly parent: Place | undefined;
  readonly token: string;
  pointer: string | undefined;
}

function pointerOf(place: Place): string {
  if (place.pointer !== undefined) return place.pointer;
  const pending: Place[] = [];
  let at: Place | undefined = place;
  while (at !== undefined && at.pointer === undefined) {
    pending.push(at);
    at = at.parent;
  }
  let ptr = at?.pointer ?? '';
  for (let i = pending.length - 1; i >= 0; i--) {
    ptr = `${ptr}/${pending[i]!.token}`;
    pending[i]!.pointer = ptr;
  }
  return ptr;
}

class LazyStringAt implements StringAt {
  constructor(
    readonly value: string,
    readonly key: string | number | undefined,
    private readonly container: Place,
  ) {}
  get pointer(): string {
    const at = pointerOf(this.container);
    return this.key === undefined ? at : `${at}/${escapePointerToken(this.key)}`;
  }
}

function lazyStringValues(
  value: JsonValue,
  root: Place,
  skippedKey: string | undefined,
  keep?: (text: string) => boolean,
): StringAt[] {
  const out: StringAt[] = [];
  // As the eager walk, but each entry holds its container's place instead of its own pointer.
  const stack: Array<{ v: JsonValue; key: string | number | undefined; container: Place | undefined }> = [
    { v: value, key: undefined, container: undefined },
  ];
  while (stack.length > 0) {
    const { v, key, container } = stack.pop()!;
    if (typeof v === 'string') {
      if (keep !== undefined && !keep(v)) continue;
      out.push(container === undefined ? new LazyStringAt(v, undefined, root) : new LazyStringAt(v, key, container));
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const place: Place =
      container === undefined ? root : { parent: container, token: escapePointerToken(key!), pointer: undefined };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i]!, key: i, container: place });
    } else if (isJsonObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (k !== skippedKey) stack.push({ v: v[k]!, key: k, container: place });
      }
    }
  }
  return out;
}

function eagerStringValues(value: JsonValue, base: string, skip: (ptr: string) => boolean): StringAt[] {
  const out: StringAt[] = [];
  const stack: Array<{ v: JsonValue; ptr: string; key: string | number | undefined }> = [
    { v: value, ptr: base, key: undefined },
  ];
  while (stack.length > 0) {
    const { v, ptr, key } = stack.pop()!;
    if (skip(ptr)) continue;
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
