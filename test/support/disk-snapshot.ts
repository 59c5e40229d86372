// A record of what a folder holds on the real disk (path, type, mode, size, mtime, content hash, symlink target), to
// prove that a run under the preload left it exactly as it was: take one before, one after, and compare.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { bytesToName } from '../../src/overlay/name-bytes.js';

export interface DiskEntry {
  type: 'file' | 'directory' | 'symlink' | 'other';
  mode: number;
  size: number;
  mtimeNs: string;
  sha256?: string;
  target?: string;
}

/** Relative POSIX path → entry, sorted by path; a name's bytes that are not UTF-8 as U+DC80–U+DCFF (name-bytes.ts). */
export type DiskSnapshot = Record<string, DiskEntry>;

export interface SnapshotOptions {
  /** Relative paths (or their first segment) left out, e.g. caches a runner writes on purpose. */
  ignore?: (relativePath: string) => boolean;
}

export function snapshotDisk(root: string, options: SnapshotOptions = {}): DiskSnapshot {
  const entries: [string, DiskEntry][] = [];
  // By bytes: a name that is not UTF-8, read as text, would come back as U+FFFD and name no file.
  const walk = (dir: Buffer, relativeDir: string): void => {
    for (const name of readdirSync(dir, { encoding: 'buffer' })) {
      const full = Buffer.concat([dir, Buffer.from('/'), name]);
      const relative = relativeDir + bytesToName(name);
      if (options.ignore?.(relative)) continue;
      const stat = lstatSync(full, { bigint: true });
      const entry: DiskEntry = {
        type: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : stat.isSymbolicLink() ? 'symlink' : 'other',
        mode: Number(stat.mode),
        size: Number(stat.size),
        mtimeNs: stat.mtimeNs.toString(),
      };
      if (entry.type === 'file') entry.sha256 = createHash('sha256').update(readFileSync(full)).digest('hex');
      if (entry.type === 'symlink') entry.target = bytesToName(readlinkSync(full, { encoding: 'buffer' }));
      entries.push([relative, entry]);
      if (entry.type === 'directory') walk(full, `${relative}/`);
    }
  };
  walk(Buffer.from(root), '');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Human-readable differences, empty when the two snapshots are identical. */
export function diffSnapshots(before: DiskSnapshot, after: DiskSnapshot): string[] {
  const differences: string[] = [];
  for (const [p, entry] of Object.entries(before)) {
    const now = after[p];
    if (now === undefined) differences.push(`deleted: ${p}`);
    else {
      const changed = (Object.keys(entry) as (keyof DiskEntry)[]).filter((k) => entry[k] !== now[k]);
      if (changed.length > 0) differences.push(`changed ${changed.join(', ')}: ${p}`);
    }
  }
  for (const p of Object.keys(after)) if (before[p] === undefined) differences.push(`created: ${p}`);
  return differences;
}
