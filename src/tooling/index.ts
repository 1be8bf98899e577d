// The programmatic API the CLI itself calls (`panelcraft/tooling`): re-exports only.
export {
  buildProject,
  writeProject,
  OUT_DIR,
  type BuildProjectOptions,
  type ProjectBuild,
  type WriteOutcome,
} from '../io/build-project.ts';
export type { Diagnostic } from '../model/diagnostic.ts';
