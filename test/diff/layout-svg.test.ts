import { describe, expect, it } from 'vitest';
import { layoutSvg } from '../../src/diff/layout-svg.ts';
import { dashboard, panel } from './fixtures.ts';
import { checkWellFormedXml } from './xml-well-formed.ts';

const before = dashboard('u', 'Overview & <more>', [
  panel(1, 'Request rate', 0, 0, ['up']),
  panel(2, 'Will be removed', 12, 0, ['x']),
  {
    id: 3,
    type: 'row',
    title: 'Runtime',
    collapsed: true,
    gridPos: { x: 0, y: 8, w: 24, h: 1 },
    panels: [panel(4, 'Goroutines', 0, 9, ['go_goroutines'])],
  },
]);
const after = dashboard('u', 'Overview & <more>', [
  panel(1, 'Request rate', 0, 0, ['sum(up)']),
  panel(5, 'A very long panel title that cannot fit into a narrow box at all', 12, 0, ['new'], 'stat', 3, 4),
  {
    id: 3,
    type: 'row',
    title: 'Runtime',
    collapsed: true,
    gridPos: { x: 0, y: 8, w: 24, h: 1 },
    panels: [panel(4, 'Goroutines', 0, 9, ['go_goroutines{job="a"}'])],
  },
]);

describe('layoutSvg', () => {
  const svg = layoutSvg(before, after);

  it('is well-formed XML 792 px wide, with the escaped dashboard title', () => {
    expect(checkWellFormedXml(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="792" height="\d+"/);
    expect(svg).toContain('<title>Layout of Overview &amp; &lt;more&gt;</title>');
  });

  it('marks changed, added and removed panels with a sign and a word, removed ones dashed at the old position', () => {
    expect(svg).toContain('>~ Request rate</text>');
    expect(svg).toContain('timeseries · changed');
    expect(svg).toMatch(
      /<rect x="398" y="60" width="380" height="172" rx="3" fill="none" stroke="#cf222e" stroke-width="2" stroke-dasharray="6 4"\/><text [^>]*>− Will be removed<\/text>/,
    );
    expect(svg).toContain('>+ A very l…</text>');
  });

  it('draws a collapsed row as a band counting its hidden panels, without drawing them', () => {
    expect(svg).toContain('▸ Runtime · 1 hidden panel(s), 1 differ');
    expect(svg).not.toContain('Goroutines');
  });

  it('is deterministic and shows unchanged panels unmarked', () => {
    const same = layoutSvg(after, after);
    expect(layoutSvg(after, after)).toBe(same);
    expect(same).toContain('>Request rate</text>');
    expect(same).not.toMatch(/· (changed|added|removed)/);
  });

  it('the checker itself rejects broken XML', () => {
    expect(checkWellFormedXml('<svg><text>a < b</text></svg>')).not.toEqual([]);
    expect(checkWellFormedXml('<svg><g></svg>')).not.toEqual([]);
    expect(checkWellFormedXml('<svg a="1" a="2"/>')).not.toEqual([]);
    expect(checkWellFormedXml('<svg>&nbsp;</svg>')).not.toEqual([]);
    expect(checkWellFormedXml('<svg/><svg/>')).not.toEqual([]);
  });
});
