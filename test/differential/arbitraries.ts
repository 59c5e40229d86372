// Random sequences of ops over a small namespace, so that ops collide often: the same few names are created, written,
// linked, renamed over each other and removed, through symlinks, held-open descriptors and read-only directories.
import fc from 'fast-check';
import { constants } from 'node:fs';
import type { KnownGap } from './known-gaps.js';
import type { Op, OpKind } from './ops.js';

const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW } = constants;

/** Names of the starting tree (starting-tree.ts) and a few that are missing, in the places ops reach for. */
const KNOWN_PATHS = [
  'a', 'b', 'c', 'd', 'd/e', 'd/f', 'd/f/g', 'd/c', 'd/lup', 'd/f/c', 'ro', 'ro/h', 'ro/c', 'z', 'empty', 'empty/c',
  'hl', 'la', 'ld', 'ld/e', 'ld/c', 'labs', 'ldang', 'loop1', 'loop2', 'loop1/c', 'a/c', 'missing/c', '@t', '@t/c',
  // Root-owned entries, present in runs without root (starting-tree.ts, ROOT_OWNED_ENV); ENOENT otherwise.
  'lroot', 'lroot/f', 'lroot/secret', 'lroot/sub', 'lroot/sub/g', 'lroot/c',
];
const COMPONENTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'ld', 'la', 'ro', 'empty', 'ldang', '@t'];

const composedPath = fc
  .array(fc.constantFrom(...COMPONENTS), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('/'));

const plainPath = fc.oneof({ arbitrary: fc.constantFrom(...KNOWN_PATHS), weight: 5 }, { arbitrary: composedPath, weight: 1 });

/** Variants that change resolution: absolute, './', a trailing slash, a '..' step (mostly none: most ops should
 *  reach existing entries, so that sequences build up state instead of collecting ENOENTs). */
const DECORATIONS = [...Array<string>(10).fill('none'), 'absolute', 'absolute', 'dot', 'slash', 'dotdot'];
const decoratedPath = fc
  .tuple(plainPath, fc.constantFrom(...DECORATIONS))
  .map(([p, how]) => {
    switch (how) {
      case 'absolute':
        return `/${p}`;
      case 'dot':
        return `./${p}`;
      case 'slash':
        return `${p}/`;
      case 'dotdot':
        // Never out of lroot: its '..' is the shared directory that holds the root-owned fixture.
        if (p.startsWith('lroot')) return p;
        return p.includes('/') ? p.replace('/', '/../') : `d/../${p}`;
      default:
        return p;
    }
  });

export const pathArb = decoratedPath;

/** Per-role pools, so that each op mostly meets what it works on (and still, a quarter of the time, anything). */
const biased = (likely: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...likely), weight: 3 }, { arbitrary: pathArb, weight: 1 });
const filePath = biased(['a', 'b', 'd/e', 'd/f/g', 'hl', 'la', 'labs', 'ro/h', 'z', 'c', 'x', 'd/c', '@t/c']);
const dirPath = biased(['.', 'd', 'd/f', 'empty', 'ro', 'ld', '@t', 'x', 'c', 'd/c', 'ld/f']);
const newPath = biased(['c', 'x', 'd/c', 'd/f/c', 'empty/c', 'ro/c', '@t/c', 'ld/c', 'x/c', 'c/x']);
const fileOrNewPath = fc.oneof(filePath, newPath);

const symlinkTargetArb = fc.constantFrom(
  'a', 'b', 'c', 'd', 'd/e', 'missing', 'ld', 'la', 'loop1', '../a', 'e', 'f/g', '/a', '/d/e', '/d', '/missing',
);

