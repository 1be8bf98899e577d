import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAndWrite } from '../support/cache-project.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

describe('the record of a type-checked build', () => {
  it('holds the files the compiler read outside the root: editing a type-only import checks again', async () => {
    // The project is app/; its dashboard takes a type from ../shared (gone from the bundle: only the check reads it).
    project = await tempProject({
      'shared/types.ts': 'export type Title = string;\n',
      'app/dashboards/a.ts': `import type { Title } from '../../shared/types.ts';\nconst title: Title = 'A';\nvoid title;\n${sdkDashboardSource('A')}`,
    });
    const root = path.join(project.root, 'app');
    const brief = async () => {
      const { build } = await buildAndWrite(root, {}, true);
      return {
        recorded: build.cache?.recorded,
        typeErrors: build.diagnostics
          .filter((d) => d.rule === 'typescript')
          .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
      };
    };
    expect(await brief()).toEqual({ recorded: false, typeErrors: [] });
    expect(await brief()).toEqual({ recorded: true, typeErrors: [] });
    await project.write('shared/types.ts', 'export type Title = number;\n');
    expect(await brief()).toEqual({
      recorded: false,
      typeErrors: ["dashboards/a.ts:2:7 TS2322: Type 'string' is not assignable to type 'number'."],
    });
  });
});
