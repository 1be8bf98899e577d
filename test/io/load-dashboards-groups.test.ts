import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboards } from '../../src/io/load-dashboards.ts';

let root: string;
const sources: Record<string, string> = {
  'dashboards/a/one.ts':
    "import { title } from '../_lib/names.ts';\nexport default { title: title('one'), panels: [] };\n",
  'dashboards/a/two.ts': "export default { title: 'two', panels: [] };\n",
  'dashboards/b/broken.ts': 'export default { title: ;\n',
  'dashboards/b/three.ts':
    "import { title } from '../_lib/names.ts';\nexport default { title: title('three'), panels: [] };\n",
  'dashboards/c/throws.ts': "throw new Error('no dashboard today');\n",
  'dashboards/c/four.ts': "export default () => ({ title: 'four', panels: [] });\n",
  'dashboards/_lib/names.ts': 'export const title = (name: string) => `Team ${name}`;\n',
};
const files = Object.keys(sources).filter((f) => !f.includes('/_lib/'));

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-load-groups-'));
  for (const [file, text] of Object.entries(sources)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('loadDashboards in groups', () => {
  it.each([1, 2, 4, 250])('gives every file in order, bad files alone, with groups of %i', async (groupSize) => {
    const inputs = new Set<string>();
    const loaded = await loadDashboards(root, files, inputs, groupSize);
    expect(loaded.map((l) => l.file)).toEqual(files);
    const summary = loaded.map((l) =>
      'exported' in l ? (l.exported as { title: string }).title : 'error' in l ? l.error.message.split(':')[0] : '?',
    );
    expect(summary).toEqual(['Team one', 'two', 'does not compile', 'Team three', 'threw while loading', 'four']);
    const one = loaded[0]!;
    expect('exported' in one && one.inputs).toEqual([
      path.join(root, 'dashboards/_lib/names.ts'),
      path.join(root, 'dashboards/a/one.ts'),
    ]);
    expect(inputs).toContain(path.join(root, 'dashboards/_lib/names.ts'));
    expect(inputs).toContain(path.join(root, 'dashboards/b/broken.ts'));
  });
});
