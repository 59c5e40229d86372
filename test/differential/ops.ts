// The operations a sequence is made of, as plain data (so that fast-check can shrink them and a regression test can
// spell them out), and how one is carried out on a target.
//
// Paths are abstract: relative to the tree root ('d/e', './a', 'd/../b/'), or absolute inside the tree when they start
// with '/' ('/d/e' is `${root}/d/e`). Relative is the rule, by choice: the disk target runs with its cwd in its tree
// and the engine with `cwd()` returning its tree, so that messages, `path` and `dest` of errors match byte for byte
// with no rewriting; the absolute form (about one path in eight) checks the engine's absolute lookups, and the
// comparator replaces each tree's prefix with <root> only for those. A component '@t' stands for the name the target's latest successful mkdtemp made
// (or 'no-temp' before any). Symlink targets follow the same rule, so an absolute target stays inside the tree.
import { Buffer } from 'node:buffer';
import type fs from 'node:fs';
import type { FsTarget, StatsLike } from './target.js';

export type Op =
  | { kind: 'open'; path: string; flags: string | number; mode: number }
  | { kind: 'close'; handle: number }
  | { kind: 'read'; handle: number; length: number; position: number | null }
  | { kind: 'write'; handle: number; data: string; position: number | null }
  | { kind: 'fstat'; handle: number; bigint: boolean }
  | { kind: 'ftruncate'; handle: number; length: number }
  | { kind: 'fsync' | 'fdatasync'; handle: number }
  | { kind: 'fchmod'; handle: number; mode: number }
  | { kind: 'fchown'; handle: number; uid: number; gid: number }
  | { kind: 'futimes'; handle: number; atime: number; mtime: number }
  | { kind: 'stat' | 'lstat'; path: string; bigint: boolean }
  | { kind: 'access'; path: string; mode: number }
  | { kind: 'exists'; path: string }
  | { kind: 'readFile'; path: string; flag: string }
  | { kind: 'writeFile'; path: string; data: string; flag: string; mode: number }
  | { kind: 'appendFile'; path: string; data: string }
  | { kind: 'truncate'; path: string; length: number }
  | { kind: 'mkdir'; path: string; recursive: boolean; mode: number }
  | { kind: 'mkdtemp'; prefix: string }
  | { kind: 'readdir'; path: string; withFileTypes: boolean; recursive: boolean }
  | { kind: 'rmdir' | 'unlink' | 'readlink' | 'realpath'; path: string }
  | { kind: 'rm'; path: string; recursive: boolean; force: boolean }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'copyFile'; src: string; dest: string; excl: boolean }
  | { kind: 'link'; existing: string; newPath: string }
  | { kind: 'symlink'; target: string; path: string }
  | { kind: 'chmod'; path: string; mode: number }
  | { kind: 'chown' | 'lchown'; path: string; uid: number; gid: number }
  | { kind: 'utimes' | 'lutimes'; path: string; atime: number; mtime: number };

export type OpKind = Op['kind'];

/** The handle index that may pick a closed handle (see Session.fd); arbitraries.ts draws indexes 0–3. */
export const ANY_HANDLE = 3;

/** What one target holds during a sequence: its descriptors by handle index, and the names mkdtemp made. */
export class Session {
  readonly handles: { fd: number; open: boolean }[] = [];
  readonly tempNames: string[] = [];
  constructor(readonly target: FsTarget) {}

  path(abstract: string): string {
    const latest = this.tempNames.at(-1) ?? 'no-temp';
    const named = abstract.replace(/(^|\/)@t(?=\/|$)/g, `$1${latest}`);
    if (named.startsWith('/')) return this.target.root + named;
    return this.target.relativePaths ? named : `${this.target.root}/${named}`;
  }

  symlinkTarget(abstract: string): string {
    return abstract.startsWith('/') ? this.target.root + abstract : abstract;
  }

  /**
   * A handle index picks among the handles still open (so that descriptor ops mostly reach a file), except index 3,
   * which picks among all handles opened so far, closed ones included (EBADF); with none, a never-open descriptor.
   * Both sides pick the same handle: which handles are open is compared op by op.
   */
  fd(handle: number): number {
    const h = this.pick(handle);
    if (h === undefined) return this.target.staleFd(-1);
    return h.open ? h.fd : this.target.staleFd(h.fd);
  }

  pick(handle: number): { fd: number; open: boolean } | undefined {
    const open = this.handles.filter((x) => x.open);
    const pool = handle === ANY_HANDLE || open.length === 0 ? this.handles : open;
    return pool.length === 0 ? undefined : pool[handle % pool.length];
  }
}

/** Results as the runner compares them: plain data, except Stats, which the comparator reads field by field. */
export type Result =
  | { type: 'void' }
  | { type: 'value'; value: string | number | boolean | undefined }
  | { type: 'handle'; index: number }
  | { type: 'bytes'; bytesRead: number; text: string }
  | { type: 'stats'; stats: StatsLike }
  | { type: 'names'; names: string[] }
  | { type: 'dirents'; entries: { name: string; kind: string; parentPath: string }[] };

export function direntKind(d: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  return d.isFile() ? 'file' : d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'symlink' : 'other';
}

const VOID: Result = { type: 'void' };

