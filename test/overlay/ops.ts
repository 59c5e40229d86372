// A tiny operation language for differential tests: each op runs on the real disk (fs.*Sync) and on the engine,
// and its outcome is reduced to what must be identical (descriptor numbers become handle indexes, stats their
// comparable fields, buffers strings, root prefixes '<root>').
import fs from 'node:fs';
import { toStats } from '../../src/overlay/stats.js';
import { both, outcome, shape, type Outcome, type Pair } from './harness.js';

export type Op =
  | ['stat' | 'lstat' | 'readlink' | 'realpath' | 'readdir' | 'rmdir' | 'unlink' | 'exists', string]
  | ['access', string, number]
  | ['readFile', string, number?]
  | ['writeFile', string, string, number, number?]
  | ['mkdir', string, number, boolean?]
  | ['rm' | 'rmNative', string, { recursive: boolean; force: boolean }]
  | ['rename' | 'link' | 'symlink', string, string]
  | ['copyFile', string, string, number?]
  | ['chmod', string, number]
  | ['chown' | 'lchown', string, number, number]
  | ['utimes' | 'lutimes', string, number, number]
  | ['truncate', string, number]
  | ['open', string, number, number?]
  | ['read', number, number, number | null]
  | ['write', number, string, number | null]
  | ['close' | 'fstat' | 'fsync' | 'fdatasync', number]
  | ['ftruncate' | 'fchmod', number, number]
  | ['fchown' | 'futimes', number, number, number];

interface Session {
  pair: Pair;
  diskFds: number[];
  overlayFds: number[];
}

export function session(pair: Pair): Session {
  return { pair, diskFds: [], overlayFds: [] };
}

function rel(pair: Pair, v: unknown): unknown {
  if (typeof v === 'string') return v.split(pair.disk).join('<root>').split(pair.upper).join('<root>');
  return v;
}

const ns = (seconds: number) => BigInt(seconds) * 1_000_000_000n;

