import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG, type PanelcraftConfig } from '../config/config.ts';
import { parseConfig } from '../config/parse-config.ts';
import { RULE_FILE_FRONT_DOOR_RULES } from '../lint/lint-rule-files.ts';
import { configurableRuleIds } from '../validate/rule-ids.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

export const CONFIG_FILE = 'panelcraft.yaml';

/** Reads `<root>/panelcraft.yaml` (or `file`) if present; defaults otherwise. */
export async function loadConfig(
  root: string,
  file?: string,
): Promise<{ config: PanelcraftConfig; diagnostics: Diagnostic[] }> {
  const abs = file ? path.resolve(root, file) : path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && file === undefined)
      return { config: DEFAULT_CONFIG, diagnostics: [] };
    throw err;
  }
  return parseConfig(text, path.relative(root, abs).split(path.sep).join('/'), {
    ruleIds: [...configurableRuleIds(), ...RULE_FILE_FRONT_DOOR_RULES],
  });
}