const handleArb = fc.nat(3);
const smallLength = fc.oneof({ arbitrary: fc.nat(12), weight: 4 }, { arbitrary: fc.constantFrom(0, 100, 5000), weight: 1 });
const positionArb = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.nat(16), weight: 2 },
  { arbitrary: fc.constant(9000), weight: 1 }, // beyond the end: a hole, the file grows
);
const dataArb = fc.oneof(
  { arbitrary: fc.constantFrom('', 'x', 'hello', 'ABCDEFGHIJ', 'line\n'), weight: 4 },
  { arbitrary: fc.nat(4).map((n) => 'q'.repeat([1, 100, 4096, 4097, 10000][n]!)), weight: 1 },
);
const fileModeArb = fc.constantFrom(0o644, 0o600, 0o755, 0o000, 0o444, 0o666, 0o777, 0o1777, 0o4755, 0o2755, 0o700, 0o500);
const createModeArb = fc.constantFrom(0o666, 0o644, 0o600, 0o400, 0o000, 0o755, 0o777);
const idArb = fc.constantFrom(0, 65534, 1000, -1);
/** Explicit times in seconds; the .25 keeps ms and ns views exact (see starting-tree.ts). */
const timeArb = fc.nat(50).map((k) => 1_200_000_000 + k * 7919 + 0.25);

const stringFlags = ['r', 'r+', 'rs+', 'w', 'wx', 'w+', 'wx+', 'a', 'ax', 'a+', 'ax+', 'as', 'as+'];
const numericFlags = [
  O_RDONLY | O_DIRECTORY,
  O_RDONLY | O_NOFOLLOW,
  O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW,
  O_RDWR | O_TRUNC,
  O_WRONLY | O_CREAT,
  O_RDWR | O_CREAT | O_DIRECTORY,
  O_WRONLY | O_APPEND,
  O_RDWR | O_APPEND | O_CREAT | O_TRUNC,
  O_WRONLY | O_NOFOLLOW | O_TRUNC,
];
const flagArb = fc.oneof({ arbitrary: fc.constantFrom(...stringFlags), weight: 3 }, { arbitrary: fc.constantFrom(...numericFlags), weight: 1 });
const readFileFlagArb = fc.constantFrom('r', 'r', 'r', 'r+', 'a+', 'w+');
const writeFileFlagArb = fc.constantFrom('w', 'w', 'w', 'wx', 'a', 'r+', 'ax');

