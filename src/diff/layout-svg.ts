import { stringAt, type JsonObject } from '../model/json.ts';
import { diffPanel } from './diff-panel.ts';
import type { GridBox } from './diff-report.ts';
import { truncate } from './format-value.ts';
import { matchPanels } from './match-panels.ts';
import { panelEntries, type PanelEntry } from './panel-entry.ts';
import { xmlEscape } from './xml-escape.ts';

type Status = 'added' | 'removed' | 'changed' | 'unchanged';

/** Pixel geometry: 24 columns of 32 px plus margins = 792 px, readable at PR-comment width. */
const COL = 32;
const UNIT = 22;
const MARGIN = 12;
const WIDTH = MARGIN * 2 + COL * 24;
const TOP = 58;
const MAX_Y = 400;
const CHAR_PX = 7;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

const STYLE: Record<Status, { fill: string; stroke: string; label: string; sign: string }> = {
  added: { fill: '#dafbe1', stroke: '#1a7f37', label: 'added', sign: '+' },
  removed: { fill: 'none', stroke: '#cf222e', label: 'removed (old position)', sign: '−' },
  changed: { fill: '#fff8c5', stroke: '#9a6700', label: 'changed', sign: '~' },
  unchanged: { fill: '#f6f8fa', stroke: '#8c959f', label: 'unchanged', sign: '' },
};

interface Box {
  readonly entry: PanelEntry;
  readonly status: Status;
  readonly pos: GridBox;
  /** For a collapsed row: how many hidden panels it holds, and how many of those differ. */
  readonly hidden?: { readonly total: number; readonly differing: number };
}

/**
 * SVG picture of a dashboard's layout after the change, with added, changed and removed panels marked by
 * colour, a sign and a word; removed panels are drawn dashed at their old position. Panels of collapsed rows
 * are counted on their row instead of drawn. Pure and deterministic.
 */
export function layoutSvg(before: JsonObject | undefined, after: JsonObject | undefined): string {
  const pairs = matchPanels(before ? panelEntries(before) : [], after ? panelEntries(after) : []);
  const status = (pair: (typeof pairs)[number]): Status => diffPanel(pair)?.kind ?? 'unchanged';
  const boxes: Box[] = [];
  const rowCounts = new Map<JsonObject, { total: number; differing: number }>();
  let hiddenRemoved = 0;
  const unplaced: { entry: PanelEntry; status: Status }[] = [];
  for (const pair of pairs) {
    const s = status(pair);
    const entry = (pair.after ?? pair.before)!;
    if (entry.collapsedRow) {
      if (!pair.after) hiddenRemoved++;
      else {
        const c = rowCounts.get(entry.collapsedRow) ?? { total: 0, differing: 0 };
        c.total++;
        if (s !== 'unchanged') c.differing++;
        rowCounts.set(entry.collapsedRow, c);
      }
      continue;
    }
    if (entry.gridPos) boxes.push({ entry, status: s, pos: clamp(entry.gridPos) });
    else unplaced.push({ entry, status: s });
  }
  let bottom = Math.max(0, ...boxes.map((b) => b.pos.y + b.pos.h));
  unplaced.forEach(({ entry, status: s }, i) => {
    boxes.push({ entry, status: s, pos: { x: (i % 2) * 12, y: bottom + Math.floor(i / 2) * 4, w: 12, h: 4 } });
  });
  bottom = Math.max(bottom, ...boxes.map((b) => b.pos.y + b.pos.h));

  const withRows = boxes.map((b) => {
    const hidden = rowCounts.get(b.entry.panel);
    return hidden ? { ...b, hidden } : b;
  });
  // Removed panels last, so their dashed outline stays visible over what took their place.
  const order: Status[] = ['unchanged', 'changed', 'added', 'removed'];
  const drawn = order.flatMap((s) => withRows.filter((b) => b.status === s));

  const notes: string[] = [];
  if (unplaced.length) notes.push(`${unplaced.length} panel(s) without gridPos drawn at the bottom`);
  if (hiddenRemoved) notes.push(`${hiddenRemoved} removed panel(s) of collapsed rows not drawn`);
  const height = TOP + bottom * UNIT + notes.length * 16 + MARGIN + (notes.length ? 6 : 0);
  const title = stringAt(after ?? before ?? {}, 'title') ?? '';

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${xmlEscape(`Layout of ${title}`)}">`,
    `<title>${xmlEscape(`Layout of ${title}`)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="20" ${FONT} font-size="14" font-weight="bold" fill="#1f2328">${xmlEscape(truncate(title, 100))}</text>`,
    ...legend(),
    ...grid(bottom),
    ...drawn.map(drawBox),
    ...notes.map(
      (n, i) =>
        `<text x="${MARGIN}" y="${TOP + bottom * UNIT + 16 + i * 16}" ${FONT} font-size="11" fill="#57606a">${xmlEscape(n)}</text>`,
    ),
    '</svg>',
  ];
  return `${out.join('\n')}\n`;
}

