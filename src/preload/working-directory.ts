// process.chdir into a directory that exists only in the overlay. The kernel cannot enter a directory it has never
// seen, yet tests often make a temp folder and chdir into it. So the process keeps a working directory of its own:
// process.cwd() answers it, resolve (and so every fs path the overlay routes) builds on it, and the kernel's
// working directory waits at the nearest ancestor that exists on disk.
//
// Known limits, also in the README: while such a directory is current, a relative path that reaches outside the
// overlay (a pass-through path such as node_modules/, or a path outside the roots) resolves against that disk
// ancestor, and a child process started without a `cwd` option starts there too.
import { dirname, resolve } from 'node:path';
import type { OverlayApi } from '../overlay/types.js';
import { uvError } from '../overlay/errors.js';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const X_OK = 1;

export function installWorkingDirectory(
  engine: Pick<OverlayApi, 'stat' | 'access' | 'realpath'>,
  router: { owns(absPath: string): boolean },
): void {
  const kernelChdir = process.chdir;
  const kernelCwd = process.cwd;
  let inMemory: string | undefined;

  // Never process.cwd() in here: libraries wrap it with a cache (graceful-fs does) that our chdir would fill with the
  // directory being left.
  const current = (): string => inMemory ?? kernelCwd.call(process);

  const chdir = function chdir(directory: string): void {
    if (typeof directory !== 'string') return kernelChdir.call(process, directory); // Node's own argument error
    const target = resolve(current(), directory);
    if (!router.owns(target)) {
      kernelChdir.call(process, inMemory === undefined ? directory : target);
      inMemory = undefined;
      return;
    }
    const real = enterable(target, directory);
    try {
      kernelChdir.call(process, real);
      inMemory = undefined;
      return;
    } catch {
      // not on disk (or not the same directory there): only the overlay has it
    }
    enterNearestOnDisk(real); // throws where chdir is not allowed at all (worker threads)
    inMemory = real;
  };

  /** The overlay's answer to "may the process enter it": Node's chdir errors, from the overlay's state. */
  function enterable(target: string, asGiven: string): string {
    const cwd = current();
    try {
      const stat = engine.stat(target);
      if ((stat.mode & S_IFMT) !== S_IFDIR) throw uvError('ENOTDIR', 'chdir', cwd, asGiven);
      engine.access(target, X_OK);
      return engine.realpath(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined || (error as NodeJS.ErrnoException).syscall === 'chdir') throw error;
      const chdirError = uvError(code, 'chdir', cwd, asGiven);
      Error.captureStackTrace(chdirError, chdir);
      throw chdirError;
    }
  }

  function enterNearestOnDisk(dir: string): void {
    for (let candidate = dirname(dir); ; candidate = dirname(candidate)) {
      try {
        kernelChdir.call(process, candidate);
        return;
      } catch (error) {
        if (candidate === dirname(candidate)) throw error;
      }
    }
  }

  process.chdir = chdir;
  process.cwd = function cwd(): string {
    return current();
  };
}
