import type { Diagnostic } from '../model/diagnostic.ts';
import { MANIFEST_FILE, sha256, type Manifest } from './manifest.ts';
import { outputNameProblems, type OutputSource } from './output-names.ts';
import type { OutputFile } from '../model/output-file.ts';
import { PROVIDER_FILE } from './provisioning-yaml.ts';

/** What is on disk under `provisioning/` now: every file panelcraft may care about, with its bytes' hash. */
export interface DiskState {
  /** path (relative to `provisioning/`) → sha256, for every file of the tree (dot-folders excluded). */
  readonly files: ReadonlyMap<string, string>;
  /** The manifest read from disk, or `undefined` when there is none. */
  readonly manifest?: Manifest;
  /** Symbolic links found in the tree, with their target (`undefined` when it does not exist). Never followed. */
  readonly links?: ReadonlyMap<string, string | undefined>;
  /** Entries that are neither files, folders nor links (sockets, FIFOs, devices). */
  readonly specials?: readonly string[];
  /** Every folder of the tree (dot-folders excluded). */
  readonly dirs?: ReadonlySet<string>;
}

export type FileStatus = 'missing' | 'stale' | 'orphan';

export interface PlannedChange {
  readonly path: string;
  readonly status: FileStatus;
}

export interface WritePlan {
  /** Files to write (new or changed), with their contents. */
  readonly writes: readonly OutputFile[];
  /** Files to delete: dashboards an earlier build wrote that no source produces any more. */
  readonly deletes: readonly string[];
  /** Every difference from the fresh build, for `--check`. */
  readonly changes: readonly PlannedChange[];
  /** Foreign and hand-edited files: the build must not proceed (nothing may be lost). */
  readonly diagnostics: readonly Diagnostic[];
  /** The manifest after the write, and the one to keep while writing (old and new hashes). */
  readonly manifest: Manifest;
  readonly pendingManifest: Manifest;
}

export interface PlanOptions {
  /** Replace hand-edited files and delete hand-edited orphans instead of refusing. */
  readonly force?: boolean;
  /** Shown in diagnostics, e.g. `provisioning`. */
  readonly outLabel: string;
  /** The source `.ts` of an output path, to name it in diagnostics. */
  readonly sourceOf?: OutputSource;
}

/**
 * Compares a fresh build with the disk and decides what to write and delete. Pure. A `.json` under `dashboards/`
 * that panelcraft did not write is never deleted and fails the build, since Grafana would load it; a file whose
 * bytes changed since panelcraft wrote it is a hand edit and is not overwritten without `force`.
 */
export function planWrites(files: readonly OutputFile[], disk: DiskState, options: PlanOptions): WritePlan {
  const manifest = disk.manifest ?? new Map<string, readonly string[]>();
  const ours = (file: string, hash: string) => (manifest.get(file) ?? []).includes(hash);
  const writes: OutputFile[] = [];
  const changes: PlannedChange[] = [];
  const diagnostics: Diagnostic[] = [];
  const where = (file: string) => `${options.outLabel}/${file}`;
  const produced = new Set(files.map((f) => f.path));
  const nameProblems = outputNameProblems([...produced], where, options.sourceOf);
  diagnostics.push(...nameProblems);
  // Paths with bad names are not written anyway; their disk conflicts would only repeat the point.
  if (nameProblems.length === 0) diagnostics.push(...treeConflicts(files, disk, where));

  for (const file of files) {
    const fresh = file.sha256 ?? sha256(file.contents);
    const onDisk = disk.files.get(file.path);
    if (onDisk === fresh) continue;
    if (onDisk === undefined) {
      writes.push(file);
      changes.push({ path: file.path, status: 'missing' });
    } else if (ours(file.path, onDisk) || (options.force && manifest.has(file.path))) {
      writes.push(file);
      changes.push({ path: file.path, status: 'stale' });
    } else if (manifest.has(file.path)) {
      diagnostics.push(handEdited(where(file.path), 'overwrite it'));
    } else {
      diagnostics.push({
        rule: 'output-foreign-file',
        severity: 'error',
        file: where(file.path),
        pointer: '',
        message: `${where(file.path)} exists with other contents and was not written by panelcraft; the build would replace it`,
        fix: 'move that file out of the provisioning tree (or delete it if it is an old copy), then build again',
      });
    }
  }

  const deletes: string[] = [];
  // Only the files no source produces are looked at, in path order (`dev` plans 5 000 produced files per save).
  const unproduced = [...disk.files.entries()].filter(([path]) => !produced.has(path) && path !== MANIFEST_FILE);
  for (const [path, hash] of unproduced.sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (manifest.has(path)) {
      if (ours(path, hash) || options.force) {
        deletes.push(path);
        changes.push({ path, status: 'orphan' });
      } else {
        diagnostics.push(handEdited(where(path), 'delete it as an orphan (its source is gone)'));
      }
    } else if (/^dashboards\/[^/]+\.ya?ml$/.test(path)) {
      diagnostics.push({
        rule: 'output-foreign-file',
        severity: 'error',
        file: where(path),
        pointer: '',
        message: `${where(path)} is a second dashboard provider next to ${where(PROVIDER_FILE)}; Grafana reads every YAML file in ${options.outLabel}/dashboards as a provider and would load the dashboards twice or from elsewhere`,
        fix: `delete ${where(path)} (panelcraft writes the one provider), or move it out of ${options.outLabel}/dashboards`,
      });
    } else if (path.startsWith('dashboards/') && path.endsWith('.json')) {
      diagnostics.push({
        rule: 'output-foreign-file',
        severity: 'error',
        file: where(path),
        pointer: '',
        message: `${where(path)} was not written by panelcraft, but Grafana loads every .json under ${options.outLabel}/dashboards as a dashboard`,
        fix: `turn it into source with \`panelcraft import ${where(path)} --out dashboards/<folder>\` and delete it, or move it out of ${options.outLabel}/dashboards`,
      });
    }
  }

  const next = new Map<string, readonly string[]>(files.map((f) => [f.path, [f.sha256 ?? sha256(f.contents)]]));
  const pending = new Map<string, readonly string[]>(manifest);
  for (const [path, hashes] of next) {
    const before = manifest.get(path);
    pending.set(path, before === undefined ? hashes : sameHashes(before, hashes) ? before : [...before, ...hashes]);
  }
  if (disk.manifest === undefined || !sameManifest(disk.manifest, next)) {
    if (writes.length === 0 && deletes.length === 0 && diagnostics.length === 0)
      changes.push({ path: MANIFEST_FILE, status: disk.manifest ? 'stale' : 'missing' });
  }
  return { writes, deletes, changes, diagnostics, manifest: next, pendingManifest: pending };
}

