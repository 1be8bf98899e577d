import type { ErrorObject } from 'ajv';

/**
 * Turns ajv's `allErrors` output into the errors a person should read.
 *
 * ajv reports a failed `anyOf` as every error of every member, then the `anyOf` error itself. Discriminated
 * unions never get here (the generator turns them into if/then on `type`, see scripts/schema/relax.ts); what is
 * left are unions of plain types (`string | string[]`, `"utc" | "browser" | string`). For each, errors deeper
 * than the union's location win (some member accepted the value's type, so they are the real ones); otherwise
 * the member errors become one error that names every allowed type and constant.
 * `if` errors (from `if`/`then`/`else`) only repeat the errors of their branch and are dropped.
 */
export function collapseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let pending: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      pending.push(error);
      continue;
    }
    const inside = (e: ErrorObject) =>
      e.instancePath === error.instancePath || e.instancePath.startsWith(`${error.instancePath}/`);
    const members = pending.filter(inside);
    pending = [...pending.filter((e) => !inside(e)), ...collapseUnion(error, members)];
  }
  return dedupe(pending);
}

function collapseUnion(union: ErrorObject, members: readonly ErrorObject[]): ErrorObject[] {
  const onValue = members.filter(
    (e) => e.instancePath === union.instancePath && ['type', 'const', 'enum'].includes(e.keyword),
  );
  const deeper = members.filter((e) => !onValue.includes(e));
  if (deeper.length > 0 || onValue.length === 0) return deeper;
  return [typeOrEnumError(union.instancePath, union.schemaPath, onValue)];
}

function allowedOf(e: ErrorObject): unknown[] {
  const params = e.params as { allowedValue?: unknown; allowedValues?: unknown[] };
  if (e.keyword === 'const') return [params.allowedValue];
  if (e.keyword === 'enum') return params.allowedValues ?? [];
  return [];
}

/** One error for a value no member accepts: `type` with every allowed type, plus allowed constants. */
function typeOrEnumError(instancePath: string, schemaPath: string, errors: readonly ErrorObject[]): ErrorObject {
  const types = unique(
    errors
      .filter((e) => e.keyword === 'type')
      .flatMap((e) => String((e.params as { type: string | string[] }).type).split(',')),
  );
  const allowedValues = unique(errors.flatMap(allowedOf));
  if (types.length === 0) return { keyword: 'enum', instancePath, schemaPath, params: { allowedValues } };
  return { keyword: 'type', instancePath, schemaPath, params: { type: types.join(','), allowedValues } };
}

function unique<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Members often share a property; the same complaint about the same value is reported once. */
function dedupe(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
