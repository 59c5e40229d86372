// Scenarios for the differences Node's own fs tests showed (docs/compatibility.md): each runs once on the real disk
// and once through the patched fs over the overlay, in a folder of its own that starts empty.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Recorder } from './recorder.js';

const kIoMaxLength = 2 ** 31 - 1;

/** What a web stream gives: its chunks' kinds and sizes, and the text they make. */
async function drain(stream: ReadableStream<ArrayBuffer | Uint8Array>): Promise<{ chunks: string[]; text: string }> {
  const chunks: string[] = [];
  const bytes: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(`${chunk.constructor.name} ${chunk.byteLength}`);
    bytes.push(Buffer.from(chunk as ArrayBuffer));
  }
  return { chunks, text: Buffer.concat(bytes).toString('utf8') };
}

/** Names that are not UTF-8, one of each kind: latin1, bytes UTF-8 never uses, a cut sequence, a surrogate, overlong. */
const notUtf8 = {
  latin1: Buffer.from('caf\xe9', 'latin1'),
  stray: Buffer.from([0x61, 0xff, 0xfe, 0x62]),
  cut: Buffer.from([0x78, 0xe2, 0x82]),
  surrogate: Buffer.from([0xed, 0xa0, 0x80]),
  overlong: Buffer.from([0xc0, 0xaf]),
};
const folderNotUtf8 = Buffer.from('sub\xe9', 'latin1');
/** `ghost\xff`, and the valid name a string listing makes of it (U+FFFD's bytes): two different files. */
const ghostNotUtf8 = Buffer.from('ghost\xff', 'latin1');
const ghostFffd = Buffer.from('ghost\uFFFD');

/** `dir/part/part…` as bytes. */
function bytesPath(dir: string, ...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat([Buffer.from(dir), ...parts.flatMap((p) => [Buffer.from('/'), Buffer.from(p)])]);
}

/** Names in hex, in byte order (the order of a folder the overlay changed is its own; see compatibility.md). */
function hexSorted(names: Buffer[]): string[] {
  return [...names].sort(Buffer.compare).map((n) => n.toString('hex'));
}

/** An absolute path returned as bytes, relative to the scenario's folder and in hex, so that both runs compare. */
function hexBelow(dir: string, p: Buffer | string): string {
  const bytes = Buffer.from(p);
  const prefix = Buffer.from(`${dir}/`);
  return bytes.subarray(0, prefix.length).equals(prefix) ? `<dir>/${bytes.subarray(prefix.length).toString('hex')}` : bytes.toString('hex');
}

/** `d/` holding files named by every kind of non-UTF-8 name, a folder so named with a file in it, and links. */
function namesNotUtf8OnDisk(dir: string): void {
  fs.mkdirSync(bytesPath(dir, 'd', folderNotUtf8), { recursive: true });
  for (const [kind, name] of Object.entries(notUtf8)) fs.writeFileSync(bytesPath(dir, 'd', name), `${kind} on disk`);
  fs.writeFileSync(bytesPath(dir, 'd', folderNotUtf8, 'inner.txt'), 'inner');
  fs.writeFileSync(bytesPath(dir, 'd', ghostFffd), 'U+FFFD on disk');
  fs.symlinkSync(notUtf8.latin1, bytesPath(dir, 'd', 'link'));
  fs.symlinkSync(folderNotUtf8, bytesPath(dir, 'd', 'toFolder'));
  fs.symlinkSync(Buffer.from('gone\xff', 'latin1'), bytesPath(dir, 'd', 'dangling'));
}

