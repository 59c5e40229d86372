// Stack shapes as Node gives them: sync errors carry the caller's frames, callback errors none (libuv built them),
// promise errors the awaiting frames.
import { nodeErrorPaths } from './name-bytes.js';

const keptAsIs = new WeakSet<object>();

interface ShapedError extends Error {
  code?: unknown;
  errno?: unknown;
  syscall?: unknown;
}

export function isSystemCallError(value: unknown): boolean {
  if (!(value instanceof Error)) return false;
  const err = value as ShapedError;
  return typeof err.errno === 'number' && typeof err.syscall === 'string' && !String(err.code).startsWith('ERR_');
}

/** Re-captures frames below `fn`, keeping Node's `Name [CODE]: message` first line for coded errors. */
export function withFrames<E>(err: E, fn: Function): E {
  if (!(err instanceof Error)) return err;
  const e = err as ShapedError;
  const code = e.code;
  if (typeof code === 'string' && code.startsWith('ERR_')) {
    // An error Node made itself (path.join's ERR_INVALID_ARG_TYPE, say) shows its code in the stack on its own.
    Error.captureStackTrace(e, fn);
    if (String(e.stack).startsWith(`${e.name} [${code}]`)) return err;
    const hadOwnName = Object.prototype.hasOwnProperty.call(e, 'name');
    const name = e.name;
    const shown = name.includes(`[${code}]`) ? name : `${name} [${code}]`;
    Object.defineProperty(e, 'name', { value: shown, configurable: true, writable: true, enumerable: false });
    Error.captureStackTrace(e, fn);
    // V8 formats the stack lazily: read it while the name still carries the code.
    void e.stack;
    if (hadOwnName) Object.defineProperty(e, 'name', { value: name, configurable: true, writable: true, enumerable: false });
    else delete (e as { name?: string }).name;
  } else {
    Error.captureStackTrace(e, fn);
  }
  return err;
}

export function frameless<E>(err: E): E {
  if (err instanceof Error && isSystemCallError(err as ShapedError)) err.stack = `Error: ${err.message}`;
  return err;
}

export function forSync<E>(err: E, fn: Function): E {
  nodeErrorPaths(err);
  if (err instanceof Error && keptAsIs.has(err)) return err;
  return withFrames(err, fn);
}

/** Errors whose stack Node leaves without frames (parseFileMode's, for one): no face adds any. */
export function withoutFrames<E>(err: E): E {
  if (err instanceof Error) keptAsIs.add(err);
  return err;
}

export function forCallback<E>(err: E): E {
  nodeErrorPaths(err);
  return frameless(err);
}

/** For promise operations that Node builds on callbacks (fs.promises.rm): their errors stay frameless. */
export function framelessForPromise<E>(err: E): E {
  if (err instanceof Error) {
    frameless(err);
    keptAsIs.add(err);
  }
  return err;
}

/**
 * Node's promise errors carry the awaiting async frames on every version (a bare `fsp.readFile(x).catch()` on 26
 * has none, which we do not reproduce): frames below the face stand in for them.
 */
export function forPromise<E>(err: E, fn: Function): E {
  nodeErrorPaths(err);
  if (err instanceof Error && keptAsIs.has(err)) return err;
  return withFrames(err, fn);
}

/**
 * The error's first line (Node's `Name [CODE]: message`) over the frames `callSite` took where the call was made:
 * for an error raised after the call returned that Node raises inside it (a promise operation's validation).
 */
export function withCallSiteFrames<E>(err: E, callSite: { stack?: string }): E {
  if (!(err instanceof Error) || keptAsIs.has(err) || typeof callSite.stack !== 'string') return err;
  const stack = String(err.stack);
  const framesAt = stack.search(/\n {4}at /);
  const siteFramesAt = callSite.stack.indexOf('\n');
  err.stack = (framesAt === -1 ? stack : stack.slice(0, framesAt)) + (siteFramesAt === -1 ? '' : callSite.stack.slice(siteFramesAt));
  return err;
}
