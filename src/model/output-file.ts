/** A file of the provisioning tree; `path` is relative to `provisioning/`, posix separators. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}
