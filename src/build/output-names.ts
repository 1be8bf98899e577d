import type { Diagnostic } from '../model/diagnostic.ts';

/** Longest file or folder name most file systems take (ext4, APFS, NTFS: 255 bytes or UTF-16 units). */
export const MAX_NAME_BYTES = 255;
/** Longest path Linux takes (PATH_MAX); Windows takes less without long-path support. */
export const MAX_PATH_BYTES = 4096;

/** Names Windows reserves for devices, with any extension (`con.json`, `Aux.tar.json`), case-insensitive. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
/** Characters Windows does not allow in names. */
const WINDOWS_FORBIDDEN = /[<>:"|?*\\]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Where a generated file comes from, for the message: the source `.ts` when known. */
export type OutputSource = (path: string) => string | undefined;

/**
 * Checks the paths a build is about to write, before anything is written. Pure. Independent of any rule or setting:
 * each path must stay inside its output root (no absolute path, no `.`/`..`, no empty part), and each name must
 * be one every checkout can hold: no NUL or control characters, at most 255 bytes, not a Windows device name,
 * no character Windows forbids or trailing dot or space, and no two paths that differ only in case or Unicode
 * normalization (one file on macOS and Windows). `label` turns a path into what the user sees (`provisioning/…`).
 */
export function outputNameProblems(
  paths: readonly string[],
  label: (path: string) => string,
  sourceOf: OutputSource = () => undefined,
): Diagnostic[] {
  // Whether there are problems depends on the paths alone (`label` and `sourceOf` only word them): `dev` checks
  // the same 1 000 paths after every save.
  const key = JSON.stringify(paths);
  if (key === lastClean) return [];
  const out = problemsOf(paths, label, sourceOf);
  if (out.length === 0) lastClean = key;
  return out;
}

/** The last path list found without problems, as JSON. */
let lastClean: string | undefined;

function problemsOf(paths: readonly string[], label: (path: string) => string, sourceOf: OutputSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const problem = (path: string, message: string, fix: string, namesPath = false) => {
    const source = sourceOf(path);
    const prefix = source && !namesPath ? `${label(path)}: ` : '';
    out.push({
      rule: 'output-path',
      severity: 'error',
      file: source ?? label(path),
      pointer: '',
      message: `${prefix}${message}`,
      fix,
    });
  };
  const fixName =
    'give the dashboard an explicit uid of letters, digits, "-" and "_" (at most 40), or rename its folder or file';
  const byFolded = new Map<string, Set<string>>();
  for (const path of paths) {
    const shown = JSON.stringify(path);
    if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
      problem(
        path,
        `output path ${shown} is not relative to the output folder; panelcraft writes only inside it`,
        fixName,
      );
      continue;
    }
    const bytes = Buffer.byteLength(path, 'utf8');
    if (bytes > MAX_PATH_BYTES) {
      problem(
        path,
        `output path "${path.slice(0, 60)}…" is ${bytes} bytes long; file systems take at most ${MAX_PATH_BYTES}`,
        fixName,
      );
      continue;
    }
    const parts = path.split('/');
    const bad = parts.find((p) => p === '' || p === '.' || p === '..');
    if (bad !== undefined) {
      problem(
        path,
        `output path ${shown} has a ${bad === '' ? 'empty' : `"${bad}"`} part and would leave its folder; panelcraft writes only inside the output folder`,
        fixName,
      );
      continue;
    }
    let ok = true;
    for (const part of parts) {
      const name = JSON.stringify(part);
      const control = CONTROL.exec(part);
      if (control) {
        problem(
          path,
          `name ${name} holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; no file system or checkout takes it safely`,
          fixName,
        );
        ok = false;
      } else if (Buffer.byteLength(part, 'utf8') > MAX_NAME_BYTES) {
        problem(
          path,
          `name "${part.slice(0, 40)}…" is ${Buffer.byteLength(part, 'utf8')} bytes long; file systems take at most ${MAX_NAME_BYTES}`,
          fixName,
        );
        ok = false;
      } else if (WINDOWS_RESERVED.test(part)) {
        problem(
          path,
          `name ${name} is a device name on Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension); a checkout there fails`,
          fixName,
        );
        ok = false;
      } else if (WINDOWS_FORBIDDEN.test(part)) {
        problem(
          path,
          `name ${name} holds a character Windows does not allow in names (< > : " | ? * \\); a checkout there fails`,
          fixName,
        );
        ok = false;
      } else if (/[. ]$/.test(part)) {
        problem(
          path,
          `name ${name} ends with a dot or space, which Windows drops; a checkout there names it differently`,
          fixName,
        );
        ok = false;
      }
    }
    if (!ok) continue;
    // Every prefix: two folders `Payments/` and `payments/` collide as surely as two files do.
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const folded = prefix.normalize('NFC').toLowerCase();
      const seen = byFolded.get(folded) ?? new Set<string>();
      seen.add(prefix);
      byFolded.set(folded, seen);
    }
  }
  for (const variants of byFolded.values()) {
    if (variants.size < 2) continue;
    const [first, ...others] = [...variants].sort();
    for (const other of others) {
      problem(
        other,
        `${label(other)} and ${label(first!)} differ only in case or Unicode normalization; on macOS and Windows they are one ${other.endsWith('.json') || other.endsWith('.yaml') ? 'file' : 'folder'}, so one would overwrite the other`,
        'make the uids (or folder names) differ in more than case',
        true,
      );
    }
  }
  return out;
}
