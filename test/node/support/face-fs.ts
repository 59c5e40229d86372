// The differential runner's SyncFs shape made through one face of an fs module: sync (test/differential's
// nodeSyncFs), callback (fs.open(…, cb)) or promise (fs.promises for path operations; callbacks for descriptor ones,
// which fs.promises does not have).
// The members are looked up on `source` at call time: given the live `fs`, the candidate reaches whatever is installed
// then (our patched faces); given a copy taken before installFs, the reference reaches Node's originals.
import type fs from 'node:fs';
import { nodeSyncFs } from '../../differential/disk-target.js';
import type { MaybeAsync, SyncFs } from '../../differential/target.js';

export type Face = 'sync' | 'callback' | 'promise';
type AnyFunction = (...args: any[]) => any;

/** The members a face reads: fs's own and fs.promises'. */
export interface FsSource {
  readonly fs: Record<string, AnyFunction> & { realpath: AnyFunction & { native: AnyFunction } };
  readonly promises: Record<string, AnyFunction>;
}

/** The live module: every lookup sees the members installed at the time of the call. */
export function liveSource(module: typeof fs): FsSource {
  return {
    get fs() {
      return module as unknown as FsSource['fs'];
    },
    get promises() {
      return module.promises as unknown as FsSource['promises'];
    },
  };
}

/** Node's own members as they are now: take it before installFs to keep reaching the originals afterwards. */
export function frozenSource(module: typeof fs): FsSource {
  const members: Record<string, unknown> = {};
  for (const key of Object.keys(module)) members[key] = (module as unknown as Record<string, unknown>)[key];
  const promises = { ...(module.promises as unknown as Record<string, AnyFunction>) };
  return { fs: members as FsSource['fs'], promises };
}

/**
 * The async faces name the path they generated in mkdtemp's errors (`t-r5z6yO`), the sync one its template
 * (`t-XXXXXX`): six random letters or digits become `<random6>` so that two such errors compare, while a template left
 * as `XXXXXX` (what the sync face says) stays as it is and still differs from a generated name.
 */
function withComparableMkdtempError<A extends unknown[], R>(call: (...args: A) => R | Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await call(...args);
    } catch (error) {
      const prefix = args[0];
      if (typeof prefix !== 'string' || !(error instanceof Error)) throw error;
      const e = error as NodeJS.ErrnoException;
      const generated = new RegExp(`${escapeRegExp(prefix)}(?!XXXXXX)[A-Za-z0-9]{6}`, 'g');
      const placeholder = `${prefix}<random6>`;
      e.message = e.message.replace(generated, placeholder);
      if (typeof e.path === 'string') e.path = e.path.replace(generated, placeholder);
      throw e;
    }
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function callbackFs(source: FsSource): MaybeAsync<SyncFs> {
  type Callback = (err: unknown, ...values: unknown[]) => void;
  const viaCallback =
    (name: string) =>
    (...args: unknown[]) =>
      new Promise<any>((resolve, reject) => {
        source.fs[name]!(...args, ((err, value) => (err ? reject(err) : resolve(value))) as Callback);
      });
  return {
    openSync: viaCallback('open'),
    closeSync: viaCallback('close'),
    readSync: viaCallback('read'),
    writeSync: viaCallback('write'),
    fstatSync: viaCallback('fstat'),
    ftruncateSync: viaCallback('ftruncate'),
    fsyncSync: viaCallback('fsync'),
    fdatasyncSync: viaCallback('fdatasync'),
    fchmodSync: viaCallback('fchmod'),
    fchownSync: viaCallback('fchown'),
    futimesSync: viaCallback('futimes'),
    statSync: viaCallback('stat'),
    lstatSync: viaCallback('lstat'),
    accessSync: viaCallback('access'),
    existsSync: (p) => new Promise((resolve) => source.fs.exists!(p, resolve)),
    readFileSync: viaCallback('readFile'),
    writeFileSync: viaCallback('writeFile'),
    appendFileSync: viaCallback('appendFile'),
    truncateSync: viaCallback('truncate'),
    mkdirSync: viaCallback('mkdir'),
    mkdtempSync: withComparableMkdtempError(viaCallback('mkdtemp')),
    readdirSync: (p, o) =>
      viaCallback('readdir')(p, o.withFileTypes ? { withFileTypes: true, recursive: o.recursive } : { encoding: 'utf8', recursive: o.recursive }),
    rmdirSync: viaCallback('rmdir'),
    rmSync: viaCallback('rm'),
    unlinkSync: viaCallback('unlink'),
    renameSync: viaCallback('rename'),
    copyFileSync: viaCallback('copyFile'),
    linkSync: viaCallback('link'),
    symlinkSync: viaCallback('symlink'),
    readlinkSync: (p) => viaCallback('readlink')(p, 'utf8'),
    realpathSync: (p) => new Promise((resolve, reject) => source.fs.realpath.native(p, (err: unknown, value: string) => (err ? reject(err) : resolve(value)))),
    chmodSync: viaCallback('chmod'),
    chownSync: viaCallback('chown'),
    lchownSync: viaCallback('lchown'),
    utimesSync: viaCallback('utimes'),
    lutimesSync: viaCallback('lutimes'),
  };
}

