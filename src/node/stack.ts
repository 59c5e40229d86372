// Stack shapes as Node gives them: sync errors carry the caller's frames, callback errors none (libuv built them),
// promise errors frames on 20–24 and none on 26 (research/node.md §5).
const nodeMajor = Number(process.versions.node.split('.')[0]);

interface ShapedError extends Error {
  code?: unknown;
  errno?: unknown;
  syscall?: unknown;
}

function isSystemCallError(err: ShapedError): boolean {
  return typeof err.errno === 'number' && typeof err.syscall === 'string' && !String(err.code).startsWith('ERR_');
}

/** Re-captures frames below `fn`, keeping Node's `Name [CODE]: message` first line for coded errors. */
export function withFrames<E>(err: E, fn: Function): E {
  if (!(err instanceof Error)) return err;
  const e = err as ShapedError;
  const code = e.code;
  if (typeof code === 'string' && code.startsWith('ERR_')) {
    const hadOwnName = Object.prototype.hasOwnProperty.call(e, 'name');
    const name = e.name;
    Object.defineProperty(e, 'name', { value: `${name} [${code}]`, configurable: true, writable: true, enumerable: false });
    Error.captureStackTrace(e, fn);
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
  return withFrames(err, fn);
}

export function forCallback<E>(err: E): E {
  return frameless(err);
}

export function forPromise<E>(err: E, fn: Function): E {
  if (nodeMajor >= 26 && err instanceof Error && isSystemCallError(err as ShapedError)) return frameless(err);
  return withFrames(err, fn);
}
