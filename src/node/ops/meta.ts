// Metadata by path: chmod, chown, lchown, utimes, lutimes.
import { context } from '../context.js';
import { secondsToNs, toUnixTimestamp, validatedPathString } from '../args.js';
import { makeCallback, parseFileMode } from '../validators.js';
import type { CallbackJob } from '../faces.js';
import { validateIds } from './fd.js';

export function chmodSync(p: unknown, mode: unknown): void {
  const where = validatedPathString(p);
  context.engine.chmod(where, parseFileMode(mode, 'mode'));
}

export function chmod(args: any[]): CallbackJob {
  const [p, mode, callback] = args;
  const where = validatedPathString(p);
  const m = parseFileMode(mode, 'mode');
  const cb = makeCallback(callback);
  return { callback: cb, run: () => (context.engine.chmod(where, m), []) };
}

export const chmodPromise = chmodSync;

function chownFamily(follow: boolean) {
  const apply = (where: string, uid: number, gid: number) =>
    follow ? context.engine.chown(where, uid, gid) : context.engine.lchown(where, uid, gid);
  return {
    sync(p: unknown, uid: unknown, gid: unknown): void {
      const where = validatedPathString(p);
      validateIds(uid, gid);
      apply(where, uid as number, gid as number);
    },
    callback(args: any[]): CallbackJob {
      const [p, uid, gid, callback] = args;
      const cb = makeCallback(callback);
      const where = validatedPathString(p);
      validateIds(uid, gid);
      return { callback: cb, run: () => (apply(where, uid, gid), []) };
    },
  };
}

const chownOps = chownFamily(true);
const lchownOps = chownFamily(false);
export const chownSync = chownOps.sync;
export const chown = chownOps.callback;
export const chownPromise = chownOps.sync;
export const lchownSync = lchownOps.sync;
export const lchown = lchownOps.callback;
export const lchownPromise = lchownOps.sync;

function utimesFamily(follow: boolean) {
  const apply = (where: string, a: bigint, m: bigint) =>
    follow ? context.engine.utimes(where, a, m) : context.engine.lutimes(where, a, m);
  const times = (atime: unknown, mtime: unknown): [bigint, bigint] => [
    // Node names both "time" for the path forms (only the fd forms say atime/mtime).
    secondsToNs(toUnixTimestamp(atime)),
    secondsToNs(toUnixTimestamp(mtime)),
  ];
  return {
    sync(p: unknown, atime: unknown, mtime: unknown): void {
      const where = validatedPathString(p);
      const [a, m] = times(atime, mtime);
      apply(where, a, m);
    },
    callback(args: any[]): CallbackJob {
      const [p, atime, mtime, callback] = args;
      const cb = makeCallback(callback);
      const where = validatedPathString(p);
      const [a, m] = times(atime, mtime);
      return { callback: cb, run: () => (apply(where, a, m), []) };
    },
  };
}

const utimesOps = utimesFamily(true);
const lutimesOps = utimesFamily(false);
export const utimesSync = utimesOps.sync;
export const utimes = utimesOps.callback;
export const utimesPromise = utimesOps.sync;
export const lutimesSync = lutimesOps.sync;
export const lutimes = lutimesOps.callback;
export const lutimesPromise = lutimesOps.sync;
