/** One dashboard module as the loader found it: its default export, or why it could not be loaded. */
export type LoadedDashboard =
  | {
      readonly file: string;
      readonly exported: unknown;
      /** Absolute paths of the local files (not npm packages) its code was bundled from, itself included. */
      readonly inputs?: readonly string[];
    }
  | { readonly file: string; readonly error: { readonly message: string; readonly fix: string } };

/** What a module's default export must be: named in the error of a module that has none. */
export interface DefaultExport {
  /** What it must be, after "must `export default`": `a dashboard`, `rule groups`. */
  readonly what: string;
  /** How to write one. */
  readonly fix: string;
}
