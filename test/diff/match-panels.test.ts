import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import { diffPanels } from '../../src/diff/diff-dashboards.ts';
import { dashboard, panel } from './fixtures.ts';

const summary = (before: JsonObject[], after: JsonObject[]) =>
  diffPanels(dashboard('u', 'U', before), dashboard('u', 'U', after)).map(
    (p) =>
      `${p.kind} ${p.previousTitle === undefined ? '' : `${p.previousTitle} → `}${p.title}: ${[...p.changes.map((c) => c.field), ...p.queries.map((q) => `query ${q.refId} ${q.kind}`)].join(', ')}`,
  );

describe('panel pairing', () => {
  it('pairs by title when ids change, so renumbering is no change', () => {
    expect(
      summary(
        [panel(1, 'A', 0, 0, ['up']), panel(2, 'B', 12, 0, ['x'])],
        [panel(7, 'B', 12, 0, ['x']), panel(9, 'A', 0, 0, ['up'])],
      ),
    ).toEqual([]);
  });

  it('pairs duplicated titles by occurrence', () => {
    const before = [panel(1, 'Dup', 0, 0, ['a']), panel(2, 'Dup', 12, 0, ['b'])];
    const after = [panel(1, 'Dup', 0, 0, ['a']), panel(2, 'Dup', 12, 0, ['c'])];
    expect(summary(before, after)).toEqual(['changed Dup: query A changed']);
  });

  it('finds a rename by same queries even when the panel also moved', () => {
    expect(summary([panel(1, 'Old', 0, 0, ['up'])], [panel(5, 'New', 0, 8, ['up'])])).toEqual([
      'changed Old → New: description, layout',
    ]);
  });

  it('finds a rename of a query-less panel by type and position', () => {
    const text = (t: string) => ({
      id: 1,
      type: 'text',
      title: t,
      gridPos: { x: 0, y: 0, w: 24, h: 2 },
      options: { content: 'hi' },
    });
    expect(summary([text('Read me')], [text('About')])).toEqual(['changed Read me → About: ']);
  });

  it('does not pair unrelated panels: a replaced panel is removed + added', () => {
    expect(summary([panel(1, 'CPU', 0, 0, ['cpu'])], [panel(1, 'Memory', 12, 0, ['mem'])])).toEqual([
      'added Memory: ',
      'removed CPU: ',
    ]);
  });

  it('prefers id + title over title alone', () => {
    const before = [panel(1, 'Same', 0, 0, ['a']), panel(2, 'Same', 12, 0, ['b'])];
    const after = [panel(2, 'Same', 12, 0, ['b']), panel(1, 'Same', 0, 0, ['a'])];
    expect(summary(before, after)).toEqual([]);
  });

  it('reports query mode, hide and added/removed targets', () => {
    const before = panel(1, 'Q', 0, 0, ['a', 'b']);
    const after = panel(1, 'Q', 0, 0, ['a', 'c', 'd']);
    const targets = after.targets as JsonObject[];
    targets[0]!.instant = true;
    targets[0]!.hide = true;
    const [change] = diffPanels(dashboard('u', 'U', [before]), dashboard('u', 'U', [after]));
    expect(
      change?.queries.map((q) => [
        q.kind,
        q.refId,
        q.changes.map((c) => `${c.field}: ${String(c.before)} → ${String(c.after)}`),
      ]),
    ).toEqual([
      ['changed', 'A', ['mode: range → instant', 'hide: false → true']],
      ['changed', 'B', ['expr: b → c']],
      ['added', 'C', []],
    ]);
  });
});