/** Whether two manifests format to the same text (the same paths, each with the same distinct hashes in order). */
function sameManifest(a: Manifest, b: Manifest): boolean {
  if (a.size !== b.size) return false;
  for (const [path, hashes] of b) {
    const other = a.get(path);
    if (other === undefined || !sameHashes(other, hashes)) return false;
  }
  return true;
}

/** Whether two hash lists format alike (the same distinct hashes in order); one hash each is the common case. */
function sameHashes(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 1 && b.length === 1) return a[0] === b[0];
  const x = [...new Set(a)];
  const y = [...new Set(b)];
  return x.length === y.length && x.every((h, i) => h === y[i]);
}

function handEdited(file: string, action: string): Diagnostic {
  return {
    rule: 'output-hand-edited',
    severity: 'error',
    file,
    pointer: '',
    message: `${file} was edited by hand after panelcraft wrote it; the build would ${action} and lose that edit`,
    fix: 'move the change into the dashboard source (.ts), or run `panelcraft build --force` to discard it',
  };
}

/**
 * What on disk stands in the way of the files to write: symbolic links anywhere in the tree (never followed, so
 * nothing outside it is touched), entries that are not files, a folder where a file goes, a file where a folder goes.
 */
function treeConflicts(files: readonly OutputFile[], disk: DiskState, where: (path: string) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const problem = (rule: string, path: string, message: string, fix: string) =>
    out.push({ rule, severity: 'error', file: where(path), pointer: '', message, fix });
  for (const [path, target] of disk.links ?? []) {
    problem(
      'output-symlink',
      path,
      target === undefined
        ? `${where(path)} is a symbolic link to nothing (dangling); panelcraft never writes through links`
        : `${where(path)} is a symbolic link (to ${target}); panelcraft never writes through links, so nothing outside the output folder is touched`,
      `remove the link (\`rm ${where(path)}\`); build writes real files and folders there`,
    );
  }
  for (const path of disk.specials ?? []) {
    problem(
      'output-path',
      path,
      `${where(path)} is neither a file nor a folder (a socket, FIFO or device)`,
      `remove ${where(path)}`,
    );
  }
  for (const file of files) {
    if (disk.dirs?.has(file.path)) {
      problem(
        'output-path',
        file.path,
        `${where(file.path)} is a folder, but the build writes a file there`,
        `move the folder ${where(file.path)} away`,
      );
    }
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (disk.files.has(dir)) {
        problem(
          'output-path',
          dir,
          `${where(dir)} is a file, but the build needs a folder there for ${where(file.path)}`,
          `move the file ${where(dir)} away`,
        );
        break;
      }
    }
  }
  return dedupe(out);
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.rule}\0${d.file}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
