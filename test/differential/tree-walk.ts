// Two views of a whole tree: what a target shows (the final comparison), and what the real disk holds under a
// directory (the lower layer's snapshot, which must not change while the engine runs over it).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { direntKind, type Session } from './ops.js';
import type { StatsLike } from './target.js';

export interface WalkedEntry {
  path: string; // abstract: relative to the tree root
  stats?: StatsLike;
  error?: string;
  content?: string; // a file's bytes (hashed when long), a symlink's target, or a read error's code
}

function digest(bytes: Buffer): string {
  return bytes.length <= 64 ? JSON.stringify(bytes.toString('latin1')) : `sha256:${createHash('sha256').update(bytes).digest('hex')} (${bytes.length} B)`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Walks the tree through the target's own fs, depth first, children sorted by name (order is compared elsewhere),
 * then what sits beside the tree in its parent (where a `../x` symlink at the top writes).
 */
export async function walkTarget(s: Session): Promise<WalkedEntry[]> {
  const f = s.target.fs;
  const out: WalkedEntry[] = [];
  const visit = async (rel: string): Promise<void> => {
    const at = s.path(rel === '' ? '.' : rel);
    const entry: WalkedEntry = { path: rel === '' ? '.' : rel };
    out.push(entry);
    let stats: StatsLike;
    try {
      stats = await f.lstatSync(at, { bigint: true });
      entry.stats = stats;
    } catch (error) {
      entry.error = codeOf(error);
      return;
    }
    if (stats.isSymbolicLink()) {
      try {
        entry.content = await f.readlinkSync(at);
      } catch (error) {
        entry.content = `readlink ${codeOf(error)}`;
      }
    } else if (stats.isFile()) {
      try {
        entry.content = digest(await f.readFileSync(at, { flag: 'r' }));
      } catch (error) {
        entry.content = `readFile ${codeOf(error)}`;
      }
    } else if (stats.isDirectory()) {
      let names: string[];
      try {
        names = (await f.readdirSync(at, { withFileTypes: false, recursive: false })) as string[];
      } catch (error) {
        entry.content = `readdir ${codeOf(error)}`;
        return;
      }
      for (const name of [...names].sort()) await visit(rel === '' ? name : `${rel}/${name}`);
    }
  };
  await visit('');
  const beside = (await f.readdirSync(s.path('..'), { withFileTypes: false, recursive: false })) as string[];
  for (const name of [...beside].sort()) if (name !== 'tree') await visit(`../${name}`);
  return out;
}

/** Everything about the disk under `dir` that a write could change, in getdents order. */
export function snapshotDisk(dir: string): string {
  const lines: string[] = [];
  const visit = (at: string, rel: string): void => {
    const s = fs.lstatSync(at, { bigint: true });
    let detail = '';
    if (s.isSymbolicLink()) detail = `-> ${fs.readlinkSync(at)}`;
    else if (s.isFile()) {
      try {
        detail = digest(fs.readFileSync(at));
      } catch (error) {
        detail = `unreadable ${codeOf(error)}`;
      }
    }
    lines.push(
      `${rel} mode=${s.mode.toString(8)} uid=${s.uid} gid=${s.gid} nlink=${s.nlink} ino=${s.ino} size=${s.size} ` +
        `mtime=${s.mtimeNs} ctime=${s.ctimeNs} ${detail}`,
    );
    if (s.isDirectory()) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(at, { withFileTypes: true });
      } catch (error) {
        lines.push(`${rel}/ unlistable ${codeOf(error)}`);
        return;
      }
      lines.push(`${rel}/ [${entries.map((d) => `${d.name}:${direntKind(d)}`).join(' ')}]`);
      for (const d of entries) visit(path.join(at, d.name), `${rel}/${d.name}`);
    }
  };
  visit(dir, '.');
  return lines.join('\n');
}
