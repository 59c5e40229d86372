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
  router: { owns: () => false, forget() {} },
  originals: {},
  faces: new WeakSet(),
};

/** True when a path argument names something inside the overlay. Anything that is not a path is not ours. */
export function ownsPath(value: unknown): boolean {
  let abs: string;
  if (typeof value === 'string') {
    if (value.charCodeAt(0) === 47 && !value.includes('/.') && !value.includes('//')) return context.router.owns(value);
    return ownsResolved(value);
  } else if (value instanceof Uint8Array) {
    return ownsResolved(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8'));
  } else if (value !== null && typeof value === 'object' && (value as URL).protocol === 'file:' && typeof (value as URL).href === 'string') {
    try {
      abs = fileURLToPath(value as URL);
    } catch {
      return false;
    }
  } else return false;
  return context.router.owns(abs);
}

/** A path that needs resolving; spelt with '..', it is routed by where the kernel would take it, not lexically. */
function ownsResolved(value: string): boolean {
  const abs = path.resolve(value);
  if (!value.includes('..')) return context.router.owns(abs);
  const spelt = value.charCodeAt(0) === 47 ? value : `${process.cwd()}/${value}`;
  return context.router.owns(abs, hasDotDot(spelt) ? spelt : undefined);
}

/** True for descriptors the overlay handed out; real ones (0–2 included) and invalid values go to Node. */
export function ownsFd(fd: unknown): boolean {
  return typeof fd === 'number' && fd >= FIRST_FAKE_FD && fd <= MAX_FD && Number.isInteger(fd);
}
