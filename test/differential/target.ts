// A filesystem the differential runner can drive: the real disk, the engine, and later the patched fs of a preloaded
// child. The runner, the op model and the comparator only ever talk to this interface.
//
// How to add a target:
//   1. Implement `SyncFs` (Node's sync API shape, one call shape per function: the runner uses no other). A method may
//      also return a Promise of its result: the runner awaits every call, so callback and promise faces fit too
//      (wrap `fs.stat(p, cb)` as `(p, o) => new Promise(…)`). Throw (or reject with) the error the face would give.
//   2. Give it a tree: `root` is the absolute directory holding a copy of the starting tree. With
//      `relativePaths: true` the runner hands it paths relative to `root` (so it must resolve them against `root`,
//      as the disk target does with process.chdir and the engine with its `cwd()` option); with `false` it gets
//      absolute paths under `root`. Two targets compared with each other must use the same style.
//   3. `staleFd(fd)` says which descriptor to use for a handle that this target already closed: a number the
//      target guarantees is not open, so that EBADF is deterministic (the kernel reuses the lowest free fd).
//   4. `keepsDiskUnchanged`: true for an overlay, whose disk tree the runner snapshots before and checks after.
//   5. `finish()` releases what the target holds (open fds are closed by the runner before it is called).
//   Then pass a factory to `runSequence` (runner.ts) next to the disk target's.
import type fs from 'node:fs';

export type StatsLike = fs.Stats | fs.BigIntStats;

export interface SyncFs {
  openSync(path: string, flags: string | number, mode: number): number;
  closeSync(fd: number): void;
  readSync(fd: number, buffer: Buffer, offset: number, length: number, position: number | null): number;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number, position: number | null): number;
  fstatSync(fd: number, options: { bigint: boolean }): StatsLike;
  ftruncateSync(fd: number, length: number): void;
  fsyncSync(fd: number): void;
  fdatasyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  /** Times in seconds, as Node accepts them. */
  futimesSync(fd: number, atime: number, mtime: number): void;

  statSync(path: string, options: { bigint: boolean }): StatsLike;
  lstatSync(path: string, options: { bigint: boolean }): StatsLike;
  accessSync(path: string, mode: number): void;
  existsSync(path: string): boolean;
  readFileSync(path: string, options: { flag: string }): Buffer;
  writeFileSync(path: string, data: Buffer, options: { flag: string; mode: number }): void;
  appendFileSync(path: string, data: Buffer): void;
  truncateSync(path: string, length: number): void;
  mkdirSync(path: string, options: { recursive: boolean; mode: number }): string | undefined;
  mkdtempSync(prefix: string): string;
  readdirSync(path: string, options: { withFileTypes: boolean; recursive: boolean }): string[] | fs.Dirent[];
  rmdirSync(path: string): void;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
  unlinkSync(path: string): void;
  renameSync(oldPath: string, newPath: string): void;
  copyFileSync(src: string, dest: string, mode: number): void;
  linkSync(existingPath: string, newPath: string): void;
  symlinkSync(target: string, path: string): void;
  readlinkSync(path: string): string;
  /** The native form, realpath(3): the JS form's lstat-shaped errors are built by node/ on top of the engine. */
  realpathSync(path: string): string;
  chmodSync(path: string, mode: number): void;
  chownSync(path: string, uid: number, gid: number): void;
  lchownSync(path: string, uid: number, gid: number): void;
  utimesSync(path: string, atime: number, mtime: number): void;
  lutimesSync(path: string, atime: number, mtime: number): void;
}

/** Every method may answer synchronously or with a promise. */
export type MaybeAsync<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => R | Promise<R> : T[K] };

export interface FsTarget {
  readonly name: string;
  readonly root: string;
  readonly relativePaths: boolean;
  readonly keepsDiskUnchanged: boolean;
  readonly fs: MaybeAsync<SyncFs>;
  staleFd(closedFd: number): number;
  finish(): void;
}
