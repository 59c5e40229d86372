// The process's umask, for the files and folders the overlay creates, without calling process.umask() at every
// create: plain Node never calls it there (the kernel applies the umask), programs replace it (node-tar's tests make it
// throw), and a call without an argument is deprecated (DEP0139, a warning under --pending-deprecation). The value is
// read once from /proc/self/status (Linux) and kept current by wrapping process.umask: only a call with a mask changes
// it. A worker thread cannot change the umask; one changed by the main thread while a worker runs is seen by the
// worker's files only from its next start (documented in docs/configuration.md).
import { readFileSync as readFileSyncAtLoad } from 'node:fs';

// Taken now: a bundled named import is a property read that would follow node/'s patch of fs.
const readFileSync = readFileSyncAtLoad;

/** Wraps process.umask and returns the overlay's way to ask for the umask: read at the first create, not at start. */
export function trackUmask(): () => number {
  const original = process.umask;
  let current: number | undefined;
  const umask = function umask(this: unknown, mask?: unknown): number {
    // eslint-disable-next-line prefer-rest-params
    const result = Reflect.apply(original, this, arguments) as number;
    if (mask !== undefined) current = undefined; // changed (or refused): read again at the next create
    return result;
  };
  Object.defineProperty(umask, 'length', { value: original.length });
  process.umask = umask as typeof process.umask;
  return () => (current ??= readUmask(original));
}

function readUmask(original: typeof process.umask): number {
  try {
    const status = readFileSync('/proc/self/status', 'latin1');
    const match = /^Umask:\s*([0-7]+)$/m.exec(status);
    if (match) return parseInt(match[1]!, 8);
  } catch {
    // not Linux, or /proc not mounted
  }
  return (original as () => number).call(process); // the deprecated form, only where the kernel cannot tell
}
