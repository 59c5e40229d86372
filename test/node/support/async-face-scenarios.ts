// Differences the patched campaign found once the callback and promise faces were compared with the same faces on
// the disk (test/node/async-faces.test.ts): each scenario runs plainly and through the patched fs over the overlay,
// on a fixture tree (fixture.ts), and the two logs must be equal.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Recorder } from './recorder.js';

type Scenario = (t: Recorder) => Promise<void>;

/**
 * mkdtemp's async errors name the path libuv tried, six random letters or digits in place of XXXXXX: those six become
 * `<random6>`, and anything else (the template itself, what the sync face names) is kept for the comparison.
 */
function randomPart(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const e = value as NodeJS.ErrnoException;
  const generated = /(t-)(?!XXXXXX)[A-Za-z0-9]{6}(?=$|')/g;
  e.message = e.message.replace(generated, '$1<random6>');
  if (typeof e.path === 'string') e.path = e.path.replace(generated, '$1<random6>');
  return e;
}

/** Calls back with the first argument made comparable, for a callback-recording step. */
const comparable = (done: (...args: unknown[]) => void) => (err: unknown, ...rest: unknown[]) => done(randomPart(err), ...rest);

/** Dirents as name, parent and kind, in the order they came: the order is part of what is compared. */
function direntsInOrder(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((d: fs.Dirent) => `${d.parentPath}|${d.name}|${d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'link' : 'file'}`);
}

export const scenarios: Record<string, Scenario> = {
  async 'mkdtemp-errors'(t) {
    t.sync('mkdtempSync in a missing folder', () => fs.mkdtempSync(t.p('missing', 't-')));
    await t.cb('mkdtemp callback in a missing folder', (done) => fs.mkdtemp(t.p('missing', 't-'), comparable(done)));
    await t.promise('mkdtemp promise in a missing folder', () => fsp.mkdtemp(t.p('missing', 't-')).catch((e) => Promise.reject(randomPart(e))));
    await t.cb('mkdtemp callback under a file', (done) => fs.mkdtemp(t.p('file.txt', 't-'), comparable(done)));
    await t.promise('mkdtemp promise under a file', () => fsp.mkdtemp(t.p('file.txt', 't-')).catch((e) => Promise.reject(randomPart(e))));
  },

  async 'mkdirp-dangling'(t) {
    t.sync('mkdirSync recursive through a dangling link', () => fs.mkdirSync(t.p('dangling', 'a'), { recursive: true }));
    await t.cb('mkdir callback recursive through a dangling link', (done) => fs.mkdir(t.p('dangling', 'a'), { recursive: true }, done));
    await t.promise('mkdir promise recursive through a dangling link', () => fsp.mkdir(t.p('dangling', 'a', 'b'), { recursive: true }));
  },

  async 'mkdirp-walk'(t) {
    await t.cb('under a file', (done) => fs.mkdir(t.p('file.txt', 'x', 'y'), { recursive: true }, done));
    await t.promise('through a link to a file', () => fsp.mkdir(t.p('link', 'x'), { recursive: true }));
    await t.cb('onto a file', (done) => fs.mkdir(t.p('file.txt'), { recursive: true }, done));
    await t.promise('onto a directory', () => fsp.mkdir(t.p('dir'), { recursive: true }));
    await t.cb('new levels with a trailing slash', (done) => fs.mkdir(t.p('dir', 'new', 'deeper') + '/', { recursive: true }, done));
    await t.promise('new levels under an existing one', () => fsp.mkdir(t.p('dir', 'b', 'x', 'y'), { recursive: true }));
    await t.cb('over a doubled slash', (done) => fs.mkdir(t.p('fresh') + '//z', { recursive: true }, done));
    t.sync('what was made', () => fs.readdirSync(t.p('dir'), { recursive: true }).map(String).sort());
  },

  async 'mkdirp-locked'(t) {
    t.sync('mkdirSync recursive in a locked folder', () => fs.mkdirSync(t.p('locked', 'x', 'y'), { recursive: true }));
    await t.cb('mkdir callback recursive in a locked folder', (done) => fs.mkdir(t.p('locked', 'x', 'y'), { recursive: true }, done));
    await t.promise('mkdir promise recursive in a locked folder', () => fsp.mkdir(t.p('locked', 'x', 'y', 'z'), { recursive: true }));
  },

  async 'opendir-recursive-sealed'(t) {
    // A recursive Dir opens each subfolder when it reaches it: one this user may not read fails that read, naming it,
    // before the folder's own entry is handed out.
    const sealed = t.p('sealed');
    t.sync('readSync', () => {
      const dir = fs.opendirSync(sealed, { recursive: true });
      try {
        return dir.readSync();
      } finally {
        dir.closeSync();
      }
    });
    await t.cb('read callback', (done) => {
      const dir = fs.opendirSync(sealed, { recursive: true });
      dir.read((err, entry) => dir.close(() => done(err, entry)));
    });
    await t.promise('async iteration', async () => {
      const names: string[] = [];
      for await (const entry of fs.opendirSync(sealed, { recursive: true })) names.push(entry.name);
      return names;
    });
  },

  async 'readdir-recursive-promise'(t) {
    fs.symlinkSync('dir', t.p('dirlink'));
    const options = { recursive: true, withFileTypes: true } as const;
    await t.promise('promise, file types', async () => direntsInOrder(await fsp.readdir(t.p(), options)));
    await t.promise('promise, names', () => fsp.readdir(t.p(), { recursive: true }));
    await t.cb('callback, file types', (done) => fs.readdir(t.p(), options, (err, list) => done(err, direntsInOrder(list))));
    t.sync('sync, file types', () => direntsInOrder(fs.readdirSync(t.p(), options)));
  },

  async 'readdir-recursive-callback'(t) {
    await t.cb('names', (done) => fs.readdir(t.p('dir'), { recursive: true }, done));
    await t.cb('missing folder', (done) => fs.readdir(t.p('missing'), { recursive: true }, done));
    await t.cb('a file', (done) => fs.readdir(t.p('file.txt'), { recursive: true, withFileTypes: true }, done));
  },

  async 'rm-dotdot'(t) {
    // Paths are spelled out: path.join would fold 'd/f/..' into 'd'. A folder made here holds 'sub' alone: once sub
    // is gone, the siblings listed after it are out of reach through 'sub/..', and the order the disk lists a new
    // folder in (ext4's hash order) is nobody's to reproduce. The fixture's 'dir' lists as the disk lists it.
    const tree = (top: string) => {
      fs.mkdirSync(t.p(top, 'sub', 'deeper'), { recursive: true });
      fs.writeFileSync(t.p(top, 'sub', 'file'), 'f');
      fs.writeFileSync(t.p(top, 'sub', 'deeper', 'g'), 'g');
    };
    t.sync('rmSync recursive of dir/b/..', () => fs.rmSync(`${t.p('dir', 'b')}/..`, { recursive: true }));
    t.sync('left of dir', () => fs.readdirSync(t.p('dir')));
    tree('cb');
    await t.cb('rm callback recursive of cb/sub/..', (done) => fs.rm(`${t.p('cb', 'sub')}/..`, { recursive: true }, done));
    t.sync('left of cb', () => fs.readdirSync(t.p('cb')));
    tree('pr');
    await t.promise('rm promise recursive, forced, of pr/sub/../', () => fsp.rm(`${t.p('pr', 'sub')}/../`, { recursive: true, force: true }));
    t.sync('left of pr', () => fs.readdirSync(t.p('pr')));
    await t.promise('rm promise recursive of file.txt/..', () => fsp.rm(`${t.p('file.txt')}/..`, { recursive: true }));
  },

  async 'readfile-directory'(t) {
    await t.cb('readFile callback of a directory', (done) => fs.readFile(t.p('dir'), done));
    await t.cb('readFile callback of a directory, utf8', (done) => fs.readFile(t.p('empty'), 'utf8', done));
    await t.promise('readFile promise of a directory', () => fsp.readFile(t.p('dir')));
    t.sync('readFileSync of a directory', () => fs.readFileSync(t.p('dir')));
  },
};
