import { arrayAt, isJsonObject, stringAt, type JsonObject } from '../model/json.ts';
import type { QueryChange, QuerySnapshot, ValueChange } from './diff-report.ts';
import { compareField, compareRemainingKeys } from './value-change.ts';

/** Target keys shown as their own fields; everything else is compared by key. */
const SHOWN = new Set(['refId', 'expr', 'legendFormat', 'instant', 'range', 'hide']);

export function querySnapshot(target: JsonObject, index: number): QuerySnapshot {
  const expr = stringAt(target, 'expr');
  const legendFormat = stringAt(target, 'legendFormat');
  return {
    refId: refIdOf(target, index),
    ...(expr === undefined ? {} : { expr }),
    ...(legendFormat === undefined ? {} : { legendFormat }),
    mode: queryMode(target),
    hide: target.hide === true,
  };
}

/** Grafana runs a range query unless `instant` is set without `range`. */
function queryMode(target: JsonObject): string {
  const instant = target.instant === true;
  const range = target.range === true || (!instant && target.range !== false);
  return instant && range ? 'range+instant' : instant ? 'instant' : 'range';
}

function refIdOf(target: JsonObject, index: number): string {
  return stringAt(target, 'refId') ?? `#${index + 1}`;
}

interface Target {
  readonly json: JsonObject;
  readonly index: number;
  readonly refId: string;
}

/** Pairs targets by refId, then by identical expression, then in order; reports what differs. */
export function diffQueries(before: JsonObject, after: JsonObject): QueryChange[] {
  const targets = (panel: JsonObject): Target[] =>
    arrayAt(panel, 'targets').flatMap((t, index) =>
      isJsonObject(t) ? [{ json: t, index, refId: refIdOf(t, index) }] : [],
    );
  const bs = targets(before);
  const as = targets(after);
  const pairs = new Map<Target, Target>(); // after → before
  const used = new Set<Target>();
  const stage = (same: (b: Target, a: Target) => boolean) => {
    for (const a of as) {
      if (pairs.has(a)) continue;
      const b = bs.find((c) => !used.has(c) && same(c, a));
      if (b) {
        pairs.set(a, b);
        used.add(b);
      }
    }
  };
  stage((b, a) => b.refId === a.refId);
  stage((b, a) => stringAt(b.json, 'expr') !== undefined && stringAt(b.json, 'expr') === stringAt(a.json, 'expr'));
  stage(() => true);

  const out: QueryChange[] = [];
  for (const a of as) {
    const b = pairs.get(a);
    const after = querySnapshot(a.json, a.index);
    if (!b) {
      out.push({ kind: 'added', refId: a.refId, after, changes: [] });
      continue;
    }
    const before = querySnapshot(b.json, b.index);
    const changes: ValueChange[] = [];
    compareField(changes, 'refId', before.refId, after.refId);
    compareField(changes, 'expr', before.expr, after.expr);
    compareField(changes, 'legendFormat', before.legendFormat, after.legendFormat);
    compareField(changes, 'mode', before.mode, after.mode);
    compareField(changes, 'hide', before.hide, after.hide);
    compareRemainingKeys(changes, b.json, a.json, SHOWN);
    if (changes.length > 0) out.push({ kind: 'changed', refId: a.refId, before, after, changes });
  }
  for (const b of bs)
    if (!used.has(b))
      out.push({ kind: 'removed', refId: b.refId, before: querySnapshot(b.json, b.index), changes: [] });
  return out;
}
