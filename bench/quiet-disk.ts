// Keeps the harness's own file system work out of the measured runs: folders the bench is done with (a tree, a run's
// outputs, a cache) are renamed into one folder and removed after the last measurement, not deleted between runs;
// and what earlier runs wrote is flushed to disk before each measured run starts.
//
// Why set aside: on ext4 without a journal (this machine's: /proc/fs/jbd2 lists none), creating a file skips every
// free inode whose deletion is less than ~30 s old (`recently_deleted` in ext4's inode allocator, one buffer-cache
// lookup each). The harness deleted the last run's 1 000 outputs right before each measured run, and every file that
// run then created paid for them: in `perf`, the build's stage writer spent 0.36 s of system time in
// `find_inode_bit` / `recently_deleted` alone. Cold builds of 1 000 dashboards, 5 in a row, the old outputs deleted
// before each against renamed away (medians of two such series each): 2 851 and 3 189 against 2 588 and 2 894 ms,
// 5.08 and 5.73 against 4.51 and 5.15 s of CPU. The bare SDK, runs alternating: 973-1 057 against 818-981 ms. A
// user's CI writes into a fresh checkout, where nothing was just deleted.
// Why flush: files set aside are no longer deleted before the kernel writes them back, so without a flush the
// writeback of earlier runs (~1 GB by the end of the 5 000 runs) falls into later ones.
import { execFileSync } from 'node:child_process';
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

/** Writes every dirty page to disk (`sync`), so a measured run starts without the writeback of earlier ones. */
export function flushWrites(): void {
  execFileSync('sync');
}
