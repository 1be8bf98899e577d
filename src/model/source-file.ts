/** A file handed to a pure front door: its path as shown to the user and its text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
  /** Size on disk when the file was too large to read (then `text` is empty). */
  readonly bytes?: number;
}
