import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import {
  alertingFileRules,
  type AlertingFileRules,
  type GrafanaAlertingState,
  type RuleKey,
} from '../build/grafana-deleted-rules.ts';
import { MANIFEST_FILE, parseManifest } from '../build/manifest.ts';
import { OUT_DIR } from '../model/project-layout.ts';
import { listFiles } from './list-files.ts';

const ALERTING_DIR = 'alerting';

/**
 * What `provisioning/alerting/` holds before a build: the rules of each file an earlier build wrote (the manifest
 * lists it), the rules foreign files there define, and the files the manifest lists that are gone. Grafana reads the
 * folder's own `.yaml`, `.yml` and `.json` files, not subfolders (`os.ReadDir` in its config_reader.go), and so does
 * this. A file that does not parse holds no rules here; the writer reports it if it is in the way.
 */
export async function readGrafanaAlertingState(root: string): Promise<GrafanaAlertingState> {
  const outDir = path.join(root, OUT_DIR);
  let manifest: ReadonlyMap<string, readonly string[]> = new Map();
  try {
    manifest = alertingEntries(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw err;
  }
  const files = await listFiles(path.join(outDir, ALERTING_DIR), {
    relPrefix: ALERTING_DIR,
    descend: () => false,
    include: (name) => /\.(ya?ml|json)$/.test(name),
  });
  const ours = new Map<string, AlertingFileRules>();
  const foreign: RuleKey[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = parse(await readFile(file.abs, 'utf8'));
    } catch {
      doc = undefined;
    }
    const rules = alertingFileRules(doc);
    if (manifest.has(file.rel)) ours.set(file.rel, rules);
    else foreign.push(...rules.provisioned);
  }
  const onDisk = new Set(files.map((f) => f.rel));
  const lost = [...manifest.keys()]
    .filter((p) => p.startsWith(`${ALERTING_DIR}/`) && !p.slice(ALERTING_DIR.length + 1).includes('/'))
    .filter((p) => !onDisk.has(p))
    .sort();
  return { ours, foreign, lost };
}

/**
 * The manifest's entries below `alerting/`, the only ones read here: the lines of the other files (5 000 dashboards
 * at 5 000, read on every `dev` save) are not parsed.
 */
function alertingEntries(text: string): ReadonlyMap<string, readonly string[]> {
  const marker = ` ${ALERTING_DIR}/`;
  return parseManifest(
    text
      .split('\n')
      .filter((line) => line.includes(marker))
      .join('\n'),
  );
}
