import { existsSync } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndWrite, cacheDashboard, cacheLib, treeBytes } from '../support/cache-project.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

/** One edit a developer makes between two builds. */
type Edit =
  | { kind: 'edit-dashboard'; slot: number; n: number }
  | { kind: 'edit-lib'; n: number }
  | { kind: 'validation-error'; slot: number }
  | { kind: 'type-error'; slot: number }
  | { kind: 'throws'; slot: number }
  | { kind: 'same-title'; slot: number }
  | { kind: 'fix'; slot: number }
  | { kind: 'delete'; slot: number }
  | { kind: 'config'; editable: boolean }
  // The output folder: an entry whose output file holds its bytes keeps no copy of them.
  | { kind: 'delete-output'; slot: number }
  | { kind: 'edit-output'; slot: number }
  | { kind: 'delete-provisioning' };

const SLOTS = ['dashboards/api/one.ts', 'dashboards/api/two.ts', 'dashboards/web/three.ts'] as const;
/** Where each slot's dashboard is written (its uid is derived from its path). */
const OUTPUTS = [
  'provisioning/dashboards/api/api-one.json',
  'provisioning/dashboards/api/api-two.json',
  'provisioning/dashboards/web/web-three.json',
] as const;
const good = (slot: number, n = 0) => cacheDashboard(`Dash ${slot}${n ? ` v${n}` : ''}`, { lib: slot !== 1 });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('edit-dashboard' as const), slot: fc.nat(2), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('edit-lib' as const), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('validation-error' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('type-error' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('throws' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('same-title' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('fix' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('delete' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('config' as const), editable: fc.boolean() }),
  fc.record({ kind: fc.constant('delete-output' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('edit-output' as const), slot: fc.nat(2) }),
  fc.record({ kind: fc.constant('delete-provisioning' as const) }),
);

async function apply(project: TempProject, e: Edit): Promise<void> {
  const slot = 'slot' in e ? SLOTS[e.slot]! : '';
  switch (e.kind) {
    case 'edit-dashboard':
      return project.write(slot, good(e.slot, e.n));
    case 'edit-lib':
      return project.write('dashboards/_lib/names.ts', cacheLib(`v${e.n}`));
    case 'validation-error':
      return project.write(slot, cacheDashboard(`Dash ${e.slot}`, { unit: 'req/s' }));
    case 'type-error':
      return project.write(
        slot,
        cacheDashboard(`Dash ${e.slot}`, { extra: "const count: number = 'three';\nvoid count;\n" }),
      );
    case 'throws':
      return project.write(slot, cacheDashboard(`Dash ${e.slot}`, { extra: "throw new Error('boom');\n" }));
    case 'same-title':
      return project.write(slot, cacheDashboard('Shared title'));
    case 'fix':
      return project.write(slot, good(e.slot));
    case 'delete':
      return rm(path.join(project.root, slot), { force: true });
    case 'config':
      return project.write('panelcraft.yaml', `editable: ${e.editable}\n`);
    case 'delete-output':
      return rm(path.join(project.root, OUTPUTS[e.slot]!), { force: true });
    case 'edit-output':
      // A hand edit of a file the last build wrote (none when it wrote none there).
      return existsSync(path.join(project.root, OUTPUTS[e.slot]!))
        ? appendFile(path.join(project.root, OUTPUTS[e.slot]!), ' ')
        : undefined;
    case 'delete-provisioning':
      return rm(path.join(project.root, 'provisioning'), { recursive: true, force: true });
  }
}

/** What a build shows: its diagnostics, its files, whether it wrote, and the output tree on disk after it. */
async function observe(project: TempProject, cache: { dir: string } | false, shardRoots?: number) {
  // Uncached: no build cache and a type check without incremental state (a fresh cache folder for it).
  const more =
    cache === false
      ? { cacheDir: path.join(project.root, '.fresh', String(++fresh)) }
      : shardRoots === undefined
        ? {}
        : { typecheckShardRoots: shardRoots };
  const { build, written } = await buildAndWrite(project.root, cache, true, more);
  return {
    result: {
      diagnostics: build.diagnostics,
      files: build.files.map((f) => [f.path, f.contents]),
      dashboards: build.dashboards.map((d) => [d.source, d.uid, d.output]),
      written,
      provisioning: await treeBytes(path.join(project.root, 'provisioning')),
    },
    cache: build.cache,
  };
}

let fresh = 0;
let cached: TempProject;
let uncached: TempProject;
beforeAll(async () => {
  cached = await tempProject();
  uncached = await tempProject();
});
afterAll(async () => {
  await cached.dispose();
  await uncached.dispose();
});

describe('build cache property', () => {
  it('a cached build writes the same bytes and reports the same diagnostics as an uncached one, after any edits', async () => {
    let reused = 0;
    let recorded = 0;
    let run = 0;
    await fc.assert(
      // The type check in one program or in shards of 1 or 2 dashboards.
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(undefined, 1, 2),
        async (edits, shardRoots) => {
          // Each run starts from the same clean project and an empty cache folder of its own.
          run++;
          const cacheDir = path.join(cached.root, '.cache', `run-${run}`);
          for (const p of [cached, uncached]) {
            await rm(path.join(p.root, 'dashboards'), { recursive: true, force: true });
            await rm(path.join(p.root, 'provisioning'), { recursive: true, force: true });
            await rm(path.join(p.root, 'panelcraft.yaml'), { force: true });
            await p.write('dashboards/_lib/names.ts', cacheLib('rate'));
            for (const [i, file] of SLOTS.entries()) await p.write(file, good(i));
          }
          for (const step of [undefined, ...edits]) {
            if (step) for (const p of [cached, uncached]) await apply(p, step);
            const a = await observe(cached, { dir: cacheDir }, shardRoots);
            const b = await observe(uncached, false);
            expect(a.result, JSON.stringify(step)).toEqual(b.result);
            reused += a.cache!.reused;
            // The same build again is all cache (the whole record when it had no errors), and still the same.
            const again = await observe(cached, { dir: cacheDir }, shardRoots);
            expect(again.result).toEqual(b.result);
            expect(again.cache!.rendered).toBe(0);
            if (again.cache!.recorded) recorded++;
          }
        },
      ),
      { numRuns: 4, seed: 20261129, endOnFailure: true },
    );
    expect(reused).toBeGreaterThan(0);
    expect(recorded).toBeGreaterThan(0);
  }, 240_000);
});
