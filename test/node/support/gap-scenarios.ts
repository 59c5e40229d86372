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
};
