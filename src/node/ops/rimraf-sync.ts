// Node 20 and 22 remove a tree synchronously (rmSync, rmdirSync with `recursive`) with lib/internal/fs/rimraf.js's
// rimrafSync, which works through fs's own functions as they were when rimraf.js was first needed (it destructures
// them on load): a test that replaces fs.rmdirSync before any recursive removal sees every rmdir, one replaced after
// sees only the last rmdir of each directory it emptied (looked up on fs at that moment). This is that algorithm over
// the same functions — our installed faces unless replaced. Node 24+ removes trees in C++ instead.
import { fs } from '../../platform/builtins.js';
import type { Stats } from 'node:fs';
import { Buffer } from 'node:buffer';
import { context } from '../context.js';

export interface RimrafOptions {
  maxRetries: number;
  retryDelay: number;
}

type PathArg = string | Buffer;
interface RimrafFs {
  lstatSync(path: PathArg): Stats;
  unlinkSync(path: PathArg): void;
  readdirSync(path: PathArg, encoding: 'buffer'): Buffer[];
  rmdirSync(path: PathArg): void;
}

let loaded: RimrafFs | undefined;

/** lazyLoadRimraf: every face that would load rimraf.js calls this, so that its functions are taken when Node's are. */
export function loadRimraf(): RimrafFs {
  loaded ??= {
    lstatSync: fs.lstatSync,
    unlinkSync: fs.unlinkSync,
    readdirSync: fs.readdirSync as RimrafFs['readdirSync'],
    rmdirSync: fs.rmdirSync,
  };
  return loaded;
}

/**
 * Whether rimrafSync would call only our own faces (the program replaced none of the functions it takes, nor
 * fs.rmdirSync, which it looks up again for its retry): then the engine's recursive rm gives the same result at a
 * fraction of the cost (one face call per entry costs a validation and, for every directory, a thrown ENOTEMPTY).
 */
export function rimrafCallsOnlyOurFaces(): boolean {
  const use = loadRimraf();
  return context.faces.has(use.lstatSync) && context.faces.has(use.unlinkSync) && context.faces.has(use.readdirSync) &&
    context.faces.has(use.rmdirSync) && context.faces.has(fs.rmdirSync);
}

const notEmptyCodes = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM']);
const retryCodes = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);
const separator = Buffer.from('/');

function codeOf(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

/** rimraf's synchronous sleep between retries (uv_sleep). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function rimrafSync(path: PathArg, options: RimrafOptions): void {
  const use = loadRimraf();
  let stats: Stats | undefined;
  try {
    stats = use.lstatSync(path);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return;
  }
  try {
    if (stats?.isDirectory()) removeDirectory(use, path, options, null);
    else use.unlinkSync(path);
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT') return;
    if (code === 'EPERM') return removeDirectory(use, path, options, err);
    if (code !== 'EISDIR') throw err;
    removeDirectory(use, path, options, err);
  }
}

function removeDirectory(use: RimrafFs, path: PathArg, options: RimrafOptions, originalErr: unknown): void {
  try {
    use.rmdirSync(path);
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw originalErr ?? err;
    if (typeof code === 'string' && notEmptyCodes.has(code)) {
      const pathBuf = Buffer.from(path);
      for (const child of use.readdirSync(pathBuf, 'buffer')) {
        rimrafSync(Buffer.concat([pathBuf, separator, child]), options);
      }
      const tries = options.maxRetries + 1;
      for (let i = 1; i <= tries; i++) {
        try {
          return fs.rmdirSync(path);
        } catch (retryErr) {
          const retryCode = codeOf(retryErr);
          if (typeof retryCode === 'string' && retryCodes.has(retryCode) && i < tries && options.retryDelay > 0) {
            sleep(i * options.retryDelay);
          } else if (retryCode === 'ENOENT') {
            return;
          } else if (i === tries) {
            throw retryErr;
          }
        }
      }
    }
    throw originalErr ?? err;
  }
}
