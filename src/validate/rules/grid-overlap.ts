import { arrayAt, isJsonObject, numberAt, stringAt, type JsonObject } from '../../model/json.ts';
import { pointer } from '../../model/json-pointer.ts';
import { overlapsWithEarlier, type GridPos } from '../../layout/grid-pos.ts';
import type { Finding } from '../../model/diagnostic.ts';
import type { DashboardRule } from '../rule.ts';

/**
 * Overlapping panels are drawn on top of each other until Grafana's gravity moves them, which changes the layout
 * on every load. Top-level panels are compared with each other; the panels of a collapsed row with each other.
 */
export const gridOverlap: DashboardRule = {
  id: 'grid-overlap',
  description: 'panels do not overlap',
  defaultSeverity: 'error',
  check({ dashboard }) {
    const out: Finding[] = [];
    const top = arrayAt(dashboard, 'panels');
    for (const f of overlapsIn(top, (i) => pointer('panels', i))) out.push(f);
    top.forEach((row, i) => {
      if (!isJsonObject(row) || row.type !== 'row') return;
      for (const f of overlapsIn(arrayAt(row, 'panels'), (j) => pointer('panels', i, 'panels', j))) out.push(f);
    });
    return out;
  },
};

function overlapsIn(panels: readonly unknown[], at: (i: number) => string): Finding[] {
  const boxes: Array<{ box: GridPos; index: number; title: string }> = [];
  panels.forEach((p, index) => {
    if (!isJsonObject(p) || !isJsonObject(p.gridPos)) return;
    const box = gridPos(p.gridPos);
    if (box) boxes.push({ box, index, title: stringAt(p, 'title') ?? '(untitled)' });
  });
  return overlapsWithEarlier(boxes.map((b) => b.box)).map(([a, b]) => {
    const first = boxes[a];
    const second = boxes[b]!;
    return {
      pointer: `${at(second.index)}/gridPos`,
      message: first
        ? `panel overlaps panel "${first.title}" (${show(second.box)} vs ${show(first.box)})`
        : `panel overlaps a panel above it (${show(second.box)})`,
      fix: 'move or resize one of them, or drop the explicit gridPos and let panelcraft build place them',
    };
  });
}

function gridPos(pos: JsonObject): GridPos | undefined {
  const x = numberAt(pos, 'x');
  const y = numberAt(pos, 'y');
  const w = numberAt(pos, 'w');
  const h = numberAt(pos, 'h');
  return x === undefined || y === undefined || w === undefined || h === undefined ? undefined : { x, y, w, h };
}

const show = (p: GridPos) => `x=${p.x} y=${p.y} w=${p.w} h=${p.h}`;
