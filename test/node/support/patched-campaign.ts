// Child: H2's differential property campaign with the patched fs as the candidate. The reference is Node's own fs on
// a disk copy of the starting tree; the candidate is the very same sync calls (test/differential's nodeSyncFs, which
// looks fs members up at call time) going through our installed faces to an overlay over a second copy.
// With --face callback (or promise) the candidate makes the same calls through fs's callback functions (or
// fs.promises for path operations, callbacks for descriptor ones).
// Usage: patched-campaign.ts --seed N --runs N --max-ops N [--face sync|callback|promise]. Prints the report as JSON.
import { parseArgs } from 'node:util';
import { Overlay } from '../../../src/overlay/overlay.js';
import { createDiskLayer } from '../../../src/overlay/disk.js';
import { installFs } from '../../../src/node/index.js';
import { createDiskTarget, nodeSyncFs } from '../../differential/disk-target.js';
import { gapsFor } from '../../differential/known-gaps.js';
import { runCampaign } from '../../differential/property.js';
import type { FsTarget, MaybeAsync, SyncFs } from '../../differential/target.js';
import fs from 'node:fs';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '30' },
    'max-ops': { type: 'string', default: '25' },
    face: { type: 'string', default: 'sync' },
  },
});

type Callback = (err: unknown, value?: unknown) => void;
/** Calls fs[name] (looked up at call time, so the patched member) with a callback, as a promise of its value. */
function viaCallback(name: string) {
  return (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      const member = (fs as unknown as Record<string, (...a: unknown[]) => void>)[name]!;
      member(...args, ((err, value) => (err ? reject(err) : resolve(value))) as Callback);
    });
}

const callbackFs: MaybeAsync<SyncFs> = {
  openSync: viaCallback('open') as never,
  closeSync: viaCallback('close') as never,
  readSync: viaCallback('read') as never,
  writeSync: viaCallback('write') as never,
  fstatSync: viaCallback('fstat') as never,
  ftruncateSync: viaCallback('ftruncate') as never,
  fsyncSync: viaCallback('fsync') as never,
  fdatasyncSync: viaCallback('fdatasync') as never,
  fchmodSync: viaCallback('fchmod') as never,
  fchownSync: viaCallback('fchown') as never,
  futimesSync: viaCallback('futimes') as never,
  statSync: viaCallback('stat') as never,
  lstatSync: viaCallback('lstat') as never,
  accessSync: viaCallback('access') as never,
  existsSync: (p) => new Promise((resolve) => fs.exists(p, resolve)),
  readFileSync: viaCallback('readFile') as never,
  writeFileSync: viaCallback('writeFile') as never,
  appendFileSync: viaCallback('appendFile') as never,
  truncateSync: viaCallback('truncate') as never,
  mkdirSync: viaCallback('mkdir') as never,
  mkdtempSync: viaCallback('mkdtemp') as never,
  readdirSync: (p, o) => viaCallback('readdir')(p, o.withFileTypes ? { withFileTypes: true, recursive: o.recursive } : { encoding: 'utf8', recursive: o.recursive }) as never,
  rmdirSync: viaCallback('rmdir') as never,
  rmSync: viaCallback('rm') as never,
  unlinkSync: viaCallback('unlink') as never,
  renameSync: viaCallback('rename') as never,
  copyFileSync: viaCallback('copyFile') as never,
  linkSync: viaCallback('link') as never,
  symlinkSync: viaCallback('symlink') as never,
  readlinkSync: (p) => viaCallback('readlink')(p, 'utf8') as never,
  realpathSync: (p) => new Promise((resolve, reject) => fs.realpath.native(p, (err, value) => (err ? reject(err) : resolve(value)))),
  chmodSync: viaCallback('chmod') as never,
  chownSync: viaCallback('chown') as never,
  lchownSync: viaCallback('lchown') as never,
  utimesSync: viaCallback('utimes') as never,
  lutimesSync: viaCallback('lutimes') as never,
};