const opArbs: Record<OpKind, fc.Arbitrary<Op>> = {
  open: fc.record({ kind: fc.constant('open'), path: fileOrNewPath, flags: flagArb, mode: createModeArb }),
  close: fc.record({ kind: fc.constant('close'), handle: handleArb }),
  read: fc.record({ kind: fc.constant('read'), handle: handleArb, length: smallLength, position: positionArb }),
  write: fc.record({ kind: fc.constant('write'), handle: handleArb, data: dataArb, position: positionArb }),
  fstat: fc.record({ kind: fc.constant('fstat'), handle: handleArb, bigint: fc.boolean() }),
  ftruncate: fc.record({ kind: fc.constant('ftruncate'), handle: handleArb, length: smallLength }),
  fsync: fc.record({ kind: fc.constant('fsync'), handle: handleArb }),
  fdatasync: fc.record({ kind: fc.constant('fdatasync'), handle: handleArb }),
  fchmod: fc.record({ kind: fc.constant('fchmod'), handle: handleArb, mode: fileModeArb }),
  fchown: fc.record({ kind: fc.constant('fchown'), handle: handleArb, uid: idArb, gid: idArb }),
  futimes: fc.record({ kind: fc.constant('futimes'), handle: handleArb, atime: timeArb, mtime: timeArb }),
  stat: fc.record({ kind: fc.constant('stat'), path: pathArb, bigint: fc.boolean() }),
  lstat: fc.record({ kind: fc.constant('lstat'), path: pathArb, bigint: fc.boolean() }),
  access: fc.record({ kind: fc.constant('access'), path: pathArb, mode: fc.constantFrom(0, 1, 2, 4, 6, 7) }),
  exists: fc.record({ kind: fc.constant('exists'), path: pathArb }),
  readFile: fc.record({ kind: fc.constant('readFile'), path: filePath, flag: readFileFlagArb }),
  writeFile: fc.record({ kind: fc.constant('writeFile'), path: fileOrNewPath, data: dataArb, flag: writeFileFlagArb, mode: createModeArb }),
  appendFile: fc.record({ kind: fc.constant('appendFile'), path: fileOrNewPath, data: dataArb }),
  truncate: fc.record({ kind: fc.constant('truncate'), path: filePath, length: smallLength }),
  mkdir: fc.record({ kind: fc.constant('mkdir'), path: fc.oneof(newPath, dirPath), recursive: fc.boolean(), mode: fc.constantFrom(0o777, 0o755, 0o700, 0o555) }),
  mkdtemp: fc.record({ kind: fc.constant('mkdtemp'), prefix: fc.constantFrom('t-', 'd/t-', 'missing/t-', 'a/t-', 'ro/t-', '@t/t-') }),
  readdir: fc.record({ kind: fc.constant('readdir'), path: dirPath, withFileTypes: fc.boolean(), recursive: fc.boolean() }),
  rmdir: fc.record({ kind: fc.constant('rmdir'), path: dirPath }),
  unlink: fc.record({ kind: fc.constant('unlink'), path: filePath }),
  readlink: fc.record({ kind: fc.constant('readlink'), path: pathArb }),
  realpath: fc.record({ kind: fc.constant('realpath'), path: pathArb }),
  rm: fc.record({ kind: fc.constant('rm'), path: pathArb, recursive: fc.boolean(), force: fc.boolean() }),
  rename: fc.record({ kind: fc.constant('rename'), from: fc.oneof(filePath, dirPath), to: fc.oneof(newPath, filePath, dirPath) }),
  copyFile: fc.record({ kind: fc.constant('copyFile'), src: filePath, dest: fileOrNewPath, excl: fc.boolean() }),
  link: fc.record({ kind: fc.constant('link'), existing: filePath, newPath: fc.oneof(newPath, filePath) }),
  symlink: fc.record({ kind: fc.constant('symlink'), target: symlinkTargetArb, path: newPath }),
  chmod: fc.record({ kind: fc.constant('chmod'), path: pathArb, mode: fileModeArb }),
  chown: fc.record({ kind: fc.constant('chown'), path: pathArb, uid: idArb, gid: idArb }),
  lchown: fc.record({ kind: fc.constant('lchown'), path: pathArb, uid: idArb, gid: idArb }),
  utimes: fc.record({ kind: fc.constant('utimes'), path: pathArb, atime: timeArb, mtime: timeArb }),
  lutimes: fc.record({ kind: fc.constant('lutimes'), path: pathArb, atime: timeArb, mtime: timeArb }),
};

/** How often each kind comes up: writes, renames and descriptor ops most, the rarely surprising ones least. */
const WEIGHTS: Record<OpKind, number> = {
  open: 12, close: 3, read: 5, write: 6, fstat: 3, ftruncate: 2, fsync: 1, fdatasync: 1, fchmod: 1, fchown: 1,
  futimes: 1, stat: 5, lstat: 4, access: 3, exists: 2, readFile: 5, writeFile: 6, appendFile: 3, truncate: 2,
  mkdir: 5, mkdtemp: 1, readdir: 5, rmdir: 2, unlink: 3, readlink: 2, realpath: 3, rm: 4, rename: 6, copyFile: 3,
  link: 3, symlink: 3, chmod: 3, chown: 2, lchown: 1, utimes: 2, lutimes: 1,
};

export const ALL_KINDS = Object.keys(WEIGHTS) as OpKind[];

export function opArb(excluded: ReadonlySet<OpKind> = new Set(), gaps: readonly KnownGap[] = []): fc.Arbitrary<Op> {
  const any = fc.oneof(
    ...ALL_KINDS.filter((k) => !excluded.has(k)).map((k) => ({ arbitrary: opArbs[k], weight: WEIGHTS[k] })),
  );
  return gaps.length === 0 ? any : any.filter((op) => !gaps.some((g) => g.excludes(op)));
}

export function sequenceArb(length: number, excluded?: ReadonlySet<OpKind>, gaps?: readonly KnownGap[]): fc.Arbitrary<Op[]> {
  return fc.array(opArb(excluded, gaps), { minLength: 1, maxLength: length, size: 'max' });
}