/** Runs one op on both sides; returns [disk outcome, overlay outcome]. */
export function runOp(s: Session, op: Op): [Outcome<unknown>, Outcome<unknown>] {
  const { pair } = s;
  const o = pair.overlay;
  const a = pair.abs;
  switch (op[0]) {
    case 'stat':
      return both(pair, () => shape(fs.statSync(a(op[1]))), () => shape(toStats(o.stat(op[1]))));
    case 'lstat':
      return both(pair, () => shape(fs.lstatSync(a(op[1]))), () => shape(toStats(o.lstat(op[1]))));
    case 'exists':
      return both(pair, () => fs.existsSync(a(op[1])), () => o.exists(op[1]));
    case 'access':
      return both(pair, () => fs.accessSync(a(op[1]), op[2]), () => o.access(op[1], op[2]));
    case 'readlink':
      return both(pair, () => rel(pair, fs.readlinkSync(a(op[1]))), () => rel(pair, o.readlink(op[1])));
    case 'realpath':
      return both(pair, () => rel(pair, fs.realpathSync.native(a(op[1]))), () => rel(pair, o.realpath(op[1])));
    case 'readdir':
      return both(pair,
        () => fs.readdirSync(a(op[1]), { withFileTypes: true }).map((d) => `${d.name}:${direntType(d)}`).sort(),
        () => o.readdir(op[1]).map((d) => `${d.name}:${d.type}`).sort());
    case 'rmdir':
      return both(pair, () => fs.rmdirSync(a(op[1])), () => o.rmdir(op[1]));
    case 'unlink':
      return both(pair, () => fs.unlinkSync(a(op[1])), () => o.unlink(op[1]));
    case 'readFile':
      return both(pair, () => fs.readFileSync(a(op[1]), { flag: op[2] ?? 0 }).toString(),
        () => o.readFile(op[1], op[2] ?? 0).toString());
    case 'writeFile':
      return both(pair, () => fs.writeFileSync(a(op[1]), op[2], { flag: op[3] as unknown as string, mode: op[4] ?? 0o666 }),
        () => o.writeFile(op[1], Buffer.from(op[2]), op[3], op[4] ?? 0o666));
    case 'mkdir':
      // The disk is given an absolute path, so its result is absolute: compare it with the engine's relative one.
      return both(pair, () => rel(pair, fs.mkdirSync(a(op[1]), { mode: op[2], recursive: op[3] ?? false })),
        () => rel(pair, absolute(pair.upper, o.mkdir(op[1], op[2], op[3] ?? false))));
    case 'rm': {
      const [d, v] = both(pair, () => rmAsNode20(a(op[1]), op[2]), () => o.rm(op[1], op[2]));
      // Node turns the engine's EISDIR into its own ERR_FS_EISDIR: compare the cause only.
      if ('error' in d && d.error.code === 'ERR_FS_EISDIR' && 'error' in v && v.error.code === 'EISDIR') return [v, v];
      return [d, v];
    }
    case 'rmNative': {
      // Node 24+'s own rm (native order) against the engine's childrenFirst rm: Node words these errors its own way
      // (node/ reshapes them), so only the code is compared.
      const [d, v] = both(pair, () => fs.rmSync(a(op[1]), op[2]), () => o.rm(op[1], { ...op[2], childrenFirst: true }));
      const codeOnly = (x: typeof d): Outcome<unknown> => ('error' in x ? { error: { code: x.error.code } } : x);
      return [codeOnly(d), codeOnly(v)];
    }
    case 'rename':
      return both(pair, () => fs.renameSync(a(op[1]), a(op[2])), () => o.rename(op[1], op[2]));
    case 'link':
      return both(pair, () => fs.linkSync(a(op[1]), a(op[2])), () => o.link(op[1], op[2]));
    case 'symlink':
      return both(pair, () => fs.symlinkSync(op[1], a(op[2])), () => o.symlink(op[1], op[2]));
    case 'copyFile':
      return both(pair, () => fs.copyFileSync(a(op[1]), a(op[2]), op[3] ?? 0), () => o.copyFile(op[1], op[2], op[3] ?? 0));
    case 'chmod':
      return both(pair, () => fs.chmodSync(a(op[1]), op[2]), () => o.chmod(op[1], op[2]));
    case 'chown':
      return both(pair, () => fs.chownSync(a(op[1]), op[2], op[3]), () => o.chown(op[1], op[2], op[3]));
    case 'lchown':
      return both(pair, () => fs.lchownSync(a(op[1]), op[2], op[3]), () => o.lchown(op[1], op[2], op[3]));
    case 'utimes':
      return both(pair, () => fs.utimesSync(a(op[1]), op[2], op[3]), () => o.utimes(op[1], ns(op[2]), ns(op[3])));
    case 'lutimes':
      return both(pair, () => fs.lutimesSync(a(op[1]), op[2], op[3]), () => o.lutimes(op[1], ns(op[2]), ns(op[3])));
    case 'truncate':
      return both(pair, () => fs.truncateSync(a(op[1]), op[2]), () => o.truncate(op[1], op[2]));
    case 'open': {
      const d = outcome(pair, () => s.diskFds.push(fs.openSync(a(op[1]), op[2], op[3] ?? 0o666)) - 1);
      const v = outcome(pair, () => s.overlayFds.push(o.open(op[1], op[2], op[3] ?? 0o666)) - 1);
      return [d, v];
    }
    case 'read': {
      const [h, length, position] = [op[1], op[2], op[3]];
      return both(pair,
        () => { const b = Buffer.alloc(length); const n = fs.readSync(s.diskFds[h]!, b, 0, length, position); return b.subarray(0, n).toString(); },
        () => { const b = Buffer.alloc(length); const n = o.read(s.overlayFds[h]!, b, 0, length, position); return b.subarray(0, n).toString(); });
    }
    case 'write': {
      const data = Buffer.from(op[2]);
      return both(pair, () => fs.writeSync(s.diskFds[op[1]]!, data, 0, data.length, op[3]),
        () => o.write(s.overlayFds[op[1]]!, data, 0, data.length, op[3]));
    }
    case 'close':
      return both(pair, () => fs.closeSync(s.diskFds[op[1]]!), () => o.close(s.overlayFds[op[1]]!));
    case 'fstat':
      return both(pair, () => shape(fs.fstatSync(s.diskFds[op[1]]!)), () => shape(toStats(o.fstat(s.overlayFds[op[1]]!))));
    case 'fsync':
      return both(pair, () => fs.fsyncSync(s.diskFds[op[1]]!), () => o.fsync(s.overlayFds[op[1]]!));
    case 'fdatasync':
      return both(pair, () => fs.fdatasyncSync(s.diskFds[op[1]]!), () => o.fdatasync(s.overlayFds[op[1]]!));
    case 'fchmod':
      return both(pair, () => fs.fchmodSync(s.diskFds[op[1]]!, op[2]), () => o.fchmod(s.overlayFds[op[1]]!, op[2]));
    case 'fchown':
      return both(pair, () => fs.fchownSync(s.diskFds[op[1]]!, op[2], op[3]),
        () => o.fchown(s.overlayFds[op[1]]!, op[2], op[3]));
    case 'futimes':
      return both(pair, () => fs.futimesSync(s.diskFds[op[1]]!, op[2], op[3]),
        () => o.futimes(s.overlayFds[op[1]]!, ns(op[2]), ns(op[3])));
    case 'ftruncate':
      return both(pair, () => fs.ftruncateSync(s.diskFds[op[1]]!, op[2]), () => o.ftruncate(s.overlayFds[op[1]]!, op[2]));
  }
}

const nodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * The engine's rm is Node 20's (rimraf in JS: an lstat first, rmdir before emptying). Node 24+ has a native rm with
 * other semantics, which node/ adapts to; on those versions the disk side replays Node 20's steps with real calls.
 */
function rmAsNode20(p: string, options: { recursive: boolean; force: boolean }): void {
  if (nodeMajor < 24) return fs.rmSync(p, options);
  // Node 20's validateRmOptionsSync: no lstat at all for force + recursive.
  const stat = options.force && options.recursive ? undefined : fs.lstatSync(p, { throwIfNoEntry: !options.force });
  if (stat?.isDirectory() && !options.recursive) {
    throw Object.assign(new Error(`Path is a directory: rm returned EISDIR (is a directory) ${p}`), { code: 'ERR_FS_EISDIR' });
  }
  rimrafSync(p);
}

function rimrafSync(p: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(p);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
  }
  try {
    if (stat?.isDirectory()) rmdirOrEmpty(p, null);
    else fs.unlinkSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EPERM') return rmdirOrEmpty(p, error as Error);
    if (code !== 'EISDIR') throw error;
    rmdirOrEmpty(p, error as Error);
  }
}

function rmdirOrEmpty(p: string, originalError: Error | null): void {
  try {
    fs.rmdirSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw originalError ?? error;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
    for (const child of fs.readdirSync(p)) rimrafSync(`${p}/${child}`);
    fs.rmdirSync(p);
  }
}

function absolute(root: string, p: string | undefined): string | undefined {
  return p === undefined || p.startsWith('/') ? p : `${root}/${p}`;
}

function direntType(d: fs.Dirent): number {
  if (d.isFile()) return 1;
  if (d.isDirectory()) return 2;
  if (d.isSymbolicLink()) return 3;
  return 0;
}

/** The whole merged tree as the engine shows it, in the shape `diskTree` gives for the disk. */
export function overlayTree(pair: Pair): Record<string, string> {
  const o = pair.overlay;
  return walkTree(pair, '.', {
    list: (p) => o.readdir(p).map((e) => e.name),
    lstat: (p) => toStats(o.lstat(p)),
    read: (p) => o.readFile(p).toString(),
    readlink: (p) => o.readlink(p),
  });
}

export function diskTree(pair: Pair): Record<string, string> {
  return walkTree(pair, '.', {
    list: (p) => fs.readdirSync(pair.abs(p)),
    lstat: (p) => fs.lstatSync(pair.abs(p)),
    read: (p) => fs.readFileSync(pair.abs(p)).toString(),
    readlink: (p) => fs.readlinkSync(pair.abs(p)),
  });
}

interface TreeReader {
  list(p: string): string[];
  lstat(p: string): fs.Stats;
  read(p: string): string;
  readlink(p: string): string;
}

/** Every entry with type, mode, links, size, blocks and content; what cannot be read is recorded by its error code. */
function walkTree(pair: Pair, dir: string, r: TreeReader): Record<string, string> {
  const out: Record<string, string> = {};
  let names: string[];
  try {
    names = r.list(dir).sort();
  } catch (error) {
    out[`${dir}/*`] = `!${(error as NodeJS.ErrnoException).code}`;
    return out;
  }
  for (const name of names) {
    const p = dir === '.' ? name : `${dir}/${name}`;
    let st: fs.Stats;
    try {
      st = r.lstat(p);
    } catch (error) {
      out[p] = `!${(error as NodeJS.ErrnoException).code}`;
      continue;
    }
    let detail = '';
    if (st.isFile()) detail = safeRead(() => r.read(p));
    else if (st.isSymbolicLink()) detail = rel(pair, r.readlink(p)) as string;
    out[p] = `${st.mode.toString(8)} n${st.nlink} u${st.uid} g${st.gid} s${st.size} b${st.blocks} ${detail}`;
    if (st.isDirectory()) Object.assign(out, walkTree(pair, p, r));
  }
  return out;
}

function safeRead(read: () => string): string {
  try {
    return read();
  } catch (error) {
    return `!${(error as NodeJS.ErrnoException).code}`;
  }
}

/** Closes every descriptor a session left open, on both sides. */
export function closeAll(s: Session): void {
  for (const fd of s.diskFds) try { fs.closeSync(fd); } catch { /* already closed */ }
  for (const fd of s.overlayFds) try { s.pair.overlay.close(fd); } catch { /* already closed */ }
}