const fsp = fs.promises;
const promiseFs: MaybeAsync<SyncFs> = {
  ...callbackFs,
  statSync: (p, o) => fsp.stat(p, o),
  lstatSync: (p, o) => fsp.lstat(p, o),
  accessSync: (p, mode) => fsp.access(p, mode),
  readFileSync: (p, o) => fsp.readFile(p, o),
  writeFileSync: (p, data, o) => fsp.writeFile(p, data, o),
  appendFileSync: (p, data) => fsp.appendFile(p, data),
  truncateSync: (p, length) => fsp.truncate(p, length),
  mkdirSync: (p, o) => fsp.mkdir(p, o),
  mkdtempSync: (prefix) => fsp.mkdtemp(prefix),
  readdirSync: (p, o) =>
    (o.withFileTypes ? fsp.readdir(p, { withFileTypes: true, recursive: o.recursive }) : fsp.readdir(p, { encoding: 'utf8', recursive: o.recursive })) as never,
  rmdirSync: (p) => fsp.rmdir(p),
  rmSync: (p, o) => fsp.rm(p, o),
  unlinkSync: (p) => fsp.unlink(p),
  renameSync: (from, to) => fsp.rename(from, to),
  copyFileSync: (src, dest, mode) => fsp.copyFile(src, dest, mode),
  linkSync: (existing, created) => fsp.link(existing, created),
  symlinkSync: (target, p) => fsp.symlink(target, p),
  readlinkSync: (p) => fsp.readlink(p, 'utf8'),
  realpathSync: (p) => fsp.realpath(p),
  chmodSync: (p, mode) => fsp.chmod(p, mode),
  chownSync: (p, uid, gid) => fsp.chown(p, uid, gid),
  lchownSync: (p, uid, gid) => fsp.lchown(p, uid, gid),
  utimesSync: (p, atime, mtime) => fsp.utimes(p, atime, mtime),
  lutimesSync: (p, atime, mtime) => fsp.lutimes(p, atime, mtime),
};

const faces: Record<string, MaybeAsync<SyncFs>> = { sync: nodeSyncFs, callback: callbackFs, promise: promiseFs };
const candidateFs = faces[values.face]!;

// Every candidate tree is a root of the overlay; the reference trees are not, so their calls pass through.
const roots = new Set<string>();
// A fresh engine per sequence, behind one object: the faces are installed once per process.
let current = new Overlay({ lower: createDiskLayer(), umask: () => process.umask() });
const engine = new Proxy({} as Overlay, {
  get: (_target, key) => {
    const value = (current as unknown as Record<string | symbol, unknown>)[key];
    return typeof value === 'function' ? value.bind(current) : value;
  },
});
installFs(engine, {
  owns(absPath) {
    for (const root of roots) if (absPath === root || absPath.startsWith(`${root}/`)) return true;
    return false;
  },
});

const NEVER_ISSUED_FD = 0x7ffffffe;
const patchedTarget = (root: string): FsTarget => {
  current = new Overlay({ lower: createDiskLayer(), umask: () => process.umask() });
  roots.add(root);
  return {
    name: 'patched',
    root,
    relativePaths: false,
    keepsDiskUnchanged: true,
    fs: candidateFs,
    staleFd: () => NEVER_ISSUED_FD,
    // The runner then removes the trees with fs.rmSync from outside: the disk copy must be the one it sees.
    finish() {
      roots.delete(root);
    },
  };
};

const report = await runCampaign({
  seed: Number(values.seed),
  numRuns: Number(values.runs),
  maxOps: Number(values['max-ops']),
  makeReference: (root) => createDiskTarget(root, { name: 'disk', relativePaths: false }),
  makeCandidate: patchedTarget,
  excluded: new Set(),
  gaps: gapsFor(process.getuid?.()),
});
process.stdout.write(`${JSON.stringify(report)}\n`);