export const scenarios: Record<string, (t: Recorder) => Promise<void>> = {
  async writePositions(t) {
    // Writes do not validate their position: whatever is not a safe integer ≥ 0 means "the descriptor's position".
    for (const [label, position] of [['NaN', NaN], ['1.5', 1.5], ['Infinity', Infinity], ['-Infinity', -Infinity], ['2^63', 2 ** 63], ['-0.5', -0.5]] as const) {
      fs.writeFileSync(t.p('f.txt'), 'abcdef');
      const fd = fs.openSync(t.p('f.txt'), 'r+');
      fs.readSync(fd, Buffer.alloc(2), 0, 2, null);
      t.sync(`writeSync buffer at ${label}`, () => fs.writeSync(fd, Buffer.from('XY'), 0, 2, position));
      t.sync(`writeSync string at ${label}`, () => fs.writeSync(fd, 'Z', position));
      t.sync(`writevSync at ${label}`, () => fs.writevSync(fd, [Buffer.from('W')], position));
      await t.cb(`write callback at ${label}`, (done) => fs.write(fd, Buffer.from('V'), 0, 1, position, (err, n) => done(err, n)));
      fs.closeSync(fd);
      t.sync(`content after writes at ${label}`, () => fs.readFileSync(t.p('f.txt'), 'utf8'));
    }
  },

  async truncateByDescriptor(t) {
    // Node 20 and 22 take a descriptor (deprecated, DEP0081); from Node 24 only a path: a number is a bad path.
    fs.writeFileSync(t.p('t.txt'), 'abcdef');
    const fd = fs.openSync(t.p('t.txt'), 'r+');
    const withoutFd = (label: string) => {
      // The descriptor's number differs between the disk and the overlay: the message names it.
      type Described = { error?: { message?: string } };
      const entry = t.log[label] as { threw?: Described; rejected?: Described; args?: Described[] } | undefined;
      for (const described of [entry?.threw, entry?.rejected, entry?.args?.[0]]) {
        const error = described?.error;
        if (typeof error?.message === 'string') error.message = error.message.replace(`(${fd})`, '(<fd>)');
      }
    };
    t.sync('truncateSync(fd, 4)', () => fs.truncateSync(fd as never, 4));
    withoutFd('truncateSync(fd, 4)');
    await t.cb('truncate(fd, 2, callback)', (done) => fs.truncate(fd as never, 2, (err) => done(err)));
    withoutFd('truncate(fd, 2, callback)');
    await t.promise('promises.truncate(fd)', () => fs.promises.truncate(fd as never));
    withoutFd('promises.truncate(fd)');
    t.sync('content', () => fs.readFileSync(t.p('t.txt'), 'utf8'));
    fs.closeSync(fd);
  },

  async asyncTakesEffectAfterTheTick(t) {
    // Node's thread pool runs an asynchronous call after the call returns: a recursive rm (several steps through the
    // pool) called just before an open of a file inside has not removed it yet when the open runs.
    const rmThenOpen = async (face: string, rm: (dir: string) => Promise<unknown>, open: (file: string) => Promise<() => unknown>) => {
      fs.mkdirSync(t.p(face, 'dir'), { recursive: true });
      fs.writeFileSync(t.p(face, 'dir/f.txt'), 'x');
      const outcomes = await Promise.all([
        rm(t.p(face, 'dir')).then(() => 'rm ok', (err) => `rm ${err.code}`),
        open(t.p(face, 'dir/f.txt')).then(async (close) => (await close(), 'open a descriptor'), (err) => `open ${err.code}`),
      ]);
      t.note(`${face}: rm then open, same tick`, outcomes);
      t.note(`${face}: the folder after both`, fs.existsSync(t.p(face, 'dir')));
    };
    const promised = <T>(start: (done: (err: Error | null, value?: T) => void) => void) =>
      new Promise<T>((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value as T))));
    await rmThenOpen('callback',
      (dir) => promised((done) => fs.rm(dir, { recursive: true }, done)),
      (file) => promised<number>((done) => fs.open(file, 'r', done)).then((fd) => () => fs.closeSync(fd)));
    await rmThenOpen('promise',
      (dir) => fs.promises.rm(dir, { recursive: true }),
      (file) => fs.promises.open(file, 'r').then((handle) => () => handle.close()));
  },

  async writeStreamEagain(t) {
    // WriteStream retries a write that failed with EAGAIN (its position then becomes NaN: undefined + 0).
    let calls = 0;
    const write = (...args: unknown[]) => {
      calls++;
      const callback = args[args.length - 1] as (err: Error | null, n: number, buffer: unknown) => void;
      if (calls === 1) return callback(Object.assign(new Error('try again'), { code: 'EAGAIN' }), 0, args[1]);
      return (fs.write as (...a: unknown[]) => void)(...args);
    };
    const stream = fs.createWriteStream(t.p('eagain.txt'), { fs: { open: fs.open, write, close: fs.close } } as never);
    let error: unknown;
    stream.on('error', (err) => (error = err));
    stream.end('foo');
    await finished(stream).catch(() => undefined);
    t.note('stream error', error);
    t.note('write calls', calls);
    t.sync('content', () => fs.readFileSync(t.p('eagain.txt'), 'utf8'));
  },

  async tooLarge(t) {
    // A file grown past 2 GiB by truncate (a hole: no memory, no disk blocks) is too large to read whole.
    fs.writeFileSync(t.p('big.bin'), '0');
    fs.truncateSync(t.p('big.bin'), kIoMaxLength + 1);
    t.sync('readFileSync', () => fs.readFileSync(t.p('big.bin')));
    t.sync('readFileSync latin1', () => fs.readFileSync(t.p('big.bin'), 'latin1'));
    await t.cb('readFile callback', (done) => fs.readFile(t.p('big.bin'), done));
    await t.cb('readFile callback utf8', (done) => fs.readFile(t.p('big.bin'), 'utf8', done));
    await t.promise('fs.promises.readFile', () => fsp.readFile(t.p('big.bin')));
    await t.promise('FileHandle.readFile', async () => {
      const handle = await fsp.open(t.p('big.bin'));
      try {
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    });
    fs.unlinkSync(t.p('big.bin'));
  },

  async cpSymlinkToDest(t) {
    // src/link points at dest: the second copy would put dest/link over what it points to.
    fs.mkdirSync(t.p('src'));
    fs.mkdirSync(t.p('dest'));
    fs.symlinkSync(t.p('dest'), t.p('src', 'link'));
    t.sync('first cpSync', () => fs.cpSync(t.p('src'), t.p('dest'), { recursive: true }));
    t.sync('dest/link after the copy', () => fs.readlinkSync(t.p('dest', 'link')));
    t.sync('second cpSync', () => fs.cpSync(t.p('src'), t.p('dest'), { recursive: true }));
    await t.cb('cp callback', (done) => fs.cp(t.p('src'), t.p('dest'), { recursive: true }, done));
    await t.promise('fs.promises.cp', () => fsp.cp(t.p('src'), t.p('dest'), { recursive: true }));
    // dest2/link points at a directory holding what src2/link points at: replacing it would cut the source off.
    fs.mkdirSync(t.p('a', 'inner'), { recursive: true });
    fs.mkdirSync(t.p('src2'));
    fs.mkdirSync(t.p('dest2'));
    fs.symlinkSync(t.p('a', 'inner'), t.p('src2', 'link'));
    fs.symlinkSync(t.p('a'), t.p('dest2', 'link'));
    t.sync('cpSync over a link to a parent', () => fs.cpSync(t.p('src2'), t.p('dest2'), { recursive: true }));
    await t.cb('cp callback over a link to a parent', (done) => fs.cp(t.p('src2'), t.p('dest2'), { recursive: true }, done));
  },

  async readableWebStream(t) {
    const file = t.p('web.txt');
    fs.writeFileSync(file, 'x'.repeat(70000) + 'end');
    await t.promise('default stream reads the whole file', async () => {
      const handle = await fsp.open(file);
      const { chunks, text } = await drain(handle.readableWebStream() as ReadableStream<Uint8Array>);
      let again: unknown;
      try {
        handle.readableWebStream();
      } catch (err) {
        again = err;
      }
      await handle.close();
      return { chunks, length: text.length, again };
    });
    await t.promise('bytes stream read with a BYOB reader', async () => {
      const handle = await fsp.open(file);
      const reader = (handle.readableWebStream({ type: 'bytes' } as never) as ReadableStream<Uint8Array>).getReader({ mode: 'byob' });
      let length = 0;
      let result;
      do {
        result = await reader.read(new Uint8Array(1000));
        length += result.value?.byteLength ?? 0;
      } while (!result.done);
      await handle.close();
      return length;
    });
    await t.promise('a second stream of the other type is refused', async () => {
      const handle = await fsp.open(file);
      handle.readableWebStream();
      try {
        return handle.readableWebStream({ type: 'bytes' } as never);
      } finally {
        await handle.close();
      }
    });
    await t.promise('a closed handle gives no stream', async () => {
      const handle = await fsp.open(file);
      await handle.close();
      return handle.readableWebStream();
    });
    await t.promise('a closing handle gives no stream', async () => {
      const handle = await fsp.open(file);
      const closing = handle.close();
      try {
        return handle.readableWebStream();
      } finally {
        await closing;
      }
    });
    await t.promise('closing the handle ends its stream', async () => {
      const handle = await fsp.open(file);
      const reader = (handle.readableWebStream() as ReadableStream<Uint8Array>).getReader();
      const closed = handle.close();
      await reader.closed;
      await closed;
      return 'reader closed';
    });
    await t.promise('an invalid type', async () => {
      const handle = await fsp.open(file);
      try {
        return handle.readableWebStream({ type: 1 } as never);
      } finally {
        await handle.close();
      }
    });
  },

  async handleMethodsElsewhere(t) {
    fs.writeFileSync(t.p('h.txt'), 'h');
    const handle = await fsp.open(t.p('h.txt'));
    await t.promise('stat called on a plain object', () => handle.stat.call({}));
    await t.promise('read called on undefined', () => (handle.read as (...a: unknown[]) => Promise<unknown>).call(undefined));
    await t.promise('stat called on the handle', async () => (await handle.stat.call(handle))!.size);
    await handle.close();
  },

  async handleClosedByGc(t) {
    // Node 26 throws an uncaught ERR_INVALID_STATE instead, which would end this child.
    if (Number(process.versions.node.split('.')[0]) >= 26) return t.note('on Node 26', 'an uncaught error, not run here');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    fs.writeFileSync(t.p('gc.txt'), 'gc');
    const warnings: string[] = [];
    let fd = -1;
    const onWarning = (w: Error & { code?: string }) => {
      if (w.message.includes('garbage collection')) warnings.push(`${w.name} ${w.code ?? ''} ${w.message.replace(String(fd), '<fd>')}`);
    };
    process.on('warning', onWarning);
    await (async () => {
      const handle = await fsp.open(t.p('gc.txt'));
      fd = handle.fd;
    })();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    t.note('warnings', warnings);
    t.sync('the descriptor is closed', () => fs.fstatSync(fd).isFile());
  },

  async recursiveWatch(t) {
    // Node watches recursively in JavaScript on Linux: a new file anywhere below is one 'rename', named from the top.
    fs.mkdirSync(t.p('w', 'sub'), { recursive: true });
    const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const controller = new AbortController();
    const events: string[] = [];
    const done = (async () => {
      try {
        for await (const e of fsp.watch(t.p('w'), { recursive: true, signal: controller.signal })) events.push(`${e.eventType}:${e.filename}`);
      } catch (err) {
        events.push((err as Error).name);
      }
    })();
    await tick(150);
    fs.writeFileSync(t.p('w', 'sub', 'f.txt'), 'x');
    await tick(100);
    fs.writeFileSync(t.p('w', 'g.txt'), 'y');
    await tick(100);
    fs.mkdirSync(t.p('w', 'new'));
    await tick(150);
    fs.writeFileSync(t.p('w', 'new', 'h.txt'), 'z');
    await tick(250);
    controller.abort();
    await done;
    t.note('events', events);
  },

  async rmdirRecursiveUsesPublicRmdir(t) {
    // Node 20 and 22 remove recursively with lib/internal/fs/rimraf.js, whose last rmdir of a directory it emptied
    // is looked up on `fs` at the time of the call: a replaced fs.rmdirSync sees it.
    fs.mkdirSync(t.p('top', 'sub', 'deeper'), { recursive: true });
    fs.writeFileSync(t.p('top', 'sub', 'f.txt'), 'f');
    fs.writeFileSync(t.p('top', 'g.txt'), 'g');
    const original = fs.rmdirSync;
    const seen: unknown[] = [];
    fs.rmdirSync = ((p: fs.PathLike, options?: fs.RmDirOptions) => {
      seen.push([String(p).slice(t.dir.length), options === undefined ? 'no options' : { ...options }]);
      return original(p, options);
    }) as typeof fs.rmdirSync;
    try {
      t.sync('rmdirSync recursive', () => fs.rmdirSync(t.p('top'), { recursive: true }));
      fs.mkdirSync(t.p('again', 'sub'), { recursive: true });
      fs.writeFileSync(t.p('again', 'sub', 'f.txt'), 'f');
      t.sync('rmSync recursive', () => fs.rmSync(t.p('again'), { recursive: true }));
    } finally {
      fs.rmdirSync = original;
    }
    t.note('calls of the replaced fs.rmdirSync', seen);
    // Node 24 removes with the binding's rmSync: 'd/.' is emptied, then fails as RmSync words it.
    fs.mkdirSync(t.p('dot', 'sub'), { recursive: true });
    fs.writeFileSync(t.p('dot', 'f'), 'f');
    t.sync('rmdirSync recursive of d/.', () => fs.rmdirSync(t.p('dot', '.'), { recursive: true }));
    t.sync('what d/. left', () => fs.readdirSync(t.p('dot')).sort());
    t.sync('what is left', () => fs.readdirSync(t.dir).sort());
  },

  async namesNotUtf8(t) {
    // A name made from bytes that are not UTF-8 (UCS-2 of U+1F404) stays those bytes.
    const bytes = Buffer.from('\uD83D\uDC04', 'ucs2');
    const full = Buffer.concat([Buffer.from(`${t.p('names')}/`), bytes]);
    fs.mkdirSync(t.p('names'));
    fs.closeSync(fs.openSync(full, 'w+'));
    const hex = (list: unknown) => (list as (string | Buffer)[]).map((n) => (Buffer.isBuffer(n) ? n.toString('hex') : n));
    t.sync('readdirSync buffer', () => hex(fs.readdirSync(t.p('names'), { encoding: 'buffer' })));
    t.sync('readdirSync ucs2', () => fs.readdirSync(t.p('names'), 'ucs2'));
    t.sync('readdirSync utf8', () => fs.readdirSync(t.p('names')));
    t.sync('readdirSync latin1', () => fs.readdirSync(t.p('names'), 'latin1'));
    t.sync('withFileTypes buffer names', () => fs.readdirSync(t.p('names'), { encoding: 'buffer', withFileTypes: true }).map((d) => d.name.toString('hex')));
    await t.cb('readdir callback ucs2', (done) => fs.readdir(t.p('names'), 'ucs2', done));
    t.sync('statSync by the bytes', () => fs.statSync(full).isFile());
    t.sync('statSync of missing bytes', () => fs.statSync(Buffer.concat([full, Buffer.from([0xe2, 0x82])])));
    t.sync('statSync by the replacement-character string', () => fs.statSync(full.toString('utf8')).isFile());
    t.sync('writeFileSync by the bytes then read', () => {
      fs.writeFileSync(full, 'cow');
      return fs.readFileSync(full, 'utf8');
    });
    t.sync('renameSync to a UTF-8 name', () => fs.renameSync(full, t.p('names', 'cow')));
    t.sync('readdirSync after rename', () => fs.readdirSync(t.p('names')));
    t.sync('unlinkSync', () => fs.unlinkSync(t.p('names', 'cow')));
    // A string with a lone surrogate names the bytes of U+FFFD, as Node encodes it.
    t.sync('writeFileSync lone surrogate', () => fs.writeFileSync(t.p('names', 'a\uDC80'), 'x'));
    t.sync('readdirSync after lone surrogate', () => hex(fs.readdirSync(t.p('names'), 'buffer')));
    t.sync('readFileSync by U+FFFD', () => fs.readFileSync(t.p('names', 'a\uFFFD'), 'utf8'));
    t.sync('mkdtempSync buffer', () => Buffer.isBuffer(fs.mkdtempSync(t.p('names', 'tmp-'), 'buffer')));
  },

  async listedFromDisk(t) {
    // A folder only on the disk lists its names with their bytes, whichever face and encoding asks.
    const d = t.p('d');
    t.sync('readdirSync buffer', () => hexSorted(fs.readdirSync(d, { encoding: 'buffer' })));
    t.sync('readdirSync of a Buffer path, buffer', () => hexSorted(fs.readdirSync(Buffer.from(d), 'buffer')));
    t.sync('readdirSync utf8', () => fs.readdirSync(d).sort());
    t.sync('readdirSync latin1', () => fs.readdirSync(d, 'latin1').sort());
    t.sync('withFileTypes buffer', () => fs.readdirSync(Buffer.from(d), { encoding: 'buffer', withFileTypes: true })
      .sort((a, b) => Buffer.compare(a.name, b.name))
      .map((e) => ({ name: e.name.toString('hex'), file: e.isFile(), dir: e.isDirectory(), link: e.isSymbolicLink(), parent: hexBelow(t.dir, e.parentPath) })));
    t.sync('withFileTypes utf8', () => fs.readdirSync(d, { withFileTypes: true }).map((e) => `${e.name} ${e.isFile()}`).sort());
    t.sync('readdirSync inside a folder named by bytes', () => hexSorted(fs.readdirSync(bytesPath(d, folderNotUtf8), 'buffer')));
    t.sync('opendirSync buffer', () => {
      const dir = fs.opendirSync(d, { encoding: 'buffer' } as unknown as fs.OpenDirOptions);
      const names: Buffer[] = [];
      for (let e = dir.readSync(); e !== null; e = dir.readSync()) names.push(e.name as unknown as Buffer);
      dir.closeSync();
      return hexSorted(names);
    });
    await t.cb('readdir callback buffer', (done) => fs.readdir(d, 'buffer', (err, names) => done(err, names && hexSorted(names))));
    await t.promise('fs.promises.readdir buffer', async () => hexSorted(await fsp.readdir(d, 'buffer')));
    await t.promise('fs.promises.rm of the folder as the disk has it', () => fsp.rm(d, { recursive: true }));
    t.sync('existsSync after', () => fs.existsSync(d));
  },

  async recursiveListings(t) {
    // Recursive listings give each entry's parentPath as Node builds it (Node 26 joins the relative folder in the
    // requested encoding, bytes for 'buffer'; 20–24 path.join the names as given out, which a Buffer makes throw),
    // and walk into a folder whose name is not UTF-8 only where Node does (26's readdir, by its bytes).
    const both = t.p('both');
    const sorted = (list: unknown) => (Array.isArray(list) ? [...list].sort((a, b) => String(a?.parentPath ?? '').localeCompare(String(b?.parentPath ?? '')) || String(a?.name ?? a).localeCompare(String(b?.name ?? b))) : list);
    for (const [label, options] of Object.entries({
      'withFileTypes': { recursive: true, withFileTypes: true },
      'names': { recursive: true },
      'buffer names': { recursive: true, encoding: 'buffer' },
      'buffer withFileTypes': { recursive: true, withFileTypes: true, encoding: 'buffer' },
      'latin1 withFileTypes': { recursive: true, withFileTypes: true, encoding: 'latin1' },
    } as Record<string, object>)) {
      t.sync(`readdirSync ${label}, plain folders`, () => sorted(fs.readdirSync(t.p('plain'), options as never)));
      t.sync(`readdirSync ${label}, a folder not UTF-8 below`, () => sorted(fs.readdirSync(both, options as never)));
      await t.promise(`fs.promises.readdir ${label}, plain folders`, async () => sorted(await fsp.readdir(t.p('plain'), options as never)));
      await t.promise(`fs.promises.readdir ${label}, a folder not UTF-8 below`, async () => sorted(await fsp.readdir(both, options as never)));
    }
    t.sync('readdirSync of a Buffer path, withFileTypes', () => sorted(fs.readdirSync(Buffer.from(t.p('plain')), { recursive: true, withFileTypes: true })));
    await t.cb('readdir callback withFileTypes, a folder not UTF-8 below', (done) =>
      fs.readdir(both, { recursive: true, withFileTypes: true }, (err, list) => done(err, list && sorted(list))));
    const readAll = (dir: fs.Dir) => {
      const seen: unknown[] = [];
      try {
        for (let e = dir.readSync(); e !== null; e = dir.readSync()) seen.push(e);
        return { seen: sorted(seen) };
      } catch (err) {
        return { seen: sorted(seen), err };
      } finally {
        dir.closeSync();
      }
    };
    t.sync('opendirSync recursive, plain folders', () => readAll(fs.opendirSync(t.p('plain'), { recursive: true })));
    t.sync('opendirSync recursive, only a folder not UTF-8', () => readAll(fs.opendirSync(t.p('lone'), { recursive: true })));
    t.sync('opendirSync recursive buffer', () => readAll(fs.opendirSync(t.p('plain', 'a'), { recursive: true, encoding: 'buffer' } as unknown as fs.OpenDirOptions)));
    await t.promise('opendir recursive, async iteration over a folder not UTF-8', async () => {
      const seen: string[] = [];
      try {
        for await (const e of await fsp.opendir(t.p('lone'), { recursive: true })) seen.push(e.name);
        return { seen };
      } catch (err) {
        return { seen, err };
      }
    });
  },

  async openedFromDisk(t) {
    // Each name read from the disk opens by its bytes, as on the disk; what is missing fails in the same words.
    for (const [kind, name] of Object.entries(notUtf8)) {
      const p = bytesPath(t.p('d'), name);
      t.sync(`readFileSync ${kind}`, () => fs.readFileSync(p, 'utf8'));
      t.sync(`statSync ${kind}`, () => fs.statSync(p));
      t.sync(`lstatSync ${kind}`, () => fs.lstatSync(p));
      t.sync(`existsSync ${kind}`, () => fs.existsSync(p));
      t.sync(`openSync ${kind}`, () => {
        const fd = fs.openSync(p, 'r');
        try {
          const buffer = Buffer.alloc(64);
          return { size: fs.fstatSync(fd).size, text: buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, 64, 0)) };
        } finally {
          fs.closeSync(fd);
        }
      });
    }
    await t.promise('fs.promises.readFile latin1 name', () => fsp.readFile(bytesPath(t.p('d'), notUtf8.latin1), 'utf8'));
    await t.cb('stat callback stray name', (done) => fs.stat(bytesPath(t.p('d'), notUtf8.stray), (err, s) => done(err, s?.size)));
    t.sync('readFileSync inside a folder named by bytes', () => fs.readFileSync(bytesPath(t.p('d'), folderNotUtf8, 'inner.txt'), 'utf8'));
    t.sync('statSync of a missing name', () => fs.statSync(bytesPath(t.p('d'), Buffer.from('caf\xe8', 'latin1'))));
    t.sync('readFileSync by the U+FFFD string', () => fs.readFileSync(t.p('d', 'caf\uFFFD')));
    t.sync('openSync below a file', () => fs.openSync(bytesPath(t.p('d'), notUtf8.latin1, 'x'), 'r'));
    t.sync('readFileSync of the folder', () => fs.readFileSync(bytesPath(t.p('d'), folderNotUtf8)));
    t.sync('readdirSync of a file', () => fs.readdirSync(bytesPath(t.p('d'), notUtf8.cut)));
    t.sync('rmSync of the folder as the disk has it', () => fs.rmSync(t.p('d'), { recursive: true }));
    t.sync('existsSync after', () => fs.existsSync(t.p('d')));
  },

  async changedFromDisk(t) {
    // Changes to names read from the disk stay in memory (the test checks the disk afterwards).
    const d = t.p('d');
    const renamed = Buffer.from('renamed\xe9', 'latin1');
    t.sync('renameSync to a UTF-8 name', () => fs.renameSync(bytesPath(d, notUtf8.latin1), bytesPath(d, 'renamed.txt')));
    t.sync('read the renamed file', () => fs.readFileSync(bytesPath(d, 'renamed.txt'), 'utf8'));
    t.sync('stat the old name', () => fs.statSync(bytesPath(d, notUtf8.latin1)));
    t.sync('renameSync to another non-UTF-8 name', () => fs.renameSync(bytesPath(d, notUtf8.stray), bytesPath(d, renamed)));
    t.sync('read that one', () => fs.readFileSync(bytesPath(d, renamed), 'utf8'));
    t.sync('renameSync of a missing name', () => fs.renameSync(bytesPath(d, notUtf8.stray), bytesPath(d, 'x')));
    t.sync('unlinkSync', () => fs.unlinkSync(bytesPath(d, notUtf8.cut)));
    t.sync('existsSync after unlink', () => fs.existsSync(bytesPath(d, notUtf8.cut)));
    t.sync('unlinkSync of the folder', () => fs.unlinkSync(bytesPath(d, folderNotUtf8)));
    t.sync('rmdirSync of the folder, not empty', () => fs.rmdirSync(bytesPath(d, folderNotUtf8)));
    t.sync('writeFileSync over a disk file', () => fs.writeFileSync(bytesPath(d, notUtf8.surrogate), 'replaced'));
    t.sync('read it', () => fs.readFileSync(bytesPath(d, notUtf8.surrogate), 'utf8'));
    t.sync('appendFileSync to a disk file', () => fs.appendFileSync(bytesPath(d, notUtf8.overlong), ', appended'));
    t.sync('read that', () => fs.readFileSync(bytesPath(d, notUtf8.overlong), 'utf8'));
    const moved = Buffer.from('moved\xe8', 'latin1');
    t.sync('renameSync of the folder', () => fs.renameSync(bytesPath(d, folderNotUtf8), bytesPath(d, moved)));
    t.sync('list the moved folder', () => hexSorted(fs.readdirSync(bytesPath(d, moved), 'buffer')));
    t.sync('read in the moved folder', () => fs.readFileSync(bytesPath(d, moved, 'inner.txt'), 'utf8'));
    t.sync('listing after the changes', () => hexSorted(fs.readdirSync(d, 'buffer')));
    t.sync('rmSync of the moved folder', () => fs.rmSync(bytesPath(d, moved), { recursive: true }));
    t.sync('rmSync of the whole folder', () => fs.rmSync(d, { recursive: true }));
    t.sync('existsSync after rmSync', () => fs.existsSync(d));
  },

  async linksFromDisk(t) {
    // Link targets and real paths read from the disk keep their bytes.
    const d = t.p('d');
    t.sync('readlinkSync buffer', () => fs.readlinkSync(bytesPath(d, 'link'), 'buffer').toString('hex'));
    t.sync('readlinkSync utf8', () => fs.readlinkSync(bytesPath(d, 'link')));
    t.sync('readlinkSync latin1', () => fs.readlinkSync(bytesPath(d, 'link'), 'latin1'));
    t.sync('readlinkSync of a dangling link, buffer', () => fs.readlinkSync(bytesPath(d, 'dangling'), 'buffer').toString('hex'));
    t.sync('lstatSync of the link', () => fs.lstatSync(bytesPath(d, 'link')).size);
    t.sync('readFileSync through the link', () => fs.readFileSync(bytesPath(d, 'link'), 'utf8'));
    t.sync('statSync through the dangling link', () => fs.statSync(bytesPath(d, 'dangling')));
    t.sync('readFileSync through the link to the folder', () => fs.readFileSync(bytesPath(d, 'toFolder', 'inner.txt'), 'utf8'));
    t.sync('realpathSync buffer in a folder named by bytes', () => hexBelow(t.dir, fs.realpathSync(bytesPath(d, folderNotUtf8, 'inner.txt'), 'buffer')));
    t.sync('realpathSync buffer through the link to it', () => hexBelow(t.dir, fs.realpathSync(bytesPath(d, 'toFolder', 'inner.txt'), 'buffer')));
    t.sync('realpathSync.native buffer through the link', () => hexBelow(t.dir, fs.realpathSync.native(bytesPath(d, 'toFolder', 'inner.txt'), 'buffer')));
    t.sync('realpathSync buffer of the link', () => hexBelow(t.dir, fs.realpathSync(bytesPath(d, 'link'), 'buffer')));
    t.sync('realpathSync utf8 through the link', () => fs.realpathSync(bytesPath(d, 'toFolder', 'inner.txt')));
    t.sync('realpathSync of the dangling link', () => fs.realpathSync(bytesPath(d, 'dangling')));
    await t.promise('fs.promises.realpath buffer', async () => hexBelow(t.dir, await fsp.realpath(bytesPath(d, 'toFolder'), 'buffer')));
    await t.cb('realpath callback through the link', (done) => fs.realpath(bytesPath(d, 'toFolder', 'inner.txt'), 'buffer', (err, real) => done(err, real && hexBelow(t.dir, real))));
    await t.cb('realpath callback in a folder named by bytes', (done) => fs.realpath(bytesPath(d, folderNotUtf8), (err, real) => done(err, real)));
    await t.cb('realpath.native callback through the link', (done) => fs.realpath.native(bytesPath(d, 'toFolder', 'inner.txt'), 'buffer', (err, real) => done(err, real && hexBelow(t.dir, real))));
    await t.cb('readlink callback buffer', (done) => fs.readlink(bytesPath(d, 'toFolder'), 'buffer', (err, target) => done(err, target?.toString('hex'))));
    // A link moved (copied up: its target now held in memory) and one made in memory keep their size in bytes.
    t.sync('renameSync of the link', () => fs.renameSync(bytesPath(d, 'link'), bytesPath(d, 'moved-link')));
    t.sync('lstatSync of the moved link', () => fs.lstatSync(bytesPath(d, 'moved-link')).size);
    t.sync('readlinkSync of the moved link', () => fs.readlinkSync(bytesPath(d, 'moved-link'), 'buffer').toString('hex'));
    t.sync('symlinkSync to bytes', () => fs.symlinkSync(notUtf8.surrogate, bytesPath(d, 'new-link')));
    t.sync('lstatSync of the new link', () => fs.lstatSync(bytesPath(d, 'new-link')).size);
    t.sync('rmdirSync recursive of the folder', () => fs.rmdirSync(d, { recursive: true }));
    t.sync('existsSync after', () => fs.existsSync(d));
  },

  async memoryNameBesideFffd(t) {
    // The disk holds `ghost` + U+FFFD (valid UTF-8). A name made in memory from `ghost\xff` is another name.
    const d = t.p('d');
    t.sync('statSync of the non-UTF-8 name', () => fs.statSync(bytesPath(d, ghostNotUtf8)));
    t.sync('writeFileSync wx', () => fs.writeFileSync(bytesPath(d, ghostNotUtf8), 'made in memory', { flag: 'wx' }));
    t.sync('read it', () => fs.readFileSync(bytesPath(d, ghostNotUtf8), 'utf8'));
    t.sync('read the U+FFFD name', () => fs.readFileSync(bytesPath(d, ghostFffd), 'utf8'));
    t.sync('mkdirSync of a second non-UTF-8 name', () => fs.mkdirSync(bytesPath(d, Buffer.from('ghost\xfe', 'latin1'))));
    t.sync('both listed', () => hexSorted(fs.readdirSync(d, 'buffer')));
    t.sync('unlinkSync of the new name', () => fs.unlinkSync(bytesPath(d, ghostNotUtf8)));
    t.sync('the U+FFFD name is still there', () => fs.readFileSync(bytesPath(d, ghostFffd), 'utf8'));
    t.sync('listing after', () => hexSorted(fs.readdirSync(d, 'buffer')));
    // A string's lone surrogate is U+FFFD to the kernel: it names the disk's file; Node's JS realpath keeps the text.
    t.sync('realpathSync of a lone surrogate', () => fs.realpathSync(t.p('d', 'ghost\uDC80')));
    t.sync('realpathSync buffer of a lone surrogate', () => hexBelow(t.dir, fs.realpathSync(t.p('d', 'ghost\uDC80'), 'buffer')));
    t.sync('realpathSync.native of a lone surrogate', () => fs.realpathSync.native(t.p('d', 'ghost\uDC80')));
    t.sync('readFileSync of a lone surrogate', () => fs.readFileSync(t.p('d', 'ghost\uDC80'), 'utf8'));
    t.sync('realpathSync of a missing lone surrogate', () => fs.realpathSync(t.p('d', 'none\uDC80', 'x')));
  },
};