export async function execute(s: Session, op: Op): Promise<Result> {
  const f = s.target.fs;
  switch (op.kind) {
    case 'open': {
      const fd = await f.openSync(s.path(op.path), op.flags, op.mode);
      s.handles.push({ fd, open: true });
      return { type: 'handle', index: s.handles.length - 1 };
    }
    case 'close': {
      const h = s.pick(op.handle);
      const fd = s.fd(op.handle);
      if (h?.open) h.open = false;
      await f.closeSync(fd);
      return VOID;
    }
    case 'read': {
      const buffer = Buffer.alloc(op.length);
      const bytesRead = await f.readSync(s.fd(op.handle), buffer, 0, op.length, op.position);
      return { type: 'bytes', bytesRead, text: buffer.subarray(0, bytesRead).toString('latin1') };
    }
    case 'write': {
      const data = Buffer.from(op.data);
      return { type: 'value', value: await f.writeSync(s.fd(op.handle), data, 0, data.length, op.position) };
    }
    case 'fstat':
      return { type: 'stats', stats: await f.fstatSync(s.fd(op.handle), { bigint: op.bigint }) };
    case 'ftruncate':
      return voidOf(f.ftruncateSync(s.fd(op.handle), op.length));
    case 'fsync':
      return voidOf(f.fsyncSync(s.fd(op.handle)));
    case 'fdatasync':
      return voidOf(f.fdatasyncSync(s.fd(op.handle)));
    case 'fchmod':
      return voidOf(f.fchmodSync(s.fd(op.handle), op.mode));
    case 'fchown':
      return voidOf(f.fchownSync(s.fd(op.handle), op.uid, op.gid));
    case 'futimes':
      return voidOf(f.futimesSync(s.fd(op.handle), op.atime, op.mtime));
    case 'stat':
      return { type: 'stats', stats: await f.statSync(s.path(op.path), { bigint: op.bigint }) };
    case 'lstat':
      return { type: 'stats', stats: await f.lstatSync(s.path(op.path), { bigint: op.bigint }) };
    case 'access':
      return voidOf(f.accessSync(s.path(op.path), op.mode));
    case 'exists':
      return { type: 'value', value: await f.existsSync(s.path(op.path)) };
    case 'readFile': {
      const content = await f.readFileSync(s.path(op.path), { flag: op.flag });
      return { type: 'value', value: content.toString('latin1') };
    }
    case 'writeFile':
      return voidOf(f.writeFileSync(s.path(op.path), Buffer.from(op.data), { flag: op.flag, mode: op.mode }));
    case 'appendFile':
      return voidOf(f.appendFileSync(s.path(op.path), Buffer.from(op.data)));
    case 'truncate':
      return voidOf(f.truncateSync(s.path(op.path), op.length));
    case 'mkdir':
      return { type: 'value', value: await f.mkdirSync(s.path(op.path), { recursive: op.recursive, mode: op.mode }) };
    case 'mkdtemp': {
      const made = await f.mkdtempSync(s.path(op.prefix));
      s.tempNames.push(made.slice(made.lastIndexOf('/') + 1));
      return { type: 'value', value: made };
    }
    case 'readdir': {
      const listing = await f.readdirSync(s.path(op.path), { withFileTypes: op.withFileTypes, recursive: op.recursive });
      if (!op.withFileTypes) return { type: 'names', names: listing as string[] };
      return {
        type: 'dirents',
        entries: (listing as fs.Dirent[]).map((d) => ({ name: d.name, kind: direntKind(d), parentPath: d.parentPath })),
      };
    }
    case 'rmdir':
      return voidOf(f.rmdirSync(s.path(op.path)));
    case 'unlink':
      return voidOf(f.unlinkSync(s.path(op.path)));
    case 'readlink':
      return { type: 'value', value: await f.readlinkSync(s.path(op.path)) };
    case 'realpath':
      return { type: 'value', value: await f.realpathSync(s.path(op.path)) };
    case 'rm':
      return voidOf(f.rmSync(s.path(op.path), { recursive: op.recursive, force: op.force }));
    case 'rename':
      return voidOf(f.renameSync(s.path(op.from), s.path(op.to)));
    case 'copyFile':
      return voidOf(f.copyFileSync(s.path(op.src), s.path(op.dest), op.excl ? COPYFILE_EXCL : 0));
    case 'link':
      return voidOf(f.linkSync(s.path(op.existing), s.path(op.newPath)));
    case 'symlink':
      return voidOf(f.symlinkSync(s.symlinkTarget(op.target), s.path(op.path)));
    case 'chmod':
      return voidOf(f.chmodSync(s.path(op.path), op.mode));
    case 'chown':
      return voidOf(f.chownSync(s.path(op.path), op.uid, op.gid));
    case 'lchown':
      return voidOf(f.lchownSync(s.path(op.path), op.uid, op.gid));
    case 'utimes':
      return voidOf(f.utimesSync(s.path(op.path), op.atime, op.mtime));
    case 'lutimes':
      return voidOf(f.lutimesSync(s.path(op.path), op.atime, op.mtime));
  }
}

const COPYFILE_EXCL = 1;

async function voidOf(done: void | Promise<void>): Promise<Result> {
  await done;
  return VOID;
}

/** One line per op, as a reader (and a regression test) would write it. */
export function describeOp(op: Op): string {
  const { kind, ...args } = op;
  return `${kind}(${Object.values(args).map((v) => JSON.stringify(v)).join(', ')})`;
}
