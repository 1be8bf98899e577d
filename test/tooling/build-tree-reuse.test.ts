import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PanelcraftConfig } from '../../src/config/config.ts';
import { buildTree, TreeRender } from '../../src/tooling/build-tree.ts';
import type { LoadedDashboard } from '../../src/model/loaded-dashboard.ts';

const dashboard = (file: string, title: string, uid?: string): LoadedDashboard => ({
  file,
  exported: { build: () => ({ title, ...(uid ? { uid } : {}), panels: [{ type: 'text', title: 'Notes' }] }) },
});

const loaded = [
  dashboard('dashboards/ops/a.ts', 'Same'),
  dashboard('dashboards/ops/b.ts', 'Same', 'shared'),
  dashboard('dashboards/web/c.ts', 'Ops', 'shared'),
];

describe('buildTree with reused renders', () => {
  it('gives the same files and diagnostics as rendering everything, the checks across dashboards included', () => {
    const config: PanelcraftConfig = {
      ...DEFAULT_CONFIG,
      exclusions: [{ rule: 'title-unique-in-folder', dashboard: 'shared', reason: 'test' }],
    };
    const fresh = buildTree(loaded, config);
    const rules = fresh.diagnostics.map((d) => `${d.rule} ${d.file}`);
    expect(rules).toContain('uid-unique dashboards/web/c.ts');
    expect(rules).toContain('title-folder-clash dashboards/web/c.ts');
    expect(rules).not.toContain('title-unique-in-folder dashboards/ops/b.ts'); // excluded by its uid
    expect(fresh.rendered.map((r) => r.file)).toEqual(loaded.map((l) => l.file));

    for (const reuse of [[0], [1, 2], [0, 1, 2]]) {
      const reused = reuse.map((i) => fresh.rendered[i]!);
      const partial = buildTree(
        loaded.filter((_, i) => !reuse.includes(i)),
        config,
        undefined,
        reused,
      );
      expect(partial.files).toEqual(fresh.files);
      expect(partial.diagnostics).toEqual(fresh.diagnostics);
      expect(partial.dashboards.map((d) => [d.source, d.uid, d.output, d.dashboard])).toEqual(
        fresh.dashboards.map((d) => [d.source, d.uid, d.output, d.dashboard]),
      );
      expect(partial.rendered).toHaveLength(3 - reuse.length);
    }
  });
});

describe('TreeRender, one module at a time', () => {
  it('gives what buildTree gives, in whatever order the modules are added', () => {
    const fresh = buildTree(loaded, DEFAULT_CONFIG);
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      const tree = new TreeRender(DEFAULT_CONFIG);
      const made = order.map((i) => tree.add(loaded[i]!)?.file);
      expect(made).toEqual(order.map((i) => loaded[i]!.file)); // each add hands back the render it made
      const built = tree.finish();
      expect(built.files.map((f) => [f.path, f.contents])).toEqual(fresh.files.map((f) => [f.path, f.contents]));
      expect(built.diagnostics).toEqual(fresh.diagnostics);
      expect(built.dashboards.map((d) => d.source)).toEqual(fresh.dashboards.map((d) => d.source));
    }
  });

  it('hands back no render for a module the memo already rendered, or one that failed', () => {
    const memo = new WeakMap();
    new TreeRender(DEFAULT_CONFIG, memo).add(loaded[0]!);
    const tree = new TreeRender(DEFAULT_CONFIG, memo);
    expect(tree.add(loaded[0]!)).toBeUndefined();
    expect(tree.add({ file: 'dashboards/ops/bad.ts', error: { message: 'boom', fix: 'fix it' } })).toBeUndefined();
    expect(tree.finish().rendered).toEqual([]);
  });
});
