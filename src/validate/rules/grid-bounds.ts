import { isJsonObject } from '../../model/json.ts';
import { GRID_COLUMNS } from '../../layout/grid-pos.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** Every panel sits inside Grafana's 24-column grid with integer, positive sizes. */
export const gridBounds: DashboardRule = {
  id: 'grid-bounds',
  description: 'gridPos is inside the 24-column grid',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const out: Finding[] = [];
    for (const { panel, pointer } of analysisFor(doc, settings, analysis).panels) {
      const pos = panel.gridPos;
      if (!isJsonObject(pos)) {
        out.push({
          pointer,
          message: 'panel has no gridPos; Grafana stacks it at the top left over other panels',
          fix: 'set `.span(n)` and `.height(h)`, or let panelcraft build place it',
        });
        continue;
      }
      const { x, y, w, h } = pos;
      const ints = { x, y, w, h };
      const bad = Object.entries(ints).filter(([, v]) => typeof v !== 'number' || !Number.isInteger(v));
      if (bad.length > 0) {
        out.push({
          pointer: `${pointer}/gridPos`,
          message: `gridPos ${bad.map(([k, v]) => `${k}=${JSON.stringify(v ?? null)}`).join(', ')} must be integers`,
          fix: 'use whole numbers of grid units for x, y, w and h',
        });
        continue;
      }
      const [nx, ny, nw, nh] = [x, y, w, h] as number[];
      if (nw! < 1 || nw! > GRID_COLUMNS)
        out.push({
          pointer: `${pointer}/gridPos/w`,
          message: `width ${nw} is outside 1–${GRID_COLUMNS}`,
          fix: `use \`.span(n)\` with n between 1 and ${GRID_COLUMNS}`,
        });
      else if (nx! < 0 || nx! + nw! > GRID_COLUMNS)
        out.push({
          pointer: `${pointer}/gridPos/x`,
          message: `panel spans columns ${nx}–${nx! + nw!}, past the ${GRID_COLUMNS}-column grid`,
          fix: `make x + w at most ${GRID_COLUMNS}`,
        });
      if (nh! < 1)
        out.push({
          pointer: `${pointer}/gridPos/h`,
          message: `height ${nh} is less than 1`,
          fix: 'use `.height(h)` with h ≥ 1',
        });
      if (ny! < 0) out.push({ pointer: `${pointer}/gridPos/y`, message: `y ${ny} is negative`, fix: 'use y ≥ 0' });
    }
    return out;
  },
};
