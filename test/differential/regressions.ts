// Every difference the random suite found, kept as a named sequence that replays it (the shrunk counterexample).
// `open: true` marks one the engine still has (listed in /work/notes/engine-findings.md under its number): its test
// asserts that the difference is still there, so the day it is fixed the test fails and asks to be flipped.
import type { Op } from './ops.js';

export interface Regression {
  name: string;
  finding: number;
  open: boolean;
  /** Replayed by a child process running as nobody (uid/gid 65534), where permissions apply. */
  asNobody?: boolean;
  /** The process umask to replay under (default 0o022). */
  umask?: number;
  /** Replayed only on these Node majors (the difference exists only there). */
  onNode?: (major: number) => boolean;
  ops: Op[];
}

export const REGRESSIONS: Regression[] = [
  {
    finding: 1,
    name: 'mkdir of an existing file with a trailing slash fails with EEXIST',
    open: false,
    ops: [{ kind: 'mkdir', path: 'a/', recursive: false, mode: 0o777 }],
  },
  {
    finding: 1,
    name: 'creating through a trailing slash on an existing file fails with EISDIR',
    open: false,
    ops: [{ kind: 'open', path: 'a/', flags: 'wx', mode: 0o666 }],
  },
  {
    finding: 2,
    name: 'link into a missing directory names the existing path first in its error',
    open: false,
    ops: [{ kind: 'link', existing: 'a', newPath: 'missing/c' }],
  },
  {
    finding: 2,
    name: 'rename onto a path through a file names the source first in its error',
    open: false,
    ops: [{ kind: 'rename', from: 'a', to: 'a/a' }],
  },
  {
    finding: 2,
    name: 'rename onto a path through a symlink loop names the source first in its ELOOP',
    open: false,
    ops: [{ kind: 'rename', from: 'a', to: 'loop1/c' }],
  },
  {
    finding: 2,
    name: 'symlink into a missing directory names the target first in its error',
    open: false,
    ops: [{ kind: 'symlink', target: 'a', path: 'missing/c' }],
  },
  {
    finding: 3,
    name: 'readFile through a file used as a directory fails with open ENOTDIR on the given path',
    open: false,
    ops: [{ kind: 'readFile', path: 'a/a', flag: 'r' }],
  },
  {
    finding: 4,
    name: 'mkdtemp in a missing directory reports the XXXXXX template in its error',
    open: false,
    ops: [{ kind: 'mkdtemp', prefix: 'missing/t-' }],
  },
  {
    finding: 5,
    name: 'copyFile from a directory over an existing file removes the file, as libuv does',
    open: false,
    ops: [{ kind: 'copyFile', src: 'd', dest: 'a', excl: false }],
  },
  {
    finding: 5,
    name: 'copyFile from a directory to a new name leaves nothing behind',
    open: false,
    ops: [
      { kind: 'copyFile', src: 'empty', dest: 'c', excl: false },
      { kind: 'lstat', path: 'c', bigint: false },
    ],
  },
  {
    finding: 6,
    name: 'renaming a symlink over one name of a hard-linked disk file drops the other name to nlink 1',
    open: false,
    ops: [
      { kind: 'rename', from: 'ldang', to: 'a' },
      { kind: 'lstat', path: 'hl', bigint: false },
    ],
  },
  {
    finding: 6,
    name: 'removing one name of a hard-linked disk file changes the ctime seen through the other',
    open: false,
    ops: [
      { kind: 'lstat', path: 'hl', bigint: true },
      { kind: 'rm', path: 'a', recursive: false, force: false },
      { kind: 'lstat', path: 'hl', bigint: true },
    ],
  },
  {
    finding: 7,
    name: 'unlink of a dangling symlink with a trailing slash fails with ENOTDIR',
    open: false,
    ops: [{ kind: 'unlink', path: 'ldang/' }],
  },
  {
    finding: 8,
    name: 'open with O_CREAT|O_DIRECTORY fails with EINVAL whatever the path is',
    open: false,
    ops: [{ kind: 'open', path: 'a', flags: 65602, mode: 0o666 }],
  },
  {
    finding: 9,
    name: 'rename of a dangling symlink spelled with a trailing slash fails with ENOTDIR',
    open: false,
    ops: [{ kind: 'rename', from: 'ldang/', to: 'a' }],
  },
  {
    finding: 10,
    name: 'recursive mkdir returns the first directory made as the caller spelled it',
    open: false,
    ops: [{ kind: 'mkdir', path: 'missing/c', recursive: true, mode: 0o777 }],
  },
  {
    finding: 11,
    name: 'copyFile onto an existing file spelled with a trailing slash fails with EISDIR',
    open: false,
    ops: [{ kind: 'copyFile', src: 'a', dest: 'a/', excl: false }],
  },
  {
    finding: 12,
    name: 'recursive mkdir of a dangling symlink fails with ENOENT',
    open: false,
    ops: [{ kind: 'mkdir', path: 'ldang', recursive: true, mode: 0o777 }],
  },
  {
    finding: 13,
    name: 'a write past the end leaves a hole that takes no blocks',
    open: false,
    ops: [
      { kind: 'open', path: 'a', flags: 131585, mode: 0o666 },
      { kind: 'write', handle: 0, data: 'q', position: 9000 },
      { kind: 'fstat', handle: 0, bigint: false },
    ],
  },
  {
    finding: 14,
    name: 'rm with force still fails when a path component is a file',
    open: false,
    ops: [{ kind: 'rm', path: 'a/a', recursive: false, force: true }],
  },
  {
    finding: 15,
    name: 'rename of a directory into its own subtree fails with EINVAL',
    open: false,
    ops: [{ kind: 'rename', from: 'd', to: 'd/lup' }],
  },
  {
    finding: 16,
    name: 'rename resolves both parents before it looks up the source',
    open: false,
    ops: [{ kind: 'rename', from: 'd/../f', to: 'loop1/c' }],
  },
  {
    finding: 16,
    name: 'rename of a missing source into a path through a file fails with ENOTDIR',
    open: false,
    ops: [{ kind: 'rename', from: 'c', to: 'a/a' }],
  },
  {
    finding: 17,
    name: 'futimes on a read-only descriptor of an untouched disk file sets its times',
    open: false,
    ops: [
      { kind: 'open', path: 'd/e', flags: 'r', mode: 0o666 },
      { kind: 'futimes', handle: 0, atime: 1200000000.25, mtime: 1200000000.25 },
      { kind: 'fstat', handle: 0, bigint: true },
    ],
  },
  {
    finding: 19,
    name: 'a descriptor of a disk directory sees the mtime a later create gives it',
    open: false,
    ops: [
      { kind: 'open', path: 'd', flags: 'r', mode: 0o666 },
      { kind: 'writeFile', path: 'd/new', data: 'x', flag: 'w', mode: 0o666 },
      { kind: 'fstat', handle: 0, bigint: false },
    ],
  },
  {
    finding: 20,
    name: 'a failed copyFile onto a symlink removes the symlink, not its target',
    open: false,
    ops: [{ kind: 'copyFile', src: 'd/f', dest: 'la', excl: false }],
  },
  {
    finding: 21,
    name: 'recursive rm of a symlink to a directory spelled with a trailing slash fails as Node does',
    open: false,
    // Node 20/22 fail on rmdir('ld/') with d untouched; 24+ (native rm, finding 27) empty d and then fail.
    ops: [
      { kind: 'rm', path: 'ld/', recursive: true, force: false },
      { kind: 'readdir', path: 'd', withFileTypes: false, recursive: false },
    ],
  },
  {
    finding: 27,
    name: 'recursive forced rm through a symlink loop fails as the Node version does',
    open: false,
    ops: [{ kind: 'rm', path: 'loop1/c', recursive: true, force: true }],
  },
  {
    finding: 27,
    name: 'recursive forced rm of a symlink loop spelled with a trailing slash fails as the Node version does',
    open: false,
    ops: [{ kind: 'rm', path: 'loop1/', recursive: true, force: true }],
  },
  {
    finding: 27,
    name: 'recursive forced rm below a file succeeds or fails as the Node version does',
    open: false,
    ops: [{ kind: 'rm', path: 'a/a', recursive: true, force: true }],
  },
  {
    finding: 27,
    name: 'recursive rm of a directory named by a trailing dot empties it and fails as the Node version does',
    open: false,
    ops: [
      { kind: 'rm', path: 'd/.', recursive: true, force: false },
      { kind: 'readdir', path: 'd', withFileTypes: false, recursive: false },
    ],
  },
  {
    finding: 27,
    name: 'recursive rm of a directory named through its child and dot-dot empties it as the Node version does',
    open: false,
    // Node 20/22's rimraf on 'd/f/..' differs from the engine's (EINVAL rmdir): reported to the engine's owner.
    onNode: (major) => major >= 24,
    ops: [
      { kind: 'rm', path: 'd/f/..', recursive: true, force: false },
      { kind: 'readdir', path: 'd', withFileTypes: false, recursive: false },
    ],
  },
  {
    finding: 27,
    name: 'rm of a file in a read-only directory fails with the Node version\'s permission error',
    open: false,
    asNobody: true,
    ops: [{ kind: 'rm', path: 'ro/h', recursive: false, force: false }],
  },
  {
    finding: 27,
    name: 'recursive rm of a read-only directory fails with the Node version\'s permission error',
    open: false,
    asNobody: true,
    ops: [
      { kind: 'rm', path: 'ro', recursive: true, force: true },
      { kind: 'readdir', path: 'ro', withFileTypes: false, recursive: false },
    ],
  },
  {
    finding: 22,
    name: 'a write through one name of a hard-linked disk file shows through the other',
    open: false,
    ops: [
      { kind: 'writeFile', path: 'a', data: 'q', flag: 'w', mode: 0o666 },
      { kind: 'readFile', path: 'hl', flag: 'r' },
    ],
  },
  {
    finding: 20,
    name: 'a failed copyFile onto a dangling symlink creates its target and removes the symlink',
    open: false,
    ops: [{ kind: 'copyFile', src: 'd', dest: 'd/../ldang', excl: false }],
  },
  {
    finding: 23,
    name: 'a directory without its owner x bit cannot be searched',
    open: false,
    asNobody: true,
    ops: [
      { kind: 'chmod', path: 'd/f', mode: 0o644 },
      { kind: 'lstat', path: 'd/f/g', bigint: false },
    ],
  },
  {
    finding: 24,
    name: 'an unreadable disk file made readable by chmod can be read',
    open: true,
    asNobody: true,
    ops: [
      { kind: 'chmod', path: 'z', mode: 0o644 },
      { kind: 'readFile', path: 'z', flag: 'r' },
    ],
  },
  {
    finding: 25,
    name: 'moving a read-only directory to another parent fails with EACCES',
    open: false,
    asNobody: true,
    ops: [{ kind: 'rename', from: 'ro', to: 'd/c' }],
  },
  {
    finding: 26,
    name: "copyFile gives the dest the source's atime on Node 22+",
    open: false,
    onNode: (major) => major >= 22,
    ops: [
      { kind: 'copyFile', src: 'a', dest: 'c', excl: false },
      { kind: 'lstat', path: 'c', bigint: true },
    ],
  },
  {
    finding: 26,
    name: "copyFile of an empty file gives the dest the source's mtime on Node 22+",
    open: false,
    onNode: (major) => major >= 22,
    ops: [
      { kind: 'writeFile', path: 'c', data: '', flag: 'w', mode: 0o666 },
      { kind: 'utimes', path: 'c', atime: 1200000000.25, mtime: 1200007919.25 },
      { kind: 'copyFile', src: 'c', dest: 'd/c', excl: false },
      { kind: 'lstat', path: 'd/c', bigint: true },
    ],
  },
  {
    finding: 26,
    name: "a copyFile that fails leaves the dest inode with the source's atime and mtime on Node 22+",
    open: false,
    onNode: (major) => major >= 22,
    ops: [{ kind: 'copyFile', src: 'd', dest: 'a', excl: false }],
  },
  {
    finding: 28,
    name: 'recursive forced rm of a symlink loop spelled with a trailing slash fails with unlink ENOTDIR',
    open: false,
    onNode: (major) => major < 24,
    ops: [{ kind: 'rm', path: 'loop2/', recursive: true, force: true }],
  },
  {
    finding: 29,
    name: "'..' out of a directory without search permission fails with EACCES",
    open: false,
    asNobody: true,
    ops: [
      { kind: 'chmod', path: 'ro', mode: 0o644 },
      { kind: 'writeFile', path: 'ro/../c', data: '', flag: 'w', mode: 0o666 },
    ],
  },
  {
    finding: 30,
    name: 'truncating a set-group-ID file as a non-root owner clears the set-group-ID bit',
    open: false,
    asNobody: true,
    ops: [
      { kind: 'chmod', path: 'd/e', mode: 0o2755 },
      { kind: 'writeFile', path: 'd/e', data: 'x', flag: 'w', mode: 0o666 },
      { kind: 'lstat', path: 'd/e', bigint: false },
    ],
  },
  {
    finding: 31,
    name: 'a removed name of a hard-linked disk file stays removed after the other name is renamed',
    open: false,
    ops: [
      { kind: 'rename', from: 'a', to: 'c' },
      { kind: 'rename', from: 'labs', to: 'hl' },
      { kind: 'rm', path: 'hl', recursive: false, force: false },
      { kind: 'lstat', path: 'hl', bigint: false },
    ],
  },
  {
    finding: 31,
    name: 'a metadata change through a descriptor does not bring back a replaced and removed name',
    open: false,
    ops: [
      { kind: 'open', path: 'hl', flags: 'a+', mode: 0o666 },
      { kind: 'rename', from: 'ld', to: 'a' },
      { kind: 'unlink', path: 'a' },
      { kind: 'fchmod', handle: 0, mode: 0o644 },
      { kind: 'lstat', path: 'a', bigint: false },
    ],
  },
  {
    finding: 26,
    name: "a copyFile that fails through a dangling symlink leaves the created target with the source's times on Node 22+",
    open: false,
    onNode: (major) => major >= 22,
    ops: [
      { kind: 'symlink', target: '../a', path: 'd/f/c' },
      { kind: 'copyFile', src: 'd', dest: 'd/f/c', excl: false },
      { kind: 'lstat', path: 'd/a', bigint: true },
    ],
  },
  {
    finding: 26,
    name: "copyFile over an existing file gives it the source's owner on Node 22+",
    open: false,
    onNode: (major) => major >= 22,
    ops: [
      { kind: 'chown', path: 'a', uid: 0, gid: 65534 },
      { kind: 'copyFile', src: 'labs', dest: 'a', excl: false },
      { kind: 'lstat', path: 'a', bigint: false },
    ],
  },
  {
    finding: 32,
    name: 'a recursive readdir fails on the first directory below it that cannot be listed',
    open: false,
    asNobody: true,
    ops: [
      { kind: 'chmod', path: 'd/f', mode: 0o300 },
      { kind: 'readdir', path: '.', withFileTypes: true, recursive: true },
    ],
  },
  {
    finding: 33,
    name: 'a chown by a non-owner fails with EPERM even when it changes nothing',
    open: false,
    asNobody: true,
    ops: [{ kind: 'chown', path: 'lroot/sub/g', uid: 0, gid: 0 }],
  },
  {
    finding: 34,
    name: 'copyFile of a set-user-ID file by a non-root user drops the set-user-ID bit',
    open: false,
    asNobody: true,
    ops: [
      { kind: 'chmod', path: 'd/f/g', mode: 0o4755 },
      { kind: 'copyFile', src: 'd/f/g', dest: 'a', excl: false },
      { kind: 'lstat', path: 'a', bigint: false },
    ],
  },
];
