// Child: the pass-through answers for untouched paths inside a root (src/node/untouched.ts), against plain Node's
// answers in the same process before the overlay is installed, and against the overlay's state where it holds some.
// Usage: untouched-child.ts <root>, the root holding a.txt (with a hard link a-link.txt), to-a -> a.txt, dir/inner.txt,
// mod.js, late.js. Prints a JSON report.
import path from 'node:path';
import type { BigIntStats, Stats } from 'node:fs';
import { installOverlay } from './install-overlay.js';

const [root] = process.argv.slice(2) as [string];
const fs = (await import('node:fs')).default;
const { createRequire } = await import('node:module');
const at = (name: string) => path.join(root, name);

function errorOf(call: () => unknown) {
  try {
    const value = call();
    return { value: value === undefined ? 'undefined' : typeof value };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { message: err.message, code: err.code, errno: err.errno, syscall: err.syscall, path: err.path };
  }
}

function statFields(s: Stats | BigIntStats | undefined) {
  if (s === undefined) return 'undefined';
  return {
    genuine: s instanceof fs.Stats || Object.getPrototypeOf(s).constructor.name === 'BigIntStats',
    ino: String(s.ino), size: String(s.size), mode: String(s.mode), nlink: String(s.nlink),
    mtimeMs: String(s.mtimeMs), mtimeNs: 'mtimeNs' in s ? String(s.mtimeNs) : undefined, isFile: s.isFile(),
  };
}

/** The same questions, asked plainly and then through the overlay: the answers must be equal. */
function untouchedAnswers() {
  return {
    stat: statFields(fs.statSync(at('a.txt'))),
    statBigint: statFields(fs.statSync(at('a.txt'), { bigint: true })),
    lstatOfLink: statFields(fs.lstatSync(at('to-a'))),
    statThroughLink: statFields(fs.statSync(at('to-a'))),
    statOfDir: statFields(fs.statSync(at('dir'))),
    missingQuiet: statFields(fs.statSync(at('missing.js'), { throwIfNoEntry: false })),
    missingQuietLstat: statFields(fs.lstatSync(at('missing.js'), { throwIfNoEntry: false })),
    missingQuietBigint: statFields(fs.statSync(at('missing.js'), { bigint: true, throwIfNoEntry: false })),
    missingThrows: errorOf(() => fs.statSync(at('missing.js'))),
    underAFileQuiet: errorOf(() => fs.statSync(at('a.txt/x'), { throwIfNoEntry: false })),
    underAFileThrows: errorOf(() => fs.statSync(at('a.txt/x'))),
    underAFileQuietLstat: errorOf(() => fs.lstatSync(at('a.txt/x'), { throwIfNoEntry: false })),
    exists: [fs.existsSync(at('a.txt')), fs.existsSync(at('missing.js')), fs.existsSync(at('to-a'))],
    utf8: fs.readFileSync(at('a.txt'), 'utf8'),
    utf8OfLink: fs.readFileSync(at('to-a'), 'utf8'),
    utf8OfDir: errorOf(() => fs.readFileSync(at('dir'), 'utf8')),
    utf8OfMissing: errorOf(() => fs.readFileSync(at('missing.js'), 'utf8')),
    realpath: [fs.realpathSync(at('dir/inner.txt')), fs.realpathSync.native(at('dir/inner.txt')), fs.realpathSync(at('to-a'))],
    realpathMissing: errorOf(() => fs.realpathSync(at('missing.js'))),
    required: createRequire(at('x.js'))('./mod'),
  };
}

const plain = untouchedAnswers();
delete createRequire(at('x.js')).cache[at('mod.js')]; // loaded again, through the overlay
installOverlay([root]);
const patched = untouchedAnswers();

// Where the overlay holds state, the disk's answer would be wrong: each of these must see the overlay.
fs.writeFileSync(at('a.txt'), 'changed in memory');
fs.renameSync(at('dir'), at('dir2'));
fs.writeFileSync(at('late.js'), 'module.exports = "from memory";');
const changed = {
  hardLinkSeesTheCopy: fs.readFileSync(at('a-link.txt'), 'utf8'),
  hardLinkSize: fs.statSync(at('a-link.txt')).size,
  symlinkSeesTheCopy: fs.readFileSync(at('to-a'), 'utf8'),
  renamedRealpath: fs.realpathSync(at('dir2/inner.txt')),
  renamedRealpathNative: fs.realpathSync.native(at('dir2/inner.txt')),
  renamedContent: fs.readFileSync(at('dir2/inner.txt'), 'utf8'),
  oldNameGone: statFields(fs.statSync(at('dir/inner.txt'), { throwIfNoEntry: false })),
  oldNameExists: fs.existsSync(at('dir/inner.txt')),
  moduleFromMemory: createRequire(at('y.js'))('./late'),
};
process.stdout.write(JSON.stringify({ plain, patched, changed }));
