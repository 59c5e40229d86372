// The end of a run, the same for main and for the post step that stands in for a main that was killed: capture the
// changes, upload them, and tell the user (outputs, step log, job summary).
import * as core from '@actions/core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExportResult } from '../changes/export.js';
import { removeSpool } from '../changes/spool.js';
import type { ChangeSet, DiskCheck } from '../changes/types.js';
import { renderJobSummary } from '../report/job-summary.js';
import { fileCount } from '../changes/manifest.js';
import { countChanges, diskSentence } from '../report/outline.js';
import { renderTerminalReport } from '../report/terminal.js';
import type { ArtifactLink, ReportInput } from '../report/types.js';
import { showInvisible } from '../report/visible.js';
import { captureChanges } from './capture.js';
import type { CommandResult } from './command.js';
import type { Session } from './session.js';
import { uploadArtifact } from './upload.js';
import type { WithheldSecrets } from './withheld-secrets.js';

/**
 * `secrets`: the runner's tokens, withheld from the command and put back here for the upload, after it exited.
 * `disk`: what changed on the real disk during the run; the post step, which has no picture from before, has none.
 */
export async function conclude(
  session: Session, result: CommandResult, secrets: Pick<WithheldSecrets, 'restore'>, disk?: DiskCheck,
): Promise<void> {
  const { inputs } = session;
  const failed = result.exitCode !== 0;
  const wantUpload = inputs.upload === 'always' || (inputs.upload === 'on-failure' && failed);

  // Exported on failure even with upload: never, so that a later step can use the "manifest" output.
  const { changeSet, exported, warnings } = captureChanges(session, result, { exportFiles: wantUpload || failed, disk });
  // An annotation on the run's page, whatever the command's result: these changes are on the disk of the job.
  if (disk && disk.changed.length > 0) {
    core.warning(`memfs-action: ${diskSentence(disk)} — on the real disk, written by a program the overlay does not reach. ` +
      `The list is in the step log${inputs.summary ? ' and the job summary' : ''}.`);
  }

  let artifact: ArtifactLink | undefined;
  if (wantUpload && exported) {
    secrets.restore();
    const uploaded = await uploadArtifact({
      name: inputs.artifactName,
      rootDirectory: exported.outDir,
      files: filesToUpload(exported),
      retentionDays: inputs.retentionDays,
      compressionLevel: inputs.compressionLevel,
      overwrite: inputs.overwrite,
    });
    if ('artifact' in uploaded) artifact = uploaded.artifact;
    else warnings.push(uploaded.warning);
  }
  for (const warning of warnings) core.warning(showInvisible(warning));

  const report: ReportInput = {
    changeSet,
    command: inputs.run,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    exportDir: exported?.outDir,
    artifact,
    warnings,
  };
  setOutputs(changeSet, result, exported, artifact);
  core.info(renderTerminalReport(report, { color: true }));
  // The run page shows the artifact by name and link; the staging folder on the runner means nothing there.
  if (inputs.summary) await writeSummary({ ...report, exportDir: undefined });
  removeSpool(session.spoolDir);
}

/** The manifest always travels with the files, whether or not the export lists it among them. */
function filesToUpload(exported: ExportResult): string[] {
  return exported.files.includes(exported.manifestPath) ? exported.files : [...exported.files, exported.manifestPath];
}

function setOutputs(changeSet: ChangeSet, result: CommandResult, exported?: ExportResult, artifact?: ArtifactLink): void {
  for (const [name, value] of Object.entries(actionOutputs(changeSet, result, exported, artifact))) core.setOutput(name, value);
}

/** The step's outputs. The counts are the manifest's (docs/manifest.md, "counts"): files are entries but directories. */
export function actionOutputs(
  changeSet: ChangeSet, result: Pick<CommandResult, 'exitCode'>, exported?: Pick<ExportResult, 'manifestPath'>, artifact?: ArtifactLink,
): Record<string, string> {
  const counts = countChanges(changeSet);
  return {
    'exit-code': result.exitCode === null ? '' : String(result.exitCode),
    'files-created': String(fileCount(counts, 'created')),
    'files-modified': String(fileCount(counts, 'modified')),
    'files-deleted': String(fileCount(counts, 'deleted')),
    'artifact-id': artifact ? String(artifact.id) : '',
    'artifact-url': artifact?.url ?? '',
    manifest: exported?.manifestPath ?? '',
  };
}

async function writeSummary(report: ReportInput): Promise<void> {
  try {
    await core.summary.addRaw(renderJobSummary(report)).write();
  } catch (error) {
    // No GITHUB_STEP_SUMMARY (a local runner) is no reason to fail a step whose result is the tests'.
    core.warning(`The job summary could not be written: ${(error as Error).message}`);
  }
}

export function createStagingDir(parent: string, id: string): string {
  const dir = path.join(parent, `memfs-action-${id}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
