import { afterEach, describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import { TYPECHECK_RESULTS_FILE, typecheckProject } from '../../src/io/typecheck.ts';
import { TypecheckThread } from '../../src/io/typecheck-thread.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
let thread: TypecheckThread | undefined;
afterEach(async () => {
  await thread?.close();
  await project?.dispose();
  project = undefined;
  thread = undefined;
});

const sources = {
  'dashboards/a.ts': "const n: number = 'str';\nexport default n;\n",
  'dashboards/b.ts': 'export default missing;\n',
};
const files = Object.keys(sources);
const brief = (errors: readonly { file: string; line: number; code: string }[]) =>
  errors.map((e) => `${e.file}:${e.line} ${e.code}`);

describe('TypecheckThread', () => {
  it('checks on a thread of its own, with the same errors as on the caller, and serves several checks', async () => {
    project = await tempProject(sources);
    thread = new TypecheckThread();
    expect(thread.threaded).toBe(true);
    const [first, second] = await Promise.all([
      thread.check(project.root, files, { cacheDir: `${project.root}/c1` }),
      thread.check(project.root, files, { cacheDir: `${project.root}/c2` }),
    ]);
    expect(brief(first.errors)).toEqual(['dashboards/a.ts:1 TS2322', 'dashboards/b.ts:1 TS2304']);
    expect(second.errors).toEqual(first.errors);
    expect(first.errors).toEqual(typecheckProject(project.root, files, { cacheDir: `${project.root}/c3` }).errors);
    expect(thread.threaded).toBe(true);
  });

  it('takes over a prepared check with the same errors as an unprepared one; a request in between drops it', async () => {
    project = await tempProject(sources);
    thread = new TypecheckThread();
    const token = thread.prepare(project.root, { cacheDir: `${project.root}/c1` });
    const first = await thread.check(project.root, files, { cacheDir: `${project.root}/c1` }, { prepared: token });
    expect([first.checked, brief(first.errors)]).toEqual([2, ['dashboards/a.ts:1 TS2322', 'dashboards/b.ts:1 TS2304']]);
    await thread.saved(); // answered first, written after
    expect((await stat(`${project.root}/c1/${TYPECHECK_RESULTS_FILE}`)).isFile()).toBe(true);
    const stale = thread.prepare(project.root, { cacheDir: `${project.root}/c1` });
    await project.write('dashboards/b.ts', 'export default 2;\n');
    const between = await thread.check(project.root, files, { cacheDir: `${project.root}/c1` });
    const after = await thread.check(project.root, files, { cacheDir: `${project.root}/c1` }, { prepared: stale });
    expect([between.checked, between.reused, brief(between.errors)]).toEqual([1, 1, ['dashboards/a.ts:1 TS2322']]);
    expect([after.checked, after.reused, after.errors]).toEqual([0, 2, between.errors]);
  });

  it('drops the pending checks when abandoned, without running them here', async () => {
    project = await tempProject(sources);
    thread = new TypecheckThread();
    const dropped = expect(thread.check(project.root, files)).rejects.toThrow('type check abandoned');
    await thread.abandon();
    await dropped;
    expect(thread.threaded).toBe(false);
  });

  it('checks on the calling thread when the thread cannot start', async () => {
    project = await tempProject(sources);
    thread = new TypecheckThread({ url: new URL('data:text/javascript,throw new Error("no thread")'), execArgv: [] });
    const outcome = await thread.check(project.root, files);
    expect(brief(outcome.errors)).toEqual(['dashboards/a.ts:1 TS2322', 'dashboards/b.ts:1 TS2304']);
    expect(thread.threaded).toBe(false);
  });

  it('checks on the calling thread when there is no thread module', async () => {
    project = await tempProject(sources);
    thread = new TypecheckThread(null);
    expect(thread.threaded).toBe(false);
    expect(brief((await thread.check(project.root, files)).errors)).toHaveLength(2);
  });
});
