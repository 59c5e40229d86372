// The contract between the front ends (action/, cli/) and the renderers of this folder: everything a report says
// comes from here, so the job summary and the terminal report always tell the same story.
import type { ChangeSet } from '../changes/types.js';

export interface ArtifactLink {
  id: number;
  url: string;
  /** Added compatibly: with a name, run id and repository the report can print a `gh run download` line. */
  name?: string;
  runId?: string;
  repository?: string;
}

export interface ReportInput {
  changeSet: ChangeSet;
  command: string;
  /** null when the command's exit is unknown: killed by a signal, or the run was cancelled before it ended. */
  exitCode: number | null;
  durationMs: number;
  /** Where the export (files/ + manifest.json) was written, when it was. */
  exportDir?: string;
  artifact?: ArtifactLink;
  /** Problems the front end met (upload failed, quota hit, …), in the user's words. */
  warnings: string[];
}
