/** One dashboard module as the loader found it: its default export, or why it could not be loaded. */
export type LoadedDashboard =
  | { readonly file: string; readonly exported: unknown }
  | { readonly file: string; readonly error: { readonly message: string; readonly fix: string } };
