// The tree every sequence starts from, made twice per sequence (once per target) with identical names, contents,
// modes and times, so that any difference the runner sees afterwards comes from the operations.
//
// Layout: <private dir>/w/tree is the tree root. Paths with one `..` too many (and `../x` symlinks at the top) land in
// <private dir>/w, which belongs to that target alone: nothing a sequence does can reach a shared directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Entry =
  | { path: string; kind: 'file'; content: string; mode: number }
  | { path: string; kind: 'dir'; mode: number }
  | { path: string; kind: 'symlink'; target: string } // a target starting with '/' is absolute inside the tree
  | { path: string; kind: 'outside-symlink'; target: string } // an absolute target outside the tree, as written
  | { path: string; kind: 'hardlink'; existing: string };

export const STARTING_ENTRIES: readonly Entry[] = [
  { path: 'a', kind: 'file', content: 'alpha\n', mode: 0o644 },
  { path: 'b', kind: 'file', content: 'bravo '.repeat(40), mode: 0o755 },
  { path: 'd', kind: 'dir', mode: 0o755 },
  { path: 'd/e', kind: 'file', content: 'echo', mode: 0o644 },
  { path: 'd/f', kind: 'dir', mode: 0o775 },
  { path: 'd/f/g', kind: 'file', content: 'golf golf\n', mode: 0o664 },
  { path: 'd/lup', kind: 'symlink', target: '../a' },
  { path: 'ro', kind: 'dir', mode: 0o555 },
  { path: 'ro/h', kind: 'file', content: 'hotel', mode: 0o444 },
  { path: 'z', kind: 'file', content: 'zulu, unreadable', mode: 0o000 },
  { path: 'empty', kind: 'dir', mode: 0o700 },
  { path: 'hl', kind: 'hardlink', existing: 'a' },
  { path: 'la', kind: 'symlink', target: 'a' },
  { path: 'ld', kind: 'symlink', target: 'd' },
  { path: 'labs', kind: 'symlink', target: '/d/e' },
  { path: 'ldang', kind: 'symlink', target: 'missing' },
  { path: 'loop1', kind: 'symlink', target: 'loop2' },
  { path: 'loop2', kind: 'symlink', target: 'loop1' },
];

/**
 * For a run without root: MEMFS_DIFF_ROOT_OWNED names a directory that root made and owns (0755, with files of
 * modes 0644 and 0600 and a subdirectory). The tree gets `lroot` → it, so that ops meet entries the process does not
 * own (EPERM for chmod/chown/utimes, EACCES for writes): both targets reach the same real entries, which nobody can
 * change, so the disk's answers stay the truth and nothing shared is ever written.
 */
export const ROOT_OWNED_ENV = 'MEMFS_DIFF_ROOT_OWNED';

export function startingEntries(): readonly Entry[] {
  const rootOwned = process.env[ROOT_OWNED_ENV];
  if (!rootOwned || process.getuid?.() === 0) return STARTING_ENTRIES;
  return [...STARTING_ENTRIES, { path: 'lroot', kind: 'outside-symlink', target: rootOwned }];
}

/** Seconds since the epoch; x.25 is exact in binary, so ms and ns views of these values are exact too. */
export interface StartingTimes {
  atime(index: number): number;
  mtime(index: number): number;
}

/**
 * Atimes lie an hour in the future: with `relatime` (this machine's / mount) the kernel bumps atime on a read only
 * when it is older than mtime or ctime (or a day old), so reads then leave it alone and the disk and the engine
 * (which never bumps atime) start out agreeing.
 */
export function startingTimes(): StartingTimes {
  const recent = Math.floor(Date.now() / 1000) + 3600;
  return {
    atime: (i) => recent + i + 0.25,
    mtime: (i) => 1_000_000_000 + i * 1000 + 0.25,
  };
}

export interface TreeDirs {
  /** The private directory holding the tree (removed at the end). */
  privateDir: string;
  root: string;
}

/** Makes an empty tree location. Every private dir has the same length, so absolute symlink targets do too. */
export function makeTreeDirs(): TreeDirs {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-diff-'));
  fs.chmodSync(privateDir, 0o755);
  const root = path.join(privateDir, 'w', 'tree');
  fs.mkdirSync(root, { recursive: true });
  return { privateDir, root };
}

export function concreteSymlinkTarget(root: string, target: string): string {
  return target.startsWith('/') ? root + target : target;
}

export function buildStartingTree(root: string, times: StartingTimes): void {
  const entries = startingEntries();
  for (const entry of entries) {
    const at = path.join(root, entry.path);
    switch (entry.kind) {
      case 'file':
        fs.writeFileSync(at, entry.content);
        break;
      case 'dir':
        fs.mkdirSync(at);
        break;
      case 'symlink':
        fs.symlinkSync(concreteSymlinkTarget(root, entry.target), at);
        break;
      case 'outside-symlink':
        fs.symlinkSync(entry.target, at);
        break;
      case 'hardlink':
        fs.linkSync(path.join(root, entry.existing), at);
        break;
    }
  }
  // Modes after contents (a read-only dir must be filled first), times last and deepest first (filling a directory
  // changes its mtime).
  for (const entry of entries) {
    if (entry.kind === 'file' || entry.kind === 'dir') fs.chmodSync(path.join(root, entry.path), entry.mode);
  }
  const byDepth = entries.map((e, i) => ({ e, i })).sort(
    (x, y) => y.e.path.split('/').length - x.e.path.split('/').length,
  );
  for (const { e, i } of byDepth) {
    if (e.kind === 'hardlink') continue; // same inode as its `existing`, whose times win
    fs.lutimesSync(path.join(root, e.path), times.atime(i), times.mtime(i));
  }
  fs.utimesSync(root, times.atime(entries.length), times.mtime(entries.length));
}

/** Every explicit time value of the starting tree, in nanoseconds. */
export function startingTimeValuesNs(times: StartingTimes): bigint[] {
  const values: bigint[] = [];
  for (let i = 0; i <= startingEntries().length; i++) values.push(secondsToNs(times.atime(i)), secondsToNs(times.mtime(i)));
  return values;
}

/** As libuv turns a double of seconds into a timespec (truncating both parts). */
export function secondsToNs(seconds: number): bigint {
  const whole = Math.trunc(seconds);
  return BigInt(whole) * 1_000_000_000n + BigInt(Math.trunc((seconds - whole) * 1e9));
}

export function removeTreeDirs(dirs: TreeDirs): void {
  // A sequence may leave read-only or mode-000 directories behind: open them up so rm can empty them.
  const openUp = (dir: string): void => {
    try {
      fs.chmodSync(dir, 0o700);
      for (const name of fs.readdirSync(dir)) {
        const child = path.join(dir, name);
        if (fs.lstatSync(child).isDirectory()) openUp(child);
      }
    } catch {
      // Not ours to open (a nobody run over a root-owned entry): rm below reports what remains.
    }
  };
  openUp(dirs.privateDir);
  fs.rmSync(dirs.privateDir, { recursive: true, force: true });
}
