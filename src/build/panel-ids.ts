import { fnv1a32 } from '../model/stable-uid.ts';

/** Derived panel ids live in 1..ID_SPACE: short enough for `viewPanel=` links, wide enough to rarely collide. */
const ID_SPACE = 99_999;

export interface PanelIdInput {
  readonly id?: unknown;
  readonly title?: unknown;
  readonly type?: unknown;
}

/**
 * Stable panel ids for one dashboard, in document order. An explicit positive integer id is kept when no earlier
 * panel has it. Every other panel gets an id derived from its title (or type and position when untitled), so
 * inserting or moving a panel does not renumber the others and links to `viewPanel=<id>` keep working.
 * Collisions probe forward deterministically. Depends on nothing outside the dashboard.
 */
export function assignPanelIds(panels: readonly PanelIdInput[]): number[] {
  const used = new Set<number>();
  const ids: Array<number | undefined> = panels.map((p) => {
    const id = p.id;
    if (typeof id === 'number' && Number.isInteger(id) && id > 0 && !used.has(id)) {
      used.add(id);
      return id;
    }
    return undefined;
  });
  const seen = new Map<string, number>();
  return panels.map((p, i) => {
    const fixed = ids[i];
    if (fixed !== undefined) return fixed;
    const base =
      typeof p.title === 'string' && p.title !== '' ? `title:${p.title}` : `type:${String(p.type ?? 'panel')}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    let id = (fnv1a32(`${base}#${occurrence}`) % ID_SPACE) + 1;
    while (used.has(id)) id = (id % ID_SPACE) + 1;
    used.add(id);
    return id;
  });
}
