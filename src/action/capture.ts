// From the spool to an export folder: fold every process's journal into one change set and export it (files/,
// manifest.json, summary.md). Neither step may cost the user the report: a failure becomes a gap or a warning.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportChangeSet, type ExportResult } from '../changes/export.js';
import { foldJournals } from '../changes/fold.js';
import { kernelChangeSetOfSpool } from '../kernel/front-end.js';
import { changeSetOfManifest, type Manifest } from '../changes/manifest.js';
import type { ChangeSet, DiskCheck } from '../changes/types.js';
import { renderJobSummary } from '../report/job-summary.js';
import type { CommandResult } from './command.js';
import type { Session } from './session.js';

export interface Capture {
  /** After an export, as its manifest tells it: with what was left out (excluded, too large) marked. */
  changeSet: ChangeSet;
  exported?: ExportResult;
  warnings: string[];
}

export function captureChanges(session: Session, result: CommandResult, o: { exportFiles: boolean; disk?: DiskCheck | undefined }): Capture {
  const folded: ChangeSet = { ...foldOrReport(session), ...(o.disk ? { disk: o.disk } : {}) };
  // Which engine ran and why, when the workflow chose one: a line of the report's warnings.
  const engineNote = session.engine && session.engine.requested !== 'preload' ? [`Engine: ${session.engine.why}.`] : [];
  try {
    const captured = o.exportFiles ? exportFolded(session, result, folded) : { changeSet: folded, warnings: [] };
    return { ...captured, warnings: [...engineNote, ...captured.warnings] };
  } finally {
    folded.content?.close?.(); // the journals' descriptors, before the spool is removed
  }
}

function exportFolded(session: Session, result: CommandResult, folded: ChangeSet): Capture {
  const { inputs } = session;
  try {
    const exported = exportChangeSet(folded, {
      outDir: path.join(session.stagingDir, 'export'),
      command: inputs.run,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      includeTransient: inputs.includeTransient,
      exclude: inputs.exclude,
      renderSummary: (cs) =>
        renderJobSummary({ changeSet: cs, command: inputs.run, exitCode: result.exitCode, durationMs: result.durationMs, warnings: [] }),
    });
    return { changeSet: exportedChangeSet(exported) ?? folded, exported, warnings: [] };
  } catch (error) {
    return { changeSet: folded, warnings: [`The export of the changed files failed: ${(error as Error).message}`] };
  }
}

/** A fold that throws still leaves a report, which says the changes could not be read. */
function foldOrReport(session: Session): ChangeSet {
  if (session.engine?.used === 'kernel') return kernelChangeSetOfSpool(session.spoolDir, session.roots, session.engine.passThrough ?? []);
  try {
    return foldJournals({ spoolDir: session.spoolDir, roots: session.roots });
  } catch (error) {
    return {
      roots: session.roots,
      writers: [],
      changes: [],
      gaps: [{ reason: 'journal-unreadable', detail: `The journals in ${session.spoolDir} could not be folded: ${(error as Error).message}` }],
    };
  }
}

function exportedChangeSet(exported: ExportResult): ChangeSet | undefined {
  try {
    return changeSetOfManifest(JSON.parse(readFileSync(exported.manifestPath, 'utf8')) as Manifest);
  } catch {
    return undefined;
  }
}
