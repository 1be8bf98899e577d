import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';
import { buildTree, type BuildMemo } from '../../src/tooling/build-tree.ts';
import type { LoadedDashboard } from '../../src/model/loaded-dashboard.ts';

describe('buildTree with a memo', () => {
  it('renders a loaded module once per config, with the same output as without a memo', () => {
    let builds = 0;
    const entry: LoadedDashboard = {
      file: 'dashboards/home.ts',
      exported: { build: () => (builds++, { title: 'Home', panels: [] }) },
    };
    const memo: BuildMemo = new WeakMap();
    const first = buildTree([entry], DEFAULT_CONFIG, memo);
    const second = buildTree([entry], DEFAULT_CONFIG, memo);
    expect(builds).toBe(1);
    // What the memo gave back is not rendered again, and not handed to the build cache again either.
    expect(first.rendered.map((r) => r.file)).toEqual(['dashboards/home.ts']);
    expect(second.rendered).toEqual([]);
    expect(second.files).toEqual(first.files);
    expect(second.files).toEqual(buildTree([entry], DEFAULT_CONFIG).files);
    const other = buildTree([entry], { ...DEFAULT_CONFIG, grafanaVersion: '10.4' }, memo);
    expect(builds).toBe(3);
    expect(other.files.find((f) => f.path === 'dashboards/home.json')!.contents).toContain('"schemaVersion": 39');
  });
});

describe('buildTree with a memo, across dashboards', () => {
  const entry = (file: string, title: string, panel: string): LoadedDashboard => ({
    file,
    exported: { build: () => ({ title, panels: [{ type: 'text', title: panel }] }) },
  });

  it('finds what a build without the memo finds after each change, a title clash coming and going', () => {
    const memo: BuildMemo = new WeakMap();
    const a = entry('dashboards/ops/a.ts', 'Alpha', 'Notes');
    const steps = [
      [a, entry('dashboards/ops/b.ts', 'Beta', 'Notes')],
      [a, entry('dashboards/ops/b.ts', 'Alpha', 'Notes')], // the clash
      [a, entry('dashboards/ops/b.ts', 'Alpha', 'More notes')], // still the clash, another panel
      [a, entry('dashboards/ops/b.ts', 'Beta', 'More notes')], // gone
      [a, entry('dashboards/ops/b.ts', 'ops', 'More notes')], // the title of its folder
    ];
    const clashes: string[][] = [];
    for (const loaded of steps) {
      const kept = buildTree(loaded, DEFAULT_CONFIG, memo);
      const fresh = buildTree(loaded, DEFAULT_CONFIG);
      expect(kept.diagnostics).toEqual(fresh.diagnostics);
      expect(kept.files).toEqual(fresh.files);
      clashes.push(kept.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.file}`));
    }
    expect(clashes).toEqual([
      [],
      ['title-unique-in-folder dashboards/ops/b.ts'],
      ['title-unique-in-folder dashboards/ops/b.ts'],
      [],
      ['title-folder-clash dashboards/ops/b.ts'],
    ]);
  });
});
