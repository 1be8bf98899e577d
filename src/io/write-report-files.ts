import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReportFile {
  /** Plain file name, no folders. */
  readonly name: string;
  readonly contents: string | Uint8Array;
}

/**
 * Writes report files into `dir` (created if missing), each through a temp name and a rename, so a reader never
 * sees half a PDF; an earlier report of the same range is replaced. Returns the absolute paths.
 */
export async function writeReportFiles(dir: string, files: readonly ReportFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    if (file.name !== path.basename(file.name) || file.name.startsWith('.'))
      throw new Error(`report file name "${file.name}" must be a plain file name`);
    const target = path.join(dir, file.name);
    const temp = path.join(dir, `.${file.name}.${process.pid}.panelcraft-tmp`);
    try {
      await writeFile(temp, file.contents);
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    written.push(target);
  }
  return written;
}
