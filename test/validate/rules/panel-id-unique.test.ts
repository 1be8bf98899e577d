import { describe, expect, it } from 'vitest';
import { panelIdUnique } from '../../../src/validate/rules/panel-id-unique.ts';

const check = (panels: unknown[]) =>
  panelIdUnique.check({ file: 'd.ts', dashboard: { title: 't', panels } as never }, { origin: 'lint' });

describe('panel-id-unique', () => {
  it('passes unique ids, nested rows included', () =>
    expect(
      check([
        { id: 1, title: 'a' },
        { id: 2, type: 'row', panels: [{ id: 3, title: 'c' }] },
      ]),
    ).toEqual([]));
  it('fails a duplicate id inside a collapsed row', () =>
    expect(
      check([
        { id: 1, title: 'a' },
        { id: 2, type: 'row', panels: [{ id: 1, title: 'c' }] },
      ]),
    ).toEqual([
      {
        pointer: '/panels/1/panels/0/id',
        message: 'panel id 1 is also used by panel "a"',
        fix: 'remove the explicit `.id(...)` so panelcraft derives one, or pick an unused id',
      },
    ]));
  it('fails a missing id', () =>
    expect(check([{ title: 'a' }])[0]?.message).toBe('panel has no integer id (found null)'));
});
