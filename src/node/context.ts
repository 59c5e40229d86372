// The engine and router the installed faces route to: set once by installFs, read by every operation.
import { path } from '../platform/builtins.js';
import { fileURLToPath } from 'node:url';
import type { OverlayApi } from '../overlay/types.js';
import type { Router } from './path-router.js';
import { hasDotDot } from './disk-location.js';

/** Fake descriptors live in [FIRST_FAKE_FD, MAX_FD]: the kernel never hands those out (research/node.md §6). */
export const FIRST_FAKE_FD = 0x40000000;
const MAX_FD = 0x7fffffff;

export const context: {
  engine: OverlayApi;
  router: Router;
  originals: Record<string, (...args: any[]) => any>;
  /** The functions installFs put on fs and fs.promises: anything else there was put by the program. */
  faces: WeakSet<(...args: any[]) => any>;
} = {
  engine: undefined as unknown as OverlayApi,
  router: { owns: () => false, ownsLink: () => false, forget() {} },
  originals: {},
  faces: new WeakSet(),
};

/**
 * True when a path argument names something inside the overlay. Anything that is not a path is not ours.
 * `followLast`: whether the operation follows a symlink in the last name, as most do (not lstat, unlink, rename…).
 */
export function ownsPath(value: unknown, followLast = true): boolean {
  let abs: string;
  if (typeof value === 'string') {
    if (value.charCodeAt(0) === 47 && !value.includes('/.') && !value.includes('//')) return ask(value, undefined, followLast);
    return ownsResolved(value, followLast);
  } else if (value instanceof Uint8Array) {
    return ownsResolved(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8'), followLast);
  } else if (value !== null && typeof value === 'object' && (value as URL).protocol === 'file:' && typeof (value as URL).href === 'string') {
    try {
      abs = fileURLToPath(value as URL); // a URL's '..' went at parsing, as the kernel will get it
    } catch {
      return false;
    }
  } else return false;
  return ask(abs, undefined, followLast);
}

function ask(abs: string, spelt: string | undefined, followLast: boolean): boolean {
  return followLast ? context.router.owns(abs, spelt) : context.router.ownsLink(abs, spelt);
}

/**
 * A path that needs resolving. The kernel follows a symlink in the last name when the path goes on after it (`link/`,
 * `link/.`), and takes '..' from where a symlink led: the normalised path says neither, so those are passed on.
 */
function ownsResolved(value: string, followLast: boolean): boolean {
  const abs = path.resolve(value);
  const goesOn = value.endsWith('/') || value.endsWith('/.') || value === '.';
  if (!value.includes('..')) return ask(abs, undefined, followLast || goesOn);
  const spelt = value.charCodeAt(0) === 47 ? value : `${process.cwd()}/${value}`;
  return ask(abs, hasDotDot(spelt) ? spelt : undefined, followLast || goesOn);
}

/** True for descriptors the overlay handed out; real ones (0–2 included) and invalid values go to Node. */
export function ownsFd(fd: unknown): boolean {
  return typeof fd === 'number' && fd >= FIRST_FAKE_FD && fd <= MAX_FD && Number.isInteger(fd);
}
