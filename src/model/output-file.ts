/** A file of the provisioning tree; `path` is relative to `provisioning/`, posix separators. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
  /** sha256 of `contents`, when the producer knows it already (the writer hashes the contents otherwise). */
  readonly sha256?: string;
}
