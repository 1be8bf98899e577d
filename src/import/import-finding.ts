/**
 * What an import did or found, for the person running it. `note`: a clean-up that changed the dashboard;
 * `warning`: imported as is, but `panelcraft lint` / `build` will complain (`rule` names the rule);
 * `error`: the file was not imported.
 */
export interface ImportFinding {
  readonly kind: 'note' | 'warning' | 'error';
  /** The lint rule a warning or error previews, or the front-door check that failed. */
  readonly rule?: string;
  /** JSON pointer into the imported dashboard (after unwrapping), `''` for the whole file. */
  readonly pointer: string;
  readonly panel?: string;
  readonly message: string;
}