/**
 * Folders made on the disk before the children start, for the scenarios named (in `<root>/<scenario>`): what is
 * only on the disk is read through the disk layer, never from the overlay's memory.
 */
/** `plain/` with folders two deep, `both/` with a plain folder and one not UTF-8, `lone/` with only the latter. */
function foldersForRecursiveListings(dir: string): void {
  fs.mkdirSync(bytesPath(dir, 'plain', 'a', 'b'), { recursive: true });
  fs.writeFileSync(bytesPath(dir, 'plain', 'a', 'b', 'f.txt'), 'f');
  fs.writeFileSync(bytesPath(dir, 'plain', 'top.txt'), 'top');
  fs.mkdirSync(bytesPath(dir, 'both', 'ok'), { recursive: true });
  fs.writeFileSync(bytesPath(dir, 'both', 'ok', 'in.txt'), 'in');
  fs.mkdirSync(bytesPath(dir, 'both', folderNotUtf8));
  fs.writeFileSync(bytesPath(dir, 'both', folderNotUtf8, 'inner.txt'), 'inner');
  fs.mkdirSync(bytesPath(dir, 'lone', folderNotUtf8), { recursive: true });
  fs.writeFileSync(bytesPath(dir, 'lone', folderNotUtf8, 'inner.txt'), 'inner');
}

export const diskFixtures: Record<string, (dir: string) => void> = {
  recursiveListings: foldersForRecursiveListings,
  listedFromDisk: namesNotUtf8OnDisk,
  openedFromDisk: namesNotUtf8OnDisk,
  changedFromDisk: namesNotUtf8OnDisk,
  linksFromDisk: namesNotUtf8OnDisk,
  memoryNameBesideFffd: namesNotUtf8OnDisk,
};
