/** One dashboard module as the loader found it: its default export, or why it could not be loaded. */
export type LoadedDashboard =
  | {
      readonly file: string;
      readonly exported: unknown;
      /** Absolute paths of the local files (not npm packages) its code was bundled from, itself included. */
      readonly inputs?: readonly string[];
    }
  | { readonly file: string; readonly error: { readonly message: string; readonly fix: string } };
