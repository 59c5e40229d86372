// The call sequences of the differential tests, shared by the tests that replay them (parity of every outcome, and
// the change set against what the disk itself changed).
import { constants as C } from 'node:fs';
import type { Op } from './ops.js';

export const R = C.O_RDONLY, W = C.O_WRONLY | C.O_CREAT | C.O_TRUNC, WX = W | C.O_EXCL, A = C.O_WRONLY | C.O_CREAT | C.O_APPEND;
export const RW = C.O_RDWR, WP = C.O_RDWR | C.O_CREAT | C.O_TRUNC, AP = C.O_RDWR | C.O_CREAT | C.O_APPEND;

export const cases: Record<string, Op[]> = {
  'stat and lstat of files, directories, symlinks and missing paths': [
    ['stat', 'dir/file.txt'], ['lstat', 'rel-link'], ['stat', 'rel-link'], ['stat', 'abs-dir-link'],
    ['stat', 'dangling'], ['lstat', 'dangling'], ['stat', 'missing'], ['stat', 'missing/x'], ['stat', 'top.txt/x'],
    ['stat', 'dir/'], ['stat', 'top.txt/'], ['lstat', 'rel-link/'], ['stat', '.'], ['stat', 'dir/sub/..'],
  ],
  'symlink loops fail with ELOOP': [['stat', 'loop-a'], ['readFile', 'loop-b'], ['lstat', 'loop-a'], ['open', 'loop-a', W]],
  'reads of untouched files and directories': [
    ['readFile', 'dir/file.txt'], ['readFile', 'rel-link'], ['readFile', 'dir'], ['readFile', 'missing'],
    ['readdir', 'dir'], ['readdir', 'top.txt'], ['readdir', 'missing'], ['readdir', 'abs-dir-link'],
    ['readlink', 'rel-link'], ['readlink', 'top.txt'], ['realpath', 'abs-dir-link/sub/../file.txt'],
    ['realpath', 'dir/file.txt'], ['realpath', 'dir//sub'], ['realpath', 'dir/sub/'], ['realpath', 'dir/missing'],
    ['exists', 'dir/missing'], ['exists', 'top.txt/x'], ['stat', 'dir/sub/missing'],
    ['realpath', 'dangling'], ['exists', 'dangling'], ['exists', 'rel-link'],
  ],
  'access checks as root': [
    ['access', 'mode000.txt', C.R_OK | C.W_OK], ['access', 'mode000.txt', C.X_OK], ['access', 'script.sh', C.X_OK],
    ['access', 'dir', C.X_OK], ['access', 'missing', C.F_OK], ['access', 'top.txt', C.F_OK],
  ],
  'writeFile creates, overwrites and appends': [
    ['writeFile', 'new.txt', 'one', W], ['readFile', 'new.txt'], ['writeFile', 'dir/file.txt', 'over', W],
    ['writeFile', 'dir/file.txt', '+more', A], ['readFile', 'dir/file.txt'], ['writeFile', 'new.txt', 'x', WX],
    ['writeFile', 'missing/new.txt', 'x', W], ['writeFile', 'dir', 'x', W], ['writeFile', 'top.txt/x', 'x', W],
    ['writeFile', 'dangling', 'through the link', W], ['readFile', 'missing-target'], ['lstat', 'dangling'],
    ['writeFile', 'mode-600.txt', 'm', W, 0o600], ['stat', 'mode-600.txt'], ['writeFile', 'slash/', 'x', W],
  ],
  'open with every flag family': [
    ['open', 'dir/file.txt', R], ['read', 0, 4, null], ['read', 0, 100, null], ['read', 0, 3, 1], ['write', 0, 'x', null],
    ['open', 'dir/file.txt', RW], ['write', 1, 'DISK', null], ['read', 1, 3, null], ['write', 1, 'end', 100],
    ['fstat', 1], ['read', 0, 200, 0], ['close', 1],
    ['open', 'top.txt', A], ['write', 2, '-appended', 0], ['write', 2, '-again', null], ['close', 2],
    ['open', 'top.txt', AP], ['read', 3, 100, null], ['write', 3, '!', 0], ['read', 3, 100, 0],
    ['open', 'fresh.txt', WX, 0o640], ['fstat', 4], ['open', 'fresh.txt', WX], ['open', 'dir', RW],
    ['open', 'dir', R], ['read', 5, 10, null], ['fstat', 5], ['open', 'top.txt', R | C.O_DIRECTORY],
    ['open', 'rel-link', R | C.O_NOFOLLOW], ['open', 'missing', R], ['open', 'dir', R | C.O_CREAT],
    ['open', 'empty.txt', WP], ['write', 6, 'filled', null], ['ftruncate', 6, 3], ['ftruncate', 6, 10000],
    ['fstat', 6], ['fsync', 6], ['fdatasync', 6], ['ftruncate', 0, 1], ['close', 6], ['close', 6],
  ],
  'truncate shortens, extends and rejects directories': [
    ['truncate', 'dir/file.txt', 4], ['readFile', 'dir/file.txt'], ['truncate', 'top.txt', 9000],
    ['stat', 'top.txt'], ['truncate', 'dir', 0], ['truncate', 'missing', 0], ['truncate', 'rel-link', 0],
    ['stat', 'dir/file.txt'],
  ],
  'mkdir, recursive mkdir and their errors': [
    ['mkdir', 'a', 0o755], ['mkdir', 'a', 0o755], ['mkdir', 'b/c/d', 0o700, true], ['mkdir', 'b/c/d', 0o700, true],
    ['mkdir', 'top.txt', 0o755, true], ['mkdir', 'top.txt/x', 0o755, true], ['mkdir', 'top.txt/x', 0o755],
    ['mkdir', 'missing/x', 0o755], ['mkdir', 'dir/sub', 0o755, true], ['mkdir', 'dangling', 0o755],
    ['mkdir', 'dir/new/', 0o777], ['stat', 'dir/new'], ['stat', 'b/c'], ['mkdir', 'abs-dir-link/x/y', 0o755, true],
    ['stat', 'dir/x/y'], ['stat', 'dir'],
  ],
  'readdir merges disk entries, new entries and whiteouts': [
    ['writeFile', 'dir/new.txt', 'n', W], ['unlink', 'dir/file.txt'], ['mkdir', 'dir/newdir', 0o755],
    ['readdir', 'dir'], ['rmdir', 'dir/sub'], ['rmdir', 'emptydir'], ['readdir', '.'], ['stat', 'dir'],
  ],
  'unlink and rmdir errors': [
    ['unlink', 'dir'], ['unlink', 'missing'], ['unlink', 'top.txt/'], ['rmdir', 'top.txt'], ['rmdir', 'dir'],
    ['rmdir', 'missing'], ['rmdir', 'rel-link'], ['rmdir', 'emptydir/.'], ['rmdir', 'dir/sub/..'],
    ['unlink', 'rel-link'], ['stat', 'dir/file.txt'], ['unlink', 'dangling'], ['rmdir', 'emptydir/'],
    ['unlink', 'top.txt'], ['stat', 'top-hardlink.txt'],
  ],
  'a directory removed and made again hides its disk children': [
    ['rm', 'dir', { recursive: true, force: false }], ['mkdir', 'dir', 0o755], ['readdir', 'dir'],
    ['stat', 'dir/file.txt'], ['writeFile', 'dir/file.txt', 'new', W], ['readdir', 'dir'],
  ],
  'rm with and without recursive and force': [
    ['rm', 'missing', { recursive: false, force: true }], ['rm', 'missing', { recursive: false, force: false }],
    ['rm', 'dir', { recursive: false, force: false }], ['rm', 'top.txt', { recursive: false, force: false }],
    ['rm', 'rel-link', { recursive: true, force: false }], ['stat', 'dir/file.txt'],
    ['rm', 'abs-dir-link', { recursive: true, force: false }], ['stat', 'dir/sub'],
    ['writeFile', 'dir/sub/new.txt', 'n', W], ['rm', 'dir', { recursive: true, force: false }], ['exists', 'dir'],
  ],
  'rm -r of a tree only memory holds, with hard links inside it and out of it': [
    ['mkdir', 'made', 0o755], ['mkdir', 'made/sub', 0o755], ['writeFile', 'made/a', 'a', W],
    ['link', 'made/a', 'made/sub/b'], ['link', 'made/a', 'made/c'], ['link', 'made/a', 'kept'],
    ['writeFile', 'made/sub/d', 'd', W], ['rm', 'made', { recursive: true, force: false }], ['exists', 'made'],
    ['lstat', 'kept'], ['readFile', 'kept'], ['mkdir', 'made', 0o755], ['readdir', 'made'],
  ],
  'rename files over files, into directories and back': [
    ['rename', 'top.txt', 'renamed.txt'], ['readFile', 'renamed.txt'], ['stat', 'top.txt'],
    ['rename', 'renamed.txt', 'dir/file.txt'], ['readFile', 'dir/file.txt'], ['rename', 'dir/file.txt', 'top.txt'],
    ['rename', 'missing', 'x'], ['rename', 'top.txt', 'missing/x'], ['rename', 'top.txt', 'dir'],
    ['rename', 'dir', 'top.txt'], ['rename', 'dir', 'emptydir'], ['readdir', 'emptydir'], ['stat', 'dir'],
    ['rename', 'emptydir', 'emptydir/sub/inside'], ['rename', 'emptydir', 'dir/'], ['readdir', 'dir/sub'],
    ['rename', 'top.txt', 'top-hardlink.txt'], ['stat', 'top.txt'], ['rename', 'rel-link', 'moved-link'],
    ['readFile', 'moved-link'], ['rename', 'dir', 'dir'], ['rename', 'dir/sub', '.'], ['rename', 'top.txt/', 'x'],
    ['stat', 'dir'], ['stat', '.'],
  ],
  'a renamed disk directory keeps its disk children': [
    ['rename', 'dir', 'moved'], ['readdir', 'moved'], ['readFile', 'moved/sub/deep.txt'], ['exists', 'dir'],
    ['writeFile', 'moved/sub/deep.txt', 'changed', A], ['rename', 'moved', 'dir'], ['readFile', 'dir/sub/deep.txt'],
    ['readFile', 'rel-link'], ['mkdir', 'moved', 0o755], ['rename', 'dir/sub', 'moved/sub'], ['readdir', 'moved/sub'],
    ['stat', 'dir'], ['stat', 'moved'],
  ],
  'rename of a directory over a non-empty directory fails': [
    ['mkdir', 'other', 0o755], ['writeFile', 'other/f', 'x', W], ['rename', 'emptydir', 'other'],
    ['rename', 'other', 'dir'], ['rmdir', 'other'],
  ],
  'copyFile copies content and mode and honours COPYFILE_EXCL': [
    ['copyFile', 'script.sh', 'copy.sh'], ['stat', 'copy.sh'], ['readFile', 'copy.sh'],
    ['copyFile', 'top.txt', 'copy.sh', C.COPYFILE_EXCL], ['copyFile', 'top.txt', 'copy.sh'], ['stat', 'copy.sh'],
    ['copyFile', 'missing', 'x'], ['copyFile', 'top.txt', 'missing/x'], ['copyFile', 'dir', 'x'],
    ['copyFile', 'top.txt', 'dir'], ['copyFile', 'rel-link', 'via-link'], ['lstat', 'via-link'],
    ['copyFile', 'top.txt', 'top.txt'], ['copyFile', 'top.txt', 'dangling'], ['readFile', 'missing-target'],
  ],
  'hard links share content and count links': [
    ['link', 'dir/file.txt', 'hard'], ['stat', 'hard'], ['stat', 'dir/file.txt'], ['writeFile', 'hard', 'both', W],
    ['readFile', 'dir/file.txt'], ['link', 'dir', 'dirlink'], ['link', 'missing', 'x'], ['link', 'top.txt', 'hard'],
    ['unlink', 'dir/file.txt'], ['stat', 'hard'], ['link', 'rel-link', 'link-to-link'], ['lstat', 'link-to-link'],
    ['writeFile', 'top.txt', 'via one name', W], ['readFile', 'top-hardlink.txt'], ['stat', 'top-hardlink.txt'],
    ['unlink', 'top-hardlink.txt'], ['stat', 'top.txt'],
  ],
  'disk hard links: deleting one name leaves one link': [
    ['unlink', 'top-hardlink.txt'], ['stat', 'top.txt'], ['readFile', 'top.txt'],
  ],
  'symlinks: relative, absolute, dangling, through directories': [
    ['symlink', 'dir/sub', 'sublink'], ['readdir', 'sublink'], ['readFile', 'sublink/deep.txt'],
    ['symlink', '../top.txt', 'dir/up'], ['readFile', 'dir/up'], ['symlink', 'x', 'top.txt'],
    ['symlink', 'nowhere', 'dir/dangle'], ['stat', 'dir/dangle'], ['lstat', 'dir/dangle'], ['readlink', 'dir/dangle'],
    ['realpath', 'sublink/../file.txt'], ['symlink', 'x', 'missing/l'], ['writeFile', 'sublink/new', 'n', W],
    ['readdir', 'dir/sub'], ['rename', 'dir', 'dir2'], ['readFile', 'rel-link'], ['readFile', 'sublink/deep.txt'],
  ],
  'chmod, chown and utimes copy up metadata only': [
    ['chmod', 'top.txt', 0o600], ['stat', 'top.txt'], ['stat', 'top-hardlink.txt'], ['chmod', 'rel-link', 0o700],
    ['stat', 'dir/file.txt'], ['lstat', 'rel-link'], ['chmod', 'missing', 0o700], ['chown', 'top.txt', 1234, 5678],
    ['stat', 'top.txt'], ['lchown', 'rel-link', 42, 43], ['lstat', 'rel-link'], ['stat', 'rel-link'],
    ['chown', 'dangling', 1, 1], ['chmod', 'dir', 0o2775], ['mkdir', 'dir/g', 0o777], ['stat', 'dir/g'],
    ['utimes', 'top.txt', 1000, 2000], ['lutimes', 'rel-link', 3000, 4000], ['utimes', 'missing', 1, 1],
    ['chmod', 'script.sh', 0o4755], ['chown', 'script.sh', -1, -1], ['stat', 'script.sh'],
  ],
  'descriptors keep working after unlink and rename': [
    ['open', 'dir/file.txt', RW], ['unlink', 'dir/file.txt'], ['write', 0, 'still', 0], ['read', 0, 100, 0],
    ['fstat', 0], ['open', 'top.txt', R], ['rename', 'top.txt', 'elsewhere.txt'], ['read', 1, 10, null],
    ['open', 'elsewhere.txt', RW], ['write', 2, 'NEW', 0], ['read', 1, 10, 0], ['fstat', 1], ['close', 0],
    ['close', 2], ['readFile', 'elsewhere.txt'],
  ],
  'readFile and writeFile with flags': [
    ['readFile', 'new-by-read.txt', AP], ['stat', 'new-by-read.txt'], ['readFile', 'top.txt', RW],
    ['readFile', 'top.txt', WP], ['readFile', 'top.txt'], ['writeFile', 'top.txt', 'x', RW],
    ['writeFile', 'dir/file.txt', 'ABC', C.O_RDWR], ['readFile', 'dir/file.txt'],
  ],
  'a trailing slash on an existing file: EEXIST for mkdir, EISDIR for open with O_CREAT': [
    ['mkdir', 'top.txt/', 0o755], ['open', 'top.txt/', WX], ['open', 'top.txt/', AP], ['writeFile', 'top.txt/', 'x', W],
    ['open', 'top.txt/', R], ['open', 'nothing/', W], ['mkdir', 'dangling/', 0o755], ['open', 'dir/', W],
  ],
  'errors of the destination side name the source as path': [
    ['link', 'top.txt', 'missing/c'], ['rename', 'top.txt', 'top.txt/a'], ['rename', 'top.txt', 'loop-a/c'],
    ['link', 'top.txt', 'loop-a/c'], ['symlink', 'top.txt', 'top.txt/a'], ['symlink', 'top.txt', 'missing/c'],
    ['readFile', 'top.txt/a'], ['stat', 'top.txt/a/b'], ['mkdir', 'top.txt/x', 0o755, true],
  ],
  'copyFile from a directory truncates, chmods and removes an existing destination': [
    ['copyFile', 'dir', 'top.txt'], ['stat', 'top-hardlink.txt'], ['readFile', 'top-hardlink.txt'],
    ['copyFile', 'emptydir', 'new-dest'], ['exists', 'new-dest'], ['copyFile', 'abs-dir-link', 'dir/file.txt', C.COPYFILE_EXCL],
    ['copyFile', 'abs-dir-link', 'dir/file.txt'], ['exists', 'dir/file.txt'],
  ],
  'copyFile with COPYFILE_FICLONE_FORCE fails as on ext4 and removes the destination': [
    ['copyFile', 'top.txt', 'dir/file.txt', C.COPYFILE_FICLONE_FORCE], ['exists', 'dir/file.txt'],
    ['copyFile', 'top.txt', 'cloned', C.COPYFILE_FICLONE], ['readFile', 'cloned'],
  ],
  'replacing one name of a disk hard link leaves one link on the other': [
    ['rename', 'dangling', 'top.txt'], ['lstat', 'top-hardlink.txt'], ['readFile', 'top-hardlink.txt'],
  ],
  'a trailing slash never makes unlink, rmdir or rename follow the last name': [
    ['unlink', 'dangling/'], ['unlink', 'abs-dir-link/'], ['unlink', 'dir/'], ['unlink', 'nothing/'],
    ['rmdir', 'abs-dir-link/'], ['rmdir', 'dangling/'], ['rename', 'abs-dir-link/', 'x'], ['rename', 'top.txt', 'newname/'],
    ['rename', 'emptydir/', 'moved-empty/'], ['stat', 'moved-empty'], ['stat', 'dir/sub'],
  ],
  'recursive mkdir through a dangling symlink fails with ENOENT': [
    ['mkdir', 'dangling', 0o755, true], ['mkdir', 'dangling/x', 0o755, true], ['mkdir', 'x3/../x4', 0o755, true],
    ['stat', 'x4'],
  ],
  'O_CREAT with O_DIRECTORY is EINVAL; copyFile to a name with a slash is EISDIR': [
    ['open', 'top.txt', C.O_RDWR | C.O_CREAT | C.O_DIRECTORY], ['open', 'dir', C.O_RDONLY | C.O_CREAT | C.O_DIRECTORY],
    ['copyFile', 'top.txt', 'top.txt/'], ['copyFile', 'top.txt', 'nothing/'], ['rename', 'dangling/', 'top.txt'],
  ],
  'sparse files count only the blocks written': [
    ['open', 'top.txt', C.O_WRONLY | C.O_TRUNC], ['write', 0, 'q', 9000], ['fstat', 0], ['write', 0, 'r', 0],
    ['fstat', 0], ['ftruncate', 0, 100000], ['fstat', 0], ['write', 0, 'z', 50000], ['fstat', 0],
    ['ftruncate', 0, 8192], ['fstat', 0], ['truncate', 'dir/file.txt', 20000], ['stat', 'dir/file.txt'],
    ['open', 'new-sparse', C.O_RDWR | C.O_CREAT], ['write', 1, 'abc', 4096], ['fstat', 1], ['read', 1, 10, 0],
  ],
  'rename checks ancestry before types, and both parents before the source name': [
    ['symlink', '../top.txt', 'dir/lup'], ['rename', 'dir', 'dir/lup'], ['rename', 'dir/sub/../nothing', 'loop-a/c'],
    ['rename', 'dir/sub', 'dir'], ['rename', 'dir', 'dir/sub/x'],
  ],
  'rm -rf of a path that cannot be looked up goes on to unlink it, as rimraf does': [
    ['rm', 'loop-b/', { recursive: true, force: true }], ['rm', 'loop-a/x', { recursive: true, force: true }],
    ['rm', 'top.txt/x', { recursive: true, force: true }], ['lstat', 'loop-b'],
  ],
  'rm with force forgives only a missing path (as Node 20)': [
    ['rm', 'top.txt/', { recursive: false, force: true }], ['rm', 'top.txt/a', { recursive: false, force: true }],
    ['rm', 'missing/x', { recursive: false, force: false }], ['rm', 'missing/x', { recursive: true, force: true }],
  ],
  'a missing source with a destination under a file is ENOTDIR': [
    ['rename', 'nothing', 'top.txt/a'], ['rename', 'abs-dir-link/nothing', 'top.txt/c'],
    ['rm', 'top.txt/a', { recursive: true, force: false }], ['rm', 'missing/c', { recursive: true, force: false }],
  ],
  'metadata set through a read-only descriptor of a disk file sticks': [
    ['open', 'dir/sub/deep.txt', C.O_RDONLY], ['fchmod', 0, 0o600], ['fchown', 0, 7, 8], ['futimes', 0, 100, 200],
    ['fstat', 0], ['stat', 'dir/sub/deep.txt'], ['readdir', 'dir/sub'], ['readFile', 'dir/sub/deep.txt'],
    ['open', 'top.txt', C.O_RDONLY], ['rename', 'top.txt', 'dir/renamed.txt'], ['fchmod', 1, 0o640],
    ['stat', 'dir/renamed.txt'], ['open', 'dir/file.txt', C.O_RDONLY], ['unlink', 'dir/file.txt'], ['fchmod', 2, 0o600],
    ['fstat', 2], ['readdir', 'dir'],
  ],
  'a descriptor on a disk directory sees the directory change; rm of "link/" refuses the symlink': [
    ['open', 'dir', C.O_RDONLY], ['writeFile', 'dir/new', 'x', W], ['fstat', 0], ['open', 'emptydir', C.O_DIRECTORY],
    ['mkdir', 'emptydir/sub', 0o755], ['fstat', 1], ['rm', 'abs-dir-link/', { recursive: true, force: false }],
    ['readdir', 'dir'],
  ],
  'copyFile failing onto a symlink truncates its target and removes the symlink': [
    ['symlink', 'top.txt', 'to-top'], ['copyFile', 'dir', 'to-top'], ['lstat', 'top.txt'], ['readFile', 'top.txt'],
    ['exists', 'to-top'], ['copyFile', 'emptydir', 'dangling'], ['lstat', 'missing-target'], ['exists', 'dangling'],
  ],
  'names longer than 255 bytes and paths of 4096 bytes are ENAMETOOLONG; ELOOP inside a path': [
    ['stat', 'N'.repeat(256)], ['writeFile', `dir/${'N'.repeat(256)}`, 'x', W], ['mkdir', 'M'.repeat(255), 0o755],
    ['stat', `dir/${'a/'.repeat(2048)}`], ['stat', 'loop-a/x'], ['writeFile', 'loop-a/x', 'y', W],
    ['readdir', 'loop-b'], ['mkdir', 'loop-a/z', 0o755, true],
  ],
  'mkdir keeps the sticky bit and drops set-user-ID': [
    ['mkdir', 'sticky', 0o1777], ['stat', 'sticky'], ['mkdir', 'suid', 0o4755], ['stat', 'suid'],
    ['mkdir', 'sgid', 0o2755], ['stat', 'sgid'],
  ],
  'replacing or removing a name of a copied-up disk hard link does not bring it back': [
    ['rename', 'top.txt', 'c'], ['rename', 'abs-dir-link', 'top-hardlink.txt'], ['rm', 'top-hardlink.txt', { recursive: false, force: false }],
    ['lstat', 'top-hardlink.txt'], ['readFile', 'c'], ['stat', 'c'],
  ],
  'a descriptor on one disk hard link survives the other name being replaced and removed': [
    ['open', 'top-hardlink.txt', AP], ['rename', 'rel-link', 'top.txt'], ['unlink', 'top.txt'], ['fchmod', 0, 0o600],
    ['lstat', 'top.txt'], ['fstat', 0], ['lstat', 'top-hardlink.txt'],
  ],
};
