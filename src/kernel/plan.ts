// What the front end hands the launcher (launcher.ts) that runs inside the private mount namespace, and what the
// launcher hands back: a JSON file each way in the run's spool (0700), never the command line, which every user of the
// machine can read (the command's environment holds the workflow's secrets).

/** How the command is brought back from the namespace's root to the caller's own uid/gid. */
export type DropTo =
  /** The caller is root: the command runs as root, as it would without the engine. */
  | { how: 'none' }
  /** A user namespace inside the mounting one maps the caller's uid/gid back (bwrap's `--uid`): `unshare --map-user`. */
  | { how: 'user-namespace'; uid: number; gid: number }
  /** Real root through sudo: `setpriv` sets the caller's uid, gid and groups before the command starts. */
  | { how: 'setpriv'; uid: number; gid: number; groups: number[] };

export interface LaunchPlan {
  /** An empty folder outside every root where the tmpfs is mounted (inside the namespace only). */
  stagingDir: string;
  /** tmpfs size in bytes; undefined: the kernel's default (half the RAM). */
  sizeBytes: number | undefined;
  /** Absolute real paths, none inside another: each gets an overlay mounted over itself. */
  roots: string[];
  /** Every root (nested ones too) and the absolute pass-through globs, as the preload routes them: what the command
   * wrote there is written back to the real disk when it ends. */
  allRoots: string[];
  passThrough: string[];
  /** Overlay options beyond the layers: 'userxattr' in a user namespace, else redirect_dir=off,metacopy=off. */
  overlayOptions: string;
  drop: DropTo;
  /** Absolute paths of the programs the launcher calls, resolved by the front end (sudo resets PATH). */
  programs: { mount: string; unshare: string; setpriv: string };
  /** One element: a shell command line; more: a program and its arguments. */
  command: string[];
  cwd: string;
  env: Record<string, string>;
  /** Where the launcher writes capture.json and the bytes of the upper layer's files. */
  captureDir: string;
  /** Who must own what it writes there (sudo: the caller, not root); undefined: leave it to the launcher's uid. */
  owner: { uid: number; gid: number } | undefined;
}

/** One entry of a root's upper layer, as the launcher saw it after the command ended. */
export interface UpperEntry {
  /** Relative to the root, POSIX separators. */
  relativePath: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  /** st_mode as it is (type and permission bits). */
  mode: number;
  size: number;
  /** The owner as the machine outside the namespace sees it (the disk's view); -1: an id the namespace cannot name. */
  uid: number;
  gid: number;
  /** The upper layer's inode and link count: files that share one are hard links of each other. */
  ino: number;
  nlink: number;
  target?: string;
  /** The file's bytes, copied out of the tmpfs: the name of a file in captureDir/blobs. */
  blob?: string;
  /** Why the bytes could not be copied, when they could not. */
  unreadable?: string;
}

export interface RootCapture {
  root: string;
  entries: UpperEntry[];
  /** Paths (relative) whose disk content the overlay no longer shows: whiteouts, opaque folders, replaced folders. */
  hidden: string[];
}

export interface CaptureFile {
  /** The command's end: its exit code, or the signal that ended it. */
  exit: { code: number | null; signal: string | null };
  roots: RootCapture[];
  /** What the launcher could not do (a mount, a copy), said instead of dropped. */
  problems: string[];
}

export const captureFileName = 'capture.json';
export const blobsFolder = 'blobs';
/** A signal the front end asks the launcher to pass on to the command: its name, written to this file. */
export const signalFileName = 'signal';