function legend(): string[] {
  const items: Status[] = ['added', 'changed', 'removed', 'unchanged'];
  let x = MARGIN;
  const out: string[] = [];
  for (const s of items) {
    const st = STYLE[s];
    const dash = s === 'removed' ? ' stroke-dasharray="4 3"' : '';
    const text = `${st.sign ? `${st.sign} ` : ''}${st.label}`;
    out.push(
      `<rect x="${x}" y="30" width="14" height="14" fill="${st.fill}" stroke="${st.stroke}" stroke-width="1.5"${dash}/>`,
    );
    out.push(`<text x="${x + 20}" y="41" ${FONT} font-size="11" fill="#1f2328">${xmlEscape(text)}</text>`);
    x += 20 + text.length * 6 + 24;
  }
  return out;
}

/** Faint column guides every 6 columns so positions can be read off. */
function grid(bottom: number): string[] {
  const out: string[] = [];
  for (let c = 0; c <= 24; c += 6) {
    const x = MARGIN + c * COL;
    out.push(
      `<line x1="${x}" y1="${TOP}" x2="${x}" y2="${TOP + bottom * UNIT}" stroke="#d0d7de" stroke-width="1" stroke-dasharray="2 4"/>`,
    );
  }
  return out;
}

function drawBox(box: Box): string {
  const { entry, status, pos } = box;
  const st = STYLE[status];
  const x = MARGIN + pos.x * COL + 2;
  const y = TOP + pos.y * UNIT + 2;
  const w = pos.w * COL - 4;
  const h = pos.h * UNIT - 4;
  const dash = status === 'removed' ? ' stroke-dasharray="6 4"' : '';
  const maxChars = Math.max(1, Math.floor((w - 12) / CHAR_PX));
  const sign = st.sign ? `${st.sign} ` : '';
  const isRow = entry.type === 'row';
  const parts = [`<g>`];
  if (isRow) {
    const collapsed = entry.panel.collapsed === true;
    const hidden = box.hidden
      ? ` · ${box.hidden.total} hidden panel(s)${box.hidden.differing ? `, ${box.hidden.differing} differ` : ''}`
      : '';
    const label = `${sign}${collapsed ? '▸' : '▾'} ${entry.title || '(untitled row)'}${hidden}${status === 'unchanged' ? '' : ` · ${status}`}`;
    const fill = status === 'unchanged' ? '#eaeef2' : st.fill;
    const bandH = Math.min(h, UNIT - 6);
    parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${bandH}" rx="2" fill="${fill}" stroke="${st.stroke}" stroke-width="1"${dash}/>`,
    );
    parts.push(
      `<text x="${x + 6}" y="${y + bandH - 4}" ${FONT} font-size="11" fill="#1f2328">${xmlEscape(truncate(label, maxChars))}</text>`,
    );
  } else {
    const stroke = status === 'unchanged' ? 1 : 2;
    parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${st.fill}" stroke="${st.stroke}" stroke-width="${stroke}"${dash}/>`,
    );
    parts.push(
      `<text x="${x + 6}" y="${y + 15}" ${FONT} font-size="12" font-weight="bold" fill="#1f2328">${xmlEscape(truncate(`${sign}${entry.title || '(untitled)'}`, maxChars))}</text>`,
    );
    if (h >= 34) {
      const detail = `${entry.type || 'panel'}${status === 'unchanged' ? '' : ` · ${status}`}`;
      parts.push(
        `<text x="${x + 6}" y="${y + 30}" ${FONT} font-size="11" fill="#57606a">${xmlEscape(truncate(detail, Math.floor((w - 12) / 6)))}</text>`,
      );
    }
  }
  parts.push('</g>');
  return parts.join('');
}

/** Keeps a box on the 24-column grid with whole numbers, whatever the JSON says. */
function clamp(pos: GridBox): GridBox {
  const int = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));
  const x = int(pos.x, 0, 23);
  const y = int(pos.y, 0, MAX_Y);
  return { x, y, w: int(pos.w, 1, 24 - x), h: int(pos.h, 1, 60) };
}
