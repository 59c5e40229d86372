// manifest.json: the change set as data, versioned. docs/manifest.md documents every field; bump schemaVersion on
// any change that is not a pure addition.
import type { CaptureGap, ChangeSet, DiskCheck, PathChange, RootInfo, Writer } from './types.js';
import { testsOfRun, type TestOfRun } from './tests-of-run.js';

export const manifestSchemaVersion = 1;

export interface Manifest {
  schemaVersion: typeof manifestSchemaVersion;
  generator: 'memfs-action';
  createdAt: string;
  command: string;
  exitCode: number | null;
  durationMs: number;
  /** How exported file names are encoded (see docs/manifest.md). */
  nameEncoding: 'percent-v2';
  counts: ChangeCounts;
  roots: RootInfo[];
  writers: Writer[];
  changes: PathChange[];
  gaps: CaptureGap[];
  /** Added compatibly: the tests of recognised runners that changed the listed paths; absent when none is known. */
  tests?: TestOfRun[];
  /** Added compatibly: what changed on the real disk outside the overlay; absent when it was not checked. */
  diskCheck?: DiskCheck;
}

/** How many paths changed, by change; the same numbers on every surface (docs/manifest.md, "counts"). */
export interface ChangeCounts {
  /** Entries of `changes[]` with this change, of every type: files, directories, symlinks and others. */
  created: number;
  modified: number;
  deleted: number;
  transient: number;
  /** Added compatibly: how many of each count are directories. The rest are files (and symlinks, and others). */
  directories: KindCounts;
}

export interface KindCounts {
  created: number;
  modified: number;
  deleted: number;
  transient: number;
}

export function countChanges(changes: PathChange[]): ChangeCounts {
  const counts: ChangeCounts = { created: 0, modified: 0, deleted: 0, transient: 0, directories: { created: 0, modified: 0, deleted: 0, transient: 0 } };
  for (const change of changes) {
    counts[change.change]++;
    if (change.type === 'directory') counts.directories[change.change]++;
  }
  return counts;
}

/** What the counts call files: every entry but a directory. */
export function fileCount(counts: ChangeCounts, kind: keyof KindCounts): number {
  return counts[kind] - counts.directories[kind];
}

export function buildManifest(
  cs: ChangeSet,
  changes: PathChange[],
  gaps: CaptureGap[],
  run: { command: string; exitCode: number | null; durationMs: number },
): Manifest {
  return {
    schemaVersion: manifestSchemaVersion,
    generator: 'memfs-action',
    createdAt: new Date().toISOString(),
    command: run.command,
    exitCode: run.exitCode,
    durationMs: Math.round(run.durationMs),
    nameEncoding: 'percent-v2',
    counts: countChanges(changes),
    roots: cs.roots,
    writers: cs.writers,
    changes,
    gaps,
    ...testsOf(cs, changes),
    ...(cs.disk ? { diskCheck: cs.disk } : {}),
  };
}

function testsOf(cs: ChangeSet, changes: PathChange[]): { tests?: TestOfRun[] } {
  const tests = testsOfRun({ writers: cs.writers, changes });
  return tests.length > 0 ? { tests } : {};
}

/** Reads a manifest back into a change set (without content): for reports of an export made earlier. */
export function changeSetOfManifest(manifest: Manifest): ChangeSet {
  const cs: ChangeSet = { roots: manifest.roots, writers: manifest.writers, changes: manifest.changes, gaps: manifest.gaps };
  if (manifest.diskCheck) cs.disk = manifest.diskCheck;
  return cs;
}
