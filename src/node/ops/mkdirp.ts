// mkdir(p, { recursive: true }) as the callback and promise forms do it. Those run Node's MKDirpAsync, a walk of
// single mkdirs that differs from the sync MKDirpSync (the engine's recursive mkdir) in what it reports: its error
// names the component it was working on (`mkdir 'ro/x'` for 'ro/x/y'), where the sync form names the whole path; and
// a component that exists but cannot be followed (a dangling symlink) is ENOTDIR, where the sync form passes on stat's
// ENOENT. Only the outcome of each step is taken from the engine; the walk is Node's.
import { constants } from 'node:fs';
import { context } from '../context.js';
import { codeOf, uvError } from '../../overlay/errors.js';
import type { StatRecord } from '../../overlay/types.js';

/** The codes MKDirpAsync gives up on at once, naming the path it tried. */
const FINAL = new Set(['EACCES', 'ENOSPC', 'ENOTDIR', 'EPERM']);

/** A single mkdir: undefined when it made the directory, else the engine's error. */
function mkdirOnce(p: string, mode: number): unknown {
  try {
    context.engine.mkdir(p, mode, false);
    return undefined;
  } catch (error) {
    if (codeOf(error) === undefined) throw error;
    return error;
  }
}

function isDirectory(record: StatRecord): boolean {
  return (record.mode & constants.S_IFMT) === constants.S_IFDIR;
}

/** Returns the first directory made (undefined when there was none), or throws what the callback would get. */
export function mkdirpAsync(target: string, mode: number): string | undefined {
  const pending = [target];
  let first: string | undefined;
  while (pending.length > 0) {
    const next = pending.pop()!;
    const failure = mkdirOnce(next, mode);
    let code = codeOf(failure);
    if (code === undefined) {
      first ??= next;
      continue;
    }
    if (FINAL.has(code)) throw failure;
    if (code === 'ENOENT') {
      const cut = next.lastIndexOf('/');
      const parent = cut === -1 ? next : next.slice(0, cut);
      if (parent !== next) {
        pending.push(next, parent);
        continue;
      }
      // Node would go on popping and retrying the same child forever (a relative path under a deleted cwd): the
      // missing first component is the answer instead.
      if (pending.length > 0) throw uvError('ENOENT', 'mkdir', next);
      code = 'EEXIST';
    }
    // Something is in the way, or the mkdir failed otherwise: Node looks at what the path is.
    let record: StatRecord | undefined;
    let statCode: string | undefined;
    try {
      record = context.engine.stat(next);
    } catch (error) {
      statCode = codeOf(error);
      if (statCode === undefined) throw error;
    }
    if (code === 'EEXIST' && pending.length > 0) {
      if (record !== undefined && isDirectory(record)) continue;
      throw uvError('ENOTDIR', 'mkdir', next);
    }
    if (statCode !== undefined) throw uvError(statCode, 'mkdir', next);
    if (!isDirectory(record!)) throw uvError('EEXIST', 'mkdir', next);
    // An existing directory ends the walk, made or not, whatever is left (as Node's Done(0)).
    return first;
  }
  return first;
}
