import { describe, expect, it } from 'vitest';
import { dashboardSetFromFiles } from '../../src/diff/dashboard-set.ts';
import { diffDashboards } from '../../src/diff/diff-dashboards.ts';
import { renderMarkdown } from '../../src/diff/render-markdown.ts';
import { dashboard, panel } from './fixtures.ts';

const set = (ds: ReturnType<typeof dashboard>[]) =>
  dashboardSetFromFiles(ds.map((d, i) => ({ path: `p/${i}.json`, contents: JSON.stringify(d) }))).set;

describe('renderMarkdown', () => {
  it('caps long panel lists with "…and N more"', () => {
    const panels = Array.from({ length: 45 }, (_, i) => panel(i + 1, `Panel ${i}`, 0, i * 8, [`m${i}`]));
    const md = renderMarkdown(diffDashboards(set([dashboard('u', 'U', [])]), set([dashboard('u', 'U', panels)])));
    expect(md).toContain('➕ added **Panel 39** (timeseries) at 0,312 12×8\n\n…and 5 more panels');
    expect(md).not.toContain('Panel 40');
  });

  it('stops detailing dashboards past the size budget and says how many are left out', () => {
    const many = Array.from({ length: 5 }, (_, i) => dashboard(`d${i}`, `D${i}`, [panel(1, 'P', 0, 0, ['up'])]));
    const md = renderMarkdown(diffDashboards(set([]), set(many)), { maxChars: 900 });
    expect(md).toMatch(/…and [1-4] more dashboards not detailed here/);
    expect(md).toContain('| D4 | `d4` | added | +1 | — | — |');
  });

  it('escapes Markdown and HTML in titles and pipes in values', () => {
    const before = dashboard('u', 'A | <b>', [panel(1, '*bold* `x`', 0, 0, ['a{b="|"}'])]);
    const after = dashboard('u', 'A | <b>', [panel(1, '*bold* `x`', 0, 0, ['a{b="|"}'], 'timeseries', 6)]);
    const md = renderMarkdown(diffDashboards(set([before]), set([after])));
    expect(md).toContain('| A \\| &lt;b&gt; | `u` | changed |');
    expect(md).toContain('<summary><b>A | &lt;b&gt;</b>');
    expect(md).toContain('✏️ changed **\\*bold\\* \\`x\\`** (timeseries)');
  });
});
