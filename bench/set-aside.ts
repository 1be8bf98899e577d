// Folders the bench is done with (a tree, a run's outputs, a cache) are renamed into one folder and removed after the
// last measurement, not deleted between measured runs.
//
// Why: on ext4 without a journal (this machine's: /proc/fs/jbd2 lists none), creating a file skips every free inode
// whose deletion is less than ~30 s old (`recently_deleted` in ext4's inode allocator, one buffer-cache lookup each).
// The harness deleted the last run's 1 000 outputs right before each measured run, and every file that run then
// created paid for them: in `perf`, the build's stage writer spent 0.36 s of system time in `find_inode_bit` /
// `recently_deleted` alone. Medians of 5 alternating cold builds of 1 000 dashboards, the old outputs deleted against
// renamed away: 2 953 against 2 599 ms, 5.24 against 4.63 s of CPU; the bare SDK, 973-1 057 against 818-981 ms
// (three runs each). A user's CI writes into a fresh checkout, where nothing was just deleted.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export class SetAside {
  private count = 0;

  /** `dir` must be on the file system of every folder set aside (a rename does not cross one). */
  constructor(private readonly dir: string) {}

  /** Moves `target` (if it exists) into the set-aside folder; deletes it when a rename cannot move it. */
  async discard(target: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    try {
      await rename(target, path.join(this.dir, `${this.count++}-${path.basename(target)}`));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EXDEV') throw err;
      await rm(target, { recursive: true, force: true });
    }
  }

  /** Removes every folder set aside. */
  async empty(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
