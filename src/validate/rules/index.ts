import type { RuleSet } from '../engine.ts';
import { gridBounds } from './grid-bounds.ts';
import { gridOverlap } from './grid-overlap.ts';
import { panelIdUnique } from './panel-id-unique.ts';
import { titleFolderClash } from './title-folder-clash.ts';
import { titleRequired } from './title-required.ts';
import { titleUniqueInFolder } from './title-unique-in-folder.ts';
import { uidFormat } from './uid-format.ts';
import { uidUnique } from './uid-unique.ts';

/**
 * The one rule set: `build` and `lint` both run it (one engine, two front doors).
 * One import per rule file; keep the lists sorted by rule id.
 */
export const allRules: RuleSet = {
  dashboard: [gridBounds, gridOverlap, panelIdUnique, titleRequired, uidFormat],
  tree: [titleFolderClash, titleUniqueInFolder, uidUnique],
};
