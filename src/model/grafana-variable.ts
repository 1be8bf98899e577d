/**
 * Grafana's template-variable syntax, in one place: `$name`, `[[name]]`, `[[name:format]]`, `${name}`,
 * `${name:format}` and `${name.field.path}` (with an optional `:format` after the path). Names are word characters.
 * The grammar is the one Grafana's frontend interpolates with (`variableRegex` in
 * `public/app/features/variables/utils.ts`), so what this finds is exactly what Grafana would replace.
 */
const SOURCE = String.raw`\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}`;

/** Compiled once; every use sets `lastIndex` first and runs to completion without calling out. */
const ALL = new RegExp(SOURCE, 'g');
const AT = new RegExp(SOURCE, 'y');

/** One variable reference in a string. */
export interface VariableReference {
  /** The variable's name, without `$`, brackets, field path or format. */
  readonly name: string;
  /** The reference as written, e.g. `${job:regex}`. */
  readonly text: string;
  /** Offset of the reference in the string. */
  readonly index: number;
  /** The explicit format (`regex` in `${job:regex}`), if any. */
  readonly format?: string;
  /** The field path (`labels.job` in `${__field.labels.job}`), if any. */
  readonly fieldPath?: string;
}

function toReference(m: RegExpExecArray): VariableReference {
  const name = (m[1] ?? m[2] ?? m[4])!;
  const format = m[3] ?? m[6];
  const fieldPath = m[5];
  return {
    name,
    text: m[0],
    index: m.index,
    ...(format !== undefined ? { format } : {}),
    ...(fieldPath !== undefined ? { fieldPath } : {}),
  };
}

/** Every variable reference in `text`, in order (built-ins and digit-only names included; callers decide). */
export function variableReferences(text: string): VariableReference[] {
  if (!text.includes('$') && !text.includes('[[')) return [];
  const re = ALL;
  re.lastIndex = 0;
  const out: VariableReference[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(toReference(m));
  return out;
}

/** The reference that starts exactly at `index`, or `undefined`. */
export function variableReferenceAt(text: string, index: number): VariableReference | undefined {
  const re = AT;
  re.lastIndex = index;
  const m = re.exec(text);
  return m ? toReference(m) : undefined;
}

/** The reference when `text` is one reference and nothing else (`${ds}`, `$ds`, `[[ds]]`), else `undefined`. */
export function wholeVariableReference(text: string): VariableReference | undefined {
  const ref = variableReferenceAt(text, 0);
  return ref && ref.text.length === text.length ? ref : undefined;
}

/** `text` with each reference replaced by what `replace` returns for it. */
export function replaceVariableReferences(text: string, replace: (ref: VariableReference) => string): string {
  const refs = variableReferences(text);
  if (refs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += text.slice(at, ref.index) + replace(ref);
    at = ref.index + ref.text.length;
  }
  return out + text.slice(at);
}
