// Scenarios run once on the real disk and once through the patched fs over the overlay; each starts in its own
// folder holding the fixture tree (see fixture.ts). Steps use the sync, callback and promise faces alike.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { pipeline } from 'node:stream/promises';
import type { Recorder } from './recorder.js';

const major = Number(process.versions.node.split('.')[0]);
const sorted = (list: unknown) => (Array.isArray(list) ? [...list].map(String).sort() : list);

export const scenarios: Record<string, (t: Recorder) => Promise<void>> = {
  async stat(t) {
    t.sync('statSync file', () => fs.statSync(t.p('file.txt')));
    t.sync('statSync bigint', () => fs.statSync(t.p('file.txt'), { bigint: true }));
    t.sync('lstatSync link', () => fs.lstatSync(t.p('link')));
    t.sync('statSync link follows', () => fs.statSync(t.p('link')));
    t.sync('statSync dangling', () => fs.statSync(t.p('dangling')));
    t.sync('statSync missing', () => fs.statSync(t.p('missing')));
    t.sync('statSync missing no throw', () => fs.statSync(t.p('missing'), { throwIfNoEntry: false }));
    t.sync('lstatSync through a file', () => fs.lstatSync(t.p('file.txt', 'x')));
    t.sync('statSync URL', () => fs.statSync(pathToFileURL(t.p('dir'))));
    t.sync('statSync Buffer', () => fs.statSync(Buffer.from(t.p('dir'))));
    await t.cb('stat callback', (done) => fs.stat(t.p('file.txt'), done));
    await t.cb('stat callback missing', (done) => fs.stat(t.p('missing'), done));
    await t.cb('lstat callback bigint', (done) => fs.lstat(t.p('link'), { bigint: true }, done));
    await t.promise('stat promise', () => fsp.stat(t.p('dir')));
    await t.promise('lstat promise missing', () => fsp.lstat(t.p('missing')));
    t.sync('accessSync exists', () => fs.accessSync(t.p('file.txt')));
    t.sync('accessSync missing', () => fs.accessSync(t.p('missing'), fs.constants.R_OK));
    await t.cb('access callback', (done) => fs.access(t.p('missing'), done));
    await t.promise('access promise', () => fsp.access(t.p('file.txt'), fs.constants.W_OK));
    t.sync('existsSync yes', () => fs.existsSync(t.p('file.txt')));
    t.sync('existsSync no', () => fs.existsSync(t.p('missing')));
    await t.cb('exists callback', (done) => fs.exists(t.p('dir'), done));
    await t.promise('promisified exists', () => promisify(fs.exists)(t.p('missing')));
  },

  async files(t) {
    t.sync('writeFileSync new', () => fs.writeFileSync(t.p('new.txt'), 'fresh'));
    t.sync('readFileSync utf8', () => fs.readFileSync(t.p('new.txt'), 'utf8'));
    t.sync('writeFileSync over disk file', () => fs.writeFileSync(t.p('file.txt'), Buffer.from('replaced')));
    t.sync('readFileSync buffer', () => fs.readFileSync(t.p('file.txt')));
    t.sync('appendFileSync', () => fs.appendFileSync(t.p('file.txt'), '+more'));
    t.sync('readFileSync latin1 option', () => fs.readFileSync(t.p('file.txt'), { encoding: 'latin1' }));
    t.sync('readFileSync hex', () => fs.readFileSync(t.p('dir', 'a.txt'), 'hex'));
    t.sync('writeFileSync wx existing', () => fs.writeFileSync(t.p('file.txt'), 'x', { flag: 'wx' }));
    t.sync('readFileSync directory', () => fs.readFileSync(t.p('dir')));
    t.sync('readFileSync missing', () => fs.readFileSync(t.p('missing')));
    t.sync('writeFileSync into missing dir', () => fs.writeFileSync(t.p('nodir', 'x.txt'), 'x'));
    t.sync('writeFileSync base64', () => fs.writeFileSync(t.p('b64.txt'), 'aGVsbG8=', 'base64'));
    t.sync('readFileSync after base64', () => fs.readFileSync(t.p('b64.txt'), 'utf8'));
    t.sync('readFileSync URL', () => fs.readFileSync(pathToFileURL(t.p('b64.txt')), 'utf8'));
    t.sync('writeFileSync typed array', () => fs.writeFileSync(t.p('u16.bin'), new Uint16Array([1, 2, 3])));
    t.sync('readFileSync typed array back', () => fs.readFileSync(t.p('u16.bin')));
    await t.cb('writeFile callback', (done) => fs.writeFile(t.p('cb.txt'), 'from callback', done));
    await t.cb('readFile callback', (done) => fs.readFile(t.p('cb.txt'), 'utf8', done));
    await t.cb('appendFile callback', (done) => fs.appendFile(t.p('cb.txt'), '!', done));
    await t.cb('readFile callback missing', (done) => fs.readFile(t.p('missing'), done));
    await t.promise('writeFile promise', () => fsp.writeFile(t.p('p.txt'), 'from promise'));
    await t.promise('writeFile promise iterable', () => fsp.writeFile(t.p('it.txt'), ['a', 'b', 'c']));
    await t.promise('readFile promise', () => fsp.readFile(t.p('it.txt'), 'utf8'));
    await t.promise('appendFile promise', () => fsp.appendFile(t.p('p.txt'), '...'));
    await t.promise('readFile promise after append', () => fsp.readFile(t.p('p.txt'), { encoding: 'utf8' }));
    await t.promise('readFile promise dir', () => fsp.readFile(t.p('dir')));
    t.sync('truncateSync', () => fs.truncateSync(t.p('p.txt'), 4));
    t.sync('readFileSync truncated', () => fs.readFileSync(t.p('p.txt'), 'utf8'));
    await t.cb('truncate callback', (done) => fs.truncate(t.p('p.txt'), 2, done));
    await t.promise('truncate promise missing', () => fsp.truncate(t.p('missing')));
    t.sync('copyFileSync', () => fs.copyFileSync(t.p('p.txt'), t.p('copy.txt')));
    t.sync('copyFileSync excl', () => fs.copyFileSync(t.p('p.txt'), t.p('copy.txt'), fs.constants.COPYFILE_EXCL));
    t.sync('copyFileSync missing', () => fs.copyFileSync(t.p('missing'), t.p('copy2.txt')));
    await t.cb('copyFile callback', (done) => fs.copyFile(t.p('dir', 'a.txt'), t.p('copy3.txt'), done));
    await t.promise('copyFile promise', () => fsp.copyFile(t.p('copy3.txt'), t.p('copy4.txt')));
    t.sync('readFileSync copy', () => fs.readFileSync(t.p('copy4.txt'), 'utf8'));
    await t.promise('openAsBlob text', async () => (await fs.openAsBlob(t.p('copy4.txt'))).text());
    t.sync('readdir after files', () => sorted(fs.readdirSync(t.dir)));
  },

  async descriptors(t) {
    const fd = fs.openSync(t.p('file.txt'), 'r+');
    t.note('fd is a number', typeof fd);
    const buf = Buffer.alloc(8);
    t.sync('readSync', () => fs.readSync(fd, buf, 0, 4, null));
    t.note('read bytes', buf);
    t.sync('readSync positional', () => fs.readSync(fd, buf, { position: 5 }));
    t.sync('readSync options form', () => fs.readSync(fd, buf, { offset: 2, length: 2, position: 0 }));
    t.note('read bytes 2', buf);
    t.sync('writeSync buffer at position', () => fs.writeSync(fd, Buffer.from('XY'), 0, 2, 0));
    t.sync('writeSync string', () => fs.writeSync(fd, 'tail', 20));
    t.sync('fstatSync', () => fs.fstatSync(fd));
    t.sync('ftruncateSync', () => fs.ftruncateSync(fd, 3));
    t.sync('fsyncSync', () => fs.fsyncSync(fd));
    t.sync('fdatasyncSync', () => fs.fdatasyncSync(fd));
    t.sync('fchmodSync', () => fs.fchmodSync(fd, 0o640));
    t.sync('futimesSync', () => fs.futimesSync(fd, 1000, 2000));
    t.sync('fstat after', () => {
      const s = fs.fstatSync(fd);
      return [s.mode, s.size, s.mtimeMs, s.atimeMs];
    });
    t.sync('writevSync', () => fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')], 0));
    t.sync('readvSync', () => {
      const a = Buffer.alloc(2);
      const b = Buffer.alloc(3);
      const n = fs.readvSync(fd, [a, b], 0);
      return [n, a, b];
    });
    await t.cb('read callback', (done) => fs.read(fd, Buffer.alloc(4), 0, 4, 0, done));
    await t.cb('read callback options', (done) => fs.read(fd, { buffer: Buffer.alloc(3), position: 1 }, done));
    await t.cb('write callback', (done) => fs.write(fd, Buffer.from('Z'), 0, 1, 0, done));
    await t.cb('write callback string', (done) => fs.write(fd, 'QQ', 1, 'utf8', done));
    await t.cb('fstat callback', (done) => fs.fstat(fd, done));
    await t.cb('ftruncate callback', (done) => fs.ftruncate(fd, done));
    await t.promise('promisified read', () => promisify(fs.read)(fd, Buffer.alloc(2), 0, 2, 0));
    await t.promise('promisified write', () => promisify(fs.write)(fd, Buffer.from('hi'), 0, 2, 0));
    t.sync('readFileSync fd', () => fs.readFileSync(fd, 'utf8'));
    t.sync('closeSync', () => fs.closeSync(fd));
    t.sync('readSync after close', () => fs.readSync(fd, Buffer.alloc(1)));
    t.sync('closeSync twice', () => fs.closeSync(fd));
    t.sync('final content', () => fs.readFileSync(t.p('file.txt'), 'utf8'));
    const fd2 = fs.openSync(t.p('created.txt'), 'w', 0o600);
    t.sync('writeFileSync to fd', () => fs.writeFileSync(fd2, 'via fd'));
    await t.cb('close callback', (done) => fs.close(fd2, done));
    t.sync('created mode', () => fs.statSync(t.p('created.txt')).mode);
    t.sync('openSync missing', () => fs.openSync(t.p('missing'), 'r'));
    t.sync('openSync wx existing', () => fs.openSync(t.p('created.txt'), 'wx'));
    t.sync('openSync dir for write', () => fs.openSync(t.p('dir'), 'w'));
    await t.cb('open callback', (done) => fs.open(t.p('missing', 'x'), 'r', done));
  },

  async directories(t) {
    t.sync('mkdirSync', () => fs.mkdirSync(t.p('made')));
    t.sync('mkdirSync existing', () => fs.mkdirSync(t.p('made')));
    t.sync('mkdirSync recursive returns first', () => fs.mkdirSync(t.p('deep', 'er', 'est'), { recursive: true }));
    t.sync('mkdirSync recursive existing', () => fs.mkdirSync(t.p('deep', 'er'), { recursive: true }));
    t.sync('mkdirSync recursive through file', () => fs.mkdirSync(t.p('file.txt', 'x'), { recursive: true }));
    t.sync('mkdirSync missing parent', () => fs.mkdirSync(t.p('nope', 'x')));
    await t.cb('mkdir callback recursive', (done) => fs.mkdir(t.p('cbdir', 'x'), { recursive: true }, done));
    await t.cb('mkdir callback', (done) => fs.mkdir(t.p('cbdir2'), done));
    await t.promise('mkdir promise recursive', () => fsp.mkdir(t.p('pdir', 'y'), { recursive: true }));
    t.sync('readdirSync disk dir', () => fs.readdirSync(t.p('dir')));
    t.sync('readdirSync withFileTypes', () => fs.readdirSync(t.p('dir'), { withFileTypes: true }));
    t.sync('readdirSync buffer encoding', () => fs.readdirSync(t.p('dir'), 'buffer'));
    t.sync('readdirSync recursive (disk tree)', () => fs.readdirSync(t.p('dir'), { recursive: true }));
    t.sync('readdirSync recursive dirents (disk tree)', () => fs.readdirSync(t.p('dir'), { recursive: true, withFileTypes: true }));
    t.sync('readdirSync mixed sorted', () => sorted(fs.readdirSync(t.dir)));
    t.sync('readdirSync file', () => fs.readdirSync(t.p('file.txt')));
    t.sync('readdirSync missing', () => fs.readdirSync(t.p('missing')));
    await t.cb('readdir callback', (done) => fs.readdir(t.p('dir'), done));
    await t.cb('readdir callback types', (done) => fs.readdir(t.p('dir'), { withFileTypes: true }, done));
    await t.promise('readdir promise recursive', () => fsp.readdir(t.p('dir'), { recursive: true }));
    t.sync('rmdirSync not empty', () => fs.rmdirSync(t.p('dir')));
    t.sync('rmdirSync file', () => fs.rmdirSync(t.p('file.txt')));
    t.sync('rmdirSync empty', () => fs.rmdirSync(t.p('empty')));
    t.sync('rmdirSync gone', () => fs.existsSync(t.p('empty')));
    await t.cb('rmdir callback', (done) => fs.rmdir(t.p('made'), done));
    await t.promise('rmdir promise missing', () => fsp.rmdir(t.p('made')));
    const made = fs.mkdtempSync(t.p('tmp-'));
    t.note('mkdtemp shape', typeof made === 'string' && made.startsWith(t.p('tmp-')) && made.length === t.p('tmp-').length + 6);
    t.sync('mkdtemp is a dir', () => fs.statSync(made).isDirectory());
    t.sync('mkdtempSync missing parent', () => fs.mkdtempSync(t.p('nope', 'tmp-')));
    await t.promise('mkdtemp promise', async () => (await fsp.mkdtemp(t.p('ptmp-'))).length);
    if (major >= 24) {
      t.sync('mkdtempDisposableSync', () => {
        const d = (fs as any).mkdtempDisposableSync(t.p('disp-'));
        fs.writeFileSync(`${d.path}/x`, 'x');
        d[Symbol.dispose]();
        return fs.existsSync(d.path);
      });
      await t.promise('mkdtempDisposable promise', async () => {
        const d = await (fsp as any).mkdtempDisposable(t.p('pdisp-'));
        await d[Symbol.asyncDispose]();
        return fs.existsSync(d.path);
      });
    }
  },

  async names(t) {
    t.sync('renameSync file', () => fs.renameSync(t.p('file.txt'), t.p('renamed.txt')));
    t.sync('renamed content', () => fs.readFileSync(t.p('renamed.txt'), 'utf8'));
    t.sync('renameSync missing', () => fs.renameSync(t.p('missing'), t.p('x')));
    t.sync('renameSync dir over file', () => fs.renameSync(t.p('dir'), t.p('renamed.txt')));
    t.sync('renameSync disk dir', () => fs.renameSync(t.p('dir'), t.p('dir2')));
    t.sync('renamed dir children', () => fs.readdirSync(t.p('dir2'), { recursive: true }));
    await t.cb('rename callback', (done) => fs.rename(t.p('renamed.txt'), t.p('back.txt'), done));
    await t.promise('rename promise', () => fsp.rename(t.p('back.txt'), t.p('file.txt')));
    t.sync('linkSync', () => fs.linkSync(t.p('file.txt'), t.p('hard.txt')));
    t.sync('link nlink', () => fs.statSync(t.p('hard.txt')).nlink);
    t.sync('linkSync existing', () => fs.linkSync(t.p('file.txt'), t.p('hard.txt')));
    t.sync('symlinkSync', () => fs.symlinkSync('file.txt', t.p('sym')));
    t.sync('readlinkSync', () => fs.readlinkSync(t.p('sym')));
    t.sync('readlinkSync buffer', () => fs.readlinkSync(t.p('link'), 'buffer'));
    t.sync('readlinkSync not a link', () => fs.readlinkSync(t.p('file.txt')));
    t.sync('symlinkSync existing', () => fs.symlinkSync('x', t.p('sym')));
    await t.cb('symlink callback', (done) => fs.symlink(t.p('dir2'), t.p('dirlink'), 'dir', done));
    await t.cb('readlink callback', (done) => fs.readlink(t.p('dirlink'), done));
    await t.promise('readlink promise', () => fsp.readlink(t.p('link')));
    t.sync('realpathSync link', () => fs.realpathSync(t.p('sym')));
    t.sync('realpathSync.native link', () => fs.realpathSync.native(t.p('dirlink')));
    t.sync('realpathSync missing', () => fs.realpathSync(t.p('missing', 'deeper')));
    t.sync('realpathSync.native missing', () => fs.realpathSync.native(t.p('missing')));
    await t.cb('realpath callback', (done) => fs.realpath(t.p('link'), done));
    await t.cb('realpath.native callback', (done) => fs.realpath.native(t.p('link'), done));
    await t.promise('realpath promise', () => fsp.realpath(t.p('dirlink')));
    t.sync('unlinkSync', () => fs.unlinkSync(t.p('hard.txt')));
    t.sync('unlinkSync missing', () => fs.unlinkSync(t.p('hard.txt')));
    t.sync('unlinkSync dir', () => fs.unlinkSync(t.p('dir2')));
    await t.cb('unlink callback', (done) => fs.unlink(t.p('sym'), done));
    await t.promise('unlink promise', () => fsp.unlink(t.p('dangling')));
    t.sync('listing after', () => sorted(fs.readdirSync(t.dir)));
  },

  async metadata(t) {
    t.sync('chmodSync', () => fs.chmodSync(t.p('file.txt'), 0o600));
    t.sync('mode after chmod', () => fs.statSync(t.p('file.txt')).mode);
    t.sync('chmodSync octal string', () => fs.chmodSync(t.p('file.txt'), '644'));
    t.sync('mode after string', () => fs.statSync(t.p('file.txt')).mode);
    await t.cb('chmod callback missing', (done) => fs.chmod(t.p('missing'), 0o600, done));
    await t.promise('chmod promise', () => fsp.chmod(t.p('dir'), 0o700));
    t.sync('utimesSync', () => fs.utimesSync(t.p('file.txt'), 1_000_000, new Date(2_000_000_000)));
    t.sync('times after utimes', () => {
      const s = fs.statSync(t.p('file.txt'));
      return [s.atimeMs, s.mtimeMs];
    });
    await t.cb('utimes callback', (done) => fs.utimes(t.p('file.txt'), '1500', 1600, done));
    t.sync('times after callback', () => fs.statSync(t.p('file.txt')).mtimeMs);
    t.sync('lutimesSync link', () => fs.lutimesSync(t.p('link'), 10, 20));
    t.sync('link time', () => fs.lstatSync(t.p('link')).mtimeMs);
    t.sync('target time unchanged by lutimes', () => fs.statSync(t.p('file.txt')).mtimeMs);
    t.sync('chownSync same owner', () => fs.chownSync(t.p('file.txt'), process.getuid!(), process.getgid!()));
    t.sync('lchownSync', () => fs.lchownSync(t.p('link'), process.getuid!(), process.getgid!()));
    await t.promise('chown promise missing', () => fsp.chown(t.p('missing'), 0, 0));
    await t.promise('lutimes promise', () => fsp.lutimes(t.p('link'), 30, 40));
  },

  async removal(t) {
    t.sync('rmSync dir without recursive', () => fs.rmSync(t.p('dir')));
    t.sync('rmSync missing', () => fs.rmSync(t.p('missing')));
    t.sync('rmSync missing force', () => fs.rmSync(t.p('missing'), { force: true }));
    t.sync('rmSync file', () => fs.rmSync(t.p('file.txt')));
    t.sync('rmSync recursive', () => fs.rmSync(t.p('dir'), { recursive: true }));
    t.sync('rmSync link (not target)', () => fs.rmSync(t.p('link')));
    await t.cb('rm callback dir', (done) => fs.rm(t.p('empty'), done));
    await t.cb('rm callback recursive', (done) => fs.rm(t.p('empty'), { recursive: true }, done));
    await t.promise('rm promise missing', () => fsp.rm(t.p('empty')));
    await t.promise('rm promise force', () => fsp.rm(t.p('empty'), { force: true, recursive: true }));
    t.sync('listing after', () => sorted(fs.readdirSync(t.dir)));
  },

  async copies(t) {
    t.sync('cpSync dir without recursive', () => fs.cpSync(t.p('dir'), t.p('copy')));
    t.sync('cpSync recursive', () => fs.cpSync(t.p('dir'), t.p('copy'), { recursive: true }));
    t.sync('copied tree', () => sorted(fs.readdirSync(t.p('copy'), { recursive: true })));
    t.sync('copied content', () => fs.readFileSync(t.p('copy', 'b', 'c.txt'), 'utf8'));
    t.sync('cpSync file', () => fs.cpSync(t.p('file.txt'), t.p('copy', 'file.txt')));
    t.sync('cpSync errorOnExist', () => fs.cpSync(t.p('file.txt'), t.p('copy', 'file.txt'), { force: false, errorOnExist: true }));
    t.sync('cpSync into itself', () => fs.cpSync(t.p('dir'), t.p('dir', 'inner'), { recursive: true }));
    t.sync('cpSync dir onto file', () => fs.cpSync(t.p('dir'), t.p('file.txt'), { recursive: true }));
    t.sync('cpSync filter', () => fs.cpSync(t.p('dir'), t.p('filtered'), { recursive: true, filter: (src) => !src.endsWith('c.txt') }));
    t.sync('filtered tree', () => sorted(fs.readdirSync(t.p('filtered'), { recursive: true })));
    t.sync('cpSync link', () => fs.cpSync(t.p('link'), t.p('link-copy')));
    t.sync('copied link target', () => fs.readlinkSync(t.p('link-copy')));
    await t.cb('cp callback', (done) => fs.cp(t.p('dir'), t.p('cbcopy'), { recursive: true }, done));
    await t.promise('cp promise', () => fsp.cp(t.p('dir'), t.p('pcopy'), { recursive: true, filter: async () => true }));
    t.sync('promise copy tree', () => sorted(fs.readdirSync(t.p('pcopy'), { recursive: true })));
    await t.promise('cp promise missing', () => fsp.cp(t.p('missing'), t.p('x')));
  },

  async filehandle(t) {
    const fh = (await t.promise('open', () => fsp.open(t.p('file.txt'), 'r+'))) as fsp.FileHandle;
    t.note('constructor', fh.constructor.name);
    t.note('fd type', typeof fh.fd);
    await t.promise('read', () => fh.read(Buffer.alloc(4), 0, 4, 0));
    await t.promise('read options', () => fh.read({ buffer: Buffer.alloc(3), position: 2 }));
    await t.promise('write', () => fh.write(Buffer.from('AB'), 0, 2, 0));
    await t.promise('write string', () => fh.write('xyz', 10));
    await t.promise('stat', () => fh.stat());
    await t.promise('readFile', () => fh.readFile('utf8'));
    await t.promise('truncate', () => fh.truncate(5));
    await t.promise('readv', () => fh.readv([Buffer.alloc(2), Buffer.alloc(2)], 0));
    await t.promise('writev', () => fh.writev([Buffer.from('1'), Buffer.from('2')], 0));
    await t.promise('chmod', () => fh.chmod(0o600));
    await t.promise('utimes', () => fh.utimes(100, 200));
    await t.promise('sync', () => fh.sync());
    await t.promise('datasync', () => fh.datasync());
    await t.promise('stat after', async () => {
      const s = await fh.stat();
      return [s.mode, s.size, s.mtimeMs];
    });
    let closed = 0;
    (fh as unknown as NodeJS.EventEmitter).on('close', () => closed++);
    await t.promise('close', () => fh.close());
    t.note('fd after close', fh.fd);
    t.note('close events', closed);
    await t.promise('read after close', () => fh.read(Buffer.alloc(1), 0, 1, 0));
    await t.promise('readLines', async () => {
      await fs.promises.writeFile(t.p('lines.txt'), 'one\ntwo\nthree\n');
      const handle = await fsp.open(t.p('lines.txt'));
      const lines: string[] = [];
      for await (const line of handle.readLines()) lines.push(line);
      return [lines, handle.fd];
    });
    await t.promise('createReadStream of handle', async () => {
      const handle = await fsp.open(t.p('lines.txt'));
      const chunks: string[] = [];
      for await (const chunk of handle.createReadStream({ encoding: 'utf8' })) chunks.push(chunk as string);
      return chunks.join('');
    });
    await t.promise('asyncDispose', async () => {
      const handle = await fsp.open(t.p('lines.txt'));
      await (handle as any)[Symbol.asyncDispose]();
      return handle.fd;
    });
    await t.promise('readableWebStream', async () => {
      const handle = await fsp.open(t.p('lines.txt'));
      const reader = (handle as any).readableWebStream().getReader();
      const parts: number[] = [];
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parts.push(value.byteLength);
      }
      await handle.close();
      return parts.reduce((a, b) => a + b, 0);
    });
    await t.promise('readFile of handle', async () => {
      const handle = await fsp.open(t.p('lines.txt'));
      const text = await fsp.readFile(handle, 'utf8');
      await handle.close();
      return text;
    });
    await t.promise('writeFile to handle', async () => {
      const handle = await fsp.open(t.p('handle-w.txt'), 'w');
      await fsp.writeFile(handle, 'through the handle');
      await handle.close();
      return fs.readFileSync(t.p('handle-w.txt'), 'utf8');
    });
    await t.promise('open missing', () => fsp.open(t.p('missing')));
  },

  async streams(t) {
    await t.promise('read stream', async () => {
      const chunks: string[] = [];
      for await (const chunk of fs.createReadStream(t.p('file.txt'), { encoding: 'utf8', start: 2 })) chunks.push(chunk as string);
      return chunks.join('');
    });
    await t.promise('write stream then read', async () => {
      const out = fs.createWriteStream(t.p('out.txt'));
      await pipeline(fs.createReadStream(t.p('dir', 'a.txt')), out);
      return fs.readFileSync(t.p('out.txt'), 'utf8');
    });
    await t.promise('corked write stream', async () => {
      const out = fs.createWriteStream(t.p('corked.txt'), { flags: 'a' });
      out.cork();
      out.write('1');
      out.write('2');
      out.uncork();
      await new Promise<void>((resolve) => out.end('3', () => resolve()));
      return fs.readFileSync(t.p('corked.txt'), 'utf8');
    });
    await t.promise('read stream missing', () =>
      new Promise((resolve, reject) => fs.createReadStream(t.p('missing')).on('error', reject).on('data', resolve)));
    await t.promise('new fs.ReadStream', async () => {
      const stream = new (fs.ReadStream as any)(t.p('file.txt'), { encoding: 'utf8' });
      let text = '';
      for await (const chunk of stream) text += chunk;
      return text;
    });
  },

  async opendir(t) {
    t.sync('opendirSync listing', () => {
      const dir = fs.opendirSync(t.p('dir'));
      const names: unknown[] = [dir.path];
      let entry;
      const entries: fs.Dirent[] = [];
      while ((entry = dir.readSync()) !== null) entries.push(entry);
      dir.closeSync();
      // Node's Dir lists in getdents order, the overlay's in name order (a documented difference): compare as sets.
      return [...names, ...entries.sort((a, b) => (a.name < b.name ? -1 : 1))];
    });
    t.sync('instanceof Dir', () => fs.opendirSync(t.p('dir')) instanceof fs.Dir);
    await t.promise('async iteration', async () => {
      const names: string[] = [];
      for await (const entry of await fsp.opendir(t.p('dir'))) names.push(entry.name);
      return names.sort();
    });
    await t.promise('recursive', async () => {
      const names: string[] = [];
      for await (const entry of await fsp.opendir(t.p('dir'), { recursive: true })) names.push(`${entry.parentPath}|${entry.name}`);
      return names.map((n) => n.replace(t.dir, '')).sort();
    });
    await t.cb('opendir callback', (done) => fs.opendir(t.p('dir'), (err, dir) => done(err, dir?.path)));
    await t.cb('read callback', (done) => {
      const dir = fs.opendirSync(t.p('dir'));
      dir.read((err, entry) => done(err, ['a.txt', 'b'].includes(entry?.name ?? '')));
    });
    t.sync('closed twice', () => {
      const dir = fs.opendirSync(t.p('dir'));
      dir.closeSync();
      dir.closeSync();
    });
    t.sync('opendirSync missing', () => fs.opendirSync(t.p('missing')));
    t.sync('opendirSync file', () => fs.opendirSync(t.p('file.txt')));
  },

  async glob(t) {
    t.note('glob is a member', typeof (fs as any).globSync);
    if (major < 22) return;
    fs.writeFileSync(t.p('dir', 'new.txt'), 'n');
    t.sync('globSync', () => sorted((fs as any).globSync('**/*.txt', { cwd: t.dir })));
    await t.cb('glob callback', (done) => (fs as any).glob('dir/**', { cwd: t.dir }, (err: unknown, found: string[]) => done(err, sorted(found))));
    await t.promise('glob promise', async () => {
      const found: string[] = [];
      for await (const entry of (fsp as any).glob('*', { cwd: t.dir })) found.push(entry);
      return found.sort();
    });
  },

  async validation(t) {
    const fd = fs.openSync(t.p('file.txt'), 'r+');
    const cases: [string, () => unknown][] = [
      ['readFileSync bad encoding', () => fs.readFileSync(t.p('file.txt'), { encoding: 'bogus' as BufferEncoding })],
      ['readFileSync bad flag', () => fs.readFileSync(t.p('file.txt'), { flag: 'bogus' })],
      ['readFileSync null byte', () => fs.readFileSync(t.p('file.txt\u0000'))],
      ['readFileSync options number', () => fs.readFileSync(t.p('file.txt'), 5 as any)],
      ['openSync bad flags', () => fs.openSync(t.p('file.txt'), 'bogus')],
      ['openSync bad mode', () => fs.openSync(t.p('file.txt'), 'r', 'abc')],
      ['openSync mode float', () => fs.openSync(t.p('file.txt'), 'r', 1.5)],
      ['writeFileSync number data', () => fs.writeFileSync(t.p('v.txt'), 123 as any)],
      ['writeFileSync flush not boolean', () => fs.writeFileSync(t.p('v.txt'), 'x', { flush: 'yes' } as any)],
      ['mkdirSync recursive not boolean', () => fs.mkdirSync(t.p('v'), { recursive: 'yes' } as any)],
      ['mkdirSync bad mode', () => fs.mkdirSync(t.p('v'), { mode: -1 })],
      ['chmodSync bad mode', () => fs.chmodSync(t.p('file.txt'), 'xyz')],
      ['chownSync bad uid', () => fs.chownSync(t.p('file.txt'), -2, 0)],
      ['chownSync gid string', () => fs.chownSync(t.p('file.txt'), 0, '0' as any)],
      ['utimesSync bad atime', () => fs.utimesSync(t.p('file.txt'), 'x' as any, 0)],
      ['symlinkSync bad type', () => fs.symlinkSync('x', t.p('v'), 'bogus' as any)],
      ['rmSync force not boolean', () => fs.rmSync(t.p('file.txt'), { force: 'x' } as any)],
      ['rmSync maxRetries negative', () => fs.rmSync(t.p('file.txt'), { maxRetries: -1 })],
      ['rmSync options not object', () => fs.rmSync(t.p('file.txt'), 'x' as any)],
      ['cpSync incompatible options', () => fs.cpSync(t.p('dir'), t.p('v'), { dereference: true, verbatimSymlinks: true })],
      ['cpSync filter not function', () => fs.cpSync(t.p('dir'), t.p('v'), { filter: 1 as any })],
      ['copyFileSync bad mode', () => fs.copyFileSync(t.p('file.txt'), t.p('v'), 8)],
      ['accessSync bad mode', () => fs.accessSync(t.p('file.txt'), 8)],
      ['truncateSync len string', () => fs.truncateSync(t.p('file.txt'), '1' as any)],
      ['ftruncateSync len float', () => fs.ftruncateSync(fd, 1.5)],
      ['readdirSync recursive not boolean', () => fs.readdirSync(t.p('dir'), { recursive: 1 as any })],
      ['stat without callback', () => fs.stat(t.p('file.txt'), undefined as any)],
      ['readFile without callback', () => fs.readFile(t.p('file.txt'), undefined as any)],
      ['mkdtempSync null byte', () => fs.mkdtempSync(t.p('x\u0000'))],
      ['readSync empty buffer', () => fs.readSync(fd, Buffer.alloc(0), 0, 1, 0)],
      ['readSync offset negative', () => fs.readSync(fd, Buffer.alloc(4), -1, 1, 0)],
      ['readSync length too long', () => fs.readSync(fd, Buffer.alloc(4), 0, 10, 0)],
      ['readSync bad position', () => fs.readSync(fd, Buffer.alloc(4), 0, 1, 'x' as any)],
      ['readSync not a buffer', () => fs.readSync(fd, 'str' as any, 0, 1, 0)],
      ['writeSync number', () => fs.writeSync(fd, 123 as any)],
      ['writeSync odd hex', () => fs.writeSync(fd, 'abc', 0, 'hex')],
      ['writeSync offset too big', () => fs.writeSync(fd, Buffer.alloc(2), 5)],
      ['writevSync not array', () => fs.writevSync(fd, 'x' as any)],
      ['fchmodSync bad mode', () => fs.fchmodSync(fd, 'z' as any)],
      ['futimesSync bad mtime', () => fs.futimesSync(fd, 0, {} as any)],
      ['read without callback', () => fs.read(fd, Buffer.alloc(1), 0, 1, 0, undefined as any)],
      ['opendirSync bad bufferSize', () => fs.opendirSync(t.p('dir'), { bufferSize: 0 })],
      ['openAsBlob bad type', () => fs.openAsBlob(t.p('file.txt'), { type: 1 as any })],
      ['writeFile callback bad data', () => fs.writeFile(t.p('v.txt'), {} as any, () => {})],
    ];
    for (const [label, run] of cases) t.sync(label, run);
    await t.promise('promise readFile bad encoding', () => fsp.readFile(t.p('file.txt'), { encoding: 'nope' as BufferEncoding }));
    await t.promise('promise mkdir bad mode', () => fsp.mkdir(t.p('v'), { mode: 'q' as any }));
    await t.promise('promise open bad flags', () => fsp.open(t.p('file.txt'), 'q'));
    fs.closeSync(fd);
  },
};
