import type { JsonObject } from '../../model/json.ts';

/** One legacy panel brought to its current type, and what of it could not come along. */
export interface PanelUpgrade {
  readonly panel: JsonObject;
  readonly from: string;
  readonly to: string;
  /** What was converted, in words, for the import report. */
  readonly notes: readonly string[];
  /** Settings with no equivalent in the new panel, named for the report. */
  readonly lost: readonly string[];
  /** Legacy keys read and removed. */
  readonly consumed: readonly string[];
}
