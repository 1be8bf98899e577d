import { createHash } from 'node:crypto';

/**
 * The record of what panelcraft wrote into `provisioning/`: path → sha256 of the bytes written. It lets a build
 * tell its own files (safe to replace or delete) from foreign or hand-edited ones (never touched), and it sits at
 * `provisioning/.panelcraft-manifest`, a name Grafana never reads (not `.json`, not `.yaml`, not in a folder it walks).
 * During a write a path may list two hashes (old and new), so a build killed halfway still recognises both.
 */
export type Manifest = ReadonlyMap<string, readonly string[]>;

export const MANIFEST_FILE = '.panelcraft-manifest';
const HEADER = '# Files written by panelcraft build, with their sha256. Generated: do not edit.\n';

export function sha256(contents: string): string {
  return createHash('sha256').update(contents, 'utf8').digest('hex');
}

export function formatManifest(manifest: Manifest): string {
  // Sorted by UTF-16 code units (the default order), one line per path; a write formats 5 000 of them twice.
  let text = HEADER;
  for (const file of [...manifest.keys()].sort()) {
    const hashes = manifest.get(file)!;
    text += `${hashes.length === 1 ? hashes[0] : [...new Set(hashes)].join(',')} ${file}\n`;
  }
  return text;
}

/** Parses a manifest; lines it cannot read are ignored (the files they named then count as foreign). */
export function parseManifest(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}(?:,[0-9a-f]{64})*) (.+)$/.exec(line.trim());
    if (match && isSafePath(match[2]!)) out.set(match[2]!, match[1]!.split(','));
  }
  return out;
}

/** A manifest path names a file inside the tree: relative, no `.`/`..`/empty parts, no NUL or backslash. */
function isSafePath(file: string): boolean {
  return (
    !file.startsWith('/') && !/[\0\\]/.test(file) && file.split('/').every((p) => p !== '' && p !== '.' && p !== '..')
  );
}
