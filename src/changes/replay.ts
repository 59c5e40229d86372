// Close-to-open consistency, the simple half: a process that starts applies, in order, every change its
// predecessors (and its still-running parent) have made visible in the spool, so it sees the files they wrote.
// What it applies is not journaled again: those changes are already in their writers' journals.
import { fs, path } from '../platform/builtins.js';
import type { OverlayApi } from '../overlay/types.js';
import { journalOf, noteForJournal } from './journal.js';
import { readSpool, type TimedChange } from './read-journals.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const writeFlags = O_WRONLY | O_CREAT | O_TRUNC;

export interface ReplayResult {
  applied: number;
  failed: { change: TimedChange; error: Error }[];
}

/** `roots`: the process's own; given, a record the fold would refuse (journal-trust.ts) is not replayed either. */
export function replayJournals(spoolDir: string, engine: OverlayApi, roots?: readonly string[]): void {
  replayJournalsDetailed(spoolDir, engine, roots);
}

/** The same, telling what could not be applied (the preload stays silent; tests and the CLI want to know). */
export function replayJournalsDetailed(spoolDir: string, engine: OverlayApi, roots?: readonly string[]): ReplayResult {
  const journal = journalOf(engine);
  const spool = readSpool(spoolDir, { ...(journal ? { skip: journal.file } : {}), ...(roots ? { roots } : {}) });
  const result: ReplayResult = { applied: 0, failed: [] };
  const applyAll = () => {
    for (const change of spool.changes) {
      if (change.superseded) continue;
      try {
        withAccess(engine, change, () => apply(engine, change));
        result.applied++;
      } catch (error) {
        result.failed.push({ change, error: error as Error });
      }
    }
  };
  journal?.suspend();
  try {
    // As root where the engine allows it: predecessors may have been other users (or root) and their files are
    // part of the state this process must see; permissions apply again to what this process does itself.
    if (engine.asRoot) engine.asRoot(applyAll);
    else applyAll();
  } finally {
    journal?.resume();
  }
  for (const { change, error } of result.failed) {
    noteForJournal(engine, `replay of a ${change.record.k} change from pid ${change.journal.begin?.pid ?? '?'} failed: ${error.message}`);
  }
  return result;
}

function apply(engine: OverlayApi, change: TimedChange): void {
  const record = change.record;
  switch (record.k) {
    case 'content': {
      engine.writeFile(record.path, change.content?.() ?? Buffer.alloc(0), writeFlags, record.mode & 0o7777);
      setMetadata(engine, record.path, record);
      return;
    }
    case 'mkdir':
      if (!isDirectory(engine, record.path)) engine.mkdir(record.path, record.mode & 0o7777, false);
      setOwnerAndMode(engine, record.path, record);
      return;
    case 'symlink':
      engine.rm(record.path, { recursive: false, force: true });
      engine.symlink(record.target, record.path);
      chownIfNeeded(engine, record.path, record, true);
      return;
    case 'link':
      engine.rm(record.newPath, { recursive: false, force: true });
      engine.link(record.existingPath, record.newPath);
      return;
    case 'remove':
      engine.rm(record.path, { recursive: true, force: true });
      return;
    case 'rename':
      engine.rename(record.from, record.to);
      return;
    case 'metadata':
      setMetadata(engine, record.path, record);
      return;
  }
}

function isDirectory(engine: OverlayApi, target: string): boolean {
  const stat = engine.tryStat(target, false);
  return stat !== undefined && (stat.mode & fs.constants.S_IFMT) === fs.constants.S_IFDIR;
}

interface Metadata {
  mode?: number;
  uid: number;
  gid: number;
  atimeNs?: string;
  mtimeNs?: string;
}

function setMetadata(engine: OverlayApi, target: string, m: Metadata): void {
  setOwnerAndMode(engine, target, m);
  if (m.atimeNs !== undefined && m.mtimeNs !== undefined) {
    const stat = engine.lstat(target);
    if ((stat.mode & fs.constants.S_IFMT) === fs.constants.S_IFLNK) {
      engine.lutimes(target, BigInt(m.atimeNs), BigInt(m.mtimeNs));
    } else {
      engine.utimes(target, BigInt(m.atimeNs), BigInt(m.mtimeNs));
    }
  }
}

function setOwnerAndMode(engine: OverlayApi, target: string, m: Metadata): void {
  const stat = engine.lstat(target);
  if ((stat.mode & fs.constants.S_IFMT) === fs.constants.S_IFLNK) return chownIfNeeded(engine, target, m, true);
  chownIfNeeded(engine, target, m, false);
  if (m.mode !== undefined && (stat.mode & 0o7777) !== (m.mode & 0o7777)) engine.chmod(target, m.mode & 0o7777);
}

/** Ownership is replayed only where this process may give it (root); otherwise files stay this process's own. */
function chownIfNeeded(engine: OverlayApi, target: string, m: Metadata, symlink: boolean): void {
  const stat = engine.lstat(target);
  if (stat.uid === m.uid && stat.gid === m.gid) return;
  try {
    if (symlink) engine.lchown(target, m.uid, m.gid);
    else engine.chown(target, m.uid, m.gid);
  } catch {
    // EPERM for a non-root process: the change's own process may have been root; keep the bytes, lose the owner.
  }
}

/**
 * A predecessor may have left a file or folder read-only after writing into it (write, then chmod 0444 or 0555):
 * replaying its later changes in order would then fail with EACCES. Lift the write bits of the paths involved for
 * the one change, then put them back, as the original process's order of operations permitted.
 */
function withAccess(engine: OverlayApi, change: TimedChange, action: () => void): void {
  try {
    action();
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
  }
  const restore: { target: string; mode: number }[] = [];
  try {
    for (const target of pathsTouched(change)) {
      const candidates = change.record.k === 'content' ? [path.dirname(target), target] : [path.dirname(target)];
      for (const candidate of candidates) {
        const stat = engine.tryStat(candidate, false);
        if (!stat || (stat.mode & fs.constants.S_IFMT) === fs.constants.S_IFLNK) continue;
        const relaxed = stat.mode | 0o700;
        if ((stat.mode & 0o7777) === (relaxed & 0o7777)) continue;
        engine.chmod(candidate, relaxed & 0o7777);
        restore.unshift({ target: candidate, mode: stat.mode & 0o7777 });
      }
    }
    action();
  } finally {
    for (const { target, mode } of restore) {
      try {
        engine.chmod(target, mode);
      } catch {
        // The path moved away in the change itself (rename, remove): nothing to put back.
      }
    }
  }
}

function pathsTouched(change: TimedChange): string[] {
  const record = change.record;
  switch (record.k) {
    case 'link':
      return [record.existingPath, record.newPath];
    case 'rename':
      return [record.from, record.to];
    default:
      return [record.path];
  }
}