function promiseFs(source: FsSource): MaybeAsync<SyncFs> {
  const fsp = (name: string) => source.promises[name]!;
  return {
    ...callbackFs(source),
    statSync: (p, o) => fsp('stat')(p, o),
    lstatSync: (p, o) => fsp('lstat')(p, o),
    accessSync: (p, mode) => fsp('access')(p, mode),
    readFileSync: (p, o) => fsp('readFile')(p, o),
    writeFileSync: (p, data, o) => fsp('writeFile')(p, data, o),
    appendFileSync: (p, data) => fsp('appendFile')(p, data),
    truncateSync: (p, length) => fsp('truncate')(p, length),
    mkdirSync: (p, o) => fsp('mkdir')(p, o),
    mkdtempSync: withComparableMkdtempError((prefix: string) => fsp('mkdtemp')(prefix)),
    readdirSync: (p, o) =>
      o.withFileTypes ? fsp('readdir')(p, { withFileTypes: true, recursive: o.recursive }) : fsp('readdir')(p, { encoding: 'utf8', recursive: o.recursive }),
    rmdirSync: (p) => fsp('rmdir')(p),
    rmSync: (p, o) => fsp('rm')(p, o),
    unlinkSync: (p) => fsp('unlink')(p),
    renameSync: (from, to) => fsp('rename')(from, to),
    copyFileSync: (src, dest, mode) => fsp('copyFile')(src, dest, mode),
    linkSync: (existing, created) => fsp('link')(existing, created),
    symlinkSync: (target, p) => fsp('symlink')(target, p),
    readlinkSync: (p) => fsp('readlink')(p, 'utf8'),
    realpathSync: (p) => fsp('realpath')(p),
    chmodSync: (p, mode) => fsp('chmod')(p, mode),
    chownSync: (p, uid, gid) => fsp('chown')(p, uid, gid),
    lchownSync: (p, uid, gid) => fsp('lchown')(p, uid, gid),
    utimesSync: (p, atime, mtime) => fsp('utimes')(p, atime, mtime),
    lutimesSync: (p, atime, mtime) => fsp('lutimes')(p, atime, mtime),
  };
}

export function faceFs(face: Face, source: FsSource): MaybeAsync<SyncFs> {
  switch (face) {
    case 'sync':
      // Looks fs members up at call time on the module itself: the reference's trees are not roots, so its calls
      // pass through our faces to the originals.
      return nodeSyncFs;
    case 'callback':
      return callbackFs(source);
    case 'promise':
      return promiseFs(source);
  }
}
